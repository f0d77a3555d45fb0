// The forward search of `advise`: enumerate configurations (AdvisorCandidates), check each requirement
// in order (AdvisorRequirementCheck), rank what is left (AdvisorRanking) and say why (AdvisorReason).
// One estimate() per candidate and quantization; no explain() on this path.
#include "advisor/Advisor.h"
#include "advisor/AdvisorCandidates.h"
#include "advisor/AdvisorRanking.h"
#include "advisor/AdvisorReason.h"
#include "advisor/AdvisorRequirementCheck.h"
#include "engine/Estimator.h"

#include <algorithm>
#include <array>

namespace headroom {
namespace {

using namespace advisor;

// Catalog quantizations, highest bits per weight first (catalog order among equals).
QList<Quantization> highestBitsFirst(const Catalog &catalog)
{
    QList<Quantization> quants = catalog.quantizations();
    std::stable_sort(quants.begin(), quants.end(),
                     [](const Quantization &a, const Quantization &b) { return a.bitsPerWeight > b.bitsPerWeight; });
    return quants;
}

// Weight formats whose kernels exist only for CUDA (vLLM, TensorRT-LLM, SGLang): llama.cpp's Metal
// backend and MLX cannot load them, so auto quantization never proposes them for a Mac.
const std::array<QLatin1String, 3> CudaOnlyFormats{QLatin1String("FP8"), QLatin1String("AWQ-INT4"),
                                                   QLatin1String("GPTQ-INT4")};

bool formatRunsOn(const Quantization &quant, Platform platform)
{
    if (platform != Platform::Apple)
        return true;
    return std::none_of(CudaOnlyFormats.cbegin(), CudaOnlyFormats.cend(), [&quant](QLatin1String format) {
        return quant.name.compare(format, Qt::CaseInsensitive) == 0;
    });
}

class Search final
{
public:
    Search(const AdvisorRequest &request, const Catalog &catalog, const Calibration &calibration)
        : m_request(request)
        , m_requirements(request.requirements)
        , m_catalog(catalog)
        , m_calibration(calibration)
    {
        if (m_requirements.autoQuant)
            m_quants = highestBitsFirst(catalog);
        else
            m_quants = {request.quant};
    }

    AdvisorResult run()
    {
        AdvisorResult result;
        const QList<AdvisorCandidate> candidates
            = enumerateCandidates(m_request, m_catalog, m_quants.isEmpty() ? m_request.quant : m_quants.constLast());
        result.considered = int(candidates.size());
        for (const AdvisorCandidate &candidate : candidates)
            evaluate(candidate, result);
        const qsizetype qualifying = result.shortlist.size();
        collectQuoted(result);
        rankCandidates(result.shortlist, m_requirements.rankBy);
        if (m_requirements.limit >= 0 && result.shortlist.size() > m_requirements.limit)
            result.shortlist.resize(m_requirements.limit);
        result.reason = qualifying > 0 ? shortlistReason(qualifying, result.considered, m_requirements) : emptyReason(result, m_requirements, m_request.workload);
        if (std::any_of(result.shortlist.cbegin(), result.shortlist.cend(),
                        [](const AdvisorCandidate &candidate) { return candidate.priceCardsOnly; }))
            result.reason += QStringLiteral("; prices marked cards only leave out the host machine (chassis, CPU, board, "
                                            "RAM, power supply)");
        if (std::any_of(result.shortlist.cbegin(), result.shortlist.cend(),
                        [](const AdvisorCandidate &candidate) { return candidate.hostUsd.has_value(); }))
            result.reason += QStringLiteral("; cards bought on their own are priced with a typical host from a "
                                            "published build (a quote replaces it)");
        return result;
    }

private:
    void collectQuoted(AdvisorResult &result) const
    {
        // The system as quoted: one machine (its clusters are priced from the quote but are not what was quoted).
        const auto quoted = [this](const AdvisorCandidate &candidate) {
            return !candidate.systemId.isEmpty() && m_requirements.quotesUsd.contains(candidate.systemId)
                && !candidate.configuration.isCluster() && candidate.estimate.runs();
        };
        for (const AdvisorCandidate &candidate : std::as_const(result.shortlist)) {
            if (quoted(candidate))
                result.quoted.append(candidate);
        }
        for (const AdvisorRejection &rejection : std::as_const(result.rejected)) {
            if (quoted(rejection.candidate))
                result.quoted.append(rejection.candidate);
        }
    }

    void evaluate(AdvisorCandidate candidate, AdvisorResult &result) const
    {
        if (!m_requirements.platforms.isEmpty() && !m_requirements.platforms.contains(candidate.platform)) {
            const QString reason = QStringLiteral("platform ") + toString(candidate.platform)
                + QStringLiteral(" is not among the requested platforms");
            result.rejected.append({std::move(candidate), Requirement::Platform, reason, 1});
            return;
        }
        // Price and power do not depend on the quantization: when they fail, one estimate (the
        // lowest-bits quantization) is enough to name the first requirement failed.
        const bool quantCannotHelp = failsQuantIndependent(candidate, m_requirements);
        const qsizetype first = quantCannotHelp ? std::max<qsizetype>(0, m_quants.size() - 1) : 0;
        std::optional<Failure> failure;
        for (qsizetype i = first; i < m_quants.size(); ++i) {
            if (m_requirements.autoQuant && !formatRunsOn(m_quants.at(i), candidate.platform))
                continue;
            estimateWith(candidate, m_quants.at(i));
            failure = firstFailure(candidate, m_request);
            if (!failure) {
                result.shortlist.append(std::move(candidate));
                return;
            }
        }
        if (!failure) // no quantization at all
            failure = Failure{Requirement::Fit, QStringLiteral("no quantization to try"), 1};
        result.rejected.append({std::move(candidate), failure->requirement, failure->reason, failure->shortfall});
    }

    void estimateWith(AdvisorCandidate &candidate, const Quantization &quant) const
    {
        candidate.quant = quant;
        candidate.input.quant = quant;
        candidate.estimate = estimate(candidate.input, m_calibration);
        candidate.cost = costPerToken(candidate.priceUsd, candidate.powerW,
                                      candidate.estimate.runs() ? candidate.estimate.outputTpsTotal : 0,
                                      m_requirements.cost);
    }

    const AdvisorRequest &m_request;
    const AdvisorRequirements &m_requirements;
    const Catalog &m_catalog;
    const Calibration &m_calibration;
    QList<Quantization> m_quants; // tried in this order; the last is the fallback reported on rejection
};

} // namespace

AdvisorResult advise(const AdvisorRequest &request, const Catalog &catalog, const Calibration &calibration)
{
    return Search(request, catalog, calibration).run();
}

bool sameConfiguration(const AdvisorCandidate &a, const AdvisorCandidate &b)
{
    return a.systemId == b.systemId && a.label == b.label;
}

qsizetype shortlistIndexOf(const AdvisorResult &result, const AdvisorCandidate &candidate)
{
    const auto found = std::find_if(result.shortlist.cbegin(), result.shortlist.cend(),
                                    [&candidate](const AdvisorCandidate &other) { return sameConfiguration(other, candidate); });
    return found == result.shortlist.cend() ? -1 : found - result.shortlist.cbegin();
}

const AdvisorRejection *rejectionOf(const AdvisorResult &result, const AdvisorCandidate &candidate)
{
    const auto found = std::find_if(result.rejected.cbegin(), result.rejected.cend(),
                                    [&candidate](const AdvisorRejection &r) { return sameConfiguration(r.candidate, candidate); });
    return found == result.rejected.cend() ? nullptr : &*found;
}

} // namespace headroom
