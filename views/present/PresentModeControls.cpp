#include "PresentModeControls.h"

#include "views/charts/ChartFormat.h"
#include "session/ScenarioController.h"
#include "views/pickers/SteppedSlider.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QTimer>

namespace headroom {
namespace {

constexpr double MinUsers = 1;
constexpr double MaxUsers = 64;
constexpr double MinContextTokens = 1024;
constexpr double MaxContextTokens = 131072;
constexpr int StatusVisibleMs = 4000;
constexpr int SliderStretch = 2;
constexpr int HelpStretch = 3;

QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PresentModeControls::PresentModeControls(ScenarioController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_users(new SteppedSlider(doublingSteps(MinUsers, MaxUsers),
                                [](double users) { return QString::number(qRound(users)); }, this))
    , m_context(new SteppedSlider(doublingSteps(MinContextTokens, MaxContextTokens),
                                  [](double tokens) { return formatContextTokens(qRound(tokens)); }, this))
    , m_usersTitle(mutedLabel(tr("Users"), this))
    , m_contextTitle(mutedLabel(tr("Context"), this))
    , m_help(mutedLabel(tr("→ / Space next · ← back · A autoplay · R record step · H hide keys · Esc leave"), this))
    , m_status(new QLabel(this))
{
    for (SteppedSlider *slider : {m_users, m_context}) {
        slider->setFocusPolicy(Qt::NoFocus);
        slider->slider()->setFocusPolicy(Qt::NoFocus);
    }
    m_help->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_status->hide();
    // The keys are the presenter's note, not the audience's: hidden until asked for (H), their room kept
    // so the sliders do not move when they appear.
    for (QLabel *label : {m_help, m_status}) {
        QSizePolicy policy = label->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        label->setSizePolicy(policy);
    }
    m_help->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_usersTitle);
    layout->addWidget(m_users, SliderStretch);
    layout->addSpacing(m_usersTitle->sizeHint().width());
    layout->addWidget(m_contextTitle);
    layout->addWidget(m_context, SliderStretch);
    layout->addSpacing(m_usersTitle->sizeHint().width());
    layout->addWidget(m_help, HelpStretch);
    layout->addWidget(m_status, HelpStretch);

    auto edit = [this](auto change, const QString &description) {
        Scenario scenario = m_controller->scenario();
        change(scenario.workload);
        m_controller->edit(scenario, description);
        Q_EMIT presenterEdited();
    };
    connect(m_users, &SteppedSlider::valueChosen, this, [edit](double users) {
        edit([users](Workload &workload) { workload.users = qRound(users); }, tr("Present: users"));
    });
    connect(m_context, &SteppedSlider::valueChosen, this, [edit](double tokens) {
        edit([tokens](Workload &workload) { workload.contextTokens = qRound(tokens); }, tr("Present: context"));
    });
    connect(controller, &ScenarioController::scenarioChanged, this, &PresentModeControls::showScenario);
    showScenario();
}

void PresentModeControls::showScenario()
{
    const Workload &workload = m_controller->scenario().workload;
    m_users->setValue(workload.users);
    m_context->setValue(workload.contextTokens);
}

void PresentModeControls::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->show();
    m_help->hide();
    QTimer::singleShot(StatusVisibleMs, m_status, [this, text] {
        if (m_status->text() != text)
            return; // a newer message is showing
        m_status->hide();
        m_help->setVisible(m_keysShown);
    });
}

void PresentModeControls::setKeysShown(bool shown)
{
    m_keysShown = shown;
    m_help->setVisible(shown && m_status->isHidden());
}

QString PresentModeControls::status() const
{
    return m_status->text();
}

void PresentModeControls::setTextPixels(int pixels)
{
    QFont font = this->font();
    font.setPixelSize(pixels);
    setFont(font);
}

} // namespace headroom
