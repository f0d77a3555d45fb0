#pragma once

// The accepted range of every advisor requirement and cost assumption, shared by the `advise` request reader
// and the scenario reader. The lower bounds refuse values that only a typo gives and that would make a cost
// explode (a utilisation of 1e-300 gives $1e301 per million tokens); the upper ones refuse corrupted files.
// None limits a real search.
namespace headroom::ranges {

struct Range {
    double lowest = 0; // inclusive
    double highest = 0;
};

inline constexpr Range kMinDecodeTps{0.01, 1'000'000};
inline constexpr Range kMaxTtftSeconds{0.001, 86'400}; // up to a day
inline constexpr Range kBudgetUsd{1, 1e12};
inline constexpr Range kPriceUsd{1, 1e12};              // quotes
inline constexpr Range kPowerW{1, 1e9};
inline constexpr Range kAmortizationYears{0.1, 100};     // a month and more
inline constexpr Range kUtilization{0.001, 1};           // a fraction of the hours of a year
inline constexpr Range kElectricityUsdPerKwh{0, 100};    // 0: free power
inline constexpr Range kCloudUsdPerMillionTokens{0.0001, 1'000'000};

inline bool contains(const Range &range, double value)
{
    return value >= range.lowest && value <= range.highest;
}

} // namespace headroom::ranges
