// Typical host platforms for cards bought on their own, from published builds.
#include "advisor/HostPlatform.h"

namespace headroom {

const QList<HostPlatform> &hostPlatforms()
{
    // Sums of the non-GPU lines of published parts lists, read 2026-12. One card: Ryzen 5 7600, B650M board,
    // 32 GB DDR5, SSD and HDD, 550 W Gold PSU, Node 304 case, low-profile cooler. Two to four cards: the
    // "pro tier" of a 4x RTX 3090 build, $4,314 in all less four cards at $750: EPYC 7252 on an ASRock Rack
    // ROMED8-2T (PCIe 4.0 x16 per card, 7 slots), 32 GB ECC RDIMM, 1600 W ATX PSU, dual 10 GbE. Five to seven
    // cards: a Threadripper Pro host bill of materials settled 2026-05-23 (seven PCIe 5.0 x16 slots, 2000 W).
    // Eight cards need a server chassis no published build prices: they stay "cards only".
    static const QList<HostPlatform> platforms{
        {QStringLiteral("host-1-card"), QStringLiteral("typical host for one card"), 1, 1, 713, QStringLiteral("2026-12"),
         QStringLiteral("https://ownrig.com/builds/budget-home-ai-server"),
         QStringLiteral("CPU $179, board $109, 32 GB RAM $69, storage $129, 550 W PSU $79, case $99, cooler $49")},
        {QStringLiteral("host-2-4-cards"), QStringLiteral("typical host for two to four cards"), 2, 4, 1314,
         QStringLiteral("2026-12"), QStringLiteral("https://thinksmart.life/research/posts/gpu-rig-budget-vs-pro"),
         QStringLiteral("EPYC 7252, ASRock Rack ROMED8-2T, 32 GB ECC RDIMM, 1600 W PSU: $4,314 with four "
                        "RTX 3090 at ~$750 each")},
        {QStringLiteral("host-5-7-cards"), QStringLiteral("typical host for five to seven cards"), 5, 7, 10000,
         QStringLiteral("2026-05"),
         QStringLiteral("https://maxj.phd/git/max/makenotwork/commit/ad63f4a16f618a21abeae3b306a4ed855da94278"),
         QStringLiteral("Threadripper Pro 7975WX $3,900, ASRock Rack WRX90D8-2L/2T $1,200, 512 GB ECC RDIMM $2,500, "
                        "2x 4 TB NVMe $1,200, 2000 W PSU $600, 4U chassis $400, cooler $200")},
    };
    return platforms;
}

const HostPlatform *hostPlatformFor(const Device &device, int count)
{
    if (device.kind != MemoryKind::Discrete)
        return nullptr;
    if (device.segment != Segment::Consumer && device.segment != Segment::Workstation)
        return nullptr;
    for (const HostPlatform &platform : hostPlatforms()) {
        if (count >= platform.minCards && count <= platform.maxCards)
            return &platform;
    }
    return nullptr;
}

} // namespace headroom
