#pragma once

#include "core/Diagnostic.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <variant>

namespace headroom {

// Typed field access on a JSON object that records a diagnostic (file, field path, problem)
// for every missing or mistyped value instead of throwing. Used by the scenario and tour readers.
class ScenarioJsonReader final
{
public:
    using Json = nlohmann::json;

    explicit ScenarioJsonReader(QString origin) : m_origin(std::move(origin)) { }

    // Each returns nullopt when the key is absent (and `required` is false) or on a problem,
    // in which case a diagnostic naming `path` is added.
    std::optional<QString> string(const Json &object, const std::string &key, const QString &path,
                                  bool required = false);
    std::optional<int> integer(const Json &object, const std::string &key, const QString &path,
                               int minimum, int maximum, bool required = false);
    std::optional<double> number(const Json &object, const std::string &key, const QString &path,
                                 double minimum, double maximum, bool required = false);
    // The document header {"format": formatName, "version": 1 ... newestVersion}: a problem for another format
    // or a newer version. Returns ok().
    bool header(const Json &root, const QString &formatName, int newestVersion);
    std::optional<bool> boolean(const Json &object, const std::string &key, const QString &path);

    void problem(const QString &path, const QString &text);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    bool ok() const { return m_diagnostics.isEmpty(); }

private:
    const Json *present(const Json &object, const std::string &key, const QString &path, bool required);

    QString m_origin;
    Diagnostics m_diagnostics;
};

// Parses a document whose top level must be an object. Never throws; nesting deeper than
// MaxJsonNestingDepth is refused before parsing. A problem comes back as one diagnostic naming `origin`,
// with the offset, line and column of a syntax error.
std::variant<nlohmann::json, Diagnostics> parseJsonObject(const QByteArray &json, const QString &origin);

// "workload" + "context" -> "workload.context"; "" + "model" -> "model".
QString jsonPath(const QString &parent, const QString &key);

// A JSON value's type for messages: "a string", "an array", ...
QString jsonTypeName(const nlohmann::json &value);

// A document as Headroom writes its files: four-space indents, keys in order, a final newline.
QByteArray indentedJson(const nlohmann::json &document);

} // namespace headroom
