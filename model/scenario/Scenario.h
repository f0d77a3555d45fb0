#pragma once

#include "advisor/Advisor.h"
#include "core/Defaults.h"
#include "core/Diagnostic.h"
#include "core/Estimate.h"
#include "core/Hardware.h"
#include "core/LanguageModel.h"

#include <QList>
#include <QString>
#include <QVariantMap>

#include <optional>
#include <variant>

namespace headroom {

enum class ChartKind { Speed, Memory, Concurrency, Roofline, Value, Accuracy };
QString toString(ChartKind chart);
std::optional<ChartKind> chartKindFromString(const QString &text);

// One configuration on screen: what to run, whether it is shown, and how it is labelled.
struct ScenarioConfiguration {
    Configuration configuration;
    bool checked = true;
    QString label;    // display label; empty = derived ("2x RTX 5090")
    QString systemId; // named system this came from, if any
    bool operator==(const ScenarioConfiguration &) const = default;
};

// Everything the window shows; serialised as `headroom-scenario` JSON (ScenarioFile.h).
struct Scenario {
    QList<ScenarioConfiguration> configurations;
    QString modelId = QStringLiteral("llama-3.3-70b");
    std::optional<LanguageModel> customModel; // set by the model-size slider or an inline model; wins over modelId
    QString quantName = QStringLiteral("Q4_K_M");
    Workload workload;
    Method method = Method::Roofline;
    double seedEfficiency = defaults::kSeedEfficiency;
    double appleUsableFraction = defaults::kAppleUsableFraction;
    Runtime runtime = Runtime::Auto; // applied to configurations whose runtime is Auto
    ChartKind chart = ChartKind::Speed;
    AdvisorRequirements advisor; // the Advisor panel's requirements ("advisor" in the file)
    QVariantMap extra; // unknown fields read from a file, written back unchanged (core/JsonVariant.h)

    bool operator==(const Scenario &) const = default;
};

// The article's seven configurations: M4 Pro Mac mini, M4 Max, M3 Ultra, 1x and 2x RTX 5090,
// 1x and 2x RTX PRO 6000; Llama 3.3 70B Q4_K_M, 1 user, 4K context.
Scenario articleLineupScenario();
QList<ScenarioConfiguration> articleLineupConfigurations();

} // namespace headroom
