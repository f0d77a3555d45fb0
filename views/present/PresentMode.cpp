#include "PresentMode.h"
#include "scenario/TourCaptions.h"

#include "views/charts/ChartBase.h"
#include "session/EstimateService.h"
#include "session/ScenarioAdvice.h"
#include "PresentModeControls.h"
#include "session/ScenarioController.h"
#include "session/TourPlayer.h"
#include "views/charts/ValueChart.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsOpacityEffect>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPropertyAnimation>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom {
namespace {

// Type and spacing for a 1080-pixel-high projector frame; other heights scale, never below the minimums
// (a title of 40 px and a caption of 24 px stay readable from the back of a meeting room).
constexpr qreal ReferenceHeight = 1080;
constexpr qreal TitlePixels = 64;
constexpr qreal MinTitlePixels = 40;
constexpr qreal CaptionPixels = 34;
constexpr qreal MinCaptionPixels = 24;
constexpr qreal HeaderPixels = 26;
constexpr qreal MinHeaderPixels = 18;
constexpr qreal ControlPixels = 22;
constexpr qreal MinControlPixels = 16;
constexpr qreal MarginPixels = 48;
constexpr qreal MinMarginPixels = 16;
constexpr int ChartStretch = 1;

int scaled(qreal pixels, qreal minimum, qreal unit)
{
    return qRound(std::max(minimum, pixels * unit));
}

void setPixelFont(QWidget *widget, int pixels, bool bold = false)
{
    QFont font = widget->font();
    font.setPixelSize(pixels);
    font.setBold(bold);
    widget->setFont(font);
}

bool isBuiltIn(const QString &origin)
{
    return origin.startsWith(QStringLiteral(":/"));
}

} // namespace

PresentMode::PresentMode(ScenarioController *controller, EstimateService *service, const Catalog &catalog,
                         QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_service(service)
    , m_catalog(catalog)
    , m_player(new TourPlayer(controller, this))
    , m_content(new QWidget(this))
    , m_contentLayout(new QVBoxLayout(m_content))
    , m_tourTitle(new QLabel(m_content))
    , m_counter(new QLabel(m_content))
    , m_autoplay(new QLabel(m_content))
    , m_title(new QLabel(m_content))
    , m_caption(new QLabel(m_content))
    , m_controls(new PresentModeControls(controller, m_content))
    , m_fade(new QLabel(this))
{
    setWindowTitle(tr("Headroom — Present"));
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    for (QLabel *muted : {m_tourTitle, m_counter, m_autoplay})
        muted->setForegroundRole(QPalette::PlaceholderText);
    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_title->setTextFormat(Qt::PlainText);
    m_caption->setTextFormat(Qt::PlainText);

    auto *header = new QHBoxLayout;
    header->addWidget(m_tourTitle, 1);
    header->addWidget(m_autoplay);
    header->addSpacing(MarginPixels);
    header->addWidget(m_counter);
    m_contentLayout->addLayout(header);
    m_contentLayout->addWidget(m_title);
    m_contentLayout->addWidget(m_caption);
    m_contentLayout->addWidget(m_controls);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_content);

    auto *fadeEffect = new QGraphicsOpacityEffect(m_fade);
    m_fade->setGraphicsEffect(fadeEffect);
    m_fade->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_fade->hide();

    connect(m_player, &TourPlayer::stepChanged, this, &PresentMode::showStep);
    connect(m_player, &TourPlayer::autoplayChanged, this, &PresentMode::showAutoplay);
    connect(m_controls, &PresentModeControls::presenterEdited, m_player, &TourPlayer::restartStepTimer);
    connect(controller, &ScenarioController::scenarioChanged, this,
            [this] { ensureChart(m_controller->scenario().chart); });
    connect(controller, &ScenarioController::chartChanged, this, &PresentMode::ensureChart);
    connect(service, &EstimateService::estimatesChanged, this, &PresentMode::showEstimates);

    ensureChart(controller->scenario().chart);
    applyTheme();
    applyFonts();
    showAutoplay();
}

PresentMode::~PresentMode() = default;

void PresentMode::present(const Tour &tour, int firstStep, bool fullScreen)
{
    m_player->setTour(tour);
    m_tourTitle->setText(tour.title);
    if (fullScreen)
        showFullScreen();
    else
        show();
    raise();
    activateWindow();
    setFocus();
    m_player->goTo(std::clamp(firstStep, 0, std::max(0, m_player->stepCount() - 1)));
}

void PresentMode::showStep(int index)
{
    startTransition();
    m_controller->flush(); // the step's estimates now, so its caption is never filled from the step before
    const TourStep &step = m_player->tour().steps.at(index);
    m_title->setText(step.title);
    showCaption(m_service->estimates());
    m_counter->setText(counterText());
    ensureChart(step.scenario.chart);
}

void PresentMode::showAutoplay()
{
    m_autoplay->setText(m_player->autoplay()
                            ? tr("▶ Autoplay · %1 s").arg(m_player->stepDurationS(m_player->currentIndex()))
                            : QString());
}

void PresentMode::showEstimates(const EstimateSet &estimates)
{
    if (!m_chart)
        return;
    m_chart->setEstimates(estimates);
    showCaption(estimates);
    showAdvice(m_chart); // a tour step may show the advisor's answer
}

// Filled from the set the chart plots, so the caption follows the presenter's edits and never contradicts it.
void PresentMode::showCaption(const EstimateSet &estimates)
{
    const int index = m_player->currentIndex();
    if (index < 0 || index >= m_player->tour().steps.size())
        return;
    m_caption->setText(liveCaption(m_player->tour().steps.at(index).caption, estimates));
}

void PresentMode::showAdvice(ChartBase *chart)
{
    auto *value = qobject_cast<ValueChart *>(chart);
    if (!value)
        return;
    if (const ScenarioAdvice advice = adviceFor(m_controller->scenario(), m_catalog); advice.result)
        value->setAdvice(*advice.result, advice.requirements);
}

void PresentMode::ensureChart(ChartKind kind)
{
    if (m_chart && m_chartKind == kind)
        return;
    ChartBase *chart = createChart(kind, m_content).release();
    chart->setFocusPolicy(Qt::NoFocus);
    chart->setPresentationMode(true);
    chart->setTheme(m_theme);
    chart->setAnimationsEnabled(true);
    chart->setEstimates(m_service->estimates());
    showAdvice(chart);
    if (m_chart) {
        m_contentLayout->removeWidget(m_chart);
        delete m_chart; // not deleteLater: no event of the old chart is on the stack here

    }
    m_contentLayout->insertWidget(m_contentLayout->indexOf(m_controls), chart, ChartStretch); // above the controls
    m_chart = chart;
    m_chartKind = kind;
}

// Cross-fade: a snapshot of the old step lies over the new one and fades out.
void PresentMode::startTransition()
{
    if (!isVisible() || m_content->size().isEmpty())
        return;
    if (m_fadeAnimation)
        m_fadeAnimation->stop();
    m_fade->setPixmap(m_content->grab());
    m_fade->setGeometry(m_content->geometry());
    m_fade->show();
    m_fade->raise();
    auto *animation = new QPropertyAnimation(m_fade->graphicsEffect(), "opacity", this);
    animation->setDuration(TransitionMs);
    animation->setStartValue(1.0);
    animation->setEndValue(0.0);
    animation->setEasingCurve(QEasingCurve::InOutQuad);
    connect(animation, &QPropertyAnimation::finished, m_fade, &QWidget::hide);
    m_fadeAnimation = animation;
    animation->start(QAbstractAnimation::DeleteWhenStopped);
}

bool PresentMode::isTransitionRunning() const
{
    return m_fadeAnimation && m_fadeAnimation->state() == QAbstractAnimation::Running;
}

QString PresentMode::titleText() const
{
    return m_title->text();
}

QString PresentMode::captionText() const
{
    return m_caption->text();
}

QString PresentMode::counterText() const
{
    const int index = m_player->currentIndex();
    return QStringLiteral("%1 / %2")
        .arg(index >= 0 ? QString::number(index + 1) : QStringLiteral("–"))
        .arg(m_player->stepCount());
}

void PresentMode::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
    case Qt::Key_Down:
        m_player->next();
        break;
    case Qt::Key_Left:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp:
    case Qt::Key_Up:
        m_player->previous();
        break;
    case Qt::Key_Home:
        m_player->goTo(0);
        break;
    case Qt::Key_End:
        m_player->goTo(m_player->stepCount() - 1);
        break;
    case Qt::Key_A:
        m_player->setAutoplay(!m_player->autoplay());
        break;
    case Qt::Key_R:
        recordStep();
        break;
    case Qt::Key_H:
    case Qt::Key_Question:
    case Qt::Key_F1:
        m_controls->setKeysShown(!m_controls->keysShown());
        break;
    case Qt::Key_Escape:
        close();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PresentMode::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyFonts();
}

void PresentMode::closeEvent(QCloseEvent *event)
{
    m_player->setAutoplay(false);
    QWidget::closeEvent(event);
    Q_EMIT left();
}

void PresentMode::applyFonts()
{
    const qreal unit = height() / ReferenceHeight;
    setPixelFont(m_title, scaled(TitlePixels, MinTitlePixels, unit), true);
    setPixelFont(m_caption, scaled(CaptionPixels, MinCaptionPixels, unit));
    for (QLabel *header : {m_tourTitle, m_counter, m_autoplay})
        setPixelFont(header, scaled(HeaderPixels, MinHeaderPixels, unit));
    m_controls->setTextPixels(scaled(ControlPixels, MinControlPixels, unit));
    const int margin = scaled(MarginPixels, MinMarginPixels, unit);
    m_contentLayout->setContentsMargins(margin, margin / 2, margin, margin / 2);
    m_contentLayout->setSpacing(margin / 3);
}

void PresentMode::setTheme(Theme theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    applyTheme();
}

void PresentMode::applyTheme()
{
    const ChartPalette colours = ChartPalette::forTheme(m_theme);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, colours.background);
    palette.setColor(QPalette::WindowText, colours.text);
    palette.setColor(QPalette::Text, colours.text);
    palette.setColor(QPalette::PlaceholderText, colours.mutedText);
    setPalette(palette);
    if (m_chart)
        m_chart->setTheme(m_theme);
}

QString PresentMode::chooseRecordingPath()
{
    if (!m_recordingPath.isEmpty())
        return m_recordingPath;
    const QString origin = m_player->tour().origin;
    if (!origin.isEmpty() && !isBuiltIn(origin) && QFileInfo(origin).isFile())
        m_recordingPath = origin;
    else
        m_recordingPath = QFileDialog::getSaveFileName(this, tr("Record Steps Into Tour"),
                                                       QDir::home().filePath(QStringLiteral("my-tour.json")),
                                                       tr("Headroom tours (*.json)"));
    return m_recordingPath;
}

bool PresentMode::recordStep()
{
    const QString path = chooseRecordingPath();
    if (path.isEmpty())
        return false;
    const auto recorded = appendRecordedStep(path, m_controller->scenario(), m_catalog);
    if (const auto *problems = std::get_if<Diagnostics>(&recorded)) {
        m_controls->showStatus(tr("Not recorded: %1").arg(problems->isEmpty() ? path : problems->first().toString()));
        return false;
    }
    const int stepNumber = std::get<int>(recorded);
    m_controls->showStatus(tr("Recorded step %1 in %2").arg(stepNumber).arg(QFileInfo(path).fileName()));
    if (QFileInfo(path) == QFileInfo(m_player->tour().origin)) {
        TourOrDiagnostics reread = readTourFile(path, m_catalog);
        if (auto *tour = std::get_if<Tour>(&reread)) {
            m_player->updateTour(std::move(*tour));
            m_counter->setText(counterText());
        }
    }
    return true;
}

} // namespace headroom
