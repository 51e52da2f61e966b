// The window as a user drives it (offscreen): edit through the editor and see the Overview change,
// undo and redo, a bad value kept out with its message, a simulation run and cancelled from the
// panel, and open, modify, save, reopen. With CL_SCREENSHOTS=DIR it also saves a PNG of every tab.
#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "models/PortfolioTreeModel.h"
#include "models/SimulationController.h"
#include "resources/BundledResources.h"
#include "tests/ui/WindowSteps.h"
#include "ui/CurveGrid.h"
#include "ui/DealLibraryDialog.h"
#include "ui/ItemEditor.h"
#include "ui/MainWindow.h"
#include "ui/tabs/MonteCarloTab.h"
#include "ui/tabs/OverviewTab.h"
#include "ui/tabs/ScenariosTab.h"

#include "analytics/CostWaterfall.h"
#include "gpu/GpuDevice.h"
#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPalette>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeView>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::ui;
using namespace ledger::ui::test;

namespace {

constexpr int kContracts = models::PortfolioTreeModel::ContractsRow;
constexpr int kFleets = models::PortfolioTreeModel::FleetsRow;

} // namespace

class MainWindowUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    // A leftover autosave would make the window ask to restore it (a modal question) at start.
    void init() {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave.json");
    }

    // The status bar says in words where the Monte Carlo runs, for good; the CUDA detail is the tooltip.
    void statusBarNamesTheComputeDevice() {
        MainWindow w;
        auto* device = w.findChild<QLabel*>("computeDevice");
        QVERIFY(device);
        const GpuDevice gpu = probeGpu();
        if (gpu.available) {
            QCOMPARE(device->text(), "Monte Carlo on " + QString::fromStdString(gpu.name));
        } else {
            QCOMPARE(device->text(),
                     QString("Monte Carlo on CPU, %1 threads").arg(QThread::idealThreadCount()));
            QCOMPARE(device->toolTip(), "No GPU: " + QString::fromStdString(gpu.reason));
        }
    }

    void treeActionsAddDuplicateDelete() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.addContract();
        w.addFleet();
        QCOMPARE(int(w.document()->portfolio().contracts.size()), 3);
        QCOMPARE(int(w.document()->portfolio().fleets.size()), 3);
        QCOMPARE(w.tree()->model()->rowCount(w.tree()->model()->index(kContracts, 0)), 3);
        w.tree()->setCurrentIndex(w.tree()->model()->index(0, 0, w.tree()->model()->index(kFleets, 0)));
        w.duplicateCurrent();
        QCOMPARE(w.document()->portfolio().fleets[1].name, std::string("Owned GB300 fleet (copy)"));
        w.tree()->setCurrentIndex(w.tree()->model()->index(0, 0, w.tree()->model()->index(kContracts, 0)));
        w.deleteCurrent();
        QCOMPARE(w.document()->portfolio().contracts.front().id, std::string("cw-2026"));
        QCOMPARE(w.document()->undoStack()->count(), 4);
    }

    void alternativesAreEditedInTheEditor() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.editor()->showItem("alternatives[0]");
        auto* second = w.editor()->findChild<QCheckBox*>("alternative.item.cw-2026");
        QVERIFY(second && second->isChecked());
        second->setChecked(false);
        QCOMPARE(w.document()->portfolio().alternatives->front().items, std::vector<std::string>{"cw-2025"});
        auto* first = w.editor()->findChild<QCheckBox*>("alternative.item.cw-2025");
        first->setChecked(false); // would leave the alternative empty
        QCOMPARE(w.editor()->message(),
                 QString("alternatives[0].items: an alternative needs at least one item"));
        QCOMPARE(w.document()->portfolio().alternatives->front().items, std::vector<std::string>{"cw-2025"});
        QTest::qWait(10); // the editor rebuilds from the document
        QVERIFY(w.editor()->findChild<QCheckBox*>("alternative.item.cw-2025")->isChecked());
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->portfolio().alternatives->front().items.size(), std::size_t(2));
    }

    void alternativeEditorFollowsUndo() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.editor()->showItem("alternatives[0]");
        w.editor()->findChild<QCheckBox*>("alternative.item.own-gb300")->setChecked(true);
        QCOMPARE(w.document()->portfolio().alternatives->front().items.size(), std::size_t(3));
        w.document()->undoStack()->undo();
        QTest::qWait(10); // the editor rebuilds from the document
        QVERIFY(!w.editor()->findChild<QCheckBox*>("alternative.item.own-gb300")->isChecked());
        w.editor()->findChild<QCheckBox*>("alternative.item.own-vr200")->setChecked(true);
        const auto& items = w.document()->portfolio().alternatives->front().items;
        QCOMPARE(items, (std::vector<std::string>{"cw-2025", "cw-2026", "own-vr200"}));
    }

    void editorFollowsItsItemThroughDeleteAndUndo() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.editor()->showItem("contracts[1]"); // CoreWeave 2026
        QString error;
        QVERIFY(w.document()->deleteItem("contracts[0]", &error));
        QTest::qWait(10);
        QCOMPARE(w.editor()->field("name")->text(), QString("CoreWeave 2026 expansion (Vera Rubin)"));
        w.document()->undoStack()->undo(); // CoreWeave 2026 is contracts[1] again
        QTest::qWait(10);
        setField(w.editor(), "escalator", "0.02");
        QCOMPARE(w.document()->portfolio().contracts[1].escalator, 0.02);
        QCOMPARE(w.document()->portfolio().contracts[0].escalator, 0.0);
        // The item gone: the editor goes back to the assumptions.
        QVERIFY(w.document()->deleteItem("contracts[1]", &error));
        QTest::qWait(10);
        QVERIFY(w.editor()->field("assumptions.discount_rate"));
    }

    void treeKeepsTheSelectionAcrossEdits() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.tree()->setCurrentIndex(
            w.tree()->model()->index(1, 0, w.tree()->model()->index(kFleets, 0))); // fleets[1]
        w.editor()->showItem("fleets[1]");
        setField(w.editor(), "gpus", "65000");
        QCOMPARE(w.tree()->currentIndex().data(models::PortfolioTreeModel::PathRole).toString(),
                 QString("fleets[1]"));
        w.deleteCurrent();
        QCOMPARE(int(w.document()->portfolio().fleets.size()), 1);
    }

    void tranchesAndPriceAreEditable() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.editor()->showItem("contracts[0]");
        // The tranches are a grid (tests/ui/tst_ui_editors.cpp pastes into it).
        QAbstractItemModel* tranches = w.editor()->curve("tranches")->table()->model();
        QCOMPARE(tranches->rowCount(), 3);
        QCOMPARE(tranches->index(2, 0).data().toString(), QString("2026-07-01"));
        QCOMPARE(tranches->index(2, 1).data().toString(), QString("55,000"));
        QVERIFY(tranches->setData(tranches->index(2, 1), "60,000"));
        QCOMPARE(w.document()->portfolio().contracts[0].tranches[2].gpus, 60000.0);
        QVERIFY(!tranches->setData(tranches->index(2, 0), "2032-01-01"));
        QCOMPARE(w.editor()->message(),
                 QString("contracts[0].tranches[2].date: 2032-01-01 is outside the contract term "
                         "2025-09-30 .. 2031-12-14"));
        // A price replaces the contract value in one step (undoable as one).
        setField(w.editor(), "price_per_gpu_hour", "4.8");
        QCOMPARE(*w.document()->portfolio().contracts[0].pricePerGpuHour, 4.8);
        QVERIFY(!w.document()->portfolio().contracts[0].totalContractValue);
        w.document()->undoStack()->undo();
        QCOMPARE(*w.document()->portfolio().contracts[0].totalContractValue, 14.2e9);
        QVERIFY(!w.document()->portfolio().contracts[0].pricePerGpuHour);
    }

    void groupedNumbersAreRead() {
        // In the locale's grouping (tests/ui/tst_ui_number_entry.cpp has the other forms).
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.editor()->showItem("fleets[0]");
        setField(w.editor(), "capex_per_gpu", "52,500");
        QCOMPARE(w.editor()->message(), QString());
        QCOMPARE(*w.document()->portfolio().fleets[0].capexPerGpu, 52500.0);
        QCOMPARE(w.editor()->field("capex_per_gpu")->text(), QString("52,500"));
    }

    void newPortfolioStartsWithOneContract() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.document()->newPortfolio();
        QCOMPARE(int(w.document()->portfolio().contracts.size()), 1);
        QVERIFY(w.document()->filePath().isEmpty());
        QVERIFY(!w.document()->isModified());
        QCOMPARE(w.document()->evaluation().alternatives.size(), std::size_t(2)); // the contract, then spot
        QString error;
        QVERIFY(!w.document()->save(&error)); // no file yet: Save As
    }

    void dealLibraryDialogAddsADeal() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        DealLibraryDialog dialog(models::PortfolioDocument::dealLibrary());
        QVERIFY(dialog.list()->count() >= 10);
        dialog.list()->setCurrentRow(2);
        QVERIFY(dialog.selectedDeal());
        QString error;
        QVERIFY(w.document()->addDeal(*dialog.selectedDeal(), &error));
        QCOMPARE(w.document()->portfolio().contracts.back().id, dialog.selectedDeal()->id);
    }

    void autosaveRestoresUnsavedWork() {
        QString error;
        {
            MainWindow w;
            QVERIFY(w.openInitial(resources::examplePortfolioPath()));
            QVERIFY(!w.autosaveNow()); // nothing unsaved
            w.editor()->showItem("fleets[0]");
            setField(w.editor(), "gpus", "42000");
            QVERIFY(w.autosaveNow());
            QVERIFY(QFile::exists(w.autosavePath()));
            // The window is not closed: as after a crash, the autosave stays.
        }
        MainWindow again;
        QVERIFY2(again.restoreAutosave(&error), qPrintable(error));
        QCOMPARE(again.document()->portfolio().fleets[0].gpus, 42000.0);
        QVERIFY(again.document()->isModified());
        QVERIFY(!QFile::exists(again.autosavePath()));
        // Saved: no autosave is left to offer stale work at the next start.
        QVERIFY(again.autosaveNow());
        QTemporaryDir dir;
        QVERIFY(again.saveTo(dir.filePath("saved.cledger"), &error));
        QVERIFY(!QFile::exists(again.autosavePath()));
    }

    void editThroughTheEditorUpdatesOverviewAndUndoes() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show(); // tabs redraw when on screen
        const QString before = w.overview()->cardText(0);
        // The first card is the first alternative's NPV cost, as the engine has it.
        QVERIFY(before.contains(models::formatMillions(w.document()->evaluation().alternatives[0].npvCost) +
                                " M"));
        w.editor()->showItem("contracts[0]");
        setField(w.editor(), "escalator", "0.03");
        QCOMPARE(w.document()->portfolio().contracts[0].escalator, 0.03);
        const QString after = w.overview()->cardText(0);
        QVERIFY2(after != before, qPrintable(after));
        QVERIFY(w.windowTitle().contains('*'));
        w.document()->undoStack()->undo();
        QCOMPARE(w.overview()->cardText(0), before);
        QCOMPARE(w.editor()->field("escalator")->text(), QString("0"));
        w.document()->undoStack()->redo();
        QCOMPARE(w.overview()->cardText(0), after);
        QCOMPARE(w.editor()->field("escalator")->text(), QString("0.03"));
    }

    void badFieldInputShowsTheMessageAndKeepsTheOldValue() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.editor()->showItem("fleets[0]");
        setField(w.editor(), "pue", "0.5");
        QCOMPARE(w.editor()->message(), QString("fleets[0].pue: 0.5 is below 1"));
        QCOMPARE(w.editor()->field("pue")->text(), QString("1.2"));
        QCOMPARE(w.document()->portfolio().fleets[0].pue, 1.2);
        setField(w.editor(), "power_price_per_mwh", "70,5");
        QCOMPARE(w.editor()->message(),
                 QString::fromUtf8("fleets[0].power_price_per_mwh: \"70,5\" is not a number: a comma groups "
                                   "thousands in this locale (1,500) \u2014 use a point for decimals"));
        QCOMPARE(w.document()->undoStack()->count(), 0);
        setField(w.editor(), "pue", "1.3");
        QVERIFY(w.editor()->message().isEmpty());
    }

    void simulationRunsFromThePanelAndCancels() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.monteCarlo()->findChildren<QSpinBox*>().at(0)->setValue(20000);
        QSignalSpy finished(w.simulation(), &models::SimulationController::finished);
        w.monteCarlo()->run();
        QVERIFY(finished.wait(30000));
        QTableWidget* table = w.monteCarlo()->percentileTable();
        QCOMPARE(table->columnCount(), 3);
        // Alternatives by their names, not their ids.
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QString("Rent from CoreWeave\n(USD M)"));
        QCOMPARE(table->horizontalHeaderItem(2)->text(), QString("Spot market\n(USD M)"));
        QCOMPARE(table->rowCount(), 13);
        QVERIFY(!table->item(6, 0)->text().isEmpty()); // p50 of rent
        QVERIFY(w.monteCarlo()->statusText().contains("20,000 paths"));
        QVERIFY2(w.monteCarlo()->statusText().contains("P(Rent from CoreWeave < Buy and operate)"),
                 qPrintable(w.monteCarlo()->statusText()));
        // An edit makes the result stale.
        w.editor()->showItem("");
        setField(w.editor(), "assumptions.discount_rate", "0.1");
        QVERIFY(w.monteCarlo()->statusText().contains("Stale"));

        w.monteCarlo()->findChildren<QSpinBox*>().at(0)->setValue(5'000'000);
        QSignalSpy cancelled(w.simulation(), &models::SimulationController::cancelled);
        QSignalSpy progress(w.simulation(), &models::SimulationController::progress);
        w.monteCarlo()->run();
        QVERIFY(progress.wait(10000));
        w.simulation()->cancel();
        QVERIFY(cancelled.wait(5000));
        QCOMPARE(w.monteCarlo()->statusText(), QString("Cancelled."));
        QCOMPARE(w.monteCarlo()->findChild<QProgressBar*>()->value(), 0); // reset, not left part-way
    }

    void openModifySaveReopen() {
        QTemporaryDir dir;
        const QString path = dir.filePath("deal.cledger");
        QString error;
        {
            MainWindow w;
            QVERIFY(w.openInitial(resources::examplePortfolioPath()));
            w.editor()->showItem("fleets[1]");
            setField(w.editor(), "gpus", "60000");
            QVERIFY2(w.saveTo(path, &error), qPrintable(error));
            QVERIFY(!w.document()->isModified());
        }
        MainWindow again;
        QVERIFY(again.openPath(path, &error));
        QCOMPARE(again.document()->portfolio().fleets[1].gpus, 60000.0);
        again.editor()->showItem("fleets[1]");
        QCOMPARE(again.editor()->field("gpus")->text(), QString("60,000"));
    }

    // Cash flows by cost line: the table a line per row (and the total), years as columns; the
    // chart stacked by line. Compare: the waterfall from the next best to the cheapest.
    void costLinesInTheCashFlowsAndCompareTabs() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        const auto& r = w.document()->evaluation();
        w.tabs()->setCurrentIndex(1); // a tab draws when it is shown
        auto* view = w.findChild<QComboBox*>("cashFlowsView");
        QVERIFY(view);
        const int byLine = view->findText("Buy and operate, by cost line");
        QVERIFY(byLine > 0);
        view->setCurrentIndex(byLine);
        auto* table = w.findChild<QTableView*>("cashFlowsTable");
        const auto* buy = r.alternative("buy");
        QCOMPARE(table->model()->rowCount(), int(buy->lines.size()) + 1);
        QCOMPARE(table->model()->headerData(0, Qt::Vertical).toString(), QString("Capex"));
        QCOMPARE(table->model()->index(0, 0).data(Qt::UserRole).toDouble(), buy->lines[0].npv);
        const int total = int(buy->lines.size());
        QCOMPARE(table->model()->index(total, 0).data(Qt::UserRole).toDouble(), buy->npvCost);
        QCOMPARE(table->model()->columnCount(), 2 + int(buy->annual.size()));
        // The waterfall: the next best's NPV, a step per line either holds, buy's NPV.
        w.tabs()->setCurrentIndex(4); // Compare, after Accounting
        auto* waterfall = w.findChild<QChartView*>("waterfallChart");
        QVERIFY(waterfall);
        QCOMPARE(w.findChild<QComboBox*>("waterfallAlternative")->currentData().toString(), QString("buy"));
        const std::string nextBest = r.rankedAtFullCapacity().at(1)->id;
        QCOMPARE(w.findChild<QComboBox*>("waterfallReference")->currentData().toString(),
                 QString::fromStdString(nextBest));
        const auto series = waterfall->chart()->series();
        QCOMPARE(series.size(), qsizetype(1));
        const auto* bars = qobject_cast<QHorizontalStackedBarSeries*>(series[0]);
        QVERIFY(bars);
        const auto steps = costWaterfall(r, "buy", nextBest).steps;
        // Read top down; bar categories run bottom up: buy's total first, spot's last.
        QCOMPARE(bars->barSets()[3]->at(0), buy->npvCost / 1e6);
        QCOMPARE(bars->barSets()[3]->at(qsizetype(steps.size()) + 1), r.alternative(nextBest)->npvCost / 1e6);
        QCOMPARE(bars->barSets()[0]->count(), qsizetype(steps.size()) + 2);
    }

    // Qt Charts 6.4 leaves a removed axis's items in the scene: a chart redrawn in place on each
    // edit grew by about 90 items a redraw and slowed the window down with every edit (freshChart).
    void chartsDoNotGrowWithEdits() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        w.tabs()->setCurrentIndex(1); // the Cash flows chart redraws on every edit while shown
        auto* view = w.tabs()->currentWidget()->findChild<QChartView*>();
        QVERIFY(view);
        QString error;
        QVERIFY(w.document()->setValue("fleets[0].pue", 1.3, &error));
        QCoreApplication::processEvents();
        const qsizetype items = view->scene()->items().size();
        for (int i = 0; i < 5; ++i)
            QVERIFY(w.document()->setValue("fleets[0].pue", 1.31 + 0.01 * i, &error));
        QCoreApplication::processEvents();
        QCOMPARE(view->scene()->items().size(), items);
    }

    // The screenshots' walk without the pictures: a contract given by its total value shown (its
    // implied terms), the Demand row, another document, its demand removed. The editor once read
    // the price field's entry of a form it no longer showed here and crashed.
    void theEditorFollowsTheTreeAndAnotherDocument() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        w.tree()->setCurrentIndex(w.tree()->model()->index(0, 0, w.tree()->model()->index(kContracts, 0)));
        QVERIFY(!w.editor()->impliedText().isEmpty());
        w.tree()->setCurrentIndex(w.tree()->model()->index(models::PortfolioTreeModel::DemandRow, 0));
        QString error;
        QVERIFY2(w.openPath(QStringLiteral(LEDGER_REFERENCE_PORTFOLIOS "/demand_rent_buy.json"), &error),
                 qPrintable(error));
        QVERIFY2(w.document()->removeDemand(&error), qPrintable(error));
        QVERIFY(!w.document()->portfolio().demand);
        w.tree()->setCurrentIndex(w.tree()->model()->index(0, 0, w.tree()->model()->index(kContracts, 0)));
        QVERIFY(w.editor()->field("name"));
    }

    // Ctrl+Tab / Ctrl+PgDn and back from anywhere in the window, the focus in the editor too.
    void tabsSwitchFromTheKeyboard() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.editor()->showItem("");
        w.editor()->field("assumptions.discount_rate")->setFocus();
        QCOMPARE(w.tabs()->currentIndex(), 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(w.tabs()->currentIndex(), 1);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(w.tabs()->currentIndex(), 2);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(w.tabs()->currentIndex(), 1);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.tabs()->currentIndex(), w.tabs()->count() - 1); // wraps round
    }

    // Duplicate and Delete without the bar's overflow: in the Edit menu, by Ctrl+D, and Delete by
    // its key in the tree (each one undo step).
    void duplicateAndDeleteAreReachable() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMenu* edit = nullptr;
        for (QAction* a : w.menuBar()->actions())
            if (a->text() == "&Edit")
                edit = a->menu();
        QVERIFY(edit);
        QStringList items;
        for (QAction* a : edit->actions())
            items << a->text();
        QVERIFY2(items.contains("Duplicate") && items.contains("Delete"), qPrintable(items.join(", ")));
        const std::size_t contracts = w.document()->portfolio().contracts.size();
        w.tree()->setFocus();
        w.tree()->setCurrentIndex(w.tree()->model()->index(0, 0, w.tree()->model()->index(kContracts, 0)));
        QTest::keyClick(w.tree(), Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(w.document()->portfolio().contracts.size(), contracts + 1);
        const int steps = w.document()->undoStack()->index();
        w.tree()->setCurrentIndex(
            w.tree()->model()->index(int(contracts), 0, w.tree()->model()->index(kContracts, 0)));
        QTest::keyClick(w.tree(), Qt::Key_Delete);
        QCOMPARE(w.document()->portfolio().contracts.size(), contracts);
        QCOMPARE(w.document()->undoStack()->index(), steps + 1);
    }

    void screenshotsOfEveryTab() {
        const QString dir = qEnvironmentVariable("CL_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set CL_SCREENSHOTS=DIR to write the screenshots of docs/screenshots");
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        w.tree()->setCurrentIndex(w.tree()->model()->index(0, 0, w.tree()->model()->index(kContracts, 0)));
        QSignalSpy finished(w.simulation(), &models::SimulationController::finished);
        w.monteCarlo()->findChildren<QSpinBox*>().at(0)->setValue(100000);
        w.monteCarlo()->run();
        QVERIFY(finished.wait(60000));
        addScreenshotScenarios(w); // the base case stays shown: the other tabs are as before
        w.document()->undoStack()->clear();
        grabTabs(w, dir, "");
        // A scenario shown in every tab: the Overview under its banner.
        w.tabs()->setCurrentIndex(0);
        QVERIFY(w.document()->selectScenario(std::string("CoreWeave at half price")));
        QTest::qWait(200);
        QVERIFY(w.grab().save(dir + "/overview-scenario.png"));
        // The Scenarios tab with that scenario selected: its editor and overrides above the matrix.
        w.tabs()->setCurrentWidget(w.scenarios());
        QTest::qWait(200);
        QVERIFY(w.grab().save(dir + "/scenarios-selected.png"));
        QVERIFY(w.document()->selectScenario(std::nullopt));
        // The demand editor (the tree's Demand), and an Overview without a demand where the
        // alternatives deliver different capacity: those that deliver less named, and the button
        // that adds one.
        w.tabs()->setCurrentIndex(0);
        w.tree()->setCurrentIndex(w.tree()->model()->index(models::PortfolioTreeModel::DemandRow, 0));
        QTest::qWait(200);
        QVERIFY(w.grab().save(dir + "/demand-editor.png"));
        // Alternatives of different capacity without a demand (demand_rent_buy.json's, removed).
        QString error;
        QVERIFY2(w.openPath(QStringLiteral(LEDGER_REFERENCE_PORTFOLIOS "/demand_rent_buy.json"), &error),
                 qPrintable(error));
        QVERIFY2(w.document()->removeDemand(&error), qPrintable(error));
        QTest::qWait(200);
        QVERIFY(w.grab().save(dir + "/overview-add-demand.png"));
    }

    void screenshotsInADarkPalette() {
        const QString dir = qEnvironmentVariable("CL_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set CL_SCREENSHOTS=DIR to write the screenshots of docs/screenshots");
        const QPalette light = QApplication::palette();
        QApplication::setStyle("Fusion");
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(37, 37, 38));
        dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
        dark.setColor(QPalette::Text, QColor(220, 220, 220));
        dark.setColor(QPalette::Button, QColor(45, 45, 48));
        dark.setColor(QPalette::ButtonText, QColor(220, 220, 220));
        dark.setColor(QPalette::Highlight, QColor(38, 79, 120));
        QApplication::setPalette(dark);
        {
            MainWindow w;
            QVERIFY(w.openInitial(resources::examplePortfolioPath()));
            w.resize(1500, 940);
            w.show();
            QSignalSpy finished(w.simulation(), &models::SimulationController::finished);
            w.monteCarlo()->run();
            QVERIFY(finished.wait(60000));
            addScreenshotScenarios(w);
            grabTabs(w, dir, "dark-");
        }
        QApplication::setPalette(light);
    }

private:
    static void grabTabs(MainWindow& w, const QString& dir, const QString& prefix) {
        const QStringList names = {"overview", "cash-flows",  "depreciation", "accounting",
                                   "compare",  "monte-carlo", "sensitivity",  "scenarios"};
        for (int i = 0; i < w.tabs()->count(); ++i) {
            w.tabs()->setCurrentIndex(i);
            QTest::qWait(200);
            QVERIFY(w.grab().save(dir + "/" + prefix + names[i] + ".png"));
        }
        // The Overview scrolled down to the decision at a glance: NPV cost, cumulative cost, what would
        // change the verdict.
        w.tabs()->setCurrentIndex(0);
        auto* overview = w.tabs()->currentWidget()->findChild<QScrollArea*>("overviewScroll");
        overview->verticalScrollBar()->setValue(overview->verticalScrollBar()->maximum());
        QTest::qWait(200);
        QVERIFY(w.grab().save(dir + "/" + prefix + "overview-decision.png"));
        overview->verticalScrollBar()->setValue(0);
        // The Accounting tab scrolled down to the lease note of Rent's operating lease.
        w.tabs()->setCurrentIndex(3); // Accounting
        auto* page = w.tabs()->currentWidget()->findChild<QScrollArea*>();
        page->verticalScrollBar()->setValue(page->verticalScrollBar()->maximum());
        QTest::qWait(200);
        QVERIFY(w.grab().save(dir + "/" + prefix + "accounting-lease.png"));
        page->verticalScrollBar()->setValue(0);
        // The cash flows of the cheapest alternative by cost line.
        w.tabs()->setCurrentIndex(1);
        auto* view = w.findChild<QComboBox*>("cashFlowsView");
        view->setCurrentIndex(view->findText("Buy and operate, by cost line"));
        QTest::qWait(200);
        QVERIFY(w.grab().save(dir + "/" + prefix + "cash-flows-by-line.png"));
        view->setCurrentIndex(0);
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName("ComputeLedgerTest");
    app.setApplicationName("tst_ui_main_window");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // the editor's numbers
    MainWindowUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_main_window.moc"
