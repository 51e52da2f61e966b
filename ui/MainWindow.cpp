#include "ui/MainWindow.h"

#include "gpu/GpuDevice.h"
#include "models/PortfolioDocument.h"
#include "models/PortfolioTreeModel.h"
#include "models/SimulationController.h"
#include "ui/DealLibraryDialog.h"
#include "ui/DemandEditor.h"
#include "ui/GoalSeekDialog.h"
#include "ui/ItemEditor.h"
#include "ui/report/ExportReportDialog.h"
#include "ui/tabs/AccountingTab.h"
#include "ui/tabs/CashFlowsTab.h"
#include "ui/tabs/CompareTab.h"
#include "ui/tabs/DepreciationTab.h"
#include "ui/tabs/MonteCarloTab.h"
#include "ui/tabs/OverviewTab.h"
#include "ui/tabs/ScenariosTab.h"
#include "ui/tabs/SensitivityTab.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ledger::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , document_(new models::PortfolioDocument(models::PortfolioDocument::bundledCatalog(), this))
    , simulation_(new models::SimulationController(document_, this))
    , treeModel_(new models::PortfolioTreeModel(document_, this)) {
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QSplitter(Qt::Vertical, split);
    auto* treeHost = new QWidget(left);
    auto* treeLayout = new QVBoxLayout(treeHost);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    auto* itemBar = new QToolBar(treeHost);
    itemBar->addAction(tr("+ Contract"), this, &MainWindow::addContract)
        ->setToolTip(tr("Add a contract (rent)"));
    itemBar->addAction(tr("+ Fleet"), this, &MainWindow::addFleet)
        ->setToolTip(tr("Add an owned fleet (buy)"));
    itemBar->addAction(tr("+ Deal..."), this, &MainWindow::addDeal)
        ->setToolTip(tr("Add a public deal from the library as a pre-filled contract"));
    itemBar->addAction(tr("+ Alternative"), this, [this] {
        QString error;
        if (!document_->addAlternative(&error))
            reportError(tr("Cannot add an alternative"), error);
    });
    // Duplicate and Delete: on the bar (where a narrow panel may fold them into its overflow), in
    // the Edit menu, in the tree's context menu, and Delete by its key in the tree.
    auto* duplicate = new QAction(tr("Duplicate"), this);
    duplicate->setObjectName("duplicateItem");
    duplicate->setShortcut(QKeySequence(tr("Ctrl+D")));
    connect(duplicate, &QAction::triggered, this, &MainWindow::duplicateCurrent);
    auto* remove = new QAction(tr("Delete"), this);
    remove->setObjectName("deleteItem");
    connect(remove, &QAction::triggered, this, &MainWindow::deleteCurrent);
    itemBar->addAction(duplicate);
    itemBar->addAction(remove);
    tree_ = new QTreeView(treeHost);
    tree_->setModel(treeModel_);
    tree_->setHeaderHidden(true);
    auto* deleteKey = new QAction(tr("Delete"), tree_);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut); // in a text field the key deletes text
    connect(deleteKey, &QAction::triggered, this, &MainWindow::deleteCurrent);
    tree_->addAction(deleteKey);
    tree_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tree_, &QWidget::customContextMenuRequested, this, [this, duplicate, remove](const QPoint& at) {
        QMenu menu(tree_);
        menu.addAction(duplicate);
        menu.addAction(remove);
        menu.exec(tree_->viewport()->mapToGlobal(at));
    });
    treeLayout->addWidget(itemBar);
    treeLayout->addWidget(tree_);
    editors_ = new QStackedWidget(left);
    editors_->setObjectName("editors");
    editor_ = new ItemEditor(document_, editors_);
    demandEditor_ = new DemandEditor(document_, editors_);
    editors_->addWidget(editor_);
    editors_->addWidget(demandEditor_);
    showEditorFor(QString());
    auto* editorScroll = new QScrollArea(left);
    editorScroll->setWidget(editors_);
    editorScroll->setWidgetResizable(true);
    left->addWidget(treeHost);
    left->addWidget(editorScroll);
    left->setStretchFactor(1, 2);

    // The tabs, under a banner that says which scenario they show while one is selected.
    auto* centre = new QWidget(split);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    scenarioBanner_ = new QWidget(centre);
    scenarioBanner_->setObjectName("scenarioBanner");
    scenarioBanner_->setAutoFillBackground(true);
    QPalette banner = scenarioBanner_->palette();
    banner.setColor(QPalette::Window, QColor(0xff, 0xe0, 0x82));
    banner.setColor(QPalette::WindowText, QColor(0x3e, 0x27, 0x23));
    banner.setColor(QPalette::ButtonText, QColor(0x3e, 0x27, 0x23));
    scenarioBanner_->setPalette(banner);
    auto* bannerLayout = new QHBoxLayout(scenarioBanner_);
    bannerLayout->setContentsMargins(10, 4, 10, 4);
    scenarioText_ = new QLabel(scenarioBanner_);
    scenarioText_->setObjectName("scenarioBannerText");
    auto* baseCase = new QPushButton(tr("Show the base case"), scenarioBanner_);
    baseCase->setObjectName("showBaseCase");
    connect(baseCase, &QPushButton::clicked, this, [this] { document_->selectScenario(std::nullopt); });
    bannerLayout->addWidget(scenarioText_, 1);
    bannerLayout->addWidget(baseCase);
    scenarioBanner_->hide();
    tabs_ = new QTabWidget(centre);
    centreLayout->addWidget(scenarioBanner_);
    centreLayout->addWidget(tabs_, 1);
    overview_ = new OverviewTab(document_, simulation_, tabs_);
    monteCarlo_ = new MonteCarloTab(document_, simulation_, tabs_);
    tabs_->addTab(overview_, tr("Overview"));
    tabs_->addTab(new CashFlowsTab(document_, tabs_), tr("Cash flows"));
    tabs_->addTab(new DepreciationTab(document_, tabs_), tr("Depreciation"));
    tabs_->addTab(new AccountingTab(document_, tabs_), tr("Accounting"));
    tabs_->addTab(new CompareTab(document_, tabs_), tr("Compare"));
    tabs_->addTab(monteCarlo_, tr("Monte Carlo"));
    tabs_->addTab(new SensitivityTab(document_, tabs_), tr("Sensitivity"));
    scenarios_ = new ScenariosTab(document_, tabs_);
    tabs_->addTab(scenarios_, tr("Scenarios"));
    // Next and previous tab from anywhere in the window, as browsers and spreadsheets do (a tab
    // widget alone sees Ctrl+Tab only with the focus inside it).
    const auto step = [this](int by) {
        tabs_->setCurrentIndex((tabs_->currentIndex() + by + tabs_->count()) % tabs_->count());
    };
    for (const QKeySequence& next :
         {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)})
        connect(new QShortcut(next, this), &QShortcut::activated, this, [step] { step(1); });
    for (const QKeySequence& previous :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab), QKeySequence(Qt::CTRL | Qt::Key_PageUp)})
        connect(new QShortcut(previous, this), &QShortcut::activated, this, [step] { step(-1); });
    split->addWidget(left);
    split->addWidget(centre);
    split->setSizes({430, 1070});
    setCentralWidget(split);

    // The tree is rebuilt after every change; keep the item the user had selected.
    connect(treeModel_, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { selectedPath_ = currentItemPath(); });
    connect(treeModel_, &QAbstractItemModel::modelReset, this, [this] {
        tree_->expandAll();
        for (int group = 0; group < treeModel_->rowCount(); ++group) {
            const QModelIndex parent = treeModel_->index(group, 0);
            if (!selectedPath_.isEmpty() &&
                parent.data(models::PortfolioTreeModel::PathRole) == selectedPath_) {
                tree_->selectionModel()->setCurrentIndex(parent, QItemSelectionModel::ClearAndSelect);
                return;
            }
            for (int row = 0; row < treeModel_->rowCount(parent); ++row) {
                const QModelIndex child = treeModel_->index(row, 0, parent);
                if (!selectedPath_.isEmpty() &&
                    child.data(models::PortfolioTreeModel::PathRole) == selectedPath_) {
                    tree_->selectionModel()->setCurrentIndex(child, QItemSelectionModel::ClearAndSelect);
                    return;
                }
            }
        }
    });
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& index) {
                showEditorFor(index.data(models::PortfolioTreeModel::PathRole).toString());
            });
    connect(document_, &models::PortfolioDocument::evaluationChanged, this, &MainWindow::refreshTitle);
    connect(document_, &models::PortfolioDocument::modifiedChanged, this, [this](bool modified) {
        refreshTitle();
        if (!modified)
            QFile::remove(autosavePath()); // saved (or undone to the saved state): nothing to restore
    });
    connect(document_, &models::PortfolioDocument::filePathChanged, this, &MainWindow::refreshTitle);
    connect(document_, &models::PortfolioDocument::scenarioSelectionChanged, this,
            &MainWindow::refreshScenarioBanner);

    buildMenus();
    // Where the Monte Carlo runs, in words, for good (messages come and go beside it); the CUDA
    // detail in the tooltip.
    const GpuDevice gpu = probeGpu();
    auto* device =
        new QLabel(gpu.available ? tr("Monte Carlo on %1").arg(QString::fromStdString(gpu.name))
                                 : tr("Monte Carlo on CPU, %1 threads").arg(QThread::idealThreadCount()),
                   this);
    device->setObjectName("computeDevice");
    device->setToolTip(gpu.available ? tr("CUDA device 0: %1 (device auto runs the Monte Carlo there)")
                                           .arg(QString::fromStdString(gpu.name))
                                     : tr("No GPU: %1").arg(QString::fromStdString(gpu.reason)));
    statusBar()->addPermanentWidget(device);
    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray()))
        resize(1380, 860);

    auto* autosave = new QTimer(this);
    autosave->setInterval(60'000);
    connect(autosave, &QTimer::timeout, this, &MainWindow::autosaveNow);
    autosave->start();
}

MainWindow::~MainWindow() {
    // Tearing the document down clears its undo stack, which is not the user saving: the autosave
    // must outlive a window that was not closed (a crash, as far as the next start can tell).
    disconnect(document_, nullptr, this, nullptr);
    // The widgets go after this body, and an editor open in a table commits its text as it goes
    // (the document changes, the tree resets): neither the tree nor its model may reach a window
    // that is no longer one (UBSan saw showEditorFor and currentItemPath called from ~QWidget).
    disconnect(tree_->selectionModel(), nullptr, this, nullptr);
    disconnect(treeModel_, nullptr, this, nullptr);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (confirmDiscard())
            document_->newPortfolio();
    });
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::openFile);
    recent_ = file->addMenu(tr("Open &recent"));
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &as..."), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Import CSV..."), QKeySequence(tr("Ctrl+I")), this, &MainWindow::importCsv);
    file->addAction(tr("&Export report..."), QKeySequence(tr("Ctrl+E")), this, [this] {
        if (!document_->hasPortfolio())
            return;
        report::ExportReportDialog dialog(document_, simulation_, this);
        dialog.exec();
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(findChild<QAction*>("duplicateItem"));
    edit->addAction(findChild<QAction*>("deleteItem"));
    QMenu* simulation = menuBar()->addMenu(tr("&Simulation"));
    simulation->addAction(tr("&Run Monte Carlo"), QKeySequence(Qt::Key_F5), this, [this] {
        tabs_->setCurrentWidget(monteCarlo_);
        monteCarlo_->run();
    });
    simulation->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), simulation_,
                          &models::SimulationController::cancel);
    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    auto* goalSeek =
        analysis->addAction(tr("&Goal seek..."), QKeySequence(tr("Ctrl+G")), this, &MainWindow::goalSeek);
    goalSeek->setObjectName("goalSeek");
    refreshRecent();
}

bool MainWindow::openInitial(const QString& path) {
    QString error;
    if (QFileInfo::exists(autosavePath())) {
        const auto answer =
            QMessageBox::question(this, tr("Restore unsaved work?"),
                                  tr("ComputeLedger did not close normally. Restore the unsaved changes "
                                     "it kept?"));
        if (answer == QMessageBox::Yes) {
            if (restoreAutosave(&error))
                return true;
            QMessageBox::warning(this, tr("Cannot restore"),
                                 error + tr("\n\nThe kept copy is left at %1.").arg(autosavePath()));
        } else {
            QFile::remove(autosavePath());
        }
    }
    if (!path.isEmpty()) {
        if (openPath(path, &error))
            return true;
        QMessageBox::warning(this, tr("Cannot open portfolio"),
                             error + tr("\n\nThe bundled example opens instead."));
    } else {
        const QString last = QSettings().value("files/last").toString();
        if (!last.isEmpty() && QFileInfo::exists(last) && openPath(last, &error))
            return true;
    }
    if (document_->openBundledExample(&error))
        return true;
    QMessageBox::critical(this, tr("Cannot open the example"), error);
    return false;
}

void MainWindow::showEditorFor(const QString& path) {
    QWidget* shown = path == "demand" ? static_cast<QWidget*>(demandEditor_) : editor_;
    // The stack takes the size of the page shown, not of its tallest page: the other is ignored.
    for (QWidget* page : {static_cast<QWidget*>(demandEditor_), static_cast<QWidget*>(editor_)})
        page->setSizePolicy(QSizePolicy::Preferred,
                            page == shown ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    editors_->setCurrentWidget(shown);
    if (shown == editor_)
        editor_->showItem(path);
}

bool MainWindow::openPath(const QString& path, QString* error) {
    if (!document_->open(path, error))
        return false;
    showEditorFor(QString());
    rememberFile(path);
    if (!document_->openNotices().isEmpty())
        statusBar()->showMessage(document_->openNotices().join("; "), 15000);
    return true;
}

bool MainWindow::saveTo(const QString& path, QString* error) {
    if (!document_->saveAs(path, error))
        return false;
    rememberFile(path);
    return true;
}

QString MainWindow::currentItemPath() const {
    return tree_->currentIndex().data(models::PortfolioTreeModel::PathRole).toString();
}

void MainWindow::reportError(const QString& title, const QString& error) {
    QMessageBox::warning(this, title, error);
}

void MainWindow::addContract() {
    QString error;
    if (!document_->addContract(&error))
        reportError(tr("Cannot add a contract"), error);
}

void MainWindow::addFleet() {
    QString error;
    if (!document_->addFleet(&error))
        reportError(tr("Cannot add a fleet"), error);
}

void MainWindow::addDeal() {
    DealLibraryDialog dialog(models::PortfolioDocument::dealLibrary(), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.selectedDeal())
        return;
    QString error;
    if (!document_->addDeal(*dialog.selectedDeal(), &error))
        reportError(tr("Cannot add the deal"), error);
}

void MainWindow::goalSeek() {
    if (!document_->hasPortfolio())
        return;
    GoalSeekDialog dialog(document_, this);
    dialog.exec();
}

void MainWindow::duplicateCurrent() {
    QString error;
    if (!document_->duplicateItem(currentItemPath(), &error))
        reportError(tr("Cannot duplicate"),
                    tr("Select a contract, fleet or alternative first.\n\n%1").arg(error));
}

void MainWindow::deleteCurrent() {
    QString error;
    const QString path = currentItemPath();
    const bool deleted =
        path == "demand" ? document_->removeDemand(&error) : document_->deleteItem(path, &error);
    if (!deleted) {
        reportError(tr("Cannot delete"), error);
        return;
    }
    if (path != "demand")
        showEditorFor(QString());
}

QString MainWindow::autosavePath() const {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave.json";
}

bool MainWindow::autosaveNow() {
    if (!document_->hasPortfolio() || !document_->isModified())
        return false;
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    QString error;
    if (!document_->writeCopy(autosavePath(), &error))
        return false;
    QSettings().setValue("autosave/original", document_->filePath());
    return true;
}

bool MainWindow::restoreAutosave(QString* error) {
    if (!document_->open(autosavePath(), error))
        return false;
    // The restored work is unsaved: it belongs to the file it came from, or to none.
    const QString original = QSettings().value("autosave/original").toString();
    QString ignored;
    if (!original.isEmpty() && !original.startsWith(':') && QFileInfo::exists(original))
        document_->markUnsavedFor(original);
    else
        document_->markUnsavedFor(QString());
    QFile::remove(autosavePath());
    return true;
}

void MainWindow::openFile() {
    if (!confirmDiscard())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open portfolio"), QString(),
                                                      tr("Portfolio (*.cledger *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openPath(path, &error))
        QMessageBox::warning(this, tr("Cannot open portfolio"), error);
}

bool MainWindow::save() {
    if (document_->isBundledExample() || document_->filePath().isEmpty())
        return saveAs();
    QString error;
    if (document_->save(&error))
        return true;
    QMessageBox::warning(this, tr("Cannot save"), error + tr("\n\nUse Save As to save it elsewhere."));
    return saveAs();
}

bool MainWindow::saveAs() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save portfolio"), QString(), tr("ComputeLedger document (*.cledger);;JSON (*.json)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (saveTo(path, &error))
        return true;
    QMessageBox::warning(this, tr("Cannot save"), error);
    return false;
}

void MainWindow::importCsv() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import contracts or fleets"), QString(),
                                                      tr("CSV (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!document_->importCsv(path, &error))
        QMessageBox::warning(this, tr("Nothing imported"), error);
}

void MainWindow::rememberFile(const QString& path) {
    if (path.startsWith(':'))
        return;
    QSettings settings;
    QStringList recent = settings.value("files/recent").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue("files/recent", recent.mid(0, 8));
    settings.setValue("files/last", path);
    refreshRecent();
}

void MainWindow::refreshRecent() {
    recent_->clear();
    for (const QString& path : QSettings().value("files/recent").toStringList()) {
        recent_->addAction(path, this, [this, path] {
            if (!confirmDiscard())
                return;
            QString error;
            if (!openPath(path, &error))
                QMessageBox::warning(this, tr("Cannot open portfolio"), error);
        });
    }
    recent_->setEnabled(!recent_->isEmpty());
}

void MainWindow::refreshTitle() {
    const auto& scenario = document_->selectedScenario();
    setWindowTitle(
        scenario
            ? tr("%1%2 - scenario %3 - ComputeLedger")
                  .arg(document_->displayName(), document_->isModified() ? "*" : "",
                       QString::fromStdString(*scenario))
            : tr("%1%2 - ComputeLedger").arg(document_->displayName(), document_->isModified() ? "*" : ""));
}

void MainWindow::refreshScenarioBanner() {
    const auto& scenario = document_->selectedScenario();
    scenarioBanner_->setVisible(scenario.has_value());
    scenarioText_->setText(scenario ? tr("<b>Showing scenario: %1</b> &mdash; edits change the base case")
                                          .arg(QString::fromStdString(*scenario).toHtmlEscaped())
                                    : QString());
    refreshTitle();
}

QString MainWindow::scenarioBannerText() const {
    return scenarioBanner_->isVisibleTo(this) ? scenarioText_->text() : QString();
}

bool MainWindow::confirmDiscard() {
    if (!document_->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("%1 has unsaved changes. Save them?").arg(document_->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    simulation_->cancel();
    QSettings().setValue("window/geometry", saveGeometry());
    QFile::remove(autosavePath()); // a normal close: nothing to restore
    event->accept();
}

} // namespace ledger::ui
