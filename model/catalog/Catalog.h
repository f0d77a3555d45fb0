#pragma once

#include "core/Diagnostic.h"
#include "core/Hardware.h"
#include "core/LanguageModel.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <variant>

namespace headroom {

// The immutable set of devices, models, quantizations, named systems and cluster links the app knows.
// Loaded once; lookups are by id. A user catalog overlays the embedded one by id.
class Catalog final
{
public:
    const QList<Device> &devices() const { return m_devices; }
    const QList<LanguageModel> &models() const { return m_models; }
    const QList<Quantization> &quantizations() const { return m_quantizations; }
    const QList<NamedSystem> &systems() const { return m_systems; }
    const QList<ClusterLink> &links() const { return m_links; }

    const Device *device(const QString &id) const;
    const LanguageModel *model(const QString &id) const;
    const Quantization *quantization(const QString &name) const; // case-insensitive
    const NamedSystem *system(const QString &id) const;
    const ClusterLink *link(const QString &id) const;

    // Entries of `overlay` replace entries with the same id, others are appended.
    Catalog overlaidWith(const Catalog &overlay) const;

    // Builders (used by the loader and by tests).
    void addDevice(const Device &device);
    void addModel(const LanguageModel &model);
    void addQuantization(const Quantization &quant);
    void addSystem(const NamedSystem &system);
    void addLink(const ClusterLink &link);

    bool operator==(const Catalog &other) const;

private:
    QList<Device> m_devices;
    QList<LanguageModel> m_models;
    QList<Quantization> m_quantizations;
    QList<NamedSystem> m_systems;
    QList<ClusterLink> m_links;
    QHash<QString, qsizetype> m_deviceIndex;
    QHash<QString, qsizetype> m_modelIndex;
    QHash<QString, qsizetype> m_quantIndex; // key: lower-case name
    QHash<QString, qsizetype> m_systemIndex;
    QHash<QString, qsizetype> m_linkIndex;
};

using CatalogOrDiagnostics = std::variant<Catalog, Diagnostics>;

// Parses and validates a catalog document. `origin` names the file in diagnostics.
// `partial` = a user catalog: any section may be missing and optional fields take defaults.
// Never throws, whatever the bytes.
CatalogOrDiagnostics loadCatalog(const QByteArray &json, const QString &origin, bool partial = false);

// A partial catalog whose entries override those of `baseJson` (a complete catalog) field by field: an entry
// with a base entry's id takes that entry's value for every field it leaves out, instead of the defaults.
CatalogOrDiagnostics loadCatalogOver(const QByteArray &json, const QString &origin, const QByteArray &baseJson);

// The catalog compiled into the binary (":/catalog.json"). Always valid (guarded by a test).
const Catalog &embeddedCatalog();

// Reads FILE, validates it as a user catalog and overlays it on the embedded one.
CatalogOrDiagnostics loadUserCatalog(const QString &path);

} // namespace headroom
