#include "protocol/QueryFields.h"

#include "core/Defaults.h"
#include "core/JsonNesting.h"
#include "core/RequirementRanges.h"

#include <cmath>
#include <cstdint>

namespace headroom::query_fields {

void fail(std::string_view field, const QString &problem)
{
    throw QueryError{QString::fromUtf8(field.data(), qsizetype(field.size())) % QStringLiteral(": ") % problem};
}

QString numberText(double value)
{
    return QString::number(value, 'g', 10);
}

const Json *find(const Json &query, std::string_view field)
{
    const auto it = query.find(field);
    return it == query.end() ? nullptr : &*it;
}

QString readString(const Json &value, std::string_view field)
{
    if (!value.is_string())
        fail(field, QStringLiteral("must be a string"));
    return QString::fromStdString(value.get_ref<const std::string &>());
}

int readInt(const Json &query, std::string_view field, int fallback, int minimum, int maximum)
{
    const Json *value = find(query, field);
    if (!value)
        return fallback;
    const QString range = QStringLiteral("must be a whole number from ") % QString::number(minimum)
        % QStringLiteral(" to ") % QString::number(maximum);
    if (!value->is_number())
        fail(field, range);
    double number = 0;
    if (value->is_number_unsigned())
        number = double(value->get<std::uint64_t>());
    else if (value->is_number_integer())
        number = double(value->get<std::int64_t>());
    else
        number = value->get<double>();
    if (!std::isfinite(number) || number != std::floor(number) || number < minimum || number > maximum)
        fail(field, range % QStringLiteral(", got ") % printableJsonText(value->dump()));
    return int(number);
}

double readMinTps(const Json &query)
{
    constexpr std::string_view field = "min_tps_per_user";
    const Json *value = find(query, field);
    if (!value)
        return defaults::kMinTpsPerUser;
    const QString range = QStringLiteral("must be a number of tokens per second from %1 to %2")
                              .arg(numberText(ranges::kMinDecodeTps.lowest), numberText(ranges::kMinDecodeTps.highest));
    if (!value->is_number())
        fail(field, range);
    const double number = value->get<double>();
    if (!ranges::contains(ranges::kMinDecodeTps, number))
        fail(field, range % QStringLiteral(", got ") % numberText(number));
    return number;
}

double readFraction(const Json &query, std::string_view field, double fallback)
{
    const Json *value = find(query, field);
    if (!value)
        return fallback;
    if (!value->is_number())
        fail(field, QStringLiteral("must be a number greater than 0 and at most 1"));
    const double number = value->get<double>();
    if (!(number > 0 && number <= 1))
        fail(field, QStringLiteral("must be greater than 0 and at most 1, got ") % numberText(number));
    return number;
}

} // namespace headroom::query_fields
