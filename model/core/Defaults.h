#pragma once

namespace headroom::defaults {

// The one home of the defaults every reader, scenario, query and request starts from.

// The article's rule: t/s = bandwidth / model size x 65%.
inline constexpr double kSeedEfficiency = 0.65;
// Share of a Mac's unified memory the GPU may wire by default (macOS leaves about a quarter to the system).
inline constexpr double kAppleUsableFraction = 0.75;
// A comfortable reading pace: people read about 4 words/s and skim at 5-8 words/s; one English word is about
// 1.3 tokens, so ~7-10 tokens/s (Brysbaert 2019, https://doi.org/10.1016/j.jml.2019.104047;
// https://help.openai.com/en/articles/4936856-what-are-tokens-and-how-to-count-them). The article calls
// 10-11 t/s "a comfortable reading pace for interactive chat".
inline constexpr double kReadingSpeedTokensPerSecond = 10.0;
// "Users at >= N t/s each" counts users served at least this fast unless asked otherwise.
inline constexpr double kMinTpsPerUser = kReadingSpeedTokensPerSecond;

} // namespace headroom::defaults
