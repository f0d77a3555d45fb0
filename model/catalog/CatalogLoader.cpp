// loadCatalog(): bytes -> validated Catalog, or every problem found, each naming file, entry and field.
//
// The document: {"format": "headroom-catalog", "version": 1, "devices": [...], "models": [...],
// "quantizations": [...], "systems": [...], "links": [...]}, fields in snake_case as SPEC §2 names them. A complete
// catalog (the embedded one) needs format, version, every section and every field; a partial one (a user
// catalog) may leave out any of them, and its entries take the defaults documented in the readers.
#include "catalog/Catalog.h"
#include "catalog/CatalogEntryReaders.h"
#include "catalog/CatalogLimits.h"
#include "core/JsonNesting.h"
#include "catalog/CatalogReferences.h"

#include <QHash>
#include <QLoggingCategory>

#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <utility>

Q_LOGGING_CATEGORY(lcCatalogLoader, "headroom.catalog.loader")

namespace headroom {
namespace {

using catalog::Json;

Diagnostics single(const QString &file, const QString &problem)
{
    return Diagnostics{Diagnostic{file, QString(), QString(), problem}};
}

bool isBlank(const QByteArray &bytes)
{
    return bytes.trimmed().isEmpty();
}

std::optional<Json> parse(const QByteArray &bytes, const QString &file, Diagnostics &diagnostics)
{
    if (isBlank(bytes)) {
        diagnostics = single(file, QStringLiteral("is empty; expected a JSON object"));
        return std::nullopt;
    }
    if (const qsizetype at = jsonNestingExceededAt(bytes, catalog::kMaxNestingDepth); at >= 0) {
        diagnostics = single(file, QStringLiteral("not valid JSON at byte %1: nested deeper than %2 levels")
                                       .arg(at + 1) // 1-based, as the parser counts bytes
                                       .arg(catalog::kMaxNestingDepth));
        return std::nullopt;
    }
    try {
        return Json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const Json::parse_error &error) {
        diagnostics = single(file, QStringLiteral("not valid JSON at byte %1: %2")
                                       .arg(error.byte)
                                       .arg(jsonErrorReason(error.what())));
    } catch (const Json::out_of_range &error) { // a number beyond a double's range
        diagnostics = single(file, QStringLiteral("not valid JSON: %1").arg(jsonErrorReason(error.what())));
    }
    return std::nullopt;
}

// format and version: a newer version is refused outright, its sections may mean something else.
bool checkHeader(const Json &document, const catalog::ReadContext &context)
{
    catalog::EntryReader reader(document, context.diagnostics, context.file, QString());
    if (const std::optional<QString> format = reader.anyText("format", context.detail());
        format && *format != QLatin1String(catalog::kFormatName))
        reader.report(QStringLiteral("format"), QStringLiteral("must be \"%1\", got \"%2\"")
                                                    .arg(QLatin1String(catalog::kFormatName), format->left(40)));
    const std::optional<int> version = reader.integer("version", context.detail(), 1, std::numeric_limits<int>::max());
    if (version && *version > catalog::kFormatVersion) {
        reader.report(QStringLiteral("version"),
                      QStringLiteral("version %1 is newer than this Headroom reads (%2); update Headroom")
                          .arg(*version)
                          .arg(catalog::kFormatVersion));
        return false;
    }
    return true;
}

template<typename Entry>
using SectionReader = std::optional<Entry> (*)(const Json &, const catalog::ReadContext &, const QString &);

// Reads one section: entries labelled by id (or by index when the id is unusable), duplicates reported.
template<typename Entry>
void readSection(const Json &document, const char *section, const char *idField, SectionReader<Entry> readEntry,
                 const catalog::ReadContext &context, const std::function<void(const Entry &)> &add,
                 catalog::Presence presence)
{
    catalog::EntryReader top(document, context.diagnostics, context.file, QString());
    const Json *entries = top.child(section, presence, Json::value_t::array);
    if (!entries)
        return;
    QHash<QString, QString> firstLabelById; // case-folded id -> label of its first entry
    const QString sectionName = QString::fromLatin1(section);
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const Json &json = (*entries)[i];
        QString entry = sectionName + QStringLiteral("[%1]").arg(i);
        if (!json.is_object()) {
            context.diagnostics.append({context.file, entry, QString(),
                                        QStringLiteral("must be an object, got %1").arg(catalog::describe(json))});
            continue;
        }
        const auto id = json.find(idField);
        if (id != json.end() && id->is_string() && !id->get_ref<const std::string &>().empty()) {
            const QString idText = QString::fromStdString(id->get_ref<const std::string &>());
            entry = sectionName + QLatin1Char('[') + idText + QLatin1Char(']');
            const QString key = idText.toLower();
            if (const auto first = firstLabelById.constFind(key); first != firstLabelById.cend()) {
                context.diagnostics.append({context.file, entry, QString::fromLatin1(idField),
                                            QStringLiteral("duplicate id \"%1\" (first defined at %2)")
                                                .arg(idText, *first)});
                continue;
            }
            firstLabelById.insert(key, sectionName + QStringLiteral("[%1]").arg(i));
        }
        if (std::optional<Entry> value = readEntry(json, context, entry))
            add(*value);
    }
}

void logUnknownKeys(const Json &document, const QString &file)
{
    static const QStringList known{QStringLiteral("format"),        QStringLiteral("version"),
                                   QStringLiteral("devices"),       QStringLiteral("models"),
                                   QStringLiteral("quantizations"), QStringLiteral("systems"),
                                   QStringLiteral("links"),         QStringLiteral("notes")};
    for (auto it = document.cbegin(); it != document.cend(); ++it) {
        const QString key = QString::fromStdString(it.key());
        if (!known.contains(key))
            qCInfo(lcCatalogLoader) << file << "ignores unknown top-level field" << key;
    }
}

CatalogOrDiagnostics readDocument(const Json &document, const QString &file, bool partial)
{
    Diagnostics diagnostics;
    const catalog::ReadContext context{diagnostics, file, partial};
    if (!document.is_object())
        return single(file, QStringLiteral("must be a JSON object at the top level, got %1").arg(catalog::describe(document)));
    if (!checkHeader(document, context))
        return diagnostics;
    logUnknownKeys(document, file);

    Catalog result;
    readSection<Device>(document, "devices", "id", &catalog::readDevice, context,
                        [&](const Device &device) { result.addDevice(device); }, context.detail());
    readSection<LanguageModel>(document, "models", "id", &catalog::readModel, context,
                               [&](const LanguageModel &model) { result.addModel(model); }, context.detail());
    readSection<Quantization>(document, "quantizations", "name", &catalog::readQuantization, context,
                              [&](const Quantization &quant) { result.addQuantization(quant); }, context.detail());
    readSection<NamedSystem>(document, "systems", "id", &catalog::readSystem, context,
                             [&](const NamedSystem &system) { result.addSystem(system); }, context.detail());
    readSection<ClusterLink>(document, "links", "id", &catalog::readLink, context,
                             [&](const ClusterLink &link) { result.addLink(link); },
                             catalog::Presence::Optional); // catalogs from before clusters have none
    // A partial catalog may name entries of the catalog it overlays: loadUserCatalog checks it after overlay.
    if (!partial && diagnostics.isEmpty())
        diagnostics = catalog::checkReferences(result, file);
    if (!diagnostics.isEmpty())
        return diagnostics;
    return result;
}

// The sections and the field that identifies an entry in each.
constexpr std::pair<const char *, const char *> kSectionIds[] = {
    {"devices", "id"}, {"models", "id"}, {"quantizations", "name"}, {"systems", "id"}, {"links", "id"}};

// Every entry of `document` that shares its id with an entry of `base` takes the base entry's fields for the
// ones it leaves out, so overriding one field of a device keeps all its others.
void fillFromBase(Json &document, const Json &base)
{
    if (!document.is_object() || !base.is_object())
        return;
    for (const auto &[section, idField] : kSectionIds) {
        const auto entries = document.find(section);
        const auto baseEntries = base.find(section);
        if (entries == document.end() || !entries->is_array() || baseEntries == base.end() || !baseEntries->is_array())
            continue;
        std::map<std::string, const Json *> baseById;
        for (const Json &entry : *baseEntries) {
            if (const auto id = entry.find(idField); id != entry.end() && id->is_string())
                baseById.emplace(id->get<std::string>(), &entry);
        }
        for (Json &entry : *entries) {
            const auto id = entry.is_object() ? entry.find(idField) : entry.end();
            if (!entry.is_object() || id == entry.end() || !id->is_string())
                continue;
            const auto found = baseById.find(id->get<std::string>());
            if (found == baseById.end())
                continue;
            Json merged = *found->second;
            for (const auto &field : entry.items())
                merged[field.key()] = field.value();
            entry = std::move(merged);
        }
    }
}

} // namespace

CatalogOrDiagnostics loadCatalogOver(const QByteArray &json, const QString &origin, const QByteArray &baseJson)
{
    try {
        Diagnostics diagnostics;
        std::optional<Json> document = parse(json, origin, diagnostics);
        if (!document)
            return diagnostics;
        Diagnostics baseProblems;
        if (const std::optional<Json> base = parse(baseJson, origin, baseProblems))
            fillFromBase(*document, *base);
        return readDocument(*document, origin, true);
    } catch (const std::exception &error) {
        return single(origin, QStringLiteral("cannot be read: %1").arg(QString::fromUtf8(error.what())));
    } catch (...) {
        return single(origin, QStringLiteral("cannot be read: unexpected error"));
    }
}

CatalogOrDiagnostics loadCatalog(const QByteArray &json, const QString &origin, bool partial)
{
    try {
        Diagnostics diagnostics;
        const std::optional<Json> document = parse(json, origin, diagnostics);
        if (!document)
            return diagnostics;
        return readDocument(*document, origin, partial);
    } catch (const std::exception &error) {
        return single(origin, QStringLiteral("cannot be read: %1").arg(QString::fromUtf8(error.what())));
    } catch (...) {
        return single(origin, QStringLiteral("cannot be read: unexpected error"));
    }
}

} // namespace headroom
