#include "AccuracyChart.h"
#include "ChartBase.h"
#include "ChartLogging.h"
#include "ConcurrencyChart.h"
#include "MemoryChart.h"
#include "SpeedChart.h"
#include "ValueChart.h"

namespace headroom {

QList<ChartKind> supportedChartKinds()
{
    return {ChartKind::Speed, ChartKind::Memory, ChartKind::Concurrency, ChartKind::Value, ChartKind::Accuracy};
}

bool isChartKindSupported(ChartKind kind)
{
    return supportedChartKinds().contains(kind);
}

std::unique_ptr<ChartBase> createChart(ChartKind kind, QWidget *parent)
{
    switch (kind) {
    case ChartKind::Speed:
        return std::make_unique<SpeedChart>(parent);
    case ChartKind::Memory:
        return std::make_unique<MemoryChart>(parent);
    case ChartKind::Concurrency:
        return std::make_unique<ConcurrencyChart>(parent);
    case ChartKind::Accuracy:
        return std::make_unique<AccuracyChart>(parent);
    case ChartKind::Value:
        return std::make_unique<ValueChart>(parent);
    case ChartKind::Roofline:
        break;
    }
    qCWarning(lcCharts) << "no chart for kind" << static_cast<int>(kind) << "yet; showing the speed chart";
    return std::make_unique<SpeedChart>(parent);
}

} // namespace headroom
