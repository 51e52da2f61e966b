#pragma once
// The Scenarios tab (issue 21, docs/gui.md "Scenarios"): the list of scenarios (the base case
// first) with Add, Add stress template, Duplicate and Delete; the editor of the selected one (name,
// description, source, its overrides as a table of input path and value); and the scenario matrix
// (models/ScenarioModels.h): the base case and every scenario as rows, the alternatives' NPV cost
// as columns, each row's winner highlighted and the rows that flip the verdict marked. Selecting a
// scenario, in the list or the matrix, shows it in every tab (PortfolioDocument::selectScenario).
#include "ui/tabs/DocumentTab.h"

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace ledger::models {
class ScenarioListModel;
class ScenarioMatrixModel;
class ScenarioOverridesModel;
} // namespace ledger::models

namespace ledger::ui {

class ScenariosTab : public DocumentTab {
    Q_OBJECT
public:
    explicit ScenariosTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);
    QListView* list() const { return list_; }
    QTableView* overrides() const { return overrides_; }
    QTableView* matrix() const { return matrix_; }
    models::ScenarioMatrixModel* matrixModel() const { return matrixModel_; }
    QLineEdit* nameField() const { return name_; }
    QPlainTextEdit* descriptionField() const { return description_; }
    QLineEdit* sourceField() const { return source_; }
    QToolButton* stressButton() const { return stress_; }
    QString summaryText() const;
    // The last refused edit's message (empty after a change went through).
    QString message() const;

    // As the buttons do them; each one undoable step, the new scenario selected.
    void addScenario();
    void addStress(int templateIndex); // data::stressTemplates()[templateIndex]
    void duplicateScenario();
    void deleteScenario();

protected:
    // The matrix recomputes while the tab is on screen, and when it comes back into view.
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void refresh() override;
    void showSelection(); // the list's and the matrix's current row follow the document's
    void say(const QString& message);
    void commitName();
    void commitDescription();
    void commitSource();
    models::ScenarioListModel* listModel_;
    models::ScenarioOverridesModel* overridesModel_;
    models::ScenarioMatrixModel* matrixModel_;
    QListView* list_;
    QPushButton* duplicate_;
    QPushButton* delete_;
    QToolButton* stress_;
    QLabel* editorTitle_;
    QLineEdit* name_;
    QPlainTextEdit* description_;
    QLineEdit* source_;
    QTableView* overrides_;
    QPushButton* addOverride_;
    QPushButton* removeOverride_;
    QLabel* message_;
    QTableView* matrix_;
    QLabel* summary_;
    bool following_ = false; // the views are being set from the document: no selection back
};

} // namespace ledger::ui
