// Deterministic fit of the runtime profiles to measured.csv, and leave-one-device-out hold-out.
#include "measured/CalibrationFit.h"

#include "engine/CalibrationConstants.h"
#include "engine/Estimator.h"
#include "measured/Validation.h"

#include <QSet>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace headroom {
namespace {

// A class needs this many decode rows for its own profile; below, it takes the pooled fit.
constexpr int kMinDecodeRowsPerClass = 4;
// Coordinate search: steps halve until they fall under this share of the parameter's range.
constexpr double kSearchResolution = 1e-4;
constexpr int kMaxSearchRounds = 2000;

struct PreparedRow {
    MeasuredRow row;
    EstimateInput input;
    ScoreSection section = ScoreSection::Decode;
    PlatformClass platform = PlatformClass::Other;
};

struct Parameter {
    double RuntimeProfile::*field;
    double minimum;
    double maximum;
    double initialStep;
};

// Decode-side parameters, in search order.
const std::array<Parameter, 6> &decodeParameters()
{
    static const std::array<Parameter, 6> parameters{{
        {&RuntimeProfile::bandwidthEfficiency, 0.2, 1.0, 0.1},
        {&RuntimeProfile::kernelCeilingGBs, 100.0, 20000.0, 2000.0},
        {&RuntimeProfile::computeEfficiency, 0.01, 1.0, 0.1},
        {&RuntimeProfile::perTokenOverheadMs, 0.0, 20.0, 1.0},
        {&RuntimeProfile::layerSplitOverheadMs, 0.0, 10.0, 0.5},
        {&RuntimeProfile::batchEfficiency, 0.0, 1.0, 0.1},
    }};
    return parameters;
}
const Parameter kPrefillParameter{&RuntimeProfile::prefillEfficiency, 0.01, 1.0, 0.1};

RuntimeProfile startingProfile(PlatformClass platform)
{
    RuntimeProfile profile;
    profile.runtime = Runtime::LlamaCpp;
    profile.platform = platform;
    profile.bandwidthEfficiency = 0.8;
    profile.computeEfficiency = 0.3;
    profile.prefillEfficiency = 0.3;
    profile.perTokenOverheadMs = 1.0;
    profile.layerSplitOverheadMs = 0.3;
    profile.batchEfficiency = 1.0;
    profile.kernelCeilingGBs = 20000.0;
    return profile;
}

QList<PreparedRow> prepare(const MeasuredRows &rows, const Catalog &catalog)
{
    QList<PreparedRow> prepared;
    for (const MeasuredRow &row : rows) {
        PreparedRow item{row, inputForRow(row, catalog), sectionOf(row), PlatformClass::Other};
        item.platform = platformClassOf(item.input.device);
        prepared << item;
    }
    return prepared;
}

double squaredLogError(const QList<const PreparedRow *> &rows, const RuntimeProfile &profile)
{
    Calibration calibration;
    calibration.setProfiles({profile});
    double sum = 0;
    for (const PreparedRow *row : rows) {
        EstimateInput input = row->input;
        input.configuration.runtime = Runtime::LlamaCpp; // every fitted row is scored with this profile
        const double predicted = predictedValue(row->row, rooflineEstimate(input, calibration));
        if (predicted > 0 && std::isfinite(predicted)) {
            const double error = std::log(predicted / row->row.tokensPerSecond);
            sum += error * error;
        }
    }
    return sum;
}

// Pattern search over the given parameters: try one step either way, keep improvements,
// halve the steps when nothing improves. Deterministic, bounded, no randomness.
RuntimeProfile coordinateSearch(RuntimeProfile profile, const QList<Parameter> &parameters,
                                const std::function<double(const RuntimeProfile &)> &loss)
{
    if (parameters.isEmpty())
        return profile;
    QList<double> steps;
    for (const Parameter &parameter : parameters)
        steps << parameter.initialStep;
    double best = loss(profile);
    for (int round = 0; round < kMaxSearchRounds; ++round) {
        bool improved = false;
        for (qsizetype i = 0; i < parameters.size() && !improved; ++i) {
            const Parameter &parameter = parameters.at(i);
            for (double direction : {1.0, -1.0}) {
                RuntimeProfile candidate = profile;
                candidate.*parameter.field = std::clamp(profile.*parameter.field + direction * steps.at(i),
                                                        parameter.minimum, parameter.maximum);
                if (candidate.*parameter.field == profile.*parameter.field)
                    continue;
                const double value = loss(candidate);
                if (value < best) {
                    best = value;
                    profile = candidate;
                    improved = true;
                    break;
                }
            }
        }
        if (improved)
            continue;
        bool fineEnough = true;
        for (qsizetype i = 0; i < parameters.size(); ++i) {
            steps[i] /= 2.0;
            const Parameter &parameter = parameters.at(i);
            fineEnough = fineEnough && steps.at(i) < kSearchResolution * (parameter.maximum - parameter.minimum);
        }
        if (fineEnough)
            break;
    }
    return profile;
}

RuntimeProfile fitOne(RuntimeProfile start, const QList<const PreparedRow *> &rows)
{
    QList<const PreparedRow *> speedRows;
    QList<const PreparedRow *> prefillRows;
    bool multiGpu = false;
    bool concurrent = false;
    for (const PreparedRow *row : rows) {
        if (row->section == ScoreSection::Prefill) {
            prefillRows << row;
            continue;
        }
        speedRows << row;
        multiGpu = multiGpu || (row->row.deviceCount > 1 && row->input.configuration.split == Split::Layer);
        concurrent = concurrent || row->section == ScoreSection::Concurrency;
    }
    QList<Parameter> parameters;
    for (const Parameter &parameter : decodeParameters()) {
        if (parameter.field == &RuntimeProfile::layerSplitOverheadMs && !multiGpu)
            continue;
        if (parameter.field == &RuntimeProfile::batchEfficiency && !concurrent)
            continue;
        parameters << parameter;
    }
    RuntimeProfile profile = coordinateSearch(start, speedRows.isEmpty() ? QList<Parameter>() : parameters,
                                              [&](const RuntimeProfile &p) { return squaredLogError(speedRows, p); });
    if (!prefillRows.isEmpty())
        profile = coordinateSearch(profile, {kPrefillParameter},
                                   [&](const RuntimeProfile &p) { return squaredLogError(prefillRows, p); });
    profile.rowsFitted = int(rows.size());
    profile.provenance = QStringLiteral("fitted on %1 rows of resources/measured.csv (%2 decode/concurrency, %3 prefill)")
                             .arg(rows.size()).arg(speedRows.size()).arg(prefillRows.size());
    return profile;
}

QList<RuntimeProfile> fitPrepared(const QList<PreparedRow> &prepared, const QStringList &excludedDevices)
{
    const QSet<QString> excluded(excludedDevices.cbegin(), excludedDevices.cend());
    QList<const PreparedRow *> all;
    for (const PreparedRow &row : prepared) {
        if (!excluded.contains(row.row.hardwareId))
            all << &row;
    }
    const RuntimeProfile pooled = fitOne(startingProfile(PlatformClass::Other), all);

    QList<RuntimeProfile> profiles;
    for (PlatformClass platform : {PlatformClass::Apple, PlatformClass::NvidiaConsumer, PlatformClass::NvidiaDatacenter}) {
        QList<const PreparedRow *> classRows;
        int decodeRows = 0;
        for (const PreparedRow *row : std::as_const(all)) {
            if (row->platform != platform)
                continue;
            classRows << row;
            decodeRows += row->section == ScoreSection::Decode ? 1 : 0;
        }
        RuntimeProfile start = pooled;
        start.platform = platform;
        if (decodeRows >= kMinDecodeRowsPerClass) {
            profiles << fitOne(start, classRows);
        } else {
            start.provenance = QStringLiteral("too few rows of its own (%1): the fit over all %2 rows")
                                   .arg(decodeRows).arg(all.size());
            profiles << start;
        }
    }
    RuntimeProfile other = pooled;
    other.provenance = QStringLiteral("no rows of its own: the fit over all %1 rows").arg(all.size());
    profiles << other;
    return profiles;
}

QStringList devicesInOrder(const MeasuredRows &rows)
{
    QStringList devices;
    QSet<QString> seen;
    for (const MeasuredRow &row : rows) {
        if (!seen.contains(row.hardwareId)) {
            seen.insert(row.hardwareId);
            devices << row.hardwareId;
        }
    }
    return devices;
}

QString literal(double value)
{
    return QString::number(value, 'g', 17);
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString platformEnumName(PlatformClass platform)
{
    switch (platform) {
    case PlatformClass::Apple: return QStringLiteral("PlatformClass::Apple");
    case PlatformClass::NvidiaConsumer: return QStringLiteral("PlatformClass::NvidiaConsumer");
    case PlatformClass::NvidiaDatacenter: return QStringLiteral("PlatformClass::NvidiaDatacenter");
    case PlatformClass::Other: return QStringLiteral("PlatformClass::Other");
    }
    return {};
}

} // namespace

QList<RuntimeProfile> fitProfiles(const MeasuredRows &rows, const Catalog &catalog)
{
    return fitPrepared(prepare(rows, catalog), QStringList());
}

QList<HoldOutFold> holdOutFolds(const MeasuredRows &rows, const Catalog &catalog)
{
    const QList<PreparedRow> prepared = prepare(rows, catalog);
    const QStringList devices = devicesInOrder(rows);
    QList<HoldOutFold> folds(std::min<qsizetype>(devices.size(), kMaxHoldOutFolds));
    for (qsizetype i = 0; i < devices.size(); ++i)
        folds[i % kMaxHoldOutFolds].hardwareIds << devices.at(i);
    for (HoldOutFold &fold : folds)
        fold.profiles = fitPrepared(prepared, fold.hardwareIds);
    return folds;
}

Calibration calibrationFrom(const QList<RuntimeProfile> &fitted, const QList<ErrorBand> &bands)
{
    Calibration calibration;
    calibration.setProfiles(calibration::completeProfiles(fitted));
    calibration.setErrorBands(bands);
    return calibration;
}

CalibrationFitResult fitCalibration(const MeasuredRows &rows, const Catalog &catalog)
{
    CalibrationFitResult result;
    result.profiles = fitProfiles(rows, catalog);
    result.rows = int(rows.size());

    const ValidationReport report = validate(rows, catalog, calibrationFrom(result.profiles), true);
    for (PlatformClass platform : {PlatformClass::Apple, PlatformClass::NvidiaConsumer, PlatformClass::NvidiaDatacenter}) {
        if (const ScoreGroup *group = report.group(ScoreSection::Decode, QStringLiteral("platform"), toString(platform));
            group && group->rooflineHoldOutMape)
            result.bands << ErrorBand{platform, *group->rooflineHoldOutMape, group->rows};
    }
    return result;
}

QString calibrationConstantsSource(const CalibrationFitResult &fit)
{
    QString source;
    source += QStringLiteral(
        "// GENERATED by fitCalibration() (model/measured/CalibrationFit.cpp) from resources/measured.csv (%1 rows)\n"
        "// and the embedded catalog. Do not edit by hand: tests/model/tst_calibration.cpp refits and fails\n"
        "// when these drift; regenerate with\n"
        "//   HEADROOM_WRITE_CALIBRATION=$PWD/model/engine/CalibrationConstants.cpp build/<dir>/tests/tst_calibration\n"
        "#include \"engine/CalibrationConstants.h\"\n\n"
        "namespace headroom::calibration {\n\n"
        "QList<RuntimeProfile> fittedProfiles()\n{\n"
        "    // runtime, platform, bandwidthEfficiency, computeEfficiency, prefillEfficiency, perTokenOverheadMs,\n"
        "    // layerSplitOverheadMs, tensorSyncUs, batchEfficiency, rowsFitted, provenance, kernelCeilingGBs\n"
        "    return {\n").arg(fit.rows);
    for (const RuntimeProfile &profile : fit.profiles) {
        source += QStringLiteral("        {Runtime::LlamaCpp, %1, %2, %3, %4, %5, %6, %7, %8, %9,\n         QStringLiteral(%10), %11},\n")
                      .arg(platformEnumName(profile.platform), literal(profile.bandwidthEfficiency),
                           literal(profile.computeEfficiency), literal(profile.prefillEfficiency),
                           literal(profile.perTokenOverheadMs), literal(profile.layerSplitOverheadMs),
                           literal(profile.tensorSyncUs), literal(profile.batchEfficiency),
                           QString::number(profile.rowsFitted))
                      .arg(quoted(profile.provenance), literal(profile.kernelCeilingGBs));
    }
    source += QStringLiteral("    };\n}\n\nQList<ErrorBand> holdOutErrorBands()\n{\n"
                             "    // platform, leave-one-device-out decode MAPE (fraction), decode rows\n    return {\n");
    for (const ErrorBand &band : fit.bands)
        source += QStringLiteral("        {%1, %2, %3},\n").arg(platformEnumName(band.platform), literal(band.mape)).arg(band.rows);
    source += QStringLiteral("    };\n}\n\n} // namespace headroom::calibration\n");
    return source;
}

} // namespace headroom
