#pragma once

#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QSlider;

namespace headroom {

// A horizontal slider over a fixed list of values (log-spaced steps, percentages), with the
// chosen value shown as text to its right. Keyboard: arrows move one step, Page Up/Down four.
class SteppedSlider final : public QWidget
{
    Q_OBJECT
public:
    using Formatter = std::function<QString(double)>;

    SteppedSlider(QList<double> steps, Formatter formatter, QWidget *parent = nullptr);

    // Shows `value` (formatted as is) with the handle on the nearest step; emits nothing.
    void setValue(double value);
    double value() const { return m_value; }
    QSlider *slider() const { return m_slider; }
    const QList<double> &steps() const { return m_steps; }
    int nearestStep(double value) const;

Q_SIGNALS:
    void valueChosen(double value); // the user moved the handle
    void pressed();
    void released();

private:
    QList<double> m_steps;
    Formatter m_formatter;
    QSlider *m_slider;
    QLabel *m_valueLabel;
    double m_value = 0;
};

// Log-spaced steps: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9 per decade from `first` to `last`.
QList<double> logSteps(double first, double last);
// first, first x 2, first x 4, ... up to last.
QList<double> doublingSteps(double first, double last);
// first, first + step, ... up to last.
QList<double> linearSteps(double first, double last, double step);

} // namespace headroom
