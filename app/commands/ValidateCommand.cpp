// `headroom validate`: both methods against measured speeds, as a text table or JSON.
#include "ValidateCommand.h"

#include "engine/Calibration.h"
#include "catalog/Catalog.h"
#include "measured/MeasuredData.h"
#include "measured/Validation.h"
#include "core/Units.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace headroom {
namespace {

const ScoreSection kSections[] = {ScoreSection::Decode, ScoreSection::Concurrency, ScoreSection::Prefill};

QString percent(const std::optional<double> &mape)
{
    return mape ? QString::number(*mape * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("-");
}

using Json = nlohmann::json;

Json jsonNumber(const std::optional<double> &value)
{
    return value ? Json(*value) : Json(nullptr);
}

QString sectionTitle(ScoreSection section)
{
    switch (section) {
    case ScoreSection::Decode: return QStringLiteral("Decode t/s, one user");
    case ScoreSection::Concurrency: return QStringLiteral("Decode t/s with concurrent users");
    case ScoreSection::Prefill: return QStringLiteral("Prompt processing t/s (the seed method has none)");
    }
    return {};
}

// The rows kept out of the error figures, each with its estimate and the measurement that contradicts it.
void writeSetAside(const ValidationReport &report, QTextStream &out)
{
    bool any = false;
    for (const RowScore &row : report.rows) {
        if (row.setAside.isEmpty())
            continue;
        if (!any)
            out << "\nSet aside: a measurement beside them contradicts them (their own source, or the same runtime's later kernels;\n"
                   "scored, never fitted, outside the groups above)\n";
        any = true;
        out << QStringLiteral("line %1 %2 %3: measured %4 t/s, roofline %5, held out %6; %7\n")
                   .arg(row.line).arg(row.sourceId, row.hardwareId, formatSpeedNumber(row.measured), formatSpeedNumber(row.roofline),
                        row.rooflineHoldOut ? formatSpeedNumber(*row.rooflineHoldOut) : QStringLiteral("-"), row.setAside);
    }
}

void writeText(const ValidationReport &report, int rowCount, const QString &origin, QTextStream &out)
{
    out << "Mean absolute percentage error against " << rowCount << " measured rows (" << origin << ")\n";
    out << "roofline = built-in calibration; hold-out = refitted without the row's source (leave-one-source-out, over the\n"
           "shipped measurements and these); in range = share of held-out estimates whose likely range holds the measured value;\n"
           "rows measured with speculative decoding are only in their own runtime group (Headroom estimates plain decode), as\n"
           "are rows set aside because a measurement beside them contradicts them (listed at the end, with the reason)\n";
    for (ScoreSection section : kSections) {
        bool any = false;
        for (const ScoreGroup &group : report.groups)
            any = any || group.section == section;
        if (!any)
            continue;
        out << '\n' << sectionTitle(section) << '\n';
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(QStringLiteral("dimension"), -18).arg(QStringLiteral("group"), -34).arg(QStringLiteral("rows"), 5)
                   .arg(QStringLiteral("seed"), 9).arg(QStringLiteral("roofline"), 9).arg(QStringLiteral("hold-out"), 9)
                   .arg(QStringLiteral("in range"), 9);
        for (const ScoreGroup &group : report.groups) {
            if (group.section != section)
                continue;
            out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                       .arg(group.dimension, -18).arg(group.key, -34).arg(group.rows, 5)
                       .arg(percent(group.seedMape), 9).arg(percent(group.rooflineMape), 9)
                       .arg(percent(group.rooflineHoldOutMape), 9).arg(percent(group.holdOutCoverage), 9);
        }
    }
    writeSetAside(report, out);
}

void writeJson(const ValidationReport &report, int rowCount, const QString &origin, QTextStream &out)
{
    Json sections = Json::array();
    for (ScoreSection section : kSections) {
        Json groups = Json::array();
        for (const ScoreGroup &group : report.groups) {
            if (group.section != section)
                continue;
            groups.push_back({{"dimension", group.dimension.toStdString()},
                              {"group", group.key.toStdString()},
                              {"rows", group.rows},
                              {"seed_mape", jsonNumber(group.seedMape)},
                              {"roofline_mape", group.rooflineMape},
                              {"roofline_holdout_mape", jsonNumber(group.rooflineHoldOutMape)},
                              {"holdout_range_coverage", jsonNumber(group.holdOutCoverage)}});
        }
        if (!groups.empty())
            sections.push_back({{"section", toString(section).toStdString()}, {"groups", std::move(groups)}});
    }
    Json rows = Json::array();
    for (const RowScore &row : report.rows) {
        rows.push_back({{"line", row.line},
                        {"section", toString(row.section).toStdString()},
                        {"hardware", row.hardwareId.toStdString()},
                        {"platform", toString(row.platform).toStdString()},
                        {"source", row.sourceId.toStdString()},
                        {"runtime", row.runtime.toStdString()},
                        {"gpu_count", row.gpuCount},
                        {"measured_tps", row.measured},
                        {"seed_tps", jsonNumber(row.seed)},
                        {"roofline_tps", row.roofline},
                        {"roofline_low_tps", row.rooflineLow},
                        {"roofline_high_tps", row.rooflineHigh},
                        {"roofline_holdout_tps", jsonNumber(row.rooflineHoldOut)},
                        {"holdout_low_tps", jsonNumber(row.holdOutLow)},
                        {"holdout_high_tps", jsonNumber(row.holdOutHigh)},
                        {"set_aside", row.setAside.toStdString()}});
    }
    const Json root{{"data", origin.toStdString()},
                    {"rows", rowCount},
                    {"mape_unit", "fraction"},
                    {"sections", std::move(sections)},
                    {"per_row", std::move(rows)}};
    out << QString::fromStdString(root.dump(4, ' ', false, Json::error_handler_t::replace)) << '\n';
}

} // namespace

int runValidate(const QString &dataPath, const QString &format, QTextStream &out, QTextStream &err)
{
    const QString wanted = format.isEmpty() ? QStringLiteral("text") : format.toLower();
    if (wanted != QLatin1String("text") && wanted != QLatin1String("json")) {
        err << "validate: unknown format '" << format << "' (use text or json)\n";
        return 2;
    }
    const QString origin = dataPath.isEmpty() ? QStringLiteral("shipped measured.csv") : dataPath;
    // A user's file: every good row is scored, every refused one named; any refusal makes the exit status 2.
    const MeasuredCsv loaded = dataPath.isEmpty() ? MeasuredCsv{embeddedMeasuredRows(), {}, false} : loadMeasuredCsvRows(dataPath);
    if (!loaded.problems.isEmpty())
        err << toString(loaded.problems) << '\n';
    Diagnostics unscorable;
    const MeasuredRows rows = scorableRows(loaded.rows, embeddedCatalog(), origin, unscorable);
    if (!unscorable.isEmpty())
        err << toString(unscorable) << '\n';
    if (rows.isEmpty()) {
        if (!loaded.fileRefused)
            err << origin << ": no measured rows\n";
        return 2;
    }
    // A user's rows are held out against a fit over the shipped measurements and theirs, source by source.
    const MeasuredRows alsoFittedOn = dataPath.isEmpty() ? MeasuredRows() : embeddedMeasuredRows();
    const ValidationReport report = validate(rows, embeddedCatalog(), Calibration::builtIn(), true, alsoFittedOn);
    if (wanted == QLatin1String("json"))
        writeJson(report, int(rows.size()), origin, out);
    else
        writeText(report, int(rows.size()), origin, out);
    out.flush();
    return loaded.problems.isEmpty() && unscorable.isEmpty() ? 0 : 2;
}

} // namespace headroom
