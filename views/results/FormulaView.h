#pragma once

#include <QAbstractScrollArea>
#include <QList>
#include <QStaticText>
#include <QString>

class QAction;

namespace headroom {

// A read-only block of plain text, wrapped at the view's width and scrolled vertically: the
// details pane's "how it is computed" formula, which changes with every slider move.
// Each paragraph is shaped once when its text changes (or the width does) and then only drawn,
// so a new formula costs the paragraphs that changed. A QPlainTextEdit laid the whole document
// out on each change and shaped every line again at each paint. Copy (Ctrl+C or the context
// menu) copies the whole text.
class FormulaView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit FormulaView(QWidget *parent = nullptr);

    void setText(const QString &text);
    const QString &text() const { return m_text; }
    // Height of the wrapped text at the current width, in pixels.
    int contentHeight() const { return qRound(m_contentHeight); }
    // The text as drawn, one entry per paragraph, for tests: its place and its wrapped size.
    QList<QRectF> paragraphBoxes() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Paragraph {
        QString text;
        QStaticText shaped;
        qreal top = 0;
    };
    qreal wrapWidth() const;
    // Shapes paragraphs whose text or width changed (all of them with `all`) and stacks them.
    void layoutParagraphs(bool all);
    void updateScrollBar();
    void copy() const;

    QString m_text;
    QList<Paragraph> m_paragraphs;
    qreal m_contentHeight = 0;
    qreal m_shapedWidth = -1;
    QAction *m_copy;
};

} // namespace headroom
