#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>

namespace headroom {

// Watches the widgets a slider move must repaint (the visible chart, the results table, the
// details text) and says which of them have not received a paint event since the last reset().
// The bench repaints those explicitly, so no view escapes the timing even when the window's
// posted repaint skipped it.
class BenchPaintWitness final : public QObject
{
    Q_OBJECT
public:
    explicit BenchPaintWitness(QObject *parent = nullptr);

    void setWatched(const QList<QWidget *> &widgets);
    QList<QWidget *> unpainted() const;
    void reset();
    int forcedRepaints() const { return m_forced; }
    void countForced(int widgets) { m_forced += widgets; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Watch {
        QPointer<QWidget> widget;
        bool painted = false;
    };
    QList<Watch> m_watches;
    int m_forced = 0;
};

} // namespace headroom
