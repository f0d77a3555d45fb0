#include "FormulaView.h"

#include "views/charts/axes/ShapedText.h"

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

constexpr qreal TextMargin = 4; // around the text, as a QPlainTextEdit's document margin
constexpr int HintLines = 12;   // the size hint shows this many lines
constexpr int MinimumLines = 3;
constexpr int HintColumns = 40;

} // namespace

FormulaView::FormulaView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_copy(new QAction(tr("&Copy"), this))
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::StrongFocus); // a click gives it the focus, so Ctrl+C copies
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copy, &QAction::triggered, this, &FormulaView::copy);
    addAction(m_copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void FormulaView::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    layoutParagraphs(false);
    viewport()->update();
}

QList<QRectF> FormulaView::paragraphBoxes() const
{
    QList<QRectF> boxes;
    for (const Paragraph &paragraph : m_paragraphs)
        boxes.append(QRectF(QPointF(TextMargin, paragraph.top), paragraph.shaped.size()));
    return boxes;
}

QSize FormulaView::sizeHint() const
{
    const QFontMetricsF metrics(font());
    return QSize(qRound(metrics.averageCharWidth() * HintColumns + 2 * TextMargin),
                 qRound(metrics.lineSpacing() * HintLines + 2 * TextMargin));
}

QSize FormulaView::minimumSizeHint() const
{
    const QFontMetricsF metrics(font());
    return QSize(qRound(metrics.averageCharWidth() * MinimumLines * 4), qRound(metrics.lineSpacing() * MinimumLines + 2 * TextMargin));
}

qreal FormulaView::wrapWidth() const
{
    return std::max<qreal>(1, viewport()->width() - 2 * TextMargin);
}

void FormulaView::layoutParagraphs(bool all)
{
    const qreal width = wrapWidth();
    all = all || width != m_shapedWidth;
    m_shapedWidth = width;
    const QStringList texts = m_text.isEmpty() ? QStringList() : m_text.split(QLatin1Char('\n'));
    QList<Paragraph> paragraphs;
    paragraphs.reserve(texts.size());
    qreal top = TextMargin;
    const qreal emptyLine = QFontMetricsF(font()).lineSpacing();
    for (qsizetype i = 0; i < texts.size(); ++i) {
        Paragraph paragraph;
        paragraph.text = texts.at(i);
        // Formula lines keep their place from one update to the next: reuse what did not change.
        if (!all && i < m_paragraphs.size() && m_paragraphs.at(i).text == paragraph.text) {
            paragraph.shaped = m_paragraphs.at(i).shaped;
        } else {
            paragraph.shaped = shapedText(paragraph.text, font(), width);
        }
        paragraph.top = top;
        top += paragraph.text.isEmpty() ? emptyLine : paragraph.shaped.size().height();
        paragraphs.append(paragraph);
    }
    m_paragraphs = paragraphs;
    m_contentHeight = top + TextMargin;
    updateScrollBar();
}

void FormulaView::updateScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    const int page = viewport()->height();
    bar->setPageStep(page);
    bar->setSingleStep(qRound(QFontMetricsF(font()).lineSpacing()));
    bar->setRange(0, std::max(0, contentHeight() - page));
}

void FormulaView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), palette().base());
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::Text));
    const qreal scroll = verticalScrollBar()->value();
    const QRectF visible = QRectF(event->rect()).translated(0, scroll);
    for (const Paragraph &paragraph : std::as_const(m_paragraphs)) {
        const qreal height = paragraph.shaped.size().height();
        if (paragraph.top + height < visible.top())
            continue;
        if (paragraph.top > visible.bottom())
            break;
        painter.drawStaticText(QPointF(TextMargin, paragraph.top - scroll), paragraph.shaped);
    }
}

void FormulaView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (wrapWidth() != m_shapedWidth)
        layoutParagraphs(true);
    else
        updateScrollBar();
}

void FormulaView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        layoutParagraphs(true);
        updateGeometry();
        viewport()->update();
    } else if (event->type() == QEvent::PaletteChange) {
        viewport()->update();
    }
}

void FormulaView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void FormulaView::copy() const
{
    QGuiApplication::clipboard()->setText(m_text);
}

} // namespace headroom
