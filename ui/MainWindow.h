#pragma once
// The window (DESIGN.md "The window"): the portfolio tree and the selected item's editor on the
// left, the tabs in the centre, the compute device in the status bar. It wires models to widgets;
// it computes nothing itself.
#include <QMainWindow>

class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace ledger::models {
class PortfolioDocument;
class PortfolioTreeModel;
class SimulationController;
} // namespace ledger::models

namespace ledger::ui {

class DemandEditor;
class ItemEditor;
class MonteCarloTab;
class OverviewTab;
class ScenariosTab;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the file, else the last file, else the bundled example. A file that cannot be read is
    // reported and the example opens instead. Returns false only if nothing could be opened.
    bool openInitial(const QString& path);
    bool openPath(const QString& path, QString* error);
    bool saveTo(const QString& path, QString* error);

    // Structural edits on the tree's current item (contracts and fleets; Delete on the demand removes
    // it), as the toolbar does them.
    void addContract();
    void addFleet();
    void addDeal();
    void goalSeek();
    void duplicateCurrent();
    void deleteCurrent();

    // Autosave: the portfolio as JSON in the application's data folder while it has unsaved
    // changes; offered back at the next start after a crash.
    QString autosavePath() const;
    bool autosaveNow();
    bool restoreAutosave(QString* error);

    models::PortfolioDocument* document() const { return document_; }
    models::SimulationController* simulation() const { return simulation_; }
    ItemEditor* editor() const { return editor_; }
    DemandEditor* demandEditor() const { return demandEditor_; }
    // Shows the editor of a tree path: "demand" the demand's, anything else ItemEditor::showItem's.
    void showEditorFor(const QString& path);
    OverviewTab* overview() const { return overview_; }
    MonteCarloTab* monteCarlo() const { return monteCarlo_; }
    ScenariosTab* scenarios() const { return scenarios_; }
    // The banner over the tabs while a scenario is shown ("Showing scenario: ... edits change the
    // base case"); empty while the base case is.
    QString scenarioBannerText() const;
    QTabWidget* tabs() const { return tabs_; }
    QTreeView* tree() const { return tree_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void openFile();
    bool save();
    bool saveAs();
    void importCsv();
    void rememberFile(const QString& path);
    void refreshRecent();
    void refreshTitle();
    void refreshScenarioBanner();
    bool confirmDiscard();
    void reportError(const QString& title, const QString& error);
    QString currentItemPath() const;

    models::PortfolioDocument* document_;
    models::SimulationController* simulation_;
    models::PortfolioTreeModel* treeModel_;
    QTreeView* tree_;
    ItemEditor* editor_;
    DemandEditor* demandEditor_;
    QStackedWidget* editors_; // the item editor or the demand editor
    QTabWidget* tabs_;
    OverviewTab* overview_;
    MonteCarloTab* monteCarlo_;
    ScenariosTab* scenarios_;
    QWidget* scenarioBanner_;
    QLabel* scenarioText_;
    QMenu* recent_;
    QString selectedPath_; // the tree's current item across a model reset
};

} // namespace ledger::ui
