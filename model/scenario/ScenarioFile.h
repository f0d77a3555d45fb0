#pragma once

#include "scenario/Scenario.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace headroom {

constexpr int ScenarioFormatVersion = 1;

using ScenarioOrDiagnostics = std::variant<Scenario, Diagnostics>;

// Parses a `headroom-scenario` document. Never throws; refuses newer versions and wrong types
// with diagnostics naming `origin`, the field and the problem. Unknown fields go to Scenario::extra.
ScenarioOrDiagnostics parseScenario(const QByteArray &json, const QString &origin);
QByteArray serializeScenario(const Scenario &scenario);

ScenarioOrDiagnostics readScenarioFile(const QString &path);
// Atomic, checked to the disk (writeFileSafely). Returns an empty string on success, else the error message naming the file.
QString writeScenarioFile(const QString &path, const Scenario &scenario);

} // namespace headroom
