#include "catalog/UserModelStore.h"

#include "core/FileLimits.h"
#include "catalog/InlineModelJson.h"
#include "core/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <algorithm>

namespace headroom {
namespace {

Q_LOGGING_CATEGORY(lcUserModels, "headroom.usermodels")

// The catalog document header (same as resources/catalog.json).
constexpr const char *CatalogFormat = "headroom-catalog";
constexpr int CatalogVersion = 1;
constexpr const char *FileName = "models.json";
constexpr const char *BrokenSuffix = ".broken";

// Catalog model fields whose 0 means "not used" but that the catalog reader wants positive when present.
constexpr const char *PositiveOnlyFields[] = {"sliding_window", "mla_latent_dim"};

nlohmann::json catalogModelJson(const LanguageModel &model)
{
    nlohmann::json object = inlineModelToJson(model);
    for (const char *field : PositiveOnlyFields) {
        if (const auto it = object.find(field); it != object.end() && it->get<int>() <= 0)
            object.erase(it);
    }
    if (model.source.isEmpty())
        object.erase("source");
    return object;
}

QByteArray catalogJson(const QList<LanguageModel> &models, const QList<Quantization> &quantizations)
{
    nlohmann::json modelArray = nlohmann::json::array();
    for (const LanguageModel &model : models)
        modelArray.push_back(catalogModelJson(model));
    nlohmann::json quantArray = nlohmann::json::array();
    for (const Quantization &quant : quantizations)
        quantArray.push_back({{"name", quant.name.toStdString()}, {"bits_per_weight", quant.bitsPerWeight}});
    const nlohmann::json document{{"format", CatalogFormat},
                                  {"version", CatalogVersion},
                                  {"models", std::move(modelArray)},
                                  {"quantizations", std::move(quantArray)}};
    return indentedJson(document);
}

bool usesQuantization(const QList<LanguageModel> &models, const QString &name)
{
    return std::any_of(models.cbegin(), models.cend(),
                       [&](const LanguageModel &model) { return model.publishedSizeGB(name).has_value(); });
}

// The model as the store keeps it: a GGUF's file size becomes a published size for its quantization.
LanguageModel storedModel(const ImportedModel &imported, const QString &file)
{
    LanguageModel model = imported.model;
    if (imported.quant && imported.fileSizeGB && *imported.fileSizeGB > 0) {
        model.publishedSizes.erase(std::remove_if(model.publishedSizes.begin(), model.publishedSizes.end(),
                                                  [&](const PublishedSize &size) {
                                                      return size.quant.compare(imported.quant->name, Qt::CaseInsensitive) == 0;
                                                  }),
                                   model.publishedSizes.end());
        model.publishedSizes.append(PublishedSize{imported.quant->name, *imported.fileSizeGB, file});
    }
    return model;
}

} // namespace

QString UserModelStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) % QLatin1Char('/')
        % QLatin1String(FileName);
}

UserModelStore::UserModelStore(const QString &path)
    : m_path(path)
{
}

QString UserModelStore::brokenPath() const
{
    return m_path % QLatin1String(BrokenSuffix);
}

Diagnostics UserModelStore::load()
{
    m_models.clear();
    m_quantizations.clear();
    m_broken = false;
    if (m_path.isEmpty() || !QFileInfo::exists(m_path))
        return {};
    const auto failure = [&](const QString &problem) {
        m_broken = true;
        return Diagnostics{Diagnostic{m_path, QString(), QString(), problem}};
    };
    const BytesOrProblem read = readLimitedFile(m_path, limits::kMaxCatalogBytes, QStringLiteral("a catalog"));
    if (const auto *problem = std::get_if<QString>(&read))
        return failure(QStringLiteral("cannot read file: %1").arg(*problem));
    const CatalogOrDiagnostics loaded = loadCatalog(std::get<QByteArray>(read), m_path, true);
    if (const auto *problems = std::get_if<Diagnostics>(&loaded)) {
        m_broken = true;
        return *problems;
    }
    const Catalog &catalog = std::get<Catalog>(loaded);
    m_models = catalog.models();
    m_quantizations = catalog.quantizations();
    qCInfo(lcUserModels) << "loaded" << m_models.size() << "imported models from" << m_path;
    return {};
}

Catalog UserModelStore::catalog() const
{
    Catalog result;
    for (const LanguageModel &model : m_models)
        result.addModel(model);
    for (const Quantization &quant : m_quantizations)
        result.addQuantization(quant);
    return result;
}

QStringList UserModelStore::ids() const
{
    QStringList ids;
    for (const LanguageModel &model : m_models)
        ids << model.id;
    return ids;
}

Diagnostics UserModelStore::add(const ImportedModel &imported)
{
    const LanguageModel model = storedModel(imported, imported.model.source);
    QList<Quantization> quantizations;
    if (imported.quant)
        quantizations.append(*imported.quant);
    // Read the entry back exactly as the next start will, so a bad import never reaches the file.
    const CatalogOrDiagnostics check = loadCatalog(catalogJson({model}, quantizations), imported.model.id, true);
    if (const auto *problems = std::get_if<Diagnostics>(&check))
        return *problems;

    const auto sameId = [&](const LanguageModel &existing) { return existing.id == model.id; };
    if (const auto it = std::find_if(m_models.begin(), m_models.end(), sameId); it != m_models.end())
        *it = model;
    else
        m_models.append(model);
    if (imported.quant) {
        const auto sameName = [&](const Quantization &quant) {
            return quant.name.compare(imported.quant->name, Qt::CaseInsensitive) == 0;
        };
        if (const auto it = std::find_if(m_quantizations.begin(), m_quantizations.end(), sameName);
            it != m_quantizations.end())
            *it = *imported.quant;
        else
            m_quantizations.append(*imported.quant);
    }
    return {};
}

bool UserModelStore::remove(const QString &id)
{
    const qsizetype removed = m_models.removeIf([&](const LanguageModel &model) { return model.id == id; });
    if (removed == 0)
        return false;
    m_quantizations.removeIf([&](const Quantization &quant) { return !usesQuantization(m_models, quant.name); });
    return true;
}

Diagnostics UserModelStore::save()
{
    if (m_path.isEmpty())
        return {};
    const auto failure = [&](const QString &problem) { return Diagnostics{Diagnostic{m_path, QString(), QString(), problem}}; };
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return failure(QStringLiteral("cannot create the folder %1").arg(QFileInfo(m_path).absolutePath()));
    if (m_broken && QFileInfo::exists(m_path)) {
        QFile::remove(brokenPath());
        if (!QFile::rename(m_path, brokenPath()))
            return failure(QStringLiteral("cannot move the unreadable file aside to %1").arg(brokenPath()));
        qCWarning(lcUserModels) << "moved the unreadable" << m_path << "to" << brokenPath();
    }
    if (const QString problem = writeFileSafely(m_path, toJson()); !problem.isEmpty())
        return failure(problem);
    m_broken = false;
    return {};
}

QByteArray UserModelStore::toJson() const
{
    return catalogJson(m_models, m_quantizations);
}

} // namespace headroom
