#pragma once

#include "scenario/EstimateSet.h"

#include <QString>
#include <QWidget>

#include <array>

class QLabel;
class QLayout;

namespace headroom {

class FormulaView;

// The selected configuration in detail: verdict, speeds, memory breakdown against usable
// capacity, bottleneck, limits (largest context and user count), the measurements behind the
// estimate and the formula with its inputs.
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
    enum class Value {
        Fit, DecodePerUser, LikelyRange, DecodeTotal, Prefill, Ttft, Bottleneck,
        Weights, KvCache, Overhead, Total, Usable, MaxContext, MaxUsers
    };
    static constexpr int ValueCount = static_cast<int>(Value::MaxUsers) + 1;

    void render();
    void showMessage(const QString &title, const QString &message);
    void setValue(Value value, const QString &text);
    static void setTextIfChanged(QLabel *label, const QString &text);

    EstimateSet m_estimates;
    int m_selectedRow = -1;
    QLabel *m_title;
    QLabel *m_summary;  // model and quantization (or why nothing can be shown)
    QWidget *m_numbers = nullptr;
    std::array<QLabel *, ValueCount> m_values{};
    std::array<QLayout *, ValueCount> m_valueFields{}; // each value's field: its label in a right-aligning box
    std::array<QString, ValueCount> m_valueNames;
    QLabel *m_backing;  // "Backed by": measurements and the error of their class (rich text, links)
    QLabel *m_formulaHeading = nullptr;
    FormulaView *m_formula; // explain(): formula, inputs and units
};

} // namespace headroom
