#include "HelpDialogs.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QMenu>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace headroom {
namespace {

constexpr QSize GuideSize(720, 640);
constexpr QSize ShortcutsSize(520, 560);

QTextBrowser *makeBrowser(QDialog *dialog)
{
    auto *browser = new QTextBrowser(dialog);
    browser->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser, 1);
    layout->addWidget(buttons);
    return browser;
}

void collect(const QList<QAction *> &actions, QList<ShortcutEntry> &entries)
{
    for (const QAction *action : actions) {
        if (QMenu *menu = action->menu()) {
            collect(menu->actions(), entries);
            continue;
        }
        if (action->isSeparator() || action->shortcut().isEmpty())
            continue;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        entries.append({text, action->shortcut().toString(QKeySequence::NativeText)});
    }
}

QString rows(const QList<ShortcutEntry> &entries)
{
    QString html;
    for (const ShortcutEntry &entry : entries)
        html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(entry.action.toHtmlEscaped(),
                                                                            entry.keys.toHtmlEscaped());
    return html;
}

} // namespace

GuideDialog::GuideDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("guideDialog"));
    setWindowTitle(tr("Headroom Guide"));
    m_browser = makeBrowser(this);
    QFile guide(QStringLiteral(":/help/guide.md"));
    m_browser->setMarkdown(guide.open(QIODevice::ReadOnly) ? QString::fromUtf8(guide.readAll())
                                                          : tr("The guide is missing from this build."));
    resize(GuideSize);
}

QList<ShortcutEntry> menuShortcuts(const QList<QAction *> &menuBarActions)
{
    QList<ShortcutEntry> entries;
    collect(menuBarActions, entries);
    return entries;
}

QList<ShortcutEntry> ShortcutsDialog::presentModeKeys()
{
    return {{tr("Next step"), tr("→, Space, ↓ or Page Down")},
            {tr("Previous step"), tr("←, Backspace, ↑ or Page Up")},
            {tr("First step / last step"), tr("Home / End")},
            {tr("Autoplay on or off"), tr("A")},
            {tr("Record the current view as a step"), tr("R")},
            {tr("Hide or show the key hints"), tr("H, ? or F1")},
            {tr("Leave Present mode"), tr("Esc")}};
}

ShortcutsDialog::ShortcutsDialog(const QList<ShortcutEntry> &menus, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_browser = makeBrowser(this);
    m_browser->setHtml(QStringLiteral("<h3>%1</h3><table cellpadding=\"3\">%2</table><h3>%3</h3><table cellpadding=\"3\">%4</table>")
                           .arg(tr("Window"), rows(menus), tr("Present mode"), rows(presentModeKeys())));
    resize(ShortcutsSize);
}

} // namespace headroom
