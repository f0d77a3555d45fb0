// The forward search of `advise`: enumerate configurations, check each requirement in order,
// rank what is left. One estimate() per candidate and quantization; no explain() on this path.
#include "advisor/Advisor.h"

#include "engine/TensorParallel.h"
#include "advisor/AdvisorFormat.h"
#include "advisor/AdvisorRanking.h"
#include "engine/Estimator.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace headroom {
namespace {

using namespace advisor;

constexpr double memoryMatchToleranceGB = 1e-6;

struct Failure {
    Requirement requirement = Requirement::Fit;
    QString reason;
    double shortfall = 0;
};

Runtime runtimeFor(Platform platform, const AdvisorRequirements &requirements)
{
    switch (platform) {
    case Platform::Apple: return requirements.appleRuntime;
    case Platform::Nvidia: return requirements.nvidiaRuntime;
    case Platform::Other: return requirements.otherRuntime;
    }
    return Runtime::Auto;
}

QString labelOf(const Device &device, const Configuration &configuration)
{
    QString label = device.name;
    if (configuration.count > 1)
        label = QString::number(configuration.count) + QStringLiteral("x ") + label;
    if (device.memoryOptionsGB.size() > 1)
        label += QLatin1Char(' ') + plain(configuration.memoryGB) + QStringLiteral(" GB");
    if (configuration.count > 1)
        label += QStringLiteral(" (") + toString(configuration.split) + QLatin1Char(')');
    return label;
}

bool sameSlot(const Configuration &a, const Configuration &b)
{
    return a.deviceId == b.deviceId && a.count == b.count && std::abs(a.memoryGB - b.memoryGB) < memoryMatchToleranceGB
        && a.split == b.split;
}

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

// The price source shown for a price the user entered (AdvisorRequirements::quotesUsd).
const QString QuoteSource = QStringLiteral("your quote");

bool fitsInMemory(Fit fit)
{
    return fit == Fit::Fits || fit == Fit::Tight; // offload runs, but from system memory: not for the advisor
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
        const QList<AdvisorCandidate> candidates = enumerate();
        result.considered = int(candidates.size());
        for (const AdvisorCandidate &candidate : candidates)
            evaluate(candidate, result);
        const qsizetype qualifying = result.shortlist.size();
        rankCandidates(result.shortlist, m_requirements.rankBy);
        if (m_requirements.limit >= 0 && result.shortlist.size() > m_requirements.limit)
            result.shortlist.resize(m_requirements.limit);
        result.reason = qualifying > 0 ? shortlistReason(qualifying, result.considered) : emptyReason(result);
        return result;
    }

private:
    AdvisorCandidate makeCandidate(const Device &device, const Configuration &slot, const NamedSystem *system) const
    {
        AdvisorCandidate candidate;
        candidate.platform = platformOf(device);
        candidate.configuration = slot;
        candidate.configuration.runtime = system && system->configuration.runtime != Runtime::Auto
            ? system->configuration.runtime
            : runtimeFor(candidate.platform, m_requirements);
        candidate.systemId = system ? system->id : QString();
        candidate.label = system ? system->name : labelOf(device, slot);
        const QMap<QString, double> &quotes = m_requirements.quotesUsd;
        if (system && quotes.contains(system->id)) {
            candidate.priceUsd = quotes.value(system->id);
            candidate.priceSource = QuoteSource;
        } else if (system && system->priceUsd) {
            candidate.priceUsd = system->priceUsd;
            candidate.priceSource = system->priceSource;
        } else if (quotes.contains(device.id) && candidate.platform != Platform::Apple) {
            candidate.priceUsd = quotes.value(device.id) * slot.count; // cards only, as below
            candidate.priceSource = QuoteSource;
        } else if (device.priceUsd && candidate.platform != Platform::Apple) {
            // Cards only: the host is not included (said so by explainCost).
            candidate.priceUsd = *device.priceUsd * slot.count;
            candidate.priceSource = device.priceSource;
        }
        candidate.powerW = system && system->powerW > 0 ? system->powerW : device.powerW * slot.count;
        candidate.input.device = device;
        candidate.input.configuration = candidate.configuration;
        candidate.input.model = m_request.model;
        candidate.input.workload = m_request.workload;
        candidate.input.method = Method::Roofline;
        candidate.input.appleUsableFraction = m_request.appleUsableFraction;
        candidate.quant = m_quants.isEmpty() ? m_request.quant : m_quants.constLast();
        candidate.input.quant = candidate.quant;
        return candidate;
    }

    // Every device x count x memory x split; a slot that is a named system's configuration becomes
    // that system (one candidate per system), systems matching no slot are added after.
    QList<AdvisorCandidate> enumerate() const
    {
        struct Slot {
            const Device *device;
            Configuration configuration;
        };
        QList<Slot> slots;
        for (const Device &device : m_catalog.devices()) {
            for (int count = 1; count <= device.maxCount; ++count) {
                for (const double memoryGB : device.memoryOptionsGB) {
                    const std::array<Split, 2> multiCard{Split::Layer, Split::Tensor};
                    const QList<Split> splits = count == 1 ? QList<Split>{Split::Auto}
                                                           : QList<Split>(multiCard.begin(), multiCard.end());
                    for (const Split split : splits) {
                        if (split == Split::Tensor && !tensorParallelRefusal(m_request.model, count).isEmpty())
                            continue; // no engine runs it
                        slots.append({&device, Configuration{device.id, count, memoryGB, split, Runtime::Auto}});
                    }
                }
            }
        }
        QList<QList<const NamedSystem *>> systemsAt(slots.size());
        QList<std::pair<const Device *, const NamedSystem *>> unmatched;
        for (const NamedSystem &system : m_catalog.systems()) {
            const Device *device = m_catalog.device(system.configuration.deviceId);
            if (!device)
                continue;
            Configuration configuration = systemSlot(system, *device);
            const auto match = std::find_if(slots.cbegin(), slots.cend(), [&](const Slot &slot) {
                return sameSlot(slot.configuration, configuration);
            });
            if (match == slots.cend())
                unmatched.append({device, &system});
            else
                systemsAt[match - slots.cbegin()].append(&system);
        }
        QList<AdvisorCandidate> candidates;
        candidates.reserve(slots.size() + unmatched.size());
        for (qsizetype i = 0; i < slots.size(); ++i) {
            if (systemsAt.at(i).isEmpty())
                candidates.append(makeCandidate(*slots.at(i).device, slots.at(i).configuration, nullptr));
            for (const NamedSystem *system : systemsAt.at(i))
                candidates.append(makeCandidate(*slots.at(i).device, slots.at(i).configuration, system));
        }
        for (const auto &[device, system] : unmatched)
            candidates.append(makeCandidate(*device, systemSlot(*system, *device), system));
        return candidates;
    }

    static Configuration systemSlot(const NamedSystem &system, const Device &device)
    {
        Configuration configuration = system.configuration;
        configuration.runtime = Runtime::Auto;
        if (configuration.memoryGB <= 0)
            configuration.memoryGB = device.largestMemoryGB();
        if (configuration.count == 1)
            configuration.split = Split::Auto;
        return configuration;
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
        const bool quantCannotHelp = failsQuantIndependent(candidate);
        const qsizetype first = quantCannotHelp ? std::max<qsizetype>(0, m_quants.size() - 1) : 0;
        std::optional<Failure> failure;
        for (qsizetype i = first; i < m_quants.size(); ++i) {
            if (m_requirements.autoQuant && !formatRunsOn(m_quants.at(i), candidate.platform))
                continue;
            estimateWith(candidate, m_quants.at(i));
            failure = firstFailure(candidate);
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

    bool failsQuantIndependent(const AdvisorCandidate &candidate) const
    {
        if (m_requirements.budgetUsd && (!candidate.priceUsd || *candidate.priceUsd > *m_requirements.budgetUsd))
            return true;
        return m_requirements.maxPowerW && (candidate.powerW <= 0 || candidate.powerW > *m_requirements.maxPowerW);
    }

    // The first requirement (in the order of enum Requirement) the estimated candidate fails.
    std::optional<Failure> firstFailure(const AdvisorCandidate &candidate) const
    {
        const Estimate &e = candidate.estimate;
        if (!fitsInMemory(e.fit)) {
            const double shortfall = e.memory.usableGB > 0 ? e.memory.totalGB / e.memory.usableGB - 1 : 1;
            QString reason = QStringLiteral("needs ") + grouped(e.memory.totalGB, 1) + QStringLiteral(" GB, ")
                + grouped(e.memory.usableGB, 1) + QStringLiteral(" GB usable");
            if (e.fit == Fit::Offload)
                reason += QStringLiteral("; runs only by offloading to system memory, which the advisor counts as not fitting");
            return Failure{Requirement::Fit, reason + QStringLiteral(" (") + percent(shortfall) + QStringLiteral(" over)"),
                           shortfall};
        }
        const int users = m_request.workload.users;
        if (e.maxUsers < users) {
            const double shortfall = 1 - double(e.maxUsers) / users;
            return Failure{Requirement::Users,
                           QStringLiteral("fits ") + QString::number(e.maxUsers) + QStringLiteral(" users at ")
                               + grouped(m_request.workload.contextTokens, 0) + QStringLiteral(" tokens of context, needs ")
                               + QString::number(users) + QStringLiteral(" (") + percent(shortfall) + QStringLiteral(" short)"),
                           shortfall};
        }
        if (const auto &minimum = m_requirements.minDecodeTpsPerUser; minimum && e.decodeTpsPerUser < *minimum) {
            const double shortfall = 1 - e.decodeTpsPerUser / *minimum;
            return Failure{Requirement::Speed,
                           QStringLiteral("reaches ") + speed(e.decodeTpsPerUser) + QStringLiteral(" t/s per user, needs ")
                               + plain(*minimum) + QStringLiteral(" (") + percent(shortfall) + QStringLiteral(" short)"),
                           shortfall};
        }
        if (const auto &maximum = m_requirements.maxTtftSeconds; maximum && e.ttftSeconds > *maximum) {
            const double shortfall = e.ttftSeconds / *maximum - 1;
            return Failure{Requirement::Ttft,
                           QStringLiteral("first token after ") + plain(e.ttftSeconds) + QStringLiteral(" s, limit ")
                               + plain(*maximum) + QStringLiteral(" s (") + percent(shortfall) + QStringLiteral(" over)"),
                           shortfall};
        }
        if (const auto &budget = m_requirements.budgetUsd) {
            if (!candidate.priceUsd)
                return Failure{Requirement::PriceUnknown, QStringLiteral("price unknown, budget ") + dollars(*budget), 0};
            if (*candidate.priceUsd > *budget) {
                const double shortfall = *candidate.priceUsd / *budget - 1;
                return Failure{Requirement::Budget,
                               QStringLiteral("costs ") + dollars(*candidate.priceUsd) + QStringLiteral(", budget ")
                                   + dollars(*budget) + QStringLiteral(" (") + percent(shortfall) + QStringLiteral(" over)"),
                               shortfall};
            }
        }
        if (const auto &limit = m_requirements.maxPowerW) {
            if (candidate.powerW <= 0)
                return Failure{Requirement::Power, QStringLiteral("power unknown, limit ") + grouped(*limit, 0)
                                                       + QStringLiteral(" W"), 0};
            if (candidate.powerW > *limit) {
                const double shortfall = candidate.powerW / *limit - 1;
                return Failure{Requirement::Power,
                               QStringLiteral("draws ") + grouped(candidate.powerW, 0) + QStringLiteral(" W, limit ")
                                   + grouped(*limit, 0) + QStringLiteral(" W (") + percent(shortfall) + QStringLiteral(" over)"),
                               shortfall};
            }
        }
        return std::nullopt;
    }

    QString shortlistReason(qsizetype qualifying, int considered) const
    {
        QString reason = QString::number(qualifying) + QStringLiteral(" of ") + QString::number(considered)
            + QStringLiteral(" configurations meet every requirement; ranked by ") + rankByText(m_requirements.rankBy);
        if (qualifying > m_requirements.limit)
            reason += QStringLiteral("; the first ") + QString::number(m_requirements.limit) + QStringLiteral(" shown");
        return reason;
    }

    QString emptyReason(const AdvisorResult &result) const
    {
        if (result.considered == 0)
            return QStringLiteral("No configuration to consider: the catalog lists no devices or systems");
        std::array<int, 8> rejections{};
        for (const AdvisorRejection &rejection : result.rejected)
            ++rejections[std::size_t(rejection.requirement)];
        const auto binding = Requirement(std::max_element(rejections.begin(), rejections.end()) - rejections.begin());
        QString reason = QStringLiteral("No configuration meets every requirement; the binding requirement is ")
            + toString(binding) + QStringLiteral(" (it rejects ") + QString::number(rejections[std::size_t(binding)])
            + QStringLiteral(" of ") + QString::number(result.considered) + QStringLiteral(" configurations)");
        const QString closest = closestText(result, binding);
        return closest.isEmpty() ? reason : reason + QStringLiteral(": ") + closest;
    }

    // The configuration nearest to qualifying, in the terms of the binding requirement.
    static QString closestText(const AdvisorResult &result, Requirement binding)
    {
        const AdvisorCandidate *best = nullptr;
        if (binding == Requirement::Budget || binding == Requirement::Power) {
            for (const AdvisorRejection &rejection : result.rejected) {
                if (rejection.requirement != binding)
                    continue;
                const AdvisorCandidate &candidate = rejection.candidate;
                const bool better = binding == Requirement::Budget
                    ? !best || *candidate.priceUsd < *best->priceUsd
                    : candidate.powerW > 0 && (!best || candidate.powerW < best->powerW);
                if (better)
                    best = &candidate;
            }
            if (!best)
                return {};
            return binding == Requirement::Budget
                ? QStringLiteral("the cheapest that meets the other requirements costs ") + dollars(*best->priceUsd)
                      + QStringLiteral(": ") + best->label
                : QStringLiteral("the lowest-power one that meets the other requirements draws ")
                      + grouped(best->powerW, 0) + QStringLiteral(" W: ") + best->label;
        }
        for (const AdvisorRejection &rejection : result.rejected) {
            const AdvisorCandidate &candidate = rejection.candidate;
            if (rejection.requirement != Requirement::Platform && fitsInMemory(candidate.estimate.fit)
                && (!best || candidate.estimate.decodeTpsPerUser > best->estimate.decodeTpsPerUser))
                best = &candidate;
        }
        if (best) {
            QString text = QStringLiteral("the fastest that fits reaches ") + speed(best->estimate.decodeTpsPerUser)
                + QStringLiteral(" t/s per user: ") + best->label + QStringLiteral(" (") + best->quant.name + QLatin1Char(')');
            if (binding == Requirement::PriceUnknown && !best->priceUsd)
                text += QStringLiteral(", price unknown");
            return text;
        }
        for (const AdvisorRejection &rejection : result.rejected) {
            const AdvisorCandidate &candidate = rejection.candidate;
            if (rejection.requirement != Requirement::Platform
                && (!best || candidate.estimate.memory.usableGB > best->estimate.memory.usableGB))
                best = &candidate;
        }
        if (!best)
            return {};
        return QStringLiteral("nothing fits; the largest, ") + best->label + QStringLiteral(", has ")
            + grouped(best->estimate.memory.usableGB, 1) + QStringLiteral(" GB usable, the model needs ")
            + grouped(best->estimate.memory.totalGB, 1) + QStringLiteral(" GB at ") + best->quant.name;
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

} // namespace headroom
