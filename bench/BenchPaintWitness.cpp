#include "BenchPaintWitness.h"

#include <QEvent>

namespace headroom {

BenchPaintWitness::BenchPaintWitness(QObject *parent)
    : QObject(parent)
{
}

void BenchPaintWitness::setWatched(const QList<QWidget *> &widgets)
{
    for (const Watch &watch : std::as_const(m_watches)) {
        if (watch.widget)
            watch.widget->removeEventFilter(this);
    }
    m_watches.clear();
    for (QWidget *widget : widgets) {
        if (!widget)
            continue;
        widget->installEventFilter(this);
        m_watches.append(Watch{widget, false});
    }
}

QList<QWidget *> BenchPaintWitness::unpainted() const
{
    QList<QWidget *> widgets;
    for (const Watch &watch : m_watches) {
        if (watch.widget && !watch.painted && watch.widget->isVisible())
            widgets.append(watch.widget);
    }
    return widgets;
}

void BenchPaintWitness::reset()
{
    for (Watch &watch : m_watches)
        watch.painted = false;
}

bool BenchPaintWitness::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint) {
        for (Watch &watch : m_watches) {
            if (watch.widget == watched)
                watch.painted = true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace headroom
