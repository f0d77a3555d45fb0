#include "AppTheme.h"

#include <QApplication>
#include <QStyleFactory>

namespace headroom {
namespace {

struct Colours {
    QColor window, base, alternateBase, text, mutedText, button, highlight, highlightedText, link, toolTipBase;
};

// Neutral greys with a blue accent; contrast ratios of text on base above 7:1 in both themes.
const Colours Light{QColor(0xf4, 0xf5, 0xf7), QColor(0xff, 0xff, 0xff), QColor(0xf0, 0xf2, 0xf5),
                    QColor(0x1d, 0x21, 0x27), QColor(0x6b, 0x72, 0x80), QColor(0xea, 0xec, 0xf0),
                    QColor(0x25, 0x63, 0xeb), QColor(0xff, 0xff, 0xff), QColor(0x1d, 0x4e, 0xd8),
                    QColor(0xff, 0xff, 0xf0)};
const Colours Dark{QColor(0x1e, 0x20, 0x24), QColor(0x16, 0x18, 0x1b), QColor(0x22, 0x25, 0x2a),
                   QColor(0xe6, 0xe8, 0xeb), QColor(0x9a, 0xa1, 0xac), QColor(0x2b, 0x2e, 0x34),
                   QColor(0x3b, 0x82, 0xf6), QColor(0xff, 0xff, 0xff), QColor(0x93, 0xc5, 0xfd),
                   QColor(0x2b, 0x2e, 0x34)};

constexpr int IndicatorLighterPercent = 160;

} // namespace

QPalette applicationPalette(Theme theme)
{
    const Colours &c = theme == Theme::Dark ? Dark : Light;
    QPalette palette;
    palette.setColor(QPalette::Window, c.window);
    palette.setColor(QPalette::WindowText, c.text);
    palette.setColor(QPalette::Base, c.base);
    palette.setColor(QPalette::AlternateBase, c.alternateBase);
    palette.setColor(QPalette::Text, c.text);
    palette.setColor(QPalette::Button, c.button);
    palette.setColor(QPalette::ButtonText, c.text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Highlight, c.highlight);
    palette.setColor(QPalette::HighlightedText, c.highlightedText);
    palette.setColor(QPalette::Link, c.link);
    palette.setColor(QPalette::ToolTipBase, c.toolTipBase);
    palette.setColor(QPalette::ToolTipText, c.text);
    palette.setColor(QPalette::PlaceholderText, c.mutedText);
    palette.setColor(QPalette::Light, c.button.lighter(125));
    palette.setColor(QPalette::Midlight, c.button.lighter(110));
    palette.setColor(QPalette::Mid, c.button.darker(130));
    palette.setColor(QPalette::Dark, c.button.darker(160));
    palette.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, c.mutedText);
    return palette;
}

QPalette indicatorPalette(Theme theme)
{
    QPalette palette = applicationPalette(theme);
    if (theme == Theme::Dark) {
        // Fusion outlines a check box in the window colour darkened, which on a dark window is the dark
        // base itself: the box would vanish. A lighter box keeps it visible, ticked or not.
        palette.setColor(QPalette::Base, Dark.button.lighter(IndicatorLighterPercent));
    }
    return palette;
}

void applyApplicationTheme(Theme theme)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(applicationPalette(theme));
    for (const char *indicatorClass : {"QCheckBox", "QRadioButton"})
        QApplication::setPalette(indicatorPalette(theme), indicatorClass);
}

} // namespace headroom
