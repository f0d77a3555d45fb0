// String forms of the advisor's enums: the spellings of the `advise` request and answer (SPEC §5).
#include "advisor/Advisor.h"
#include "core/EnumTable.h"

#include <array>
#include <utility>

namespace headroom {
namespace {

constexpr std::array rankByNames{std::pair{RankBy::Price, "price"}, std::pair{RankBy::Speed, "speed"},
                                 std::pair{RankBy::TpsPerDollar, "tps_per_dollar"},
                                 std::pair{RankBy::TpsPerWatt, "tps_per_watt"}};
constexpr std::array requirementNames{
    std::pair{Requirement::Platform, "platform"},  std::pair{Requirement::Fit, "fit"},
    std::pair{Requirement::Users, "users"},        std::pair{Requirement::Speed, "speed"},
    std::pair{Requirement::Ttft, "ttft"},          std::pair{Requirement::PriceUnknown, "price_unknown"},
    std::pair{Requirement::Budget, "budget"},      std::pair{Requirement::Power, "power"}};

} // namespace

QString toString(RankBy rankBy) { return nameOf(rankByNames, rankBy); }
QString toString(Requirement requirement) { return nameOf(requirementNames, requirement); }
std::optional<RankBy> rankByFromString(const QString &text) { return valueOf(rankByNames, text); }

} // namespace headroom
