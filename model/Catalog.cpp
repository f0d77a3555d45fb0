// The Catalog value type, the embedded catalog and user catalogs overlaid on it.
#include "Catalog.h"

#include "CatalogLimits.h"
#include "CatalogReferences.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCatalog, "headroom.catalog")

namespace headroom {
namespace {

// Inserts `entry` under `key`, replacing an entry with the same key so ids stay unique.
template<typename Entry>
void upsert(QList<Entry> &entries, QHash<QString, qsizetype> &index, const QString &key, const Entry &entry)
{
    if (const auto it = index.constFind(key); it != index.cend()) {
        entries[*it] = entry;
        return;
    }
    index.insert(key, entries.size());
    entries.append(entry);
}

template<typename Entry>
const Entry *find(const QList<Entry> &entries, const QHash<QString, qsizetype> &index, const QString &key)
{
    const auto it = index.constFind(key);
    return it == index.cend() ? nullptr : &entries.at(*it);
}

const QString kEmbeddedOrigin = QStringLiteral("embedded catalog");
const QString kEmbeddedResource = QStringLiteral(":/catalog.json");

Catalog loadEmbedded()
{
    QFile file(kEmbeddedResource);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcCatalog) << "cannot open" << kEmbeddedResource << file.errorString();
        return {};
    }
    CatalogOrDiagnostics loaded = loadCatalog(file.readAll(), kEmbeddedOrigin);
    if (auto *diagnostics = std::get_if<Diagnostics>(&loaded)) {
        // Guarded by tst_catalog_data; an empty catalog keeps the app alive if it ever slips through.
        qCCritical(lcCatalog).noquote() << toString(*diagnostics);
        return {};
    }
    return std::get<Catalog>(std::move(loaded));
}

} // namespace

const Device *Catalog::device(const QString &id) const { return find(m_devices, m_deviceIndex, id); }
const LanguageModel *Catalog::model(const QString &id) const { return find(m_models, m_modelIndex, id); }
const NamedSystem *Catalog::system(const QString &id) const { return find(m_systems, m_systemIndex, id); }

const Quantization *Catalog::quantization(const QString &name) const
{
    return find(m_quantizations, m_quantIndex, name.toLower());
}

void Catalog::addDevice(const Device &device) { upsert(m_devices, m_deviceIndex, device.id, device); }
void Catalog::addModel(const LanguageModel &model) { upsert(m_models, m_modelIndex, model.id, model); }
void Catalog::addSystem(const NamedSystem &system) { upsert(m_systems, m_systemIndex, system.id, system); }

void Catalog::addQuantization(const Quantization &quant)
{
    upsert(m_quantizations, m_quantIndex, quant.name.toLower(), quant);
}

Catalog Catalog::overlaidWith(const Catalog &overlay) const
{
    Catalog result = *this;
    for (const Device &device : overlay.devices())
        result.addDevice(device);
    for (const LanguageModel &model : overlay.models())
        result.addModel(model);
    for (const Quantization &quant : overlay.quantizations())
        result.addQuantization(quant);
    for (const NamedSystem &system : overlay.systems())
        result.addSystem(system);
    return result;
}

// The indexes follow from the lists, so the lists alone decide equality.
bool Catalog::operator==(const Catalog &other) const
{
    return m_devices == other.m_devices && m_models == other.m_models && m_quantizations == other.m_quantizations
        && m_systems == other.m_systems;
}

const Catalog &embeddedCatalog()
{
    static const Catalog catalog = loadEmbedded(); // initialised once, thread-safe (C++11 magic static)
    return catalog;
}

CatalogOrDiagnostics loadUserCatalog(const QString &path)
{
    const auto failure = [&](const QString &problem) { return Diagnostics{Diagnostic{path, QString(), QString(), problem}}; };
    const QFileInfo info(path);
    if (!info.exists())
        return failure(QStringLiteral("cannot read file: it does not exist"));
    if (info.isDir())
        return failure(QStringLiteral("cannot read file: it is a directory"));
    if (info.size() > catalog::kMaxCatalogBytes)
        return failure(QStringLiteral("cannot read file: %1 bytes is larger than the %2-byte limit for a catalog")
                           .arg(info.size())
                           .arg(catalog::kMaxCatalogBytes));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read file: %1").arg(file.errorString()));
    const QByteArray bytes = file.read(catalog::kMaxCatalogBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return failure(QStringLiteral("cannot read file: %1").arg(file.errorString()));

    CatalogOrDiagnostics user = loadCatalog(bytes, path, true);
    if (std::holds_alternative<Diagnostics>(user))
        return user;
    Catalog merged = embeddedCatalog().overlaidWith(std::get<Catalog>(user));
    if (Diagnostics problems = catalog::checkReferences(merged, path); !problems.isEmpty())
        return problems;
    return merged;
}

} // namespace headroom
