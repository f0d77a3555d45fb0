#include "core/JsonVariant.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace headroom {

QVariant variantFromJson(const nlohmann::json &value)
{
    using Type = nlohmann::json::value_t;
    switch (value.type()) {
    case Type::null: return QVariant::fromValue(nullptr);
    case Type::boolean: return value.get<bool>();
    case Type::number_integer: return qint64(value.get<std::int64_t>());
    case Type::number_unsigned: {
        const std::uint64_t number = value.get<std::uint64_t>();
        if (number <= std::uint64_t(std::numeric_limits<qint64>::max()))
            return qint64(number);
        return quint64(number);
    }
    case Type::number_float: return value.get<double>();
    case Type::string: return QString::fromStdString(value.get_ref<const std::string &>());
    case Type::array: {
        QVariantList list;
        list.reserve(qsizetype(value.size()));
        for (const nlohmann::json &item : value)
            list.append(variantFromJson(item));
        return list;
    }
    case Type::object: {
        QVariantMap map;
        for (auto it = value.cbegin(); it != value.cend(); ++it)
            map.insert(QString::fromStdString(it.key()), variantFromJson(it.value()));
        return map;
    }
    case Type::binary:
    case Type::discarded: break;
    }
    return {};
}

nlohmann::json jsonFromVariant(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr: return nullptr;
    case QMetaType::Bool: return value.toBool();
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short: return std::int64_t(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort: return std::uint64_t(value.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float: return value.toDouble();
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        nlohmann::json array = nlohmann::json::array();
        for (const QVariant &item : value.toList())
            array.push_back(jsonFromVariant(item));
        return array;
    }
    case QMetaType::QVariantMap: {
        nlohmann::json object = nlohmann::json::object();
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            object[it.key().toStdString()] = jsonFromVariant(it.value());
        return object;
    }
    default: break;
    }
    if (value.canConvert<QString>())
        return value.toString().toStdString();
    return nullptr;
}

} // namespace headroom
