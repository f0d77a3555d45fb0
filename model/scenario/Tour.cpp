// parseTour / serializeTour: the `headroom-tour` document.
#include "scenario/Tour.h"

#include "core/FileLimits.h"
#include "core/JsonVariant.h"
#include "core/ScenarioJsonReader.h"
#include "scenario/TourStepScenario.h"

#include <QSet>

#include <limits>

namespace headroom {
namespace {

using Json = nlohmann::json;

const QString FormatName = QStringLiteral("headroom-tour");
const QString StepsKey = QStringLiteral("steps");
constexpr const char *ScenarioKey = "scenario";
constexpr const char *DurationKey = "duration_s";

constexpr qsizetype MaxTourSteps = limits::kMaxTourSteps;

bool isStepKey(const std::string &key)
{
    return key == "title" || key == "caption" || key == DurationKey || key == ScenarioKey;
}

QString at(const QString &path, const char *key)
{
    return jsonPath(path, QLatin1String(key));
}

std::optional<QString> nonEmptyString(ScenarioJsonReader &reader, const Json &object, const char *key,
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
std::optional<TourStep> readStep(const Json &value, std::size_t index, const Scenario &previous,
                                 const QString &origin, const Catalog &catalog, Diagnostics &diagnostics)
{
    const QString path = StepsKey % QStringLiteral("[%1]").arg(index);
    if (!value.is_object()) {
        diagnostics.append(Diagnostic{origin, QString(), path,
                                      QStringLiteral("must be an object, found ") % jsonTypeName(value)});
        return std::nullopt;
    }
    ScenarioJsonReader reader(origin);
    for (auto it = value.cbegin(); it != value.cend(); ++it) {
        if (!isStepKey(it.key()))
            reader.problem(jsonPath(path, QString::fromStdString(it.key())),
                           QStringLiteral("unknown field (a step has title, caption, duration_s, scenario)"));
    }
    TourStep step;
    step.title = nonEmptyString(reader, value, "title", at(path, "title")).value_or(QString());
    step.caption = reader.string(value, "caption", at(path, "caption"), true).value_or(QString());
    step.durationS = reader.number(value, DurationKey, at(path, DurationKey), MinStepDurationS, MaxStepDurationS);
    const auto found = value.find(ScenarioKey);
    const Json patch = found != value.end() ? *found : Json::object();
    if (patch.is_object())
        step.patch = variantFromJson(patch).toMap();
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
    const Json &root = std::get<Json>(parsed);

    ScenarioJsonReader reader(origin);
    if (!reader.header(root, FormatName, TourFormatVersion))
        return reader.diagnostics(); // the rest of an unknown document is not worth reading

    Tour tour;
    tour.origin = origin;
    tour.name = nonEmptyString(reader, root, "name", QStringLiteral("name")).value_or(QString());
    tour.title = nonEmptyString(reader, root, "title", QStringLiteral("title")).value_or(QString());
    Diagnostics diagnostics = reader.diagnostics();
    auto problem = [&](const QString &text) { diagnostics.append(Diagnostic{origin, QString(), StepsKey, text}); };
    const auto steps = root.find("steps");
    if (steps == root.end())
        problem(QStringLiteral("is required"));
    else if (!steps->is_array())
        problem(QStringLiteral("must be an array of steps, found ") % jsonTypeName(*steps));
    else if (steps->empty())
        problem(QStringLiteral("is empty; a tour needs at least one step"));
    else if (steps->size() > std::size_t(MaxTourSteps))
        problem(QStringLiteral("has %1 steps, more than a tour may have (%2)").arg(steps->size()).arg(MaxTourSteps));
    if (!diagnostics.isEmpty())
        return diagnostics;

    // A step that cannot be read leaves the scenario as it was, so later steps are still checked.
    Scenario previous = articleLineupScenario();
    for (std::size_t i = 0; i < steps->size(); ++i) {
        if (std::optional<TourStep> step = readStep((*steps)[i], i, previous, origin, catalog, diagnostics)) {
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
    Json steps = Json::array();
    for (const TourStep &step : tour.steps) {
        Json object{{"title", step.title.toStdString()}, {"caption", step.caption.toStdString()}};
        if (step.durationS)
            object[DurationKey] = *step.durationS;
        object[ScenarioKey] = jsonFromVariant(step.patch);
        steps.push_back(std::move(object));
    }
    const Json root{{"format", FormatName.toStdString()},
                    {"version", TourFormatVersion},
                    {"name", tour.name.toStdString()},
                    {"title", tour.title.toStdString()},
                    {"steps", std::move(steps)}};
    return indentedJson(root);
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
