#pragma once

#include "core/Hardware.h"

#include <QString>

#include <optional>

namespace headroom {

// The one classifier of devices by platform, for the advisor's filters, the charts' colour families and
// the calibration's classes alike.

// The buyer's families: Apple Silicon, NVIDIA, everything else.
enum class Platform { Apple, Nvidia, Other };

// The calibration's classes: NVIDIA splits into consumer/workstation cards and datacenter parts.
// OtherDatacenter: AMD Instinct and the like (HBM, a scale-up fabric, serving stacks of their own), apart from the
// APUs, Radeon and Arc cards of Other.
enum class PlatformClass { Apple, NvidiaConsumer, NvidiaDatacenter, Other, OtherDatacenter };
inline constexpr PlatformClass kPlatformClasses[] = {PlatformClass::Apple, PlatformClass::NvidiaConsumer,
                                                     PlatformClass::NvidiaDatacenter, PlatformClass::Other,
                                                     PlatformClass::OtherDatacenter};

// Apple: an Apple chip or the Apple segment; NVIDIA: the vendor "nvidia" in any case; else Other.
Platform platformOf(const Device &device);
PlatformClass platformClassOf(const Device &device);

QString toString(Platform platform);             // "apple", "nvidia", "other"
QString displayName(Platform platform);          // "Apple", "NVIDIA", "Other"
QString toString(PlatformClass platform);        // "apple", "nvidia-consumer", ...
std::optional<Platform> platformFromString(const QString &text);

} // namespace headroom
