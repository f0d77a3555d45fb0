// parseTour / serializeTour: the `headroom-tour` document.
#include "scenario/Tour.h"
#include "core/FileLimits.h"

#include "core/ScenarioJsonReader.h"
#include "scenario/TourStepScenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <limits>

namespace headroom {
namespace {

const QString FormatName = QStringLiteral("headroom-tour");
const QString StepsKey = QStringLiteral("steps");
const QString ScenarioKey = QStringLiteral("scenario");
const QString DurationKey = QStringLiteral("duration_s");

constexpr qsizetype MaxTourSteps = limits::kMaxTourSteps;

const QSet<QString> &stepKeys()
{
    static const QSet<QString> keys{QStringLiteral("title"), QStringLiteral("caption"), DurationKey, ScenarioKey};
    return keys;
}

std::optional<QString> nonEmptyString(ScenarioJsonReader &reader, const QJsonObject &object, const QString &key,
                                      const QString &path)
{
    auto text = reader.string(object, key, path, true);
    if (text && text->trimmed().isEmpty()) {
        reader.problem(path, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return text;
}

// Reads steps[index] on top of `previous`; returns the step, or nullopt after adding diagnostics.
std::optional<TourStep> readStep(const QJsonValue &value, qsizetype index, const Scenario &previous,
                                 const QString &origin, const Catalog &catalog, Diagnostics &diagnostics)
{
    const QString path = StepsKey % QStringLiteral("[%1]").arg(index);
    if (!value.isObject()) {
        diagnostics.append(Diagnostic{origin, QString(), path,
                                      QStringLiteral("must be an object, found ") % jsonTypeName(value)});
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    ScenarioJsonReader reader(origin);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!stepKeys().contains(it.key()))
            reader.problem(jsonPath(path, it.key()),
                           QStringLiteral("unknown field (a step has title, caption, duration_s, scenario)"));
    }
    TourStep step;
    step.title = nonEmptyString(reader, object, QStringLiteral("title"), jsonPath(path, QStringLiteral("title")))
                     .value_or(QString());
    step.caption = reader.string(object, QStringLiteral("caption"), jsonPath(path, QStringLiteral("caption")), true)
                       .value_or(QString());
    step.durationS = reader.number(object, DurationKey, jsonPath(path, DurationKey), MinStepDurationS,
                                   MaxStepDurationS);
    const QJsonValue patch = object.contains(ScenarioKey) ? object.value(ScenarioKey) : QJsonValue(QJsonObject());
    step.patch = patch.toObject();
    ScenarioOrDiagnostics scenario = applyStepPatch(previous, patch, origin, path, catalog);
    diagnostics.append(reader.diagnostics());
    if (auto *problems = std::get_if<Diagnostics>(&scenario)) {
        diagnostics.append(*problems);
        return std::nullopt;
    }
    if (!reader.ok())
        return std::nullopt;
    step.scenario = std::get<Scenario>(std::move(scenario));
    return step;
}

} // namespace

TourOrDiagnostics parseTour(const QByteArray &json, const QString &origin, const Catalog &catalog)
{
    auto parsed = parseJsonObject(json, origin);
    if (auto *diagnostics = std::get_if<Diagnostics>(&parsed))
        return std::move(*diagnostics);
    const QJsonObject root = std::get<QJsonObject>(std::move(parsed));

    ScenarioJsonReader reader(origin);
    if (!reader.header(root, FormatName, TourFormatVersion))
        return reader.diagnostics(); // the rest of an unknown document is not worth reading

    Tour tour;
    tour.origin = origin;
    tour.name = nonEmptyString(reader, root, QStringLiteral("name"), QStringLiteral("name")).value_or(QString());
    tour.title = nonEmptyString(reader, root, QStringLiteral("title"), QStringLiteral("title")).value_or(QString());
    Diagnostics diagnostics = reader.diagnostics();
    auto problem = [&](const QString &text) { diagnostics.append(Diagnostic{origin, QString(), StepsKey, text}); };
    const QJsonValue steps = root.value(StepsKey);
    if (!root.contains(StepsKey))
        problem(QStringLiteral("is required"));
    else if (!steps.isArray())
        problem(QStringLiteral("must be an array of steps, found ") % jsonTypeName(steps));
    else if (steps.toArray().isEmpty())
        problem(QStringLiteral("is empty; a tour needs at least one step"));
    else if (steps.toArray().size() > MaxTourSteps)
        problem(QStringLiteral("has %1 steps, more than a tour may have (%2)").arg(steps.toArray().size()).arg(MaxTourSteps));
    if (!diagnostics.isEmpty())
        return diagnostics;

    // A step that cannot be read leaves the scenario as it was, so later steps are still checked.
    Scenario previous = articleLineupScenario();
    const QJsonArray array = steps.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (std::optional<TourStep> step = readStep(array.at(i), i, previous, origin, catalog, diagnostics)) {
            previous = step->scenario;
            tour.steps.append(std::move(*step));
        }
    }
    if (!diagnostics.isEmpty())
        return diagnostics;
    return tour;
}

QByteArray serializeTour(const Tour &tour)
{
    QJsonArray steps;
    for (const TourStep &step : tour.steps) {
        QJsonObject object{{QStringLiteral("title"), step.title}, {QStringLiteral("caption"), step.caption}};
        if (step.durationS)
            object.insert(DurationKey, *step.durationS);
        object.insert(ScenarioKey, step.patch);
        steps.append(object);
    }
    const QJsonObject root{{QStringLiteral("format"), FormatName},
                           {QStringLiteral("version"), TourFormatVersion},
                           {QStringLiteral("name"), tour.name},
                           {QStringLiteral("title"), tour.title},
                           {StepsKey, steps}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

TourStep recordedStep(const Scenario &scenario, int stepNumber)
{
    TourStep step;
    step.title = QStringLiteral("Step %1").arg(stepNumber);
    step.patch = scenarioPatch(scenario);
    step.scenario = scenario;
    step.scenario.extra = {};
    return step;
}

} // namespace headroom
