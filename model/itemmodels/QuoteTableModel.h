#pragma once

#include "catalog/Catalog.h"

#include <QAbstractTableModel>
#include <QMap>
#include <QString>

namespace headroom {

// What can be priced, beside its public list price and the user's own quote (a customer's price):
// every named system (the whole machine) and every card that is not an Apple chip (price per
// card). The quote column is editable; an empty or zero quote removes it. Backs the Advisor's
// "Quotes" editor; the quotes themselves live in AdvisorRequirements::quotesUsd.
class QuoteTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, ListPriceColumn, QuoteColumn, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit QuoteTableModel(QObject *parent = nullptr);

    // Rebuilds the rows (the catalog changed); keeps the quotes.
    void setCatalog(const Catalog &catalog);
    // Shows these quotes (the scenario changed); rows stay.
    void setQuotes(const QMap<QString, double> &quotes);
    const QMap<QString, double> &quotes() const { return m_quotes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The user changed a quote through setData(): the whole new set.
    void quotesEdited(const QMap<QString, double> &quotes);

private:
    struct Row {
        QString id;
        QString name;
        enum class Kind { System, Card, Host };
        Kind kind = Kind::Card;
        std::optional<double> listPriceUsd;
        QString listPriceSource;
    };
    QList<Row> m_rows;
    QMap<QString, double> m_quotes;
};

} // namespace headroom
