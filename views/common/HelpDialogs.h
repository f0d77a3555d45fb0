#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QAction;
class QTextBrowser;

namespace headroom {

// Help ▸ Headroom Guide: the user guide shipped inside the binary (resources/help/guide.md).
class GuideDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit GuideDialog(QWidget *parent = nullptr);
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

// One line of the shortcuts list: what it does and its keys.
struct ShortcutEntry {
    QString action;
    QString keys;
};

// Every shortcut of the menus' actions (text without its & marker, keys in the platform's notation),
// in menu order, submenus included.
QList<ShortcutEntry> menuShortcuts(const QList<QAction *> &menuBarActions);

// Help ▸ Keyboard Shortcuts: the menus' shortcuts followed by Present mode's keys.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QList<ShortcutEntry> &menus, QWidget *parent = nullptr);
    QTextBrowser *browser() const { return m_browser; }

    // Present mode's keys, which are not menu actions.
    static QList<ShortcutEntry> presentModeKeys();

private:
    QTextBrowser *m_browser;
};

} // namespace headroom
