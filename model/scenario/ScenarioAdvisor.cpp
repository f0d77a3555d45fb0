// The scenario <-> the advisor: the request the window asks, and the picks put back into the scenario.
#include "scenario/ScenarioAdvisor.h"

#include <algorithm>

namespace headroom {
namespace {

// Where a scenario-wide runtime can run: MLX on Apple silicon only, the CUDA servers everywhere
// but Apple (as computeEstimates applies it to configurations).
bool runsOn(Runtime runtime, Platform platform)
{
    switch (runtime) {
    case Runtime::Mlx:
    case Runtime::Exo:
        return platform == Platform::Apple;
    case Runtime::Vllm:
    case Runtime::TensorRtLlm:
    case Runtime::Sglang:
        return platform != Platform::Apple;
    case Runtime::Auto:
    case Runtime::LlamaCpp:
    case Runtime::Ollama:
        break;
    }
    return true;
}

void applyScenarioRuntime(Runtime runtime, AdvisorRequirements &requirements)
{
    if (runtime == Runtime::Auto)
        return;
    const std::pair<Platform, Runtime *> perPlatform[] = {{Platform::Apple, &requirements.appleRuntime},
                                                          {Platform::Nvidia, &requirements.nvidiaRuntime},
                                                          {Platform::Other, &requirements.otherRuntime}};
    for (const auto &[platform, target] : perPlatform) {
        if (*target == Runtime::Auto && runsOn(runtime, platform))
            *target = runtime;
    }
}

} // namespace

AdvisorRequestOrProblem advisorRequestFor(const Scenario &scenario, const Catalog &catalog)
{
    AdvisorRequest request;
    if (scenario.customModel) {
        request.model = *scenario.customModel;
    } else if (const LanguageModel *model = catalog.model(scenario.modelId)) {
        request.model = *model;
    } else {
        return QStringLiteral("unknown model \"%1\"").arg(scenario.modelId);
    }
    request.requirements = scenario.advisor;
    if (const Quantization *quant = catalog.quantization(scenario.quantName))
        request.quant = *quant;
    else if (!request.requirements.autoQuant)
        return QStringLiteral("unknown quantization \"%1\"").arg(scenario.quantName);
    request.workload = scenario.workload;
    request.appleUsableFraction = scenario.appleUsableFraction;
    applyScenarioRuntime(scenario.runtime, request.requirements);
    return request;
}

Scenario scenarioWithPicks(const Scenario &scenario, const AdvisorResult &result, int maxCount,
                           PickMode mode)
{
    Scenario picked = scenario;
    if (mode == PickMode::Replace)
        picked.configurations.clear();
    int taken = 0;
    for (const AdvisorCandidate &candidate : result.shortlist) {
        if (taken++ >= maxCount)
            break;
        const auto same = std::find_if(picked.configurations.begin(), picked.configurations.end(),
                                       [&](const ScenarioConfiguration &entry) {
                                           return entry.configuration == candidate.configuration
                                               && entry.systemId == candidate.systemId;
                                       });
        if (same != picked.configurations.end()) {
            same->checked = true;
            continue;
        }
        ScenarioConfiguration entry;
        entry.configuration = candidate.configuration;
        entry.checked = true;
        entry.label = candidate.label;
        entry.systemId = candidate.systemId;
        picked.configurations.append(entry);
    }
    if (scenario.advisor.autoQuant && !result.shortlist.isEmpty())
        picked.quantName = result.shortlist.constFirst().quant.name;
    return picked;
}

} // namespace headroom
