// Held-out error bands: the likely range of each class of estimate, from a validation report.
#include "measured/ErrorBands.h"
#include "measured/Quantile.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace headroom {
namespace {

// The share of held-out measurements to leave below and above the likely range, and the rows a class
// needs for a band of its own.
constexpr double kBandTailShare = 0.08;
constexpr int kMinBandRows = 8;
// A quantile of few rows is itself uncertain: a class of n rows leaves out 8% x n / (n + this) on either side,
// so small classes get wider ranges (5.3% with 20 rows, 7.3% with 100).
constexpr double kBandSmallSampleRows = 10;

struct BandKey {
    SpeedClass speed;
    Runtime runtime;
    PlatformClass platform;
    bool anyPlatform;
    bool anyModel;
    bool moe;
    bool operator==(const BandKey &) const = default;
};

} // namespace

QList<ErrorBand> heldOutErrorBands(const ValidationReport &report)
{
    QList<BandKey> keys;
    QList<QList<double>> ratios;
    QList<double> errorSums;
    const auto add = [&](const BandKey &key, double ratio) {
        qsizetype index = keys.indexOf(key);
        if (index < 0) {
            keys << key;
            ratios << QList<double>();
            errorSums << 0.0;
            index = keys.size() - 1;
        }
        ratios[index] << ratio;
        errorSums[index] += std::abs(1.0 / ratio - 1.0);
    };
    for (const RowScore &score : report.rows) {
        if (!score.fitted || !score.rooflineHoldOut || !(*score.rooflineHoldOut > 0))
            continue;
        const double ratio = score.measured / *score.rooflineHoldOut;
        // Each class with and without the model class (dense or mixture-of-experts): MoE estimates carry the
        // extra uncertainty of expert routing and coverage.
        for (bool anyModel : {false, true}) {
            const bool moe = !anyModel && score.moe;
            add({score.section, score.modelled, score.platform, false, anyModel, moe}, ratio);
            add({score.section, score.modelled, PlatformClass::Other, true, anyModel, moe}, ratio);
            add({score.section, Runtime::Auto, score.platform, false, anyModel, moe}, ratio);
            add({score.section, Runtime::Auto, PlatformClass::Other, true, anyModel, moe}, ratio);
        }
    }
    QList<ErrorBand> bands;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        QList<double> sorted = ratios.at(i);
        if (sorted.size() < kMinBandRows)
            continue;
        std::sort(sorted.begin(), sorted.end());
        const BandKey &key = keys.at(i);
        ErrorBand band;
        band.speed = key.speed;
        band.runtime = key.runtime;
        band.platform = key.platform;
        band.anyPlatform = key.anyPlatform;
        band.anyModel = key.anyModel;
        band.moe = key.moe;
        // The range always holds the estimate itself.
        const double rows = double(sorted.size());
        const double tail = kBandTailShare * rows / (rows + kBandSmallSampleRows);
        band.lowRatio = std::min(1.0, quantileOfSorted(sorted, tail));
        band.highRatio = std::max(1.0, quantileOfSorted(sorted, 1.0 - tail));
        band.mape = errorSums.at(i) / double(sorted.size());
        band.rows = int(sorted.size());
        bands << band;
    }
    std::stable_sort(bands.begin(), bands.end(), [](const ErrorBand &a, const ErrorBand &b) {
        return std::tuple(int(a.speed), int(a.runtime), a.anyPlatform, int(a.platform), a.anyModel, a.moe)
            < std::tuple(int(b.speed), int(b.runtime), b.anyPlatform, int(b.platform), b.anyModel, b.moe);
    });
    return bands;
}

} // namespace headroom
