#include "ConcurrencyChart.h"

#include "ChartAnnotation.h"
#include "core/Units.h"
#include "views/charts/axes/ValueAxes.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace headroom {

namespace {

constexpr int UsersAxisMinimum = 1;
constexpr int UsersAxisDefaultMaximum = 64; // the sweep's 1, 2, 4, ... 64
constexpr int UsersAxisBase = 2;
constexpr double HeadroomFactor = 1.1;      // space above the highest curve
constexpr double ReferenceRoomFactor = 1.5; // keep the reading-speed line well inside the axis
constexpr int MaxTickCount = 8;
constexpr qreal PerUserPenPixels = 2.5;
// One pixel: Qt's cosmetic line rasterizer draws it, dashes included. A wider dashed pen is
// stroked into polygons, which for 30 configurations cost more than the rest of the chart.
constexpr qreal TotalPenPixels = 1;
constexpr qreal ReferencePenPixels = 2;
constexpr qreal PresentationPenFactor = 2;
constexpr qreal PresentationTotalPenPixels = 2.5; // a few curves on a slide: the wide dashed pen costs nothing there
constexpr qreal CasingShare = 1.0; // the first curve is this much wider than the last
constexpr qreal NoteInsetPixels = 6;
constexpr qreal OffloadPenPixels = 1.5;
constexpr qreal FitLimitMarkerPixels = 11;
constexpr qreal PaceMarkPixels = 13;
constexpr qreal PaceMarkPenPixels = 2;
constexpr qreal LinkBindsMarkPixels = 12;
constexpr qreal LinkBindsPenPixels = 2;
constexpr int MaxLineLabels = 8; // more names at the curves' ends than this crowd the plot; the legend has them

bool fitsInMemory(const SweepPoint &point)
{
    return point.fit == Fit::Fits || point.fit == Fit::Tight;
}

// The sweep up to (not including) the first point that does not fit in memory.
template<typename Value>
QList<QPointF> fittingPoints(const EstimateRow &row, Value value)
{
    QList<QPointF> points;
    points.reserve(row.sweep.size());
    for (const SweepPoint &point : row.sweep) {
        if (!fitsInMemory(point) || point.users < UsersAxisMinimum)
            break;
        points.append(QPointF(point.users, value(point)));
    }
    return points;
}

} // namespace

ConcurrencyChart::ConcurrencyChart(QWidget *parent)
    : ChartBase(parent)
{
    m_usersAxis = new QLogValueAxis(this);
    m_usersAxis->setBase(UsersAxisBase);
    m_usersAxis->setLabelFormat(QStringLiteral("%g"));
    m_usersAxis->setMinorTickCount(0);
    m_usersAxis->setRange(UsersAxisMinimum, UsersAxisDefaultMaximum);
    m_usersAxis->setTitleText(QStringLiteral("concurrent users"));
    m_perUserAxis = createValueAxis(QStringLiteral("tokens/s per user (solid)"), this);
    m_totalAxis = createValueAxis(QStringLiteral("total tokens/s, all users (dashed)"), this);

    QChart *c = chart();
    c->addAxis(m_usersAxis, Qt::AlignBottom);
    c->addAxis(m_perUserAxis, Qt::AlignLeft);
    c->addAxis(m_totalAxis, Qt::AlignRight);

    m_reference = new QLineSeries(this);
    c->addSeries(m_reference);
    m_reference->attachAxis(m_usersAxis);
    m_reference->attachAxis(m_perUserAxis);
    // On the side: a list of long configuration names fits there at any width, never elided.
    c->legend()->setAlignment(Qt::AlignRight);
    m_totalLegend = new QLineSeries(this);
    m_totalLegend->setName(QStringLiteral("Dashed: total t/s, all users"));
    c->addSeries(m_totalLegend);
    m_totalLegend->attachAxis(m_usersAxis);
    m_totalLegend->attachAxis(m_totalAxis);
    m_fitLimits = new QScatterSeries(this);
    m_fitLimits->setName(QStringLiteral("Fits in memory up to here; dotted after"));
    m_fitLimits->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    c->addSeries(m_fitLimits);
    m_fitLimits->attachAxis(m_usersAxis);
    m_fitLimits->attachAxis(m_perUserAxis);
    m_paceMarks = new QScatterSeries(this);
    m_paceMarks->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    c->addSeries(m_paceMarks);
    m_paceMarks->attachAxis(m_usersAxis);
    m_paceMarks->attachAxis(m_perUserAxis);
    connect(m_paceMarks, &QScatterSeries::hovered, this, [this](const QPointF &point, bool entered) {
        if (!entered)
            return hideTooltip();
        showTooltip(paceMarkTooltip(int(m_paceMarks->points().indexOf(point))));
    });
    m_linkBinds = new QScatterSeries(this);
    m_linkBinds->setName(QStringLiteral("Link binds"));
    m_linkBinds->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    c->addSeries(m_linkBinds);
    m_linkBinds->attachAxis(m_usersAxis);
    m_linkBinds->attachAxis(m_perUserAxis);
    m_linkBindsSquares = new QGraphicsPathItem(c);
    m_linkBindsSquares->setZValue(5);
    connect(m_linkBinds, &QScatterSeries::hovered, this, [this](const QPointF &point, bool entered) {
        if (!entered)
            return hideTooltip();
        showTooltip(linkBindsTooltip(int(m_linkBinds->points().indexOf(point))));
    });

    valueAxes()->addAxis(m_usersAxis, m_reference);
    valueAxes()->addAxis(m_perUserAxis, m_reference);
    valueAxes()->addAxis(m_totalAxis, m_totalLegend, ValueAxes::Lines::AxisOnly); // its ticks do not line up with the left axis
    m_note = createNote();
    m_note->setTooltipProvider([this] { return m_noteText; });
    applyStyle();
    setEstimates(EstimateSet{});
}

ConcurrencyChart::~ConcurrencyChart() = default;

QList<QPointF> ConcurrencyChart::perUserPoints(const EstimateRow &row)
{
    return fittingPoints(row, [](const SweepPoint &p) { return p.decodeTpsPerUser; });
}

QList<QPointF> ConcurrencyChart::totalPoints(const EstimateRow &row)
{
    return fittingPoints(row, [](const SweepPoint &p) { return p.decodeTpsTotal; });
}

QList<QPointF> ConcurrencyChart::offloadPoints(const EstimateRow &row)
{
    const QList<QPointF> fitting = perUserPoints(row);
    QList<QPointF> points;
    if (!fitting.isEmpty())
        points.append(fitting.last()); // the dotted line starts where the solid one ends
    for (qsizetype i = fitting.size(); i < row.sweep.size(); ++i) {
        const SweepPoint &point = row.sweep.at(i);
        if (point.fit != Fit::Offload || point.users < UsersAxisMinimum)
            break;
        points.append(QPointF(point.users, point.decodeTpsPerUser));
    }
    return points.size() > (fitting.isEmpty() ? 0 : 1) ? points : QList<QPointF>{};
}

QString ConcurrencyChart::notPlottedText(const QStringList &labels, const QList<EstimateRow> &rows)
{
    QStringList missing;
    for (int row = 0; row < rows.size() && row < labels.size(); ++row) {
        if (perUserPoints(rows.at(row)).isEmpty() && offloadPoints(rows.at(row)).isEmpty())
            missing.append(labels.at(row));
    }
    if (missing.isEmpty())
        return {};
    return QStringLiteral("Not plotted, does not fit at any user count: ") + missing.join(QStringLiteral(", "));
}

QString ConcurrencyChart::note() const
{
    return m_note ? m_note->text() : QString();
}

QString ConcurrencyChart::userLimitText(const EstimateRow &row)
{
    const QList<QPointF> points = perUserPoints(row);
    if (points.isEmpty())
        return QStringLiteral("does not fit");
    if (points.size() < row.sweep.size()) {
        const int users = int(points.last().x());
        return QStringLiteral("fits in memory up to %1 %2").arg(users).arg(users == 1 ? QStringLiteral("user") : QStringLiteral("users"));
    }
    return QStringLiteral("fits at every user count shown");
}

void ConcurrencyChart::setEstimates(const EstimateSet &estimates)
{
    storeEstimates(estimates);
    const QList<EstimateRow> &rows = estimates.rows;
    const int rowCount = int(rows.size());
    resizeSeries(rowCount);

    const QStringList labels = [&rows] {
        QStringList l;
        for (const EstimateRow &row : rows)
            l.append(row.label);
        return uniqueCategoryLabels(l);
    }();
    for (int row = 0; row < rowCount; ++row) {
        m_perUser.at(row)->replace(perUserPoints(rows.at(row)));
        m_total.at(row)->replace(totalPoints(rows.at(row)));
        m_offload.at(row)->replace(offloadPoints(rows.at(row)));
        if (m_perUser.at(row)->name() != labels.at(row))
            m_perUser.at(row)->setName(labels.at(row));
        const QString totalName = labels.at(row) + QStringLiteral(" total");
        if (m_total.at(row)->name() != totalName)
            m_total.at(row)->setName(totalName);
    }
    QList<Platform> families;
    for (const EstimateRow &row : rows)
        families.append(platformOf(row.input.device));
    // std::equal, not QList::operator==: Qt 6.4 passes null to memcmp for two empty lists (UBSan).
    if (families.size() != m_styledFamilies.size()
        || !std::equal(families.cbegin(), families.cend(), m_styledFamilies.cbegin())) {
        m_styledFamilies = families;
        styleRows();
    }
    updateRanges();
    updateFitLimits();
    updatePaceMarks();
    updateLinkBindsMarks();
    setTitleIfChanged(sweepTitleFor(int(m_usersAxis->max())));
    m_noteText = notPlottedText(labels, rows);
    m_lineLabelTexts = compactConfigurationLabels(labels);
    resizeAnnotations(m_lineLabels, rows.size() <= MaxLineLabels ? rowCount : 0, FontRole::ValueLabel,
                      [this](int row) { return explanation(row); });
    layoutAnnotations();
}

void ConcurrencyChart::layoutAnnotations()
{
    valueAxes()->layout();
    if (!m_note)
        return; // the base class lays out before this class has built its note
    // Top right of the plot: above the per-user curves, which fall with more users.
    const QRectF plot = chart()->plotArea();
    const qreal room = std::max<qreal>(0, plot.width() - 2 * NoteInsetPixels);
    m_note->setTextIfChanged(QFontMetricsF(m_note->font()).elidedText(m_noteText, Qt::ElideRight, room));
    m_note->setVisible(!m_noteText.isEmpty());
    const QRectF box = m_note->boundingRect();
    m_note->setPos(plot.right() - box.width() - NoteInsetPixels, plot.top() + NoteInsetPixels);
    layoutLineLabels();
}

void ConcurrencyChart::resizeSeries(int rowCount)
{
    QChart *c = chart();
    bool changed = false;
    while (m_perUser.size() > rowCount) {
        for (QList<QLineSeries *> *list : {&m_perUser, &m_total, &m_offload}) {
            QLineSeries *series = list->takeLast();
            c->removeSeries(series);
            delete series;
        }
        changed = true;
    }
    while (m_perUser.size() < rowCount) {
        const int row = int(m_perUser.size());
        auto *perUser = new QLineSeries(this);
        auto *total = new QLineSeries(this);
        auto *offload = new QLineSeries(this);
        for (QLineSeries *series : {perUser, total, offload}) {
            c->addSeries(series);
            series->attachAxis(m_usersAxis);
            connect(series, &QXYSeries::hovered, this, [this, row](const QPointF &point, bool entered) {
                if (entered)
                    showTooltip(pointTooltip(row, point));
                else
                    hideTooltip();
            });
        }
        perUser->attachAxis(m_perUserAxis);
        offload->attachAxis(m_perUserAxis);
        total->attachAxis(m_totalAxis);
        m_perUser.append(perUser);
        m_total.append(total);
        m_offload.append(offload);
        changed = true;
    }
    if (changed) {
        m_styledFamilies.clear(); // force colours and legend visibility for the new series
        // Drawn in the order added: the fit-limit markers go back on top of the new curves.
        for (QScatterSeries *marks : {m_fitLimits, m_paceMarks, m_linkBinds}) {
            c->removeSeries(marks);
            c->addSeries(marks);
            marks->attachAxis(m_usersAxis);
            marks->attachAxis(m_perUserAxis);
        }
    }
}

void ConcurrencyChart::styleRows()
{
    const ChartPalette &palette = chartPalette();
    int familySeen[3] = {0, 0, 0};
    // On a projector or a page a hairline disappears: thicker lines, and points that tell crossing curves apart.
    const qreal thicker = presentationMode() ? PresentationPenFactor : 1.0;
    for (int row = 0; row < m_styledFamilies.size() && row < m_perUser.size(); ++row) {
        const int family = static_cast<int>(m_styledFamilies.at(row));
        const QColor color = palette.familyColor(m_styledFamilies.at(row), familySeen[family]++);
        // Earlier curves are drawn wider, so a curve lying on a later one still shows as its edges.
        const int rows = int(m_styledFamilies.size());
        const qreal casing = rows > 1 ? 1.0 + CasingShare * qreal(rows - 1 - row) / qreal(rows - 1) : 1.0;
        QPen solid(color, PerUserPenPixels * thicker * casing);
        solid.setCosmetic(true);
        m_perUser.at(row)->setPen(solid);
        m_perUser.at(row)->setColor(color);
        m_perUser.at(row)->setPointsVisible(presentationMode());
        QPen dashed(color, presentationMode() ? PresentationTotalPenPixels : TotalPenPixels, Qt::DashLine);
        dashed.setCosmetic(true);
        m_total.at(row)->setPen(dashed);
        for (QLegendMarker *marker : chart()->legend()->markers(m_total.at(row)))
            marker->setVisible(false); // the "Dashed: total" entry explains every dashed curve
        QPen dotted(color, OffloadPenPixels * thicker, Qt::DotLine);
        dotted.setCosmetic(true);
        m_offload.at(row)->setPen(dotted);
        for (QLegendMarker *marker : chart()->legend()->markers(m_offload.at(row)))
            marker->setVisible(false); // explained by the fit-limit marker's entry
    }
    m_fitLimits->setMarkerSize(FitLimitMarkerPixels * thicker);
    m_paceMarks->setMarkerSize(PaceMarkPixels * thicker);
    m_linkBinds->setMarkerSize(LinkBindsMarkPixels * thicker);
}

void ConcurrencyChart::updateRanges()
{
    double usersMaximum = UsersAxisDefaultMaximum;
    const double pace = estimates().minTpsPerUser;
    double perUserHighest = pace * ReferenceRoomFactor;
    double totalHighest = 0;
    for (const EstimateRow &row : estimates().rows) {
        for (const SweepPoint &point : row.sweep) {
            usersMaximum = std::max(usersMaximum, double(point.users));
            if (point.fit == Fit::DoesNotFit)
                continue;
            perUserHighest = std::max(perUserHighest, point.decodeTpsPerUser * HeadroomFactor);
            totalHighest = std::max(totalHighest, point.decodeTpsTotal * HeadroomFactor);
        }
    }
    // Up to a power of two: the axis ends on a tick, and a users slider moving between two
    // powers of two leaves it (and the chart's layout) alone.
    usersMaximum = std::exp2(std::ceil(std::log2(usersMaximum)));
    if (m_usersAxis->max() != usersMaximum)
        m_usersAxis->setRange(UsersAxisMinimum, usersMaximum);
    for (auto [axis, highest] : {std::pair{m_perUserAxis, perUserHighest}, std::pair{m_totalAxis, totalHighest}}) {
        if (axis->min() == 0 && keepsRange(axis->max(), highest))
            continue;
        const NiceScale scale = niceScale(rangeToShow(highest), MaxTickCount);
        applyScale(axis, 0, scale.maximum, scale.step);
    }
    m_reference->replace(QList<QPointF>{{double(UsersAxisMinimum), pace}, {usersMaximum, pace}});
    const QString referenceName = QStringLiteral("At least %1 per user").arg(formatTokensPerSecond(pace));
    if (m_reference->name() != referenceName)
        m_reference->setName(referenceName);
}

void ConcurrencyChart::restyle()
{
    const ChartPalette &palette = chartPalette();
    QPen reference(palette.reference, ReferencePenPixels, Qt::DashLine);
    reference.setCosmetic(true);
    m_reference->setPen(reference);
    QPen totalLegend(palette.mutedText, TotalPenPixels, Qt::DashLine);
    totalLegend.setCosmetic(true);
    m_totalLegend->setPen(totalLegend);
    m_fitLimits->setColor(palette.offload);
    m_fitLimits->setBorderColor(palette.background);
    m_paceMarks->setColor(Qt::transparent);
    QPen ring(palette.reference, PaceMarkPenPixels);
    ring.setCosmetic(true);
    m_paceMarks->setPen(ring);
    m_linkBinds->setColor(Qt::transparent);
    QPen square(palette.text, LinkBindsPenPixels);
    square.setCosmetic(true);
    square.setJoinStyle(Qt::MiterJoin);
    m_linkBinds->setPen(square);
    m_linkBindsSquares->setPen(square);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_usersAxis), static_cast<QAbstractAxis *>(m_perUserAxis),
                                static_cast<QAbstractAxis *>(m_totalAxis)})
        styleAxis(axis);
    m_styledFamilies.clear();
    setEstimates(estimates());
}

QString ConcurrencyChart::pointTooltip(int row, const QPointF &point) const
{
    if (row < 0 || row >= estimates().rows.size())
        return {};
    const EstimateRow &r = estimates().rows.at(row);
    // The pointer is somewhere on the curve: describe the nearest sample (users are on a log axis).
    const SweepPoint *nearest = nullptr;
    for (const SweepPoint &p : r.sweep) {
        if (p.fit == Fit::DoesNotFit || point.x() <= 0)
            continue;
        if (!nearest || std::abs(std::log2(p.users / point.x())) < std::abs(std::log2(nearest->users / point.x())))
            nearest = &p;
    }
    if (!nearest)
        return explanation(row);
    const QString likely = nearest->decodeTpsTotalHigh > nearest->decodeTpsTotalLow
        ? QStringLiteral(", likely %1\u2013%2").arg(formatTokensPerSecond(nearest->decodeTpsTotalLow),
                                                    formatTokensPerSecond(nearest->decodeTpsTotalHigh))
        : QString();
    return r.label + QStringLiteral(": %1 %2\n%3 per user, %4 in total%5 (%6)\n%7")
        .arg(nearest->users)
        .arg(nearest->users == 1 ? QStringLiteral("user") : QStringLiteral("users"),
             formatTokensPerSecond(nearest->decodeTpsPerUser), formatTokensPerSecond(nearest->decodeTpsTotal), likely,
             toString(nearest->fit), userLimitText(r));
}

} // namespace headroom
