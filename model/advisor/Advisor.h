#pragma once

#include "engine/Calibration.h"
#include "core/Defaults.h"
#include "catalog/Catalog.h"
#include "core/Estimate.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace headroom {

// The forward question (SPEC §5 `advise`): which configurations run this model for this workload,
// within these limits, ranked. Pure model layer: no I/O, one thread, the whole catalog in well under 50 ms.

enum class RankBy { Price, Speed, TpsPerDollar, TpsPerWatt };

// What owning a configuration costs and what it saves against a cloud API.
// Defaults are the documented ones of SPEC §5.
struct CostAssumptions {
    double amortizationYears = 3;
    double utilization = 0.5;           // share of the hours the machine is generating, in (0, 1]
    double electricityUsdPerKwh = 0.15;
    std::optional<double> cloudUsdPerMillionTokens;
    bool operator==(const CostAssumptions &) const = default;
};

// The limits and preferences of a search, without the model: the part a scenario file keeps
// (the Advisor panel edits it; the scenario supplies model, quantization and workload).
struct AdvisorRequirements {
    bool autoQuant = false;               // true: per configuration, the highest-bits quantization that meets the rest
    std::optional<double> minDecodeTpsPerUser;
    std::optional<double> maxTtftSeconds;
    std::optional<double> budgetUsd;
    std::optional<double> maxPowerW;
    QList<Platform> platforms;            // empty = all
    Runtime appleRuntime = Runtime::Auto; // runtime per platform; Auto = the platform default
    Runtime nvidiaRuntime = Runtime::Auto;
    Runtime otherRuntime = Runtime::Auto;
    RankBy rankBy = RankBy::Price;
    int limit = 10;
    CostAssumptions cost;
    // A customer's quotes, in US$, replacing the public list price: by named-system id (the whole
    // system) or by device id (one card; Apple chips are priced through their systems only).
    QMap<QString, double> quotesUsd;
    bool operator==(const AdvisorRequirements &) const = default;
};

struct AdvisorRequest {
    LanguageModel model; // resolved (catalog id or inline)
    Quantization quant;  // ignored when requirements.autoQuant
    Workload workload;   // context, users, prompt/output tokens, KV type
    AdvisorRequirements requirements;
    double appleUsableFraction = defaults::kAppleUsableFraction;
    bool operator==(const AdvisorRequest &) const = default;
};

// Requirements in the order they are checked; a rejected configuration names the first it fails.
enum class Requirement { Platform, Fit, Users, Speed, Ttft, PriceUnknown, Budget, Power };

// Dollars per million output tokens and months to break even against a cloud price.
struct CostPerToken {
    // Amortised price + electricity, over the tokens produced; nullopt when the price or the power is
    // unknown (a cost counting only part of what is paid would look cheaper than it is), or nothing is produced.
    std::optional<double> usdPerMillionTokens;
    QString unknownBecause;           // why usdPerMillionTokens is unknown: "price unknown", "power unknown", ...
    double amortizedUsdPerYear = 0;   // price / years
    double electricityUsdPerYear = 0; // power x utilisation x hours x price per kWh
    double tokensPerYear = 0;         // output tokens per second (all users) x utilisation x seconds per year
    std::optional<double> breakevenMonths; // nullopt without a cloud price, or when it never pays off
    bool priceKnown = false;          // false: only electricity is counted
    bool operator==(const CostPerToken &) const = default;
};

// One configuration the search looked at.
struct AdvisorCandidate {
    Configuration configuration;  // memoryGB resolved, split and runtime as estimated
    QString systemId;             // named system with exactly this configuration, or empty
    QString label;                // "2x RTX PRO 6000", "Mac Studio M3 Ultra 256 GB"
    Platform platform = Platform::Other;
    Quantization quant;
    std::optional<double> priceUsd; // system price, else device price x count; nullopt = unknown
    bool priceCardsOnly = false;    // priceUsd covers the cards, not the machine around them
    std::optional<double> hostUsd;  // the typical host's share of priceUsd, for cards bought on their own
    QString hostName;               // "typical host for two to four cards"
    QString hostSource;
    QString priceSource;
    std::optional<double> linkUsd;  // a cluster's cables and switch, in priceUsd; nullopt: unknown, not in priceUsd
    double powerW = 0;              // system power, else board power x count (x machines); 0 = unknown
    EstimateInput input;            // exactly what was estimated (re-estimate it alone to check)
    Estimate estimate;
    CostPerToken cost;
    bool operator==(const AdvisorCandidate &) const = default;
};

struct AdvisorRejection {
    AdvisorCandidate candidate;  // the closest attempt (for auto quant: the lowest-bits quantization tried)
    Requirement requirement = Requirement::Fit;
    QString reason;              // "reaches 14.2 t/s per user, needs 20 (29% short)"
    double shortfall = 0;        // how far off, as a fraction of the requirement (0.29 = 29% short)
    bool operator==(const AdvisorRejection &) const = default;
};

struct AdvisorResult {
    QList<AdvisorCandidate> shortlist; // ranked, at most request.limit
    QList<AdvisorRejection> rejected;
    // Every configuration of a named system the user quoted that runs, whatever its outcome (also those
    // past the limit), the qualifying ones first: what the user quoted is always shown.
    QList<AdvisorCandidate> quoted;
    int considered = 0;                // configurations enumerated (device x count x memory x split, systems)
    QString reason;                    // why the shortlist is what it is; names the binding requirement when empty
    bool operator==(const AdvisorResult &) const = default;
};

// Whether two candidates are the same configuration: the same named system (or none) and label.
bool sameConfiguration(const AdvisorCandidate &a, const AdvisorCandidate &b);
// What became of a configuration in `result` (AdvisorResult::quoted lists candidates, not places): its place
// in the shortlist (-1 when not there), and its rejection (null when it qualified).
qsizetype shortlistIndexOf(const AdvisorResult &result, const AdvisorCandidate &candidate);
const AdvisorRejection *rejectionOf(const AdvisorResult &result, const AdvisorCandidate &candidate);

// Enumerates every catalog device x count (1..max_count) x memory option x split, and every named
// system, for the request; keeps those meeting every requirement and ranks them by request.rankBy.
AdvisorResult advise(const AdvisorRequest &request, const Catalog &catalog,
                     const Calibration &calibration = Calibration::builtIn());

// Cost of one configuration's output under the assumptions (formula in explainCost()).
CostPerToken costPerToken(std::optional<double> priceUsd, double powerW, double outputTpsTotal,
                          const CostAssumptions &assumptions);
QString explainCost(const AdvisorCandidate &candidate, const CostAssumptions &assumptions);

QString toString(RankBy rankBy);
QString toString(Requirement requirement);
std::optional<RankBy> rankByFromString(const QString &text);

} // namespace headroom
