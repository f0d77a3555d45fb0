#pragma once

#include "ChartPalette.h"
#include "scenario/Tour.h"
#include "session/ChartInputs.h"

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

class QPainter;

namespace headroom {

// A tour as a slide deck: one page per step with the step's title, its caption and its chart plotting the
// inputs the session layer computed from the step's own scenario (chartInputsFor(tour, catalog), then
// createChart + ChartBase::setInputs + ChartBase::renderImage), as a PDF or as PNG frames.
// Works headless (needs a QApplication; the offscreen platform is fine) and from the window.

enum class DeckFormat { Pdf, PngFrames };

// `deck.pdf` -> Pdf; `frames/` or an existing directory -> PngFrames; anything else -> nullopt.
std::optional<DeckFormat> deckFormatFor(const QString &output);

struct DeckOptions {
    // One slide in logical pixels: a 16:9 projector frame. The PDF page has the same proportions.
    static constexpr QSize DefaultPageSize{1920, 1080};
    QSize pageSize = DefaultPageSize;
    Theme theme = Theme::Light;
    bool operator==(const DeckOptions &) const = default;
};

struct DeckResult {
    QString error;     // empty on success, else one line naming the file and the problem
    QStringList files; // what was written: the PDF, or the PNG frames in step order
    int pages = 0;
    bool ok() const { return error.isEmpty(); }
};

// Writes the deck to `output` (see deckFormatFor); `inputs` holds one entry per step, in step order.
// Files are written atomically.
DeckResult exportDeck(const Tour &tour, const QList<ChartInputs> &inputs, const QString &output,
                      const DeckOptions &options = {});

// Step `index` of `tour` as one slide image of options.pageSize (what a PNG frame holds), its chart
// plotting inputs[index]; a null image for a step that does not exist.
QImage renderDeckPage(const Tour &tour, int index, const QList<ChartInputs> &inputs, const DeckOptions &options = {});

// "step-01.png" ... : frame names sort in step order (two digits at least, more for long tours).
QString deckFrameName(int index, int stepCount);

} // namespace headroom
