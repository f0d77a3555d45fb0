#pragma once

// Typed, range-checked reads of one field of an `estimate` query object. A bad field throws QueryError with
// "field: problem"; the query reader catches it at the end of the query, so the first problem wins.
#include <nlohmann/json.hpp>

#include <QString>
#include <QStringBuilder>

#include <optional>
#include <string_view>

namespace headroom::query_fields {

using Json = nlohmann::json;

struct QueryError {
    QString message;
};

[[noreturn]] void fail(std::string_view field, const QString &problem);

// A number as a message quotes it: up to ten significant digits, no trailing zeros.
QString numberText(double value);

// The field's value, or nullptr when the query does not have it (an explicit null is a value).
const Json *find(const Json &query, std::string_view field);

QString readString(const Json &value, std::string_view field);

// A whole number from minimum to maximum; `fallback` when absent.
int readInt(const Json &query, std::string_view field, int fallback, int minimum, int maximum);

// min_tps_per_user: tokens per second within the range the advisor and the window accept.
double readMinTps(const Json &query);

// A number in (0, 1]; `fallback` when absent.
double readFraction(const Json &query, std::string_view field, double fallback);

// One of an enum's names, read with `fromString`; `choices` lists them for the message.
template<typename Enum, typename FromString>
Enum readEnum(const Json &query, std::string_view field, Enum fallback, FromString fromString, const QString &choices)
{
    const Json *value = find(query, field);
    if (!value)
        return fallback;
    const QString text = readString(*value, field);
    const std::optional<Enum> parsed = fromString(text);
    if (!parsed)
        fail(field, QStringLiteral("unknown value '") % text % QStringLiteral("' (expected ") % choices % QLatin1Char(')'));
    return *parsed;
}

} // namespace headroom::query_fields
