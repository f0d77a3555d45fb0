#pragma once

// Private to the config.json importer: reading fields from a config.json with their origin, and the
// architecture a file names.

#include "core/ImportedModel.h"
#include "import/HfConfigArchitectures.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

namespace headroom::hfconfig {

using Json = nlohmann::json;

// Plausibility bounds for a shape field: far above any published model, low enough that products stay exact.
constexpr std::int64_t kMaxShapeValue = 100'000'000;

// Reads fields from the text model's section (text_config of multimodal checkpoints) or the top level,
// records where each value came from, and collects missing and invalid fields.
class ConfigFields final
{
public:
    ConfigFields(const Json &root, QList<ImportProvenance> &provenance) : m_root(root), m_provenance(provenance)
    {
        if (const auto text = root.find("text_config"); text != root.end() && text->is_object())
            m_text = &*text;
    }

    // The value at `key`, text section first; nullptr when absent or null.
    const Json *find(const char *key, QString *path = nullptr) const
    {
        for (const Json *section : {m_text, &m_root}) {
            if (!section)
                continue;
            const auto found = section->find(key);
            if (found != section->end() && !found->is_null()) {
                if (path)
                    *path = (section == m_text ? QStringLiteral("text_config.") : QString()) + QLatin1String(key);
                return &*found;
            }
        }
        return nullptr;
    }

    // A positive integer from the first of `keys` present; records `field`'s origin. Absent: nullopt
    // (and a missing-field entry when `required`). Present but not a positive integer: an invalid entry.
    std::optional<std::int64_t> integer(std::initializer_list<const char *> keys, const char *field, bool required = false)
    {
        for (const char *key : keys) {
            QString path;
            const Json *value = find(key, &path);
            if (!value)
                continue;
            if (!value->is_number_integer() || value->get<std::int64_t>() <= 0 || value->get<std::int64_t>() > kMaxShapeValue) {
                m_invalid.append({path, QStringLiteral("must be a positive integer up to %1, got %2")
                                            .arg(kMaxShapeValue).arg(QString::fromStdString(value->dump()).left(40))});
                return std::nullopt;
            }
            record(field, QStringLiteral("config.json ") + path);
            return value->get<std::int64_t>();
        }
        if (required)
            m_missing << QLatin1String(*keys.begin());
        return std::nullopt;
    }

    // A count that may be 0 (num_nextn_predict_layers): the first of `keys` present, 0 when none is.
    std::int64_t count(std::initializer_list<const char *> keys)
    {
        for (const char *key : keys) {
            QString path;
            const Json *value = find(key, &path);
            if (!value)
                continue;
            if (!value->is_number_integer() || value->get<std::int64_t>() < 0 || value->get<std::int64_t>() > kMaxShapeValue) {
                m_invalid.append({path, QStringLiteral("must be an integer from 0 to %1, got %2")
                                            .arg(kMaxShapeValue).arg(QString::fromStdString(value->dump()).left(40))});
                return 0;
            }
            return value->get<std::int64_t>();
        }
        return 0;
    }

    // Like integer(), falling back to the architecture's default (recorded as such) or `fallback`.
    std::int64_t integerOr(std::initializer_list<const char *> keys, const char *field, std::int64_t fallback, const QString &fallbackOrigin)
    {
        if (const auto value = integer(keys, field))
            return *value;
        if (fallback > 0)
            record(field, fallbackOrigin);
        return fallback;
    }

    bool flag(const char *key, bool fallback) const
    {
        const Json *value = find(key);
        return value && value->is_boolean() ? value->get<bool>() : fallback;
    }

    const Json *array(const char *key, QString *path = nullptr) const
    {
        const Json *value = find(key, path);
        return value && value->is_array() ? value : nullptr;
    }

    std::string text(const char *key) const
    {
        const Json *value = find(key);
        return value && value->is_string() ? value->get<std::string>() : std::string();
    }

    std::string rootText(const char *key) const
    {
        const auto found = m_root.find(key);
        return found != m_root.end() && found->is_string() ? found->get<std::string>() : std::string();
    }

    // The latest origin of a field replaces an earlier one (a derived head_dim overridden by MLA's v_head_dim).
    void record(const char *field, const QString &origin)
    {
        if (!field)
            return;
        const QString name = QLatin1String(field);
        m_provenance.removeIf([&name](const ImportProvenance &item) { return item.field == name; });
        m_provenance.append({name, origin});
    }

    void reportInvalid(const QString &path, const QString &problem) { m_invalid.append({path, problem}); }
    void reportMissing(const char *key) { m_missing << QLatin1String(key); }

    const QStringList &missing() const { return m_missing; }
    const QList<std::pair<QString, QString>> &invalid() const { return m_invalid; }

private:
    const Json &m_root;
    const Json *m_text = nullptr;
    QList<ImportProvenance> &m_provenance;
    QStringList m_missing;
    QList<std::pair<QString, QString>> m_invalid;
};

struct Architecture {
    std::string modelType;
    QString label; // for messages: "MixtralForCausalLM (mixtral)"
    const ArchitectureDefaults *defaults = nullptr;
};

Architecture architectureOf(const ConfigFields &fields, const Json &root);

// How many entries of a per-layer list (layer_types, layers_block_type) equal `value`.
int countEntries(const Json &list, const char *value);

} // namespace headroom::hfconfig
