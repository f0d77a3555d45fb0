#pragma once

#include "EstimateSet.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace headroom {

// The selected configuration in detail: verdict, speeds, memory breakdown against usable
// capacity, bottleneck, limits (largest context and user count) and the formula with its inputs.
class DetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);

    void setEstimates(const EstimateSet &estimates);
    // Index into EstimateSet::rows; -1 shows the first row.
    void setSelectedRow(int row);
    QString text() const; // plain text shown, for tests

private:
    void render();

    EstimateSet m_estimates;
    int m_selectedRow = -1;
    QLabel *m_title;
    QTextBrowser *m_body;
};

} // namespace headroom
