// The speed chart's measured markers: the calibration set's measurements of a row's configuration,
// model and quantization (MeasuredLookup), their value labels and tooltips.
#include "SpeedChart.h"

#include "ChartFormat.h"
#include "measured/MeasuredLookup.h"

#include <QScatterSeries>

#include <algorithm>

namespace headroom {
namespace {

constexpr qreal PresentationMarkerFactor = 1.7;
constexpr double MeasuredWholeNumbersFrom = 100; // t/s; measured values keep one decimal below this

QString formatMeasuredTps(double tokensPerSecond)
{
    return QString::number(tokensPerSecond, 'f', tokensPerSecond < MeasuredWholeNumbersFrom ? 1 : 0);
}

} // namespace

void SpeedChart::updateMeasurements()
{
    const QList<EstimateRow> &rows = estimates().rows;
    const int rowCount = int(rows.size());
    m_measurements.clear();
    m_markerRows.clear();
    QList<QPointF> points;
    for (int row = 0; row < rowCount; ++row) {
        m_measurements << matchingMeasurements(rows.at(row).input);
        const MeasuredRows &found = m_measurements.constLast();
        for (int m = 0; m < found.size(); ++m) {
            points << QPointF(perUserDecodeTps(found.at(m)), categoryIndex(row, rowCount));
            m_markerRows << std::pair{row, m};
        }
    }
    if (m_measured->points() != points)
        m_measured->replace(points);
}

const MeasuredRows &SpeedChart::measurements(int row) const
{
    static const MeasuredRows none;
    return row >= 0 && row < m_measurements.size() ? m_measurements.at(row) : none;
}

QString SpeedChart::measuredLabel(int row) const
{
    const MeasuredRows &found = measurements(row);
    if (found.isEmpty())
        return {};
    double low = perUserDecodeTps(found.constFirst());
    double high = low;
    for (const MeasuredRow &measured : found) {
        low = std::min(low, perUserDecodeTps(measured));
        high = std::max(high, perUserDecodeTps(measured));
    }
    const QString value = low == high ? formatMeasuredTps(low)
                                      : formatMeasuredTps(low) + QChar(0x2013) + formatMeasuredTps(high);
    return QStringLiteral("measured %1 t/s").arg(value);
}

QString SpeedChart::measurementTooltip(int point) const
{
    if (point < 0 || point >= m_markerRows.size())
        return {};
    const auto [row, index] = m_markerRows.at(point);
    const MeasuredRow &measured = measurements(row).at(index);
    QString text = QStringLiteral("Measured: %1 t/s per user").arg(formatMeasuredTps(perUserDecodeTps(measured)));
    if (measured.metric == MeasuredMetric::TgTotal)
        text += QStringLiteral(" (%1 t/s over %2 users)").arg(formatMeasuredTps(measured.tokensPerSecond)).arg(measured.concurrency);
    text += QStringLiteral("\n%1 \u00d7%2, %3 \u2014 %4 %5")
                .arg(measured.hardware.isEmpty() ? measured.hardwareId : measured.hardware)
                .arg(measured.deviceCount)
                .arg(measured.backend, measured.model.isEmpty() ? measured.modelId : measured.model, measured.quant);
    if (quantUnspecifiedMatch(measured, estimates().rows.at(row).input.quant.name))
        text += QStringLiteral("\nThe source does not name the exact quantization.");
    if (const Estimate &e = estimates().rows.at(row).estimate; e.runs() && e.decodeTpsPerUser > 0) {
        const double error = (e.decodeTpsPerUser - perUserDecodeTps(measured)) / perUserDecodeTps(measured);
        text += QStringLiteral("\nThis estimate: %1 (%2%3%)")
                    .arg(formatTokensPerSecond(e.decodeTpsPerUser), error >= 0 ? QStringLiteral("+") : QString())
                    .arg(error * 100, 0, 'f', 0);
    }
    text += QStringLiteral("\nSource: %1").arg(measured.url);
    if (!measured.notes.isEmpty())
        text += QStringLiteral("\n%1").arg(measured.notes);
    return text;
}

qreal SpeedChart::measuredMarkerPixels() const
{
    return MeasuredMarkerPixels * (presentationMode() ? PresentationMarkerFactor : 1.0);
}

int SpeedChart::markerIndexOf(int row) const
{
    for (int point = 0; point < m_markerRows.size(); ++point) {
        if (m_markerRows.at(point).first == row)
            return point;
    }
    return -1;
}

} // namespace headroom
