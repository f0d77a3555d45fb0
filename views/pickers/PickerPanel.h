#pragma once

#include "catalog/Catalog.h"
#include "scenario/Scenario.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;

namespace headroom {

class CatalogModel;
class ScenarioController;
class SteppedSlider;

// The workload pickers: model (searchable), model size (log scale, makes a custom model),
// quantization, context, users, method, seed efficiency, runtime, KV cache precision and
// the share of unified memory Apple machines give the GPU. Each edit is one undoable scenario
// change through the controller; the panel reads nothing back but the scenario.
class PickerPanel final : public QWidget
{
    Q_OBJECT
public:
    PickerPanel(ScenarioController *controller, const Catalog &catalog, QWidget *parent = nullptr);

    SteppedSlider *modelSizeSlider() const { return m_modelSize; }
    SteppedSlider *contextSlider() const { return m_context; }
    SteppedSlider *sharedContextSlider() const { return m_sharedContext; }
    SteppedSlider *promptSlider() const { return m_prompt; }
    QLabel *contextNote() const { return m_contextNote; }
    SteppedSlider *usersSlider() const { return m_users; }
    SteppedSlider *efficiencySlider() const { return m_efficiency; }
    SteppedSlider *appleFractionSlider() const { return m_appleFraction; }
    QComboBox *modelCombo() const { return m_model; }
    QComboBox *quantizationCombo() const { return m_quant; }

    // The catalog changed in place (a model imported or removed): re-reads the model and
    // quantization lists and shows the scenario's choices again.
    void reloadCatalog();

Q_SIGNALS:
    // A slider handle is held down (charts turn animations off) / released.
    void interactionStarted();
    void interactionFinished();

private:
    void buildLayout();
    void setWhatsThisTexts();
    void connectEdits();
    void showScenario();
    void change(const QString &description, const std::function<void(Scenario &)> &edit);
    void chooseModel(int row);
    void chooseModelSize(double paramsB);
    const LanguageModel *modelOf(const Scenario &scenario) const;
    // `contextTokens`, no longer than the longest context the scenario's model takes.
    int withinModel(const Scenario &scenario, int contextTokens) const;
    void showContextNote(const LanguageModel *model, int contextTokens);

    ScenarioController *m_controller;
    const Catalog &m_catalog;
    CatalogModel *m_models;
    CatalogModel *m_quants;
    QComboBox *m_model;
    SteppedSlider *m_modelSize;
    QComboBox *m_quant;
    SteppedSlider *m_context;
    QLabel *m_contextNote;
    SteppedSlider *m_sharedContext;
    SteppedSlider *m_prompt;
    SteppedSlider *m_users;
    QComboBox *m_method;
    SteppedSlider *m_efficiency;
    QComboBox *m_runtime;
    QComboBox *m_kvCache;
    SteppedSlider *m_appleFraction;
};

} // namespace headroom
