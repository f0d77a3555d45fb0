// The Catalog value type, the embedded catalog and user catalogs overlaid on it.
#include "catalog/Catalog.h"

#include "catalog/CatalogLimits.h"
#include "catalog/CatalogReferences.h"
#include "core/FileLimits.h"
#include "core/SafeFile.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QStringList>

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

const QByteArray &embeddedBytes()
{
    static const QByteArray bytes = [] {
        QFile file(kEmbeddedResource);
        if (!file.open(QIODevice::ReadOnly))
            qCCritical(lcCatalog) << "cannot open" << kEmbeddedResource << file.errorString();
        return file.readAll();
    }();
    return bytes;
}

Catalog loadEmbedded()
{
    CatalogOrDiagnostics loaded = loadCatalog(embeddedBytes(), kEmbeddedOrigin);
    if (auto *diagnostics = std::get_if<Diagnostics>(&loaded)) {
        // Guarded by tst_catalog_data; an empty catalog keeps the app alive if it ever slips through.
        qCCritical(lcCatalog).noquote() << toString(*diagnostics);
        return {};
    }
    return std::get<Catalog>(std::move(loaded));
}

// "systems[bizon-x5500-g2]" -> "bizon-x5500-g2"; empty for labels of other sections.
QString systemIdOf(const QString &entry)
{
    const QLatin1String prefix("systems[");
    return entry.startsWith(prefix) && entry.endsWith(QLatin1Char(']')) ? entry.mid(prefix.size(), entry.size() - prefix.size() - 1)
                                                                         : QString();
}

bool isUserEntry(const Catalog &user, const QString &entry)
{
    const qsizetype open = entry.indexOf(QLatin1Char('['));
    if (open < 0 || !entry.endsWith(QLatin1Char(']')))
        return true; // not an entry label: a problem of the file itself
    const QString section = entry.left(open);
    const QString id = entry.mid(open + 1, entry.size() - open - 2);
    if (section == QLatin1String("devices"))
        return user.device(id) != nullptr;
    if (section == QLatin1String("models"))
        return user.model(id) != nullptr;
    if (section == QLatin1String("quantizations"))
        return user.quantization(id) != nullptr;
    if (section == QLatin1String("systems"))
        return user.system(id) != nullptr;
    if (section == QLatin1String("links"))
        return user.link(id) != nullptr;
    return true;
}

Catalog withoutSystems(const Catalog &catalog, const QSet<QString> &systemIds)
{
    Catalog result;
    for (const Device &device : catalog.devices())
        result.addDevice(device);
    for (const LanguageModel &model : catalog.models())
        result.addModel(model);
    for (const Quantization &quant : catalog.quantizations())
        result.addQuantization(quant);
    for (const NamedSystem &system : catalog.systems()) {
        if (!systemIds.contains(system.id))
            result.addSystem(system);
    }
    for (const ClusterLink &link : catalog.links())
        result.addLink(link);
    return result;
}

} // namespace

const Device *Catalog::device(const QString &id) const { return find(m_devices, m_deviceIndex, id); }
const LanguageModel *Catalog::model(const QString &id) const { return find(m_models, m_modelIndex, id); }
const NamedSystem *Catalog::system(const QString &id) const { return find(m_systems, m_systemIndex, id); }
const ClusterLink *Catalog::link(const QString &id) const { return find(m_links, m_linkIndex, id); }

const Quantization *Catalog::quantization(const QString &name) const
{
    return find(m_quantizations, m_quantIndex, name.toLower());
}

void Catalog::addDevice(const Device &device) { upsert(m_devices, m_deviceIndex, device.id, device); }
void Catalog::addModel(const LanguageModel &model) { upsert(m_models, m_modelIndex, model.id, model); }
void Catalog::addSystem(const NamedSystem &system) { upsert(m_systems, m_systemIndex, system.id, system); }
void Catalog::addLink(const ClusterLink &link) { upsert(m_links, m_linkIndex, link.id, link); }

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
    for (const ClusterLink &link : overlay.links())
        result.addLink(link);
    return result;
}

// The indexes follow from the lists, so the lists alone decide equality.
bool Catalog::operator==(const Catalog &other) const
{
    return m_devices == other.m_devices && m_models == other.m_models && m_quantizations == other.m_quantizations
        && m_systems == other.m_systems && m_links == other.m_links;
}

const Catalog &embeddedCatalog()
{
    static const Catalog catalog = loadEmbedded(); // initialised once, thread-safe (C++11 magic static)
    return catalog;
}

CatalogOrDiagnostics loadUserCatalog(const QString &path)
{
    const auto failure = [&](const QString &problem) { return Diagnostics{Diagnostic{path, QString(), QString(), problem}}; };
    if (!QFileInfo::exists(path))
        return failure(QStringLiteral("cannot read file: it does not exist"));
    const BytesOrProblem read = readLimitedFile(path, limits::kMaxCatalogBytes, QStringLiteral("a catalog"));
    if (const auto *problem = std::get_if<QString>(&read))
        return failure(QStringLiteral("cannot read file: %1").arg(*problem));
    const QByteArray &bytes = std::get<QByteArray>(read);

    CatalogOrDiagnostics loaded = loadCatalogOver(bytes, path, embeddedBytes());
    if (std::holds_alternative<Diagnostics>(loaded))
        return loaded;
    const Catalog &user = std::get<Catalog>(loaded);
    Catalog merged = embeddedCatalog().overlaidWith(user);
    // Only the user's own entries are blamed. A built-in system that the user's changes make impossible (a
    // device's max_count lowered below the system's card count) is left out, with a note in the log.
    Diagnostics own;
    QSet<QString> dropped;
    for (const Diagnostic &problem : catalog::checkReferences(merged, path)) {
        if (isUserEntry(user, problem.entry))
            own << problem;
        else if (const QString id = systemIdOf(problem.entry); !id.isEmpty())
            dropped.insert(id);
    }
    if (!own.isEmpty())
        return own;
    if (!dropped.isEmpty()) {
        QStringList ids = dropped.values();
        ids.sort();
        qCInfo(lcCatalog).noquote() << QStringLiteral("%1: the built-in systems %2 are left out: the catalog's changes make them impossible")
                                           .arg(path, ids.join(QStringLiteral(", ")));
        merged = withoutSystems(merged, dropped);
    }
    return merged;
}

} // namespace headroom
