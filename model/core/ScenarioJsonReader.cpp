#include "core/ScenarioJsonReader.h"

#include "core/JsonNesting.h"

#include <cmath>
#include <limits>
#include <new>

namespace headroom {

QString jsonPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent % QLatin1Char('.') % key;
}

QString jsonTypeName(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null: return QStringLiteral("null");
    case nlohmann::json::value_t::boolean: return QStringLiteral("a boolean");
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return QStringLiteral("a number");
    case nlohmann::json::value_t::string: return QStringLiteral("a string");
    case nlohmann::json::value_t::array: return QStringLiteral("an array");
    case nlohmann::json::value_t::object: return QStringLiteral("an object");
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded: break;
    }
    return QStringLiteral("undefined");
}

QByteArray indentedJson(const nlohmann::json &document)
{
    return QByteArray::fromStdString(document.dump(4, ' ', false, nlohmann::json::error_handler_t::replace)) + '\n';
}

void ScenarioJsonReader::problem(const QString &path, const QString &text)
{
    m_diagnostics.append(Diagnostic{m_origin, QString(), path, text});
}

const ScenarioJsonReader::Json *ScenarioJsonReader::present(const Json &object, const std::string &key,
                                                            const QString &path, bool required)
{
    if (object.is_object()) {
        if (const auto it = object.find(key); it != object.end())
            return &*it;
    }
    if (required)
        problem(path, QStringLiteral("is required"));
    return nullptr;
}

std::optional<QString> ScenarioJsonReader::string(const Json &object, const std::string &key, const QString &path,
                                                  bool required)
{
    const Json *value = present(object, key, path, required);
    if (!value)
        return std::nullopt;
    if (!value->is_string()) {
        problem(path, QStringLiteral("must be a string, found ") % jsonTypeName(*value));
        return std::nullopt;
    }
    return QString::fromStdString(value->get_ref<const std::string &>());
}

std::optional<double> ScenarioJsonReader::number(const Json &object, const std::string &key, const QString &path,
                                                 double minimum, double maximum, bool required)
{
    const Json *value = present(object, key, path, required);
    if (!value)
        return std::nullopt;
    if (!value->is_number()) {
        problem(path, QStringLiteral("must be a number, found ") % jsonTypeName(*value));
        return std::nullopt;
    }
    const double number = value->get<double>();
    if (!std::isfinite(number) || number < minimum || number > maximum) {
        problem(path, QStringLiteral("must be between %1 and %2, found %3")
                          .arg(minimum).arg(maximum).arg(number));
        return std::nullopt;
    }
    return number;
}

bool ScenarioJsonReader::header(const Json &root, const QString &formatName, int newestVersion)
{
    const auto format = string(root, "format", QStringLiteral("format"), true);
    if (format && *format != formatName)
        problem(QStringLiteral("format"), QStringLiteral("is \"%1\", expected \"%2\"").arg(*format, formatName));
    const auto version = integer(root, "version", QStringLiteral("version"), 1, std::numeric_limits<int>::max(), true);
    if (version && *version > newestVersion)
        problem(QStringLiteral("version"), QStringLiteral("%1 is newer than this Headroom reads (%2); update Headroom to open it")
                                               .arg(*version).arg(newestVersion));
    return ok();
}

std::optional<int> ScenarioJsonReader::integer(const Json &object, const std::string &key, const QString &path,
                                               int minimum, int maximum, bool required)
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

std::optional<bool> ScenarioJsonReader::boolean(const Json &object, const std::string &key, const QString &path)
{
    const Json *value = present(object, key, path, false);
    if (!value)
        return std::nullopt;
    if (!value->is_boolean()) {
        problem(path, QStringLiteral("must be true or false, found ") % jsonTypeName(*value));
        return std::nullopt;
    }
    return value->get<bool>();
}

std::variant<nlohmann::json, Diagnostics> parseJsonObject(const QByteArray &json, const QString &origin)
{
    const auto refused = [&](const QString &problem) {
        return Diagnostics{Diagnostic{origin, QString(), QString(), problem}};
    };
    if (const qsizetype at = jsonNestingExceededAt(json); at >= 0) {
        return refused(QStringLiteral("not valid JSON at offset %1: nested deeper than %2 levels")
                           .arg(at)
                           .arg(MaxJsonNestingDepth));
    }
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(json.cbegin(), json.cend());
    } catch (const nlohmann::json::parse_error &error) {
        // nlohmann counts bytes from 1 and names line and column in its message.
        const qsizetype offset = error.byte > 0 ? qsizetype(error.byte - 1) : 0;
        return refused(QStringLiteral("not valid JSON at offset %1: %2").arg(offset).arg(jsonErrorReason(error.what())));
    } catch (const nlohmann::json::exception &error) { // a number beyond a double's range
        return refused(QStringLiteral("not valid JSON: %1").arg(jsonErrorReason(error.what())));
    } catch (const std::bad_alloc &) {
        return refused(QStringLiteral("too large to hold in memory"));
    }
    if (!document.is_object())
        return refused(QStringLiteral("must be a JSON object"));
    return document;
}

} // namespace headroom
