#include "PickerPanel.h"

#include "core/Units.h"

#include "itemmodels/CatalogModel.h"
#include "engine/ScaledModel.h"
#include "session/ScenarioController.h"
#include "SteppedSlider.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLabel>

#include <cmath>

namespace headroom {
namespace {

// Slider ranges (SPEC §7).
constexpr double MinModelParamsB = 1;
constexpr double MaxModelParamsB = 1000;
constexpr double MinContextTokens = 512;
constexpr double MaxContextTokens = 1 << 20;
constexpr double MinPromptTokens = 128;
constexpr double MinSharedContextTokens = 256;
constexpr double MaxPromptTokens = 1 << 17;
constexpr double UserSteps[] = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256};
constexpr double MinEfficiency = 0.10;
constexpr double MaxEfficiency = 1.00;
constexpr double MinAppleFraction = 0.50;
constexpr double MaxAppleFraction = 1.00;
constexpr double PercentStep = 0.05;
constexpr int KiB = 1024;

QString formatParams(double paramsB)
{
    if (paramsB >= MaxModelParamsB)
        return QString::number(paramsB / 1000, 'g', 3) % QStringLiteral(" T");
    return QString::number(paramsB, 'g', paramsB < 10 ? 2 : 3) % QStringLiteral(" B");
}

QString formatTokens(double tokens)
{
    if (tokens >= KiB * KiB)
        return QString::number(tokens / (KiB * KiB), 'g', 3) % QLatin1Char('M');
    if (tokens >= KiB)
        return QString::number(tokens / KiB, 'g', 4) % QLatin1Char('K');
    return QString::number(tokens);
}

// No shared prefix, then the context sizes a system prompt or a shared document takes.
QList<double> sharedContextSteps()
{
    return QList<double>{0} + doublingSteps(MinSharedContextTokens, MaxContextTokens);
}

QString formatUsers(double users)
{
    return QString::number(users);
}

void selectData(QComboBox *combo, const QVariant &value)
{
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(combo->findData(value));
}

} // namespace

// Shift+F1 (Help ▸ What's This?): what each control changes in the estimate, at more length than its tooltip.
void PickerPanel::setWhatsThisTexts()
{
    m_model->setWhatsThis(tr("<b>Model</b><p>The language model to run. Its parameter count sets the weight bytes "
                             "read for every token; its attention shape (heads, KV heads, layer types) sets the KV "
                             "cache each token of context costs. Type to search by name or id; File ▸ Import Model "
                             "adds your own.</p>"));
    m_modelSize->setWhatsThis(tr("<b>Model size</b><p>Scales the chosen model from 1 B to 1 T parameters, keeping its "
                                 "shape: a what-if for models not in the catalog. The result is a custom model saved "
                                 "with the scenario.</p>"));
    m_quant->setWhatsThis(tr("<b>Quantization</b><p>Bits stored per weight. Decode speed is close to bandwidth ÷ bytes "
                             "per token, so halving the bits nearly doubles the speed and halves the memory, at some "
                             "cost in quality below about 4 bits.</p>"));
    m_context->setWhatsThis(tr("<b>Context</b><p>Tokens each user keeps in the KV cache. Longer context costs memory "
                               "(it can stop a model fitting) and bandwidth (every decoded token reads it). It stops "
                               "at the longest context the model takes.</p>"));
    m_sharedContext->setWhatsThis(tr("<b>Shared context</b><p>Leading tokens of the context that every user has in "
                                     "common: one system prompt or one document all users ask about. vLLM, SGLang "
                                     "and TensorRT-LLM cache them once for all users, so more users fit; vLLM also "
                                     "reads them once per decode step, so each user decodes faster. llama.cpp, MLX "
                                     "and Ollama keep a copy per user. At most the context.</p>"));
    m_prompt->setWhatsThis(tr("<b>Prompt</b><p>Tokens each request sends before the first answer token: the time to "
                              "first token is their prefill time. Prefill is compute-bound, so this is where Macs and "
                              "GPUs differ most (RAG and coding agents send thousands).</p>"));
    m_users->setWhatsThis(tr("<b>Users</b><p>Sequences decoded together. One weight read serves every user of a step, "
                             "so total throughput grows with users until compute, KV-cache traffic or memory binds; "
                             "speed per user falls.</p>"));
    m_method->setWhatsThis(tr("<b>Method</b><p><i>Roofline</i>: time per token = max(bytes ÷ bandwidth, FLOPs ÷ "
                              "compute) + overheads, with constants fitted to public measurements and a likely range "
                              "from held-out error. <i>Seed</i>: the article's rule, bandwidth ÷ model size × "
                              "efficiency, exactly.</p>"));
    m_efficiency->setWhatsThis(tr("<b>Efficiency</b><p>The seed method's share of peak bandwidth reached; the article "
                                  "uses 65%. The roofline method fits its own per runtime and platform.</p>"));
    m_runtime->setWhatsThis(tr("<b>Runtime</b><p>The inference engine. llama.cpp and Ollama run one request well; "
                               "MLX is Apple's; vLLM, SGLang and TensorRT-LLM batch many users on NVIDIA GPUs. Each "
                               "has its own fitted constants.</p>"));
    m_kvCache->setWhatsThis(tr("<b>KV cache</b><p>Precision of the cached keys and values: Q8_0 or FP8 halve the "
                               "cache of F16, Q4_0 quarters it, so more context or users fit.</p>"));
    m_appleFraction->setWhatsThis(tr("<b>Mac GPU memory</b><p>Share of a Mac's unified memory the GPU may wire "
                                     "(macOS allows about 75% by default; <tt>sysctl iogpu.wired_limit_mb</tt> raises "
                                     "it).</p>"));
}

PickerPanel::PickerPanel(ScenarioController *controller, const Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_catalog(catalog)
    , m_models(new CatalogModel(CatalogModel::Section::Models, this))
    , m_quants(new CatalogModel(CatalogModel::Section::Quantizations, this))
    , m_model(new QComboBox(this))
    , m_modelSize(new SteppedSlider(logSteps(MinModelParamsB, MaxModelParamsB), formatParams, this))
    , m_quant(new QComboBox(this))
    , m_context(new SteppedSlider(doublingSteps(MinContextTokens, MaxContextTokens), formatTokens, this))
    , m_contextNote(new QLabel(this))
    , m_sharedContext(new SteppedSlider(sharedContextSteps(),
                                        [](double tokens) { return tokens > 0 ? formatTokens(tokens) : tr("none"); }, this))
    , m_prompt(new SteppedSlider(doublingSteps(MinPromptTokens, MaxPromptTokens), formatTokens, this))
    , m_users(new SteppedSlider(QList<double>(std::begin(UserSteps), std::end(UserSteps)), formatUsers, this))
    , m_method(new QComboBox(this))
    , m_efficiency(new SteppedSlider(linearSteps(MinEfficiency, MaxEfficiency, PercentStep), formatPercent, this))
    , m_runtime(new QComboBox(this))
    , m_kvCache(new QComboBox(this))
    , m_appleFraction(new SteppedSlider(linearSteps(MinAppleFraction, MaxAppleFraction, PercentStep), formatPercent, this))
{
    m_models->setCatalog(catalog);
    m_quants->setCatalog(catalog);
    // Opaque: a moved slider repaints the panel, not the group box frame and title behind it.
    setAutoFillBackground(true);
    buildLayout();
    connectEdits();
    connect(controller, &ScenarioController::scenarioChanged, this, &PickerPanel::showScenario);
    showScenario();
}

void PickerPanel::buildLayout()
{
    m_model->setModel(m_models);
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    auto *completer = new QCompleter(m_models, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_model->setCompleter(completer);
    m_model->setMinimumContentsLength(18);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_quant->setModel(m_quants);

    m_method->addItem(tr("Roofline (calibrated physics)"), QVariant::fromValue(int(Method::Roofline)));
    m_method->addItem(tr("Seed (the article's rule)"), QVariant::fromValue(int(Method::Seed)));
    const std::pair<Runtime, QString> runtimes[] = {
        {Runtime::Auto, tr("Auto (per platform)")}, {Runtime::LlamaCpp, tr("llama.cpp")},
        {Runtime::Mlx, tr("MLX (Apple)")},         {Runtime::Ollama, tr("Ollama")},
        {Runtime::Vllm, tr("vLLM (NVIDIA)")},      {Runtime::TensorRtLlm, tr("TensorRT-LLM (NVIDIA)")},
        {Runtime::Sglang, tr("SGLang (NVIDIA)")},  {Runtime::Exo, tr("exo (Mac clusters)")}};
    for (const auto &[runtime, name] : runtimes)
        m_runtime->addItem(name, QVariant::fromValue(int(runtime)));
    for (KvCacheType type : {KvCacheType::F16, KvCacheType::Q8_0, KvCacheType::Fp8, KvCacheType::Q4_0})
        m_kvCache->addItem(toString(type).toUpper(), QVariant::fromValue(int(type)));

    m_model->setToolTip(tr("The model to run. Type to search by name or id."));
    m_modelSize->setToolTip(tr("Resize the model from 1 B to 1 T parameters (log scale). "
                               "Makes a custom model with the chosen model's shape."));
    m_quant->setToolTip(tr("Weight quantization: fewer bits per weight, smaller and faster, some quality lost."));
    m_context->setToolTip(tr("Context length per user, in tokens: how much the KV cache holds. "
                             "Never beyond the longest context the model takes."));
    m_contextNote->setWordWrap(true);
    m_contextNote->setForegroundRole(QPalette::PlaceholderText);
    m_contextNote->setObjectName(QStringLiteral("contextNote"));
    m_contextNote->hide();
    m_sharedContext->setToolTip(tr("Leading context tokens every user has in common (a system prompt, one shared "
                                   "document): serving engines cache them once. Never beyond the context."));
    m_prompt->setToolTip(tr("Prompt length per request, in tokens: what the time to first token processes "
                            "(long documents, RAG and coding agents send thousands)."));
    m_users->setToolTip(tr("Concurrent users (sequences decoded together)."));
    m_method->setToolTip(tr("Roofline: bytes and FLOPs per token against bandwidth and compute, calibrated on "
                            "measurements. Seed: the article's bandwidth / model size x efficiency."));
    m_efficiency->setToolTip(tr("The seed method's share of peak bandwidth reached (the article uses 65%)."));
    m_runtime->setToolTip(tr("Inference runtime for every configuration (Auto: llama.cpp, Metal on Apple, CUDA elsewhere)."));
    m_kvCache->setToolTip(tr("Precision of the KV cache elements."));
    m_appleFraction->setToolTip(tr("Share of a Mac's unified memory the GPU may use (macOS default about 75%)."));
    setWhatsThisTexts();

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("&Model"), m_model);
    form->addRow(tr("Model si&ze"), m_modelSize);
    form->addRow(tr("&Quantization"), m_quant);
    form->addRow(tr("Conte&xt"), m_context);
    form->addRow(QString(), m_contextNote);
    form->addRow(tr("S&hared context"), m_sharedContext);
    form->addRow(tr("&Prompt"), m_prompt);
    form->addRow(tr("&Users"), m_users);
    form->addRow(tr("Me&thod"), m_method);
    form->addRow(tr("Effi&ciency"), m_efficiency);
    form->addRow(tr("&Runtime"), m_runtime);
    form->addRow(tr("&KV cache"), m_kvCache);
    form->addRow(tr("Mac &GPU memory"), m_appleFraction);

    m_modelSize->slider()->setObjectName(QStringLiteral("modelSizeSlider"));
    m_context->slider()->setObjectName(QStringLiteral("contextSlider"));
    m_sharedContext->slider()->setObjectName(QStringLiteral("sharedContextSlider"));
    m_prompt->slider()->setObjectName(QStringLiteral("promptSlider"));
    m_users->slider()->setObjectName(QStringLiteral("usersSlider"));
    m_efficiency->slider()->setObjectName(QStringLiteral("efficiencySlider"));
    m_appleFraction->slider()->setObjectName(QStringLiteral("appleFractionSlider"));
    setTabOrder(m_model, m_modelSize);
    setTabOrder(m_modelSize, m_quant);
    setTabOrder(m_quant, m_context);
    setTabOrder(m_context, m_sharedContext);
    setTabOrder(m_sharedContext, m_prompt);
    setTabOrder(m_prompt, m_users);
    setTabOrder(m_users, m_method);
    setTabOrder(m_method, m_efficiency);
    setTabOrder(m_efficiency, m_runtime);
    setTabOrder(m_runtime, m_kvCache);
    setTabOrder(m_kvCache, m_appleFraction);
}

void PickerPanel::change(const QString &description, const std::function<void(Scenario &)> &edit)
{
    Scenario scenario = m_controller->scenario();
    edit(scenario);
    m_controller->edit(scenario, description);
}

void PickerPanel::connectEdits()
{
    connect(m_model, &QComboBox::activated, this, &PickerPanel::chooseModel);
    connect(m_modelSize, &SteppedSlider::valueChosen, this, &PickerPanel::chooseModelSize);
    connect(m_quant, &QComboBox::activated, this, [this](int row) {
        const QString quant = m_quants->index(row).data(CatalogModel::IdRole).toString();
        change(tr("Change quantization"), [&](Scenario &s) { s.quantName = quant; });
    });
    connect(m_context, &SteppedSlider::valueChosen, this, [this](double tokens) {
        change(tr("Change context"), [&](Scenario &s) { s.workload.contextTokens = withinModel(s, int(tokens)); });
    });
    connect(m_sharedContext, &SteppedSlider::valueChosen, this, [this](double tokens) {
        change(tr("Change shared context"), [&](Scenario &s) { s.workload.sharedContextTokens = int(tokens); });
    });
    connect(m_prompt, &SteppedSlider::valueChosen, this, [this](double tokens) {
        change(tr("Change prompt length"), [&](Scenario &s) { s.workload.promptTokens = int(tokens); });
    });
    connect(m_users, &SteppedSlider::valueChosen, this, [this](double users) {
        change(tr("Change users"), [&](Scenario &s) { s.workload.users = int(users); });
    });
    connect(m_method, &QComboBox::activated, this, [this](int row) {
        const auto method = static_cast<Method>(m_method->itemData(row).toInt());
        change(tr("Change method"), [&](Scenario &s) { s.method = method; });
    });
    connect(m_efficiency, &SteppedSlider::valueChosen, this, [this](double fraction) {
        change(tr("Change efficiency"), [&](Scenario &s) { s.seedEfficiency = fraction; });
    });
    connect(m_runtime, &QComboBox::activated, this, [this](int row) {
        const auto runtime = static_cast<Runtime>(m_runtime->itemData(row).toInt());
        change(tr("Change runtime"), [&](Scenario &s) { s.runtime = runtime; });
    });
    connect(m_kvCache, &QComboBox::activated, this, [this](int row) {
        const auto type = static_cast<KvCacheType>(m_kvCache->itemData(row).toInt());
        change(tr("Change KV cache"), [&](Scenario &s) { s.workload.kvCache = type; });
    });
    connect(m_appleFraction, &SteppedSlider::valueChosen, this, [this](double fraction) {
        change(tr("Change Mac GPU memory"), [&](Scenario &s) { s.appleUsableFraction = fraction; });
    });
    for (SteppedSlider *slider : {m_modelSize, m_context, m_sharedContext, m_prompt, m_users, m_efficiency, m_appleFraction}) {
        connect(slider, &SteppedSlider::pressed, this, &PickerPanel::interactionStarted);
        connect(slider, &SteppedSlider::released, this, &PickerPanel::interactionFinished);
    }
}

void PickerPanel::chooseModel(int row)
{
    const QString id = m_models->index(row).data(CatalogModel::IdRole).toString();
    if (id.isEmpty())
        return showScenario();
    change(tr("Change model"), [&](Scenario &s) {
        s.modelId = id;
        s.customModel.reset();
        s.workload.contextTokens = withinModel(s, s.workload.contextTokens);
    });
}

void PickerPanel::chooseModelSize(double paramsB)
{
    const LanguageModel *base = m_catalog.model(m_controller->scenario().modelId);
    const LanguageModel shape = base ? *base : llamaLikeShape();
    change(tr("Change model size"), [&](Scenario &s) { s.customModel = scaledModel(shape, paramsB); });
}

const LanguageModel *PickerPanel::modelOf(const Scenario &scenario) const
{
    return scenario.customModel ? &*scenario.customModel : m_catalog.model(scenario.modelId);
}

int PickerPanel::withinModel(const Scenario &scenario, int contextTokens) const
{
    const LanguageModel *model = modelOf(scenario);
    return model && model->maxContext > 0 ? std::min(contextTokens, model->maxContext) : contextTokens;
}

void PickerPanel::showContextNote(const LanguageModel *model, int contextTokens)
{
    if (!model || model->maxContext <= 0 || contextTokens < model->maxContext) {
        m_contextNote->hide();
        return;
    }
    const QString limit = formatTokens(model->maxContext);
    m_contextNote->setText(contextTokens == model->maxContext
                               ? tr("%1 is the longest context %2 takes.").arg(limit, model->name)
                               : tr("Beyond the %1 tokens %2 takes: the model cannot use this context.")
                                     .arg(limit, model->name));
    m_contextNote->show();
}

void PickerPanel::reloadCatalog()
{
    {
        const QSignalBlocker modelBlocker(m_model);
        const QSignalBlocker quantBlocker(m_quant);
        m_models->setCatalog(m_catalog);
        m_quants->setCatalog(m_catalog);
    }
    showScenario();
}

void PickerPanel::showScenario()
{
    const Scenario &scenario = m_controller->scenario();
    {
        const QSignalBlocker blocker(m_model);
        m_model->setCurrentIndex(m_models->rowOf(scenario.modelId));
        if (scenario.customModel)
            m_model->setEditText(scenario.customModel->name);
        else if (m_model->currentIndex() < 0)
            m_model->setEditText(scenario.modelId);
    }
    const LanguageModel *model = modelOf(scenario);
    m_modelSize->setValue(model ? model->paramsB : 0);
    {
        const QSignalBlocker blocker(m_quant);
        m_quant->setCurrentIndex(m_quants->rowOf(scenario.quantName));
    }
    m_context->setValue(scenario.workload.contextTokens);
    showContextNote(model, scenario.workload.contextTokens);
    m_sharedContext->setValue(scenario.workload.sharedContextTokens);
    m_prompt->setValue(scenario.workload.promptTokens);
    m_users->setValue(scenario.workload.users);
    selectData(m_method, int(scenario.method));
    m_efficiency->setValue(scenario.seedEfficiency);
    m_efficiency->setEnabled(scenario.method == Method::Seed);
    selectData(m_runtime, int(scenario.runtime));
    selectData(m_kvCache, int(scenario.workload.kvCache));
    m_appleFraction->setValue(scenario.appleUsableFraction);
}

} // namespace headroom
