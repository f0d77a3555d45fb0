// What the bench runs: the many-configuration lineup and the engine's varied inputs.
#include "BenchWorkload.h"

#include <QElapsedTimer>

#include "scenario/EstimateSet.h"
#include "engine/Estimator.h"

#include <QSet>

#include <array>
#include <chrono>

namespace headroom {
namespace {

// Card counts a configuration cycles through (clamped to the device's max_count).
constexpr std::array<int, 4> CardCounts{1, 2, 4, 8};
// Workloads the engine bench varies over: (users, context tokens).
constexpr std::array<std::pair<int, int>, 4> EngineWorkloads{{{1, 4096}, {8, 8192}, {32, 32768}, {4, 131072}}};

struct ConfigurationKey {
    QString deviceId;
    int count;
    double memoryGB;
    bool operator==(const ConfigurationKey &) const = default;
};

size_t qHash(const ConfigurationKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.deviceId, key.count, key.memoryGB);
}

} // namespace

QList<ScenarioConfiguration> benchConfigurations(const Catalog &catalog, int count)
{
    QList<ScenarioConfiguration> configurations;
    const QList<Device> &devices = catalog.devices();
    QSet<ConfigurationKey> seen;
    // Each pass over the catalog shifts the count and memory choice, so a wrap-around adds new ones.
    const qsizetype maxAttempts = devices.size() * qsizetype(CardCounts.size()) * 4;
    for (qsizetype attempt = 0; attempt < maxAttempts && configurations.size() < count; ++attempt) {
        const Device &device = devices.at(attempt % devices.size());
        const qsizetype pass = attempt / devices.size();
        const qsizetype choice = attempt + pass;
        const int cards = std::min(CardCounts.at(std::size_t(choice % qsizetype(CardCounts.size()))),
                                   std::max(1, device.maxCount));
        const double memoryGB = device.memoryOptionsGB.isEmpty()
            ? 0
            : device.memoryOptionsGB.at(choice % device.memoryOptionsGB.size());
        const ConfigurationKey key{device.id, cards, memoryGB};
        if (seen.contains(key))
            continue;
        seen.insert(key);
        ScenarioConfiguration entry;
        entry.configuration.deviceId = device.id;
        entry.configuration.count = cards;
        entry.configuration.memoryGB = memoryGB;
        entry.checked = true;
        configurations.append(entry);
    }
    return configurations;
}

Scenario benchLineupScenario(const Catalog &catalog, int configurations)
{
    Scenario scenario = articleLineupScenario();
    scenario.configurations = benchConfigurations(catalog, configurations);
    return scenario;
}

QList<EstimateInput> engineBenchInputs(const Catalog &catalog)
{
    QList<EstimateInput> inputs;
    const QList<Quantization> &quants = catalog.quantizations();
    Scenario scenario;
    scenario.method = Method::Roofline;
    qsizetype variant = 0;
    for (const LanguageModel &model : catalog.models()) {
        for (const auto &[users, contextTokens] : EngineWorkloads) {
            scenario.modelId = model.id;
            scenario.quantName = quants.isEmpty() ? scenario.quantName : quants.at(variant % quants.size()).name;
            scenario.workload.users = users;
            scenario.workload.contextTokens = contextTokens;
            scenario.configurations = benchConfigurations(catalog, int(catalog.devices().size()));
            ++variant;
            for (const EstimateRow &row : computeEstimates(scenario, catalog).rows)
                inputs.append(row.input);
        }
    }
    return inputs;
}

EngineThroughput measureEngineThroughput(const QList<EstimateInput> &inputs, double minimumSeconds)
{
    EngineThroughput throughput;
    if (inputs.isEmpty())
        return throughput;
    const Calibration &calibration = Calibration::builtIn();
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    do {
        for (const EstimateInput &input : inputs)
            throughput.checksum += estimate(input, calibration).decodeTpsTotal;
        throughput.estimates += inputs.size();
        throughput.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    } while (throughput.seconds < minimumSeconds);
    throughput.estimatesPerSecond = double(throughput.estimates) / throughput.seconds;
    return throughput;
}

QList<AdvisorRequest> advisorBenchRequests(const Catalog &catalog)
{
    struct Question {
        const char *modelId;
        std::optional<QString> quant; // nullopt = auto
        int users;
        std::optional<double> minTpsPerUser;
        std::optional<double> budgetUsd;
    };
    constexpr double Llama70bMinTps = 20;
    constexpr int QwenUsers = 8;
    constexpr double QwenMinTps = 30;
    constexpr double Llama405bBudgetUsd = 15000;
    const Question questions[] = {
        {"llama-3.3-70b", QStringLiteral("Q4_K_M"), 1, Llama70bMinTps, std::nullopt},
        {"qwen3-30b-a3b", std::nullopt, QwenUsers, QwenMinTps, std::nullopt},
        {"llama-3.1-405b", std::nullopt, 1, std::nullopt, Llama405bBudgetUsd},
    };
    QList<AdvisorRequest> requests;
    for (const Question &question : questions) {
        const LanguageModel *model = catalog.model(QString::fromLatin1(question.modelId));
        if (!model)
            continue;
        AdvisorRequest request;
        request.model = *model;
        if (question.quant) {
            const Quantization *quant = catalog.quantization(*question.quant);
            if (!quant)
                continue;
            request.quant = *quant;
        }
        request.requirements.autoQuant = !question.quant.has_value();
        request.workload.users = question.users;
        request.requirements.minDecodeTpsPerUser = question.minTpsPerUser;
        request.requirements.budgetUsd = question.budgetUsd;
        requests.append(request);
    }
    return requests;
}

QList<double> measureAdvisorSearches(const QList<AdvisorRequest> &requests, const Catalog &catalog, int rounds)
{
    QList<double> samplesMs;
    double checksum = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const AdvisorRequest &request : requests) {
            QElapsedTimer timer;
            timer.start();
            const AdvisorResult result = advise(request, catalog);
            samplesMs.append(double(timer.nsecsElapsed()) / 1e6);
            checksum += result.considered;
        }
    }
    if (checksum < 0) // never: keeps the searches observable to the optimiser
        samplesMs.clear();
    return samplesMs;
}

} // namespace headroom
