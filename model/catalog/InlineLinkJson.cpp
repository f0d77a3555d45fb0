#include "catalog/InlineLinkJson.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string_view>

namespace headroom {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::string_view, 5> kFields{"name", "bandwidth_gbs", "latency_us", "rdma", "topology"};
constexpr double kMaxLinkGBs = 10'000;         // beyond NVLink Switch's 900 GB/s per direction
constexpr double kMaxLinkLatencyUs = 1'000'000; // a second: no network anyone clusters over

QString numberText(double value)
{
    return QString::number(value, 'g', 10);
}

// A positive number up to `maximum`, or the problem with it.
std::variant<double, QString> positive(const Json &object, const char *field, double maximum)
{
    const auto value = object.find(field);
    const QString range = QStringLiteral("must be a positive number up to ") + numberText(maximum);
    if (value == object.end())
        return QStringLiteral("missing");
    if (!value->is_number())
        return range;
    const double number = value->get<double>();
    if (!(number > 0 && number <= maximum))
        return range + QStringLiteral(", got ") + numberText(number);
    return number;
}

} // namespace

std::variant<ClusterLink, InlineLinkProblem> inlineLinkFromJson(const Json &object)
{
    if (!object.is_object())
        return InlineLinkProblem{QString(), QStringLiteral("must be a link id or {\"name\", \"bandwidth_gbs\", \"latency_us\"}")};
    for (const auto &item : object.items()) {
        if (std::find(kFields.begin(), kFields.end(), std::string_view(item.key())) == kFields.end())
            return InlineLinkProblem{QString::fromStdString(item.key()),
                                     QStringLiteral("unknown field (expected name, bandwidth_gbs, latency_us, rdma, topology)")};
    }
    ClusterLink link;
    link.name = QStringLiteral("custom link");
    if (const auto name = object.find("name"); name != object.end()) {
        if (!name->is_string() || name->get_ref<const std::string &>().empty())
            return InlineLinkProblem{QStringLiteral("name"), QStringLiteral("must be a non-empty string")};
        link.name = QString::fromStdString(name->get<std::string>());
    }
    link.shortName = link.name;
    for (const auto &[field, maximum, target] : {std::tuple{"bandwidth_gbs", kMaxLinkGBs, &link.bandwidthGBs},
                                                 std::tuple{"latency_us", kMaxLinkLatencyUs, &link.latencyUs}}) {
        const std::variant<double, QString> value = positive(object, field, maximum);
        if (const QString *problem = std::get_if<QString>(&value))
            return InlineLinkProblem{QString::fromLatin1(field), *problem};
        *target = std::get<double>(value);
    }
    if (const auto rdma = object.find("rdma"); rdma != object.end()) {
        if (!rdma->is_boolean())
            return InlineLinkProblem{QStringLiteral("rdma"), QStringLiteral("must be true or false")};
        link.rdma = rdma->get<bool>();
    }
    if (const auto topology = object.find("topology"); topology != object.end()) {
        const std::optional<LinkTopology> parsed = topology->is_string()
            ? linkTopologyFromString(QString::fromStdString(topology->get<std::string>()))
            : std::nullopt;
        if (!parsed)
            return InlineLinkProblem{QStringLiteral("topology"), QStringLiteral("must be mesh or switch")};
        link.topology = *parsed;
    }
    return link;
}

Json inlineLinkToJson(const ClusterLink &link)
{
    return Json{{"name", link.name.toStdString()},
                {"bandwidth_gbs", link.bandwidthGBs},
                {"latency_us", link.latencyUs},
                {"rdma", link.rdma},
                {"topology", toString(link.topology).toStdString()}};
}

} // namespace headroom
