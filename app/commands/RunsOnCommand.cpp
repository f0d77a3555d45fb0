#include "RunsOnCommand.h"

#include "catalog/ClusterLinkLookup.h"
#include "core/CardCount.h"
#include "engine/Cluster.h"

#include "CommandIo.h"
#include "detect/Detection.h"
#include "engine/RunsOn.h"

#include <nlohmann/json.hpp>

#include <QStringList>

#include <cmath>

namespace headroom {
namespace {

constexpr double memoryOptionToleranceGB = 1e-6;
constexpr int speedDecimals = 1; // t/s in the listing: one decimal is what a reader compares

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

} // namespace

std::variant<RunsOnReport, QString> computeRunsOn(const Options &options, const Catalog &catalog)
{
    Options resolved = options;
    if (options.thisMachine) {
        const Detection detection = detectFrom(probeThisMachine(), catalog);
        if (!detection.configuration)
            return QStringLiteral("--this-machine: ") % (detection.readings.notes + detection.notes).join(QStringLiteral("; "));
        resolved.hardware = detection.configuration->deviceId;
        resolved.count = detection.configuration->count;
        if (options.memoryGB <= 0)
            resolved.memoryGB = detection.configuration->memoryGB;
    }
    return computeRunsOnFor(resolved, catalog);
}

std::variant<RunsOnReport, QString> computeRunsOnFor(const Options &options, const Catalog &catalog)
{
    const Device *device = catalog.device(options.hardware);
    if (!device)
        return QStringLiteral("--hardware: unknown device '") % options.hardware % QLatin1Char('\'');
    double memoryGB = device->largestMemoryGB();
    if (options.memoryGB > 0) {
        QStringList choices;
        memoryGB = 0;
        for (double option : device->memoryOptionsGB) {
            if (std::abs(option - options.memoryGB) < memoryOptionToleranceGB)
                memoryGB = option;
            choices << QString::number(option);
        }
        if (memoryGB == 0) {
            return QStringLiteral("--memory-gb: ") % QString::number(options.memoryGB)
                % QStringLiteral(" is not an option of ") % device->id % QStringLiteral(" (")
                % choices.join(QStringLiteral(", ")) % QLatin1Char(')');
        }
    }

    Configuration configuration;
    if (const QString problem = cardCountProblem(*device, options.count); !problem.isEmpty())
        return QStringLiteral("--count: ") % problem;
    configuration.deviceId = device->id;
    configuration.count = options.count;
    configuration.memoryGB = memoryGB;
    configuration.nodes = options.nodes;
    configuration.linkId = options.linkId;
    if (!options.linkId.isEmpty() && options.nodes <= 1)
        return QStringLiteral("--link: joins the machines of a cluster: give --nodes 2 or more");
    if (const ClusterLinkLookup link = lookUpClusterLink(catalog, configuration, *device); !link.problem.isEmpty())
        return QStringLiteral("--") % link.problem;
    else if (const ClusterRefusal refusal = clusterRefusal(Runtime::LlamaCpp, NodeSplit::Pipeline, LanguageModel(),
                                                           configuration, link.link);
             !refusal.isEmpty())
        return QStringLiteral("--") % refusal.field % QStringLiteral(": ") % refusal.problem;
    Workload workload;
    workload.contextTokens = options.context;
    workload.users = options.concurrency;
    return *runsOn(catalog, configuration, workload); // the device exists: checked above
}

QByteArray runsOnJson(const RunsOnReport &report)
{
    using Json = nlohmann::json;
    Json models = Json::array();
    for (const RunsOnRow &row : report.rows) {
        Json entry = {{"model", row.modelId.toStdString()},
                      {"quant", row.quantName.toStdString()},
                      {"fit", toString(row.fit).toStdString()},
                      {"decode_tps_per_user", nullptr},
                      {"best_quant", row.bestQuant}};
        if (row.fit != Fit::DoesNotFit && std::isfinite(row.decodeTpsPerUser))
            entry["decode_tps_per_user"] = roundTo(row.decodeTpsPerUser, speedDecimals);
        models.push_back(std::move(entry));
    }
    Json document = Json::object();
    document["hardware"] = report.hardware.toStdString();
    document["count"] = report.count;
    document["memory_gb"] = report.memoryGB;
    if (report.nodes > 1) {
        document["nodes"] = report.nodes;
        document["link"] = report.linkId.toStdString();
    }
    document["models"] = std::move(models);
    return QByteArray::fromStdString(document.dump(2, ' ', false, Json::error_handler_t::replace)) + '\n';
}

QString runsOnMarkdown(const RunsOnReport &report)
{
    QString text = QStringLiteral("%1x %2 (%3), %4 GB each; %5-token context, %6 concurrent user(s)\n\n")
                       .arg(report.count)
                       .arg(report.hardwareName, report.hardware, QString::number(report.memoryGB))
                       .arg(report.contextTokens)
                       .arg(report.users);
    if (report.nodes > 1)
        text.prepend(QStringLiteral("%1 machines joined by %2, each ").arg(report.nodes).arg(report.linkId));
    text += QStringLiteral("| Model | Quantization | Fit | Decode t/s per user | Best quantization |\n"
                           "|---|---|---|---|---|\n");
    for (const RunsOnRow &row : report.rows) {
        const QString speed = row.fit == Fit::DoesNotFit ? QStringLiteral("-")
                                                         : QString::number(row.decodeTpsPerUser, 'f', speedDecimals);
        text += QStringLiteral("| ") % row.modelName % QStringLiteral(" | ") % row.quantName % QStringLiteral(" | ")
            % toString(row.fit) % QStringLiteral(" | ") % speed % QStringLiteral(" | ")
            % (row.bestQuant ? QStringLiteral("yes") : QString()) % QStringLiteral(" |\n");
    }
    return text;
}

int runRunsOn(const Options &options, QTextStream &out, QTextStream &err)
{
    const QString command = QStringLiteral("runs-on");
    const std::optional<Catalog> catalog = loadCommandCatalog(options.catalogPath, command, err);
    if (!catalog)
        return 2;
    const auto computed = computeRunsOn(options, *catalog);
    if (const auto *problem = std::get_if<QString>(&computed)) {
        err << "headroom runs-on: " << *problem << Qt::endl;
        return 2;
    }
    const RunsOnReport &report = std::get<RunsOnReport>(computed);
    if (options.format == QLatin1String("markdown"))
        out << runsOnMarkdown(report);
    else
        out << QString::fromUtf8(runsOnJson(report));
    out.flush();
    return 0;
}

} // namespace headroom
