#include "core/ScenarioJsonReader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace headroom {

QString jsonPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent % QLatin1Char('.') % key;
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("undefined");
}

void ScenarioJsonReader::problem(const QString &path, const QString &text)
{
    m_diagnostics.append(Diagnostic{m_origin, QString(), path, text});
}

bool ScenarioJsonReader::present(const QJsonObject &object, const QString &key, const QString &path,
                                 bool required)
{
    if (object.contains(key))
        return true;
    if (required)
        problem(path, QStringLiteral("is required"));
    return false;
}

std::optional<QString> ScenarioJsonReader::string(const QJsonObject &object, const QString &key,
                                                  const QString &path, bool required)
{
    if (!present(object, key, path, required))
        return std::nullopt;
    const QJsonValue value = object.value(key);
    if (!value.isString()) {
        problem(path, QStringLiteral("must be a string, found ") % jsonTypeName(value));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<double> ScenarioJsonReader::number(const QJsonObject &object, const QString &key,
                                                 const QString &path, double minimum, double maximum,
                                                 bool required)
{
    if (!present(object, key, path, required))
        return std::nullopt;
    const QJsonValue value = object.value(key);
    if (!value.isDouble()) {
        problem(path, QStringLiteral("must be a number, found ") % jsonTypeName(value));
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < minimum || number > maximum) {
        problem(path, QStringLiteral("must be between %1 and %2, found %3")
                          .arg(minimum).arg(maximum).arg(number));
        return std::nullopt;
    }
    return number;
}

bool ScenarioJsonReader::header(const QJsonObject &root, const QString &formatName, int newestVersion)
{
    const auto format = string(root, QStringLiteral("format"), QStringLiteral("format"), true);
    if (format && *format != formatName)
        problem(QStringLiteral("format"), QStringLiteral("is \"%1\", expected \"%2\"").arg(*format, formatName));
    const auto version = integer(root, QStringLiteral("version"), QStringLiteral("version"), 1,
                                 std::numeric_limits<int>::max(), true);
    if (version && *version > newestVersion)
        problem(QStringLiteral("version"), QStringLiteral("%1 is newer than this Headroom reads (%2); update Headroom to open it")
                                               .arg(*version).arg(newestVersion));
    return ok();
}

std::optional<int> ScenarioJsonReader::integer(const QJsonObject &object, const QString &key,
                                               const QString &path, int minimum, int maximum, bool required)
{
    const std::optional<double> number = this->number(object, key, path, minimum, maximum, required);
    if (!number)
        return std::nullopt;
    if (std::floor(*number) != *number) {
        problem(path, QStringLiteral("must be a whole number, found %1").arg(*number));
        return std::nullopt;
    }
    return static_cast<int>(*number);
}

std::optional<bool> ScenarioJsonReader::boolean(const QJsonObject &object, const QString &key,
                                                const QString &path)
{
    if (!object.contains(key))
        return std::nullopt;
    const QJsonValue value = object.value(key);
    if (!value.isBool()) {
        problem(path, QStringLiteral("must be true or false, found ") % jsonTypeName(value));
        return std::nullopt;
    }
    return value.toBool();
}

std::variant<QJsonObject, Diagnostics> parseJsonObject(const QByteArray &json, const QString &origin)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return Diagnostics{Diagnostic{origin, QString(), QString(),
                                      QStringLiteral("not valid JSON at offset %1: %2")
                                          .arg(error.offset).arg(error.errorString())}};
    }
    if (!document.isObject())
        return Diagnostics{Diagnostic{origin, QString(), QString(), QStringLiteral("must be a JSON object")}};
    return document.object();
}

} // namespace headroom
