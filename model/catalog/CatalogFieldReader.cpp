#include "catalog/CatalogFieldReader.h"
#include "core/FileLimits.h"

#include <cstring>

#include <QSet>

#include <cmath>
#include <utility>

namespace headroom::catalog {
namespace {

// Strings quoted in messages are cut here so a megabyte-long value cannot flood the output.
constexpr qsizetype kMaxQuotedLength = 40;

QString fieldName(const char *field) { return QString::fromLatin1(field); }

bool isWhiteSpaceFree(const QString &text)
{
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

} // namespace

QString formatNumber(double value)
{
    return QString::number(value, 'g', 12);
}

QString describe(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null: return QStringLiteral("null");
    case Json::value_t::boolean: return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    case Json::value_t::number_integer: return QString::number(value.get<qint64>());
    case Json::value_t::number_unsigned: return QString::number(value.get<quint64>());
    case Json::value_t::number_float: return formatNumber(value.get<double>());
    case Json::value_t::string: {
        QString text = QString::fromStdString(value.get_ref<const std::string &>());
        if (text.size() > kMaxQuotedLength)
            text = text.left(kMaxQuotedLength) + QStringLiteral("...");
        for (QChar &c : text) {
            if (c.category() == QChar::Other_Control)
                c = QLatin1Char('?');
        }
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    case Json::value_t::array: return QStringLiteral("an array");
    case Json::value_t::object: return QStringLiteral("an object");
    case Json::value_t::binary:
    case Json::value_t::discarded: break;
    }
    return QStringLiteral("an unreadable value");
}

EntryReader::EntryReader(const Json &object, Diagnostics &diagnostics, QString file, QString entry)
    : m_object(object)
    , m_diagnostics(diagnostics)
    , m_file(std::move(file))
    , m_entry(std::move(entry))
{
}

bool EntryReader::has(const char *field) const
{
    return m_object.is_object() && m_object.contains(field);
}

void EntryReader::report(const QString &field, const QString &problem)
{
    m_diagnostics.append(Diagnostic{m_file, m_entry, field, problem});
}

QString EntryReader::mustBeOneOf(const char *allowed, const QString &got)
{
    return QStringLiteral("must be one of %1; got \"%2\"").arg(QString::fromLatin1(allowed), got.left(kMaxQuotedLength));
}

const Json *EntryReader::lookup(const char *field, Presence presence)
{
    if (!m_object.is_object())
        return nullptr;
    const auto it = m_object.find(field);
    if (it == m_object.end()) {
        if (presence == Presence::Required)
            report(fieldName(field), QStringLiteral("is required but missing"));
        return nullptr;
    }
    return &*it;
}

std::optional<QString> EntryReader::anyText(const char *field, Presence presence)
{
    const Json *value = lookup(field, presence);
    if (!value)
        return std::nullopt;
    if (!value->is_string()) {
        report(fieldName(field), QStringLiteral("must be a string, got %1").arg(describe(*value)));
        return std::nullopt;
    }
    QString text = QString::fromStdString(value->get_ref<const std::string &>());
    const int maxLength = std::strcmp(field, "name") == 0 ? limits::kMaxNameLength : limits::kMaxTextLength;
    if (text.size() > maxLength) {
        report(fieldName(field), QStringLiteral("is %1 characters long; at most %2").arg(text.size()).arg(maxLength));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> EntryReader::text(const char *field, Presence presence)
{
    std::optional<QString> value = anyText(field, presence);
    if (value && value->trimmed().isEmpty()) {
        report(fieldName(field), QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> EntryReader::identifier(const char *field, Presence presence)
{
    std::optional<QString> value = text(field, presence);
    if (value && !isWhiteSpaceFree(*value)) {
        report(fieldName(field), QStringLiteral("must be an id without spaces, got \"%1\"")
                                     .arg(value->left(kMaxQuotedLength)));
        return std::nullopt;
    }
    return value;
}

std::optional<double> EntryReader::checkedNumber(const QString &field, const Json &value, const NumberLimits &limits)
{
    if (!value.is_number()) {
        report(field, QStringLiteral("must be a number, got %1").arg(describe(value)));
        return std::nullopt;
    }
    const double number = value.get<double>();
    if (!std::isfinite(number)) {
        report(field, QStringLiteral("must be a finite number"));
        return std::nullopt;
    }
    const bool tooLow = limits.lowestExclusive ? number <= limits.lowest : number < limits.lowest;
    if (tooLow) {
        if (limits.lowest == 0)
            report(field, (limits.lowestExclusive ? QStringLiteral("must be a positive number, got %1")
                                                  : QStringLiteral("must not be negative, got %1"))
                              .arg(formatNumber(number)));
        else
            report(field, QStringLiteral("must be %1 %2, got %3")
                              .arg(limits.lowestExclusive ? QStringLiteral("greater than") : QStringLiteral("at least"),
                                   formatNumber(limits.lowest), formatNumber(number)));
        return std::nullopt;
    }
    if (number > limits.highest) {
        report(field, QStringLiteral("is absurd: must be at most %1, got %2")
                          .arg(formatNumber(limits.highest), formatNumber(number)));
        return std::nullopt;
    }
    return number;
}

std::optional<double> EntryReader::number(const char *field, Presence presence, const NumberLimits &limits)
{
    const Json *value = lookup(field, presence);
    if (!value)
        return std::nullopt;
    return checkedNumber(fieldName(field), *value, limits);
}

std::optional<int> EntryReader::integer(const char *field, Presence presence, int lowest, int highest)
{
    const Json *value = lookup(field, presence);
    if (!value)
        return std::nullopt;
    const NumberLimits limits{double(lowest), false, double(highest)};
    const std::optional<double> number = checkedNumber(fieldName(field), *value, limits);
    if (!number)
        return std::nullopt;
    if (std::trunc(*number) != *number) {
        report(fieldName(field), QStringLiteral("must be a whole number, got %1").arg(formatNumber(*number)));
        return std::nullopt;
    }
    return int(*number);
}

std::optional<bool> EntryReader::flag(const char *field, Presence presence)
{
    const Json *value = lookup(field, presence);
    if (!value)
        return std::nullopt;
    if (!value->is_boolean()) {
        report(fieldName(field), QStringLiteral("must be true or false, got %1").arg(describe(*value)));
        return std::nullopt;
    }
    return value->get<bool>();
}

std::optional<QList<double>> EntryReader::numberList(const char *field, Presence presence, const NumberLimits &limits)
{
    const Json *value = lookup(field, presence);
    if (!value)
        return std::nullopt;
    if (!value->is_array() || value->empty()) {
        report(fieldName(field), QStringLiteral("must be a non-empty array of numbers, got %1").arg(describe(*value)));
        return std::nullopt;
    }
    QList<double> numbers;
    bool valid = true;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const QString itemName = fieldName(field) + QStringLiteral("[%1]").arg(i);
        const std::optional<double> number = checkedNumber(itemName, (*value)[i], limits);
        if (!number) {
            valid = false;
        } else if (numbers.contains(*number)) {
            report(itemName, QStringLiteral("repeats %1").arg(formatNumber(*number)));
            valid = false;
        } else {
            numbers.append(*number);
        }
    }
    return valid ? std::optional(numbers) : std::nullopt;
}

std::optional<QStringList> EntryReader::identifierList(const char *field, Presence presence)
{
    const Json *value = lookup(field, presence);
    if (!value)
        return std::nullopt;
    if (!value->is_array()) {
        report(fieldName(field), QStringLiteral("must be an array of ids, got %1").arg(describe(*value)));
        return std::nullopt;
    }
    QStringList ids;
    bool valid = true;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const Json &item = (*value)[i];
        const QString itemName = fieldName(field) + QStringLiteral("[%1]").arg(i);
        if (!item.is_string() || item.get_ref<const std::string &>().empty()) {
            report(itemName, QStringLiteral("must be a non-empty id string, got %1").arg(describe(item)));
            valid = false;
            continue;
        }
        const QString id = QString::fromStdString(item.get_ref<const std::string &>());
        if (ids.contains(id)) {
            report(itemName, QStringLiteral("repeats \"%1\"").arg(id));
            valid = false;
            continue;
        }
        ids.append(id);
    }
    return valid ? std::optional(ids) : std::nullopt;
}

const Json *EntryReader::child(const char *field, Presence presence, Json::value_t type)
{
    const Json *value = lookup(field, presence);
    if (!value)
        return nullptr;
    if (value->type() != type) {
        const QString expected = type == Json::value_t::object  ? QStringLiteral("an object")
                                 : type == Json::value_t::array ? QStringLiteral("an array")
                                                                : QStringLiteral("another type");
        report(fieldName(field), QStringLiteral("must be %1, got %2").arg(expected, describe(*value)));
        return nullptr;
    }
    return value;
}

} // namespace headroom::catalog
