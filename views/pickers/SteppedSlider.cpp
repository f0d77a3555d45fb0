#include "SteppedSlider.h"

#include "views/common/StableLabel.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include <cmath>

namespace headroom {
namespace {

constexpr int PageStep = 4;
// Room for the widest value text ("1.0M", "100%", "1000B") so the slider does not jump.
const QString WidestValueText = QStringLiteral("00000 B");

} // namespace

QList<double> logSteps(double first, double last)
{
    static constexpr double mantissas[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9};
    QList<double> steps;
    for (double decade = 1e-3; decade <= last; decade *= 10) {
        for (double mantissa : mantissas) {
            const double value = std::round(mantissa * decade * 1e6) / 1e6;
            if (value >= first && value <= last)
                steps.append(value);
        }
    }
    return steps;
}

QList<double> doublingSteps(double first, double last)
{
    QList<double> steps;
    for (double value = first; value <= last; value *= 2)
        steps.append(value);
    return steps;
}

QList<double> linearSteps(double first, double last, double step)
{
    QList<double> steps;
    const int count = static_cast<int>(std::lround((last - first) / step));
    for (int i = 0; i <= count; ++i)
        steps.append(first + i * step);
    return steps;
}

SteppedSlider::SteppedSlider(QList<double> steps, Formatter formatter, QWidget *parent)
    : QWidget(parent)
    , m_steps(std::move(steps))
    , m_formatter(std::move(formatter))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_valueLabel(new QLabel(this))
{
    m_slider->setRange(0, int(m_steps.size()) - 1);
    m_slider->setPageStep(PageStep);
    m_slider->setTickPosition(QSlider::NoTicks);
    // Its own background: a handle that moves at every step repaints the slider alone, not the
    // group box behind it.
    m_slider->setAutoFillBackground(true);
    m_valueLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_valueLabel->setMinimumWidth(m_valueLabel->fontMetrics().horizontalAdvance(WidestValueText));
    setFocusProxy(m_slider);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_valueLabel);

    connect(m_slider, &QSlider::valueChanged, this, [this](int position) {
        const double chosen = m_steps.value(position);
        if (m_steps.value(nearestStep(m_value), -1) == chosen)
            return; // the handle shows m_value already (setValue); nothing was chosen
        m_value = chosen;
        setStableLabelText(m_valueLabel, m_formatter(m_value));
        Q_EMIT valueChosen(m_value);
    });
    connect(m_slider, &QSlider::sliderPressed, this, &SteppedSlider::pressed);
    connect(m_slider, &QSlider::sliderReleased, this, &SteppedSlider::released);
}

int SteppedSlider::nearestStep(double value) const
{
    int best = 0;
    for (int i = 1; i < m_steps.size(); ++i) {
        // Log distance: steps are log-spaced for the wide ranges, and it is monotonic for the rest.
        const auto distance = [value](double step) {
            return value > 0 && step > 0 ? std::abs(std::log(step / value)) : std::abs(step - value);
        };
        if (distance(m_steps.at(i)) < distance(m_steps.at(best)))
            best = i;
    }
    return best;
}

void SteppedSlider::setValue(double value)
{
    m_value = value;
    setStableLabelText(m_valueLabel, m_formatter(value));
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(nearestStep(value));
}

} // namespace headroom
