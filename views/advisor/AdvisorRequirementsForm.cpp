#include "AdvisorRequirementsForm.h"

#include "session/ScenarioController.h"
#include "views/pickers/SteppedSlider.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLocale>

#include <cmath>

namespace headroom {
namespace {

// Slider ranges. The first step of each limit, 0, means "no requirement".
constexpr double NoLimit = 0;
constexpr double MinSpeedTps = 1;
constexpr double MaxSpeedTps = 500;
constexpr double MinTtftSeconds = 0.1;
constexpr double MaxTtftSeconds = 120;
constexpr double MinBudgetUsd = 500;
constexpr double MaxBudgetUsd = 2'000'000; // an 8-GPU datacenter server
constexpr double MinPowerW = 50;
constexpr double MaxPowerW = 50'000;
constexpr double MinUtilization = 0.05;
constexpr double MaxUtilization = 1.0;
constexpr double UtilizationStep = 0.05;
// Field ranges for the cost assumptions (SPEC §5 defaults: 3 years, 50%, $0.15/kWh).
constexpr double MinYears = 0.5;
constexpr double MaxYears = 20;
constexpr double YearsStep = 0.5;
constexpr double MaxElectricityUsdPerKwh = 5;
constexpr double ElectricityStep = 0.01;
constexpr int ElectricityDecimals = 3;
constexpr double MaxCloudUsdPerMillionTokens = 1000;
constexpr double CloudStep = 0.1;
constexpr int CloudDecimals = 2;

QList<double> optionalSteps(double first, double last)
{
    return QList<double>{NoLimit} + logSteps(first, last);
}

QString grouped(double value)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(value, 'f', value < 10 ? 1 : 0);
}

QString formatSpeed(double tps) { return tps > 0 ? grouped(tps) + QStringLiteral(" t/s") : QObject::tr("any"); }
QString formatSeconds(double s) { return s > 0 ? QString::number(s, 'g', 3) + QStringLiteral(" s") : QObject::tr("any"); }
QString formatUsd(double usd) { return usd > 0 ? QLatin1Char('$') + grouped(usd) : QObject::tr("no limit"); }
QString formatWatts(double w) { return w > 0 ? grouped(w) + QStringLiteral(" W") : QObject::tr("no limit"); }
QString formatPercent(double f) { return QString::number(std::lround(f * 100)) + QLatin1Char('%'); }

std::optional<double> limitOrNone(double value)
{
    return value > 0 ? std::optional<double>(value) : std::nullopt;
}

} // namespace

AdvisorRequirementsForm::AdvisorRequirementsForm(ScenarioController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_minSpeed(new SteppedSlider(optionalSteps(MinSpeedTps, MaxSpeedTps), formatSpeed, this))
    , m_maxTtft(new SteppedSlider(optionalSteps(MinTtftSeconds, MaxTtftSeconds), formatSeconds, this))
    , m_budget(new SteppedSlider(optionalSteps(MinBudgetUsd, MaxBudgetUsd), formatUsd, this))
    , m_maxPower(new SteppedSlider(optionalSteps(MinPowerW, MaxPowerW), formatWatts, this))
    , m_apple(new QCheckBox(tr("Apple"), this))
    , m_nvidia(new QCheckBox(tr("NVIDIA"), this))
    , m_other(new QCheckBox(tr("Other"), this))
    , m_autoQuant(new QCheckBox(tr("Best quantization that qualifies"), this))
    , m_rankBy(new QComboBox(this))
    , m_years(new QDoubleSpinBox(this))
    , m_utilization(new SteppedSlider(linearSteps(MinUtilization, MaxUtilization, UtilizationStep), formatPercent, this))
    , m_electricity(new QDoubleSpinBox(this))
    , m_cloudPrice(new QDoubleSpinBox(this))
{
    buildLayout();
    connectEdits();
    connect(controller, &ScenarioController::scenarioChanged, this, &AdvisorRequirementsForm::showScenario);
    showScenario();
}

QCheckBox *AdvisorRequirementsForm::platformBox(Platform platform) const
{
    switch (platform) {
    case Platform::Apple: return m_apple;
    case Platform::Nvidia: return m_nvidia;
    case Platform::Other: break;
    }
    return m_other;
}

void AdvisorRequirementsForm::buildLayout()
{
    m_rankBy->addItem(tr("Lowest price"), QVariant::fromValue(int(RankBy::Price)));
    m_rankBy->addItem(tr("Fastest per user"), QVariant::fromValue(int(RankBy::Speed)));
    m_rankBy->addItem(tr("Most t/s per dollar"), QVariant::fromValue(int(RankBy::TpsPerDollar)));
    m_rankBy->addItem(tr("Most t/s per watt"), QVariant::fromValue(int(RankBy::TpsPerWatt)));
    m_years->setRange(MinYears, MaxYears);
    m_years->setSingleStep(YearsStep);
    m_years->setDecimals(1);
    m_years->setSuffix(tr(" years"));
    m_electricity->setRange(0, MaxElectricityUsdPerKwh);
    m_electricity->setSingleStep(ElectricityStep);
    m_electricity->setDecimals(ElectricityDecimals);
    m_electricity->setPrefix(QStringLiteral("$"));
    m_electricity->setSuffix(tr(" / kWh"));
    m_cloudPrice->setRange(0, MaxCloudUsdPerMillionTokens);
    m_cloudPrice->setSingleStep(CloudStep);
    m_cloudPrice->setDecimals(CloudDecimals);
    m_cloudPrice->setPrefix(QStringLiteral("$"));
    m_cloudPrice->setSuffix(tr(" / M tokens"));
    m_cloudPrice->setSpecialValueText(tr("none (no break-even)"));

    m_minSpeed->setToolTip(tr("Slowest decode speed each user accepts, tokens per second (leftmost: any)."));
    m_maxTtft->setToolTip(tr("Longest wait for the first token of the prompt, seconds (leftmost: any)."));
    m_budget->setToolTip(tr("Most you will pay, US dollars at public list prices. Configurations without a "
                            "public price are left out under a budget (leftmost: no limit)."));
    m_maxPower->setToolTip(tr("Most power the configuration may draw, watts (leftmost: no limit)."));
    m_autoQuant->setToolTip(tr("Per configuration, the highest-quality quantization that meets every other "
                               "requirement, instead of the scenario's quantization."));
    m_rankBy->setToolTip(tr("Order of the shortlist."));
    m_years->setToolTip(tr("Years over which the price is spread in the cost per token."));
    m_utilization->setToolTip(tr("Share of the hours the machine is generating, for the cost per token."));
    m_electricity->setToolTip(tr("Electricity price, US dollars per kWh."));
    m_cloudPrice->setToolTip(tr("A cloud API's price per million output tokens: gives the months to break even."));

    m_minSpeed->slider()->setObjectName(QStringLiteral("advisorMinSpeedSlider"));
    m_maxTtft->slider()->setObjectName(QStringLiteral("advisorMaxTtftSlider"));
    m_budget->slider()->setObjectName(QStringLiteral("advisorBudgetSlider"));
    m_maxPower->slider()->setObjectName(QStringLiteral("advisorMaxPowerSlider"));
    m_utilization->slider()->setObjectName(QStringLiteral("advisorUtilizationSlider"));

    auto *platforms = new QHBoxLayout;
    platforms->setContentsMargins(0, 0, 0, 0);
    for (QCheckBox *box : {m_apple, m_nvidia, m_other})
        platforms->addWidget(box);
    platforms->addStretch(1);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("Min speed per user"), m_minSpeed);
    form->addRow(tr("Max time to first token"), m_maxTtft);
    form->addRow(tr("Budget"), m_budget);
    form->addRow(tr("Max power"), m_maxPower);
    form->addRow(tr("Platforms"), platforms);
    form->addRow(tr("Quantization"), m_autoQuant);
    form->addRow(tr("Rank by"), m_rankBy);
    form->addRow(tr("Amortise over"), m_years);
    form->addRow(tr("Utilisation"), m_utilization);
    form->addRow(tr("Electricity"), m_electricity);
    form->addRow(tr("Cloud price"), m_cloudPrice);
}

void AdvisorRequirementsForm::change(const QString &description,
                                     const std::function<void(AdvisorRequirements &)> &edit)
{
    Scenario scenario = m_controller->scenario();
    edit(scenario.advisor);
    m_controller->edit(scenario, description);
}

void AdvisorRequirementsForm::connectEdits()
{
    connect(m_minSpeed, &SteppedSlider::valueChosen, this, [this](double tps) {
        change(tr("Change minimum speed"), [&](AdvisorRequirements &r) { r.minDecodeTpsPerUser = limitOrNone(tps); });
    });
    connect(m_maxTtft, &SteppedSlider::valueChosen, this, [this](double seconds) {
        change(tr("Change maximum time to first token"),
               [&](AdvisorRequirements &r) { r.maxTtftSeconds = limitOrNone(seconds); });
    });
    connect(m_budget, &SteppedSlider::valueChosen, this, [this](double usd) {
        change(tr("Change budget"), [&](AdvisorRequirements &r) { r.budgetUsd = limitOrNone(usd); });
    });
    connect(m_maxPower, &SteppedSlider::valueChosen, this, [this](double watts) {
        change(tr("Change maximum power"), [&](AdvisorRequirements &r) { r.maxPowerW = limitOrNone(watts); });
    });
    for (QCheckBox *box : {m_apple, m_nvidia, m_other})
        connect(box, &QCheckBox::toggled, this, &AdvisorRequirementsForm::choosePlatforms);
    connect(m_autoQuant, &QCheckBox::toggled, this, [this](bool on) {
        change(tr("Change auto quantization"), [&](AdvisorRequirements &r) { r.autoQuant = on; });
    });
    connect(m_rankBy, &QComboBox::activated, this, [this](int row) {
        const auto rankBy = static_cast<RankBy>(m_rankBy->itemData(row).toInt());
        change(tr("Change ranking"), [&](AdvisorRequirements &r) { r.rankBy = rankBy; });
    });
    connect(m_years, &QDoubleSpinBox::valueChanged, this, [this](double years) {
        change(tr("Change amortisation"), [&](AdvisorRequirements &r) { r.cost.amortizationYears = years; });
    });
    connect(m_utilization, &SteppedSlider::valueChosen, this, [this](double share) {
        change(tr("Change utilisation"), [&](AdvisorRequirements &r) { r.cost.utilization = share; });
    });
    connect(m_electricity, &QDoubleSpinBox::valueChanged, this, [this](double usd) {
        change(tr("Change electricity price"), [&](AdvisorRequirements &r) { r.cost.electricityUsdPerKwh = usd; });
    });
    connect(m_cloudPrice, &QDoubleSpinBox::valueChanged, this, [this](double usd) {
        change(tr("Change cloud price"), [&](AdvisorRequirements &r) { r.cost.cloudUsdPerMillionTokens = limitOrNone(usd); });
    });
    for (SteppedSlider *slider : {m_minSpeed, m_maxTtft, m_budget, m_maxPower, m_utilization}) {
        connect(slider, &SteppedSlider::pressed, this, &AdvisorRequirementsForm::interactionStarted);
        connect(slider, &SteppedSlider::released, this, &AdvisorRequirementsForm::interactionFinished);
    }
}

void AdvisorRequirementsForm::choosePlatforms()
{
    QList<Platform> platforms;
    for (Platform platform : {Platform::Apple, Platform::Nvidia, Platform::Other}) {
        if (platformBox(platform)->isChecked())
            platforms.append(platform);
    }
    if (platforms.isEmpty()) {
        showScenario(); // searching no platform at all is not a question: keep the last one ticked
        return;
    }
    if (platforms.size() == 3)
        platforms.clear(); // every platform: the file says "all" by leaving the list empty
    change(tr("Change platforms"), [&](AdvisorRequirements &r) { r.platforms = platforms; });
}

void AdvisorRequirementsForm::showScenario()
{
    const AdvisorRequirements &r = m_controller->scenario().advisor;
    m_minSpeed->setValue(r.minDecodeTpsPerUser.value_or(NoLimit));
    m_maxTtft->setValue(r.maxTtftSeconds.value_or(NoLimit));
    m_budget->setValue(r.budgetUsd.value_or(NoLimit));
    m_maxPower->setValue(r.maxPowerW.value_or(NoLimit));
    m_utilization->setValue(r.cost.utilization);
    for (Platform platform : {Platform::Apple, Platform::Nvidia, Platform::Other}) {
        const QSignalBlocker blocker(platformBox(platform));
        platformBox(platform)->setChecked(r.platforms.isEmpty() || r.platforms.contains(platform));
    }
    const QSignalBlocker autoBlocker(m_autoQuant);
    m_autoQuant->setChecked(r.autoQuant);
    const QSignalBlocker rankBlocker(m_rankBy);
    m_rankBy->setCurrentIndex(m_rankBy->findData(int(r.rankBy)));
    // Only when different: resetting a field while someone types in it would move their cursor.
    const auto show = [](QDoubleSpinBox *field, double value) {
        if (field->value() == value)
            return;
        const QSignalBlocker blocker(field);
        field->setValue(value);
    };
    show(m_years, r.cost.amortizationYears);
    show(m_electricity, r.cost.electricityUsdPerKwh);
    show(m_cloudPrice, r.cost.cloudUsdPerMillionTokens.value_or(0));
}

} // namespace headroom
