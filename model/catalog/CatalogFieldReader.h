#pragma once

// Private to the catalog loader: typed, validating access to the fields of one JSON entry.
// Every problem is appended to a shared Diagnostics list naming file, entry and field; nothing throws.

#include "core/Diagnostic.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace headroom::catalog {

using Json = nlohmann::json;

// Accepted interval for a number. `lowestExclusive` turns "at least" into "greater than".
struct NumberLimits {
    double lowest = 0;
    bool lowestExclusive = true;
    double highest = 0;
};

enum class Presence { Required, Optional };

// A short rendering of a JSON value for messages: strings quoted and cut, containers named.
QString describe(const Json &value);

// Formats a number as a message expects it: "-5", "0.25", "100000".
QString formatNumber(double value);

class EntryReader final
{
public:
    // `object` must outlive the reader. `entry` is the label used in diagnostics, e.g. "devices[3]".
    EntryReader(const Json &object, Diagnostics &diagnostics, QString file, QString entry);

    // Relabels later diagnostics once the id is known ("devices[3]" -> "devices[rtx-5090]").
    void setEntry(const QString &entry) { m_entry = entry; }
    const QString &entry() const { return m_entry; }

    bool has(const char *field) const;
    void report(const QString &field, const QString &problem);

    // A non-empty string.
    std::optional<QString> text(const char *field, Presence presence);
    // A string that may be empty ("source": "").
    std::optional<QString> anyText(const char *field, Presence presence);
    // An id: a non-empty string without white space.
    std::optional<QString> identifier(const char *field, Presence presence);
    std::optional<double> number(const char *field, Presence presence, const NumberLimits &limits);
    std::optional<int> integer(const char *field, Presence presence, int lowest, int highest);
    // true or false.
    std::optional<bool> flag(const char *field, Presence presence);
    // A non-empty list of numbers within `limits`, without repeats.
    std::optional<QList<double>> numberList(const char *field, Presence presence, const NumberLimits &limits);
    // A list of ids (may be empty).
    std::optional<QStringList> identifierList(const char *field, Presence presence);
    // A string that `fromString` accepts; `allowed` lists the spellings for the message.
    template<typename Enum>
    std::optional<Enum> choice(const char *field, Presence presence,
                               std::optional<Enum> (*fromString)(const QString &), const char *allowed)
    {
        const std::optional<QString> value = text(field, presence);
        if (!value)
            return std::nullopt;
        std::optional<Enum> parsed = fromString(*value);
        if (!parsed)
            report(QString::fromLatin1(field), mustBeOneOf(allowed, *value));
        return parsed;
    }
    // A child of the given JSON type, or nullptr (reported when present with another type or required).
    const Json *child(const char *field, Presence presence, Json::value_t type);

    static QString mustBeOneOf(const char *allowed, const QString &got);

private:
    const Json *lookup(const char *field, Presence presence);
    std::optional<double> checkedNumber(const QString &field, const Json &value, const NumberLimits &limits);

    const Json &m_object;
    Diagnostics &m_diagnostics;
    QString m_file;
    QString m_entry;
};

} // namespace headroom::catalog
