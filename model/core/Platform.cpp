#include "core/Platform.h"

#include "core/EnumTable.h"

#include <array>
#include <utility>

namespace headroom {
namespace {

constexpr std::array platformNames{std::pair{Platform::Apple, "apple"}, std::pair{Platform::Nvidia, "nvidia"},
                                   std::pair{Platform::Other, "other"}};
constexpr std::array platformDisplayNames{std::pair{Platform::Apple, "Apple"}, std::pair{Platform::Nvidia, "NVIDIA"},
                                          std::pair{Platform::Other, "Other"}};
constexpr std::array platformClassNames{
    std::pair{PlatformClass::Apple, "apple"}, std::pair{PlatformClass::NvidiaConsumer, "nvidia-consumer"},
    std::pair{PlatformClass::NvidiaDatacenter, "nvidia-datacenter"}, std::pair{PlatformClass::Other, "other"},
    std::pair{PlatformClass::OtherDatacenter, "other-datacenter"}};

} // namespace

Platform platformOf(const Device &device)
{
    if (device.isApple() || device.segment == Segment::Apple)
        return Platform::Apple;
    if (device.vendor.compare(QLatin1String("nvidia"), Qt::CaseInsensitive) == 0)
        return Platform::Nvidia;
    return Platform::Other;
}

PlatformClass platformClassOf(const Device &device)
{
    switch (platformOf(device)) {
    case Platform::Apple: return PlatformClass::Apple;
    case Platform::Nvidia:
        return device.segment == Segment::Datacenter ? PlatformClass::NvidiaDatacenter : PlatformClass::NvidiaConsumer;
    case Platform::Other: break;
    }
    return device.segment == Segment::Datacenter ? PlatformClass::OtherDatacenter : PlatformClass::Other;
}

QString toString(Platform platform) { return nameOf(platformNames, platform); }
QString displayName(Platform platform) { return nameOf(platformDisplayNames, platform); }
QString toString(PlatformClass platform) { return nameOf(platformClassNames, platform); }
std::optional<Platform> platformFromString(const QString &text) { return valueOf(platformNames, text); }

} // namespace headroom
