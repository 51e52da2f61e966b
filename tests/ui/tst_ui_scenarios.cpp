// The Scenarios tab as a user drives it (offscreen, the bundled example in a 1500x940 window): stress
// templates from the menu, a scenario added, renamed, described and given overrides in the table;
// the matrix with the winner of each row highlighted and the rows that flip marked; a row selected in
// the matrix or the list shows that scenario in every tab under a banner, edits still change the
// base case, and "Show the base case" goes back; the matrix copies out like every table.
#include "data/PortfolioJson.h"
#include "data/ScenarioResults.h"
#include "data/Scenarios.h"
#include "data/StressTemplates.h"
#include "engine/DeterministicEngine.h"
#include "models/AnnualCashModel.h"
#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "models/ScenarioModels.h"
#include "resources/BundledResources.h"
#include "ui/MainWindow.h"
#include "ui/TableCopy.h"
#include "ui/tabs/CashFlowsTab.h"
#include "ui/tabs/OverviewTab.h"
#include "ui/tabs/ScenariosTab.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::ui;

namespace {

// The example's owned GPUs three times as dear: renting wins.
Scenario dearGpus() {
    return {
        "Dear GPUs",
        "Owned GPUs cost three times as much",
        "a test",
        {{"/fleets/id=own-gb300/capex_per_gpu", "165000"}, {"/fleets/id=own-vr200/capex_per_gpu", "225000"}}};
}

struct Window {
    MainWindow w;
    Window() {
        if (!w.openInitial(resources::examplePortfolioPath()))
            qFatal("cannot open the example");
        w.resize(1500, 940);
        w.show();
    }
    models::PortfolioDocument* doc() { return w.document(); }
    ScenariosTab* tab() { return w.scenarios(); }
    void showTab(QWidget* page) {
        w.tabs()->setCurrentWidget(page);
        QTest::qWait(20);
    }
};

int rowNamed(const QAbstractItemModel* m, const QString& name) {
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data().toString() == name)
            return r;
    return -1;
}

} // namespace

class ScenariosUiTest : public QObject {
    Q_OBJECT
private slots:
    void init() { QApplication::clipboard()->clear(); }

    // A row of the matrix selected: every tab shows that scenario's numbers, the window says so,
    // and an edit changes the base case.
    void selectingAMatrixRowShowsTheScenarioEverywhere() {
        Window x;
        QString error;
        QVERIFY(x.doc()->addScenario(dearGpus(), "Add scenario Dear GPUs", &error));
        x.showTab(x.tab());
        QTableView* matrix = x.tab()->matrix();
        QVERIFY(matrix->isVisible());
        QCOMPARE(matrix->model()->rowCount(), 2);
        QCOMPARE(x.w.scenarioBannerText(), QString());
        const QString baseVerdict = x.w.overview()->verdictText();
        QVERIFY(baseVerdict.contains("Buy and operate is cheapest"));

        matrix->setCurrentIndex(matrix->model()->index(1, 0));
        QCOMPARE(x.doc()->selectedScenario(), std::optional<std::string>("Dear GPUs"));
        QCOMPARE(x.w.scenarioBannerText(),
                 QString("<b>Showing scenario: Dear GPUs</b> &mdash; edits change the base case"));
        QVERIFY(x.w.windowTitle().contains("scenario Dear GPUs"));
        QCOMPARE(x.tab()->list()->currentIndex().row(), 1); // the list follows
        QCOMPARE(x.tab()->nameField()->text(), QString("Dear GPUs"));
        QCOMPARE(x.tab()->descriptionField()->toPlainText(), QString("Owned GPUs cost three times as much"));

        // The Overview: the scenario's verdict and cards.
        QString applyError;
        const auto applied = data::withScenario(x.doc()->portfolio(), x.doc()->portfolio().scenarios[0],
                                                x.doc()->catalog(), &applyError);
        const EvaluationResult r = evaluatePortfolio(*applied, x.doc()->catalog());
        x.showTab(x.w.overview());
        QVERIFY2(x.w.overview()->verdictText().contains("Rent from CoreWeave is cheapest"),
                 qPrintable(x.w.overview()->verdictText()));
        for (std::size_t a = 0; a < r.alternatives.size(); ++a)
            QVERIFY2(
                x.w.overview()->cardText(int(a)).contains(models::formatMillions(r.alternatives[a].npvCost)),
                qPrintable(x.w.overview()->cardText(int(a))));
        // Cash flows: the scenario's annual cash.
        auto* cash = x.w.tabs()->widget(1);
        x.showTab(cash);
        auto* table = cash->findChild<QTableView*>("cashFlowsTable");
        QVERIFY(table);
        const int buy = 1;
        QCOMPARE(table->model()->index(0, buy).data(Qt::DisplayRole).toString(),
                 models::formatMillions(r.alternatives[buy].annual[0].cash));

        // An edit goes to the base case; the scenario stays shown, applied to the edited base.
        QVERIFY2(x.doc()->setValue("fleets[1].pue", 1.4, &error), qPrintable(error));
        QCOMPARE(x.doc()->portfolio().fleets[1].pue, 1.4);
        QCOMPARE(x.doc()->selectedScenario(), std::optional<std::string>("Dear GPUs"));
        x.doc()->undoStack()->undo();

        // Show the base case: the banner goes, the numbers are the base's again.
        x.showTab(x.w.overview());
        auto* back = x.w.findChild<QPushButton*>("showBaseCase");
        QVERIFY(back && back->isVisible());
        back->click();
        QCOMPARE(x.doc()->selectedScenario(), std::nullopt);
        QCOMPARE(x.w.scenarioBannerText(), QString());
        QVERIFY(!x.w.windowTitle().contains("scenario"));
        QCOMPARE(x.w.overview()->verdictText(), baseVerdict);
        QCOMPARE(x.tab()->matrix()->currentIndex().row(), 0);
    }

    // The winner of each row on a green tint in bold; a row that flips in bold with its verdict red.
    void theWinnerIsHighlightedAndFlipsAreMarked() {
        Window x;
        QString error;
        QVERIFY(x.doc()->addScenario(dearGpus(), "Add scenario Dear GPUs", &error));
        QVERIFY(x.doc()->addStressScenario(data::StressKind::PowerPricePlus50, &error));
        x.showTab(x.tab());
        QTableView* matrix = x.tab()->matrix();
        const QAbstractItemModel* m = matrix->model();
        QCOMPARE(m->rowCount(), 3);
        QCOMPARE(m->columnCount(), 6); // scenario, rent, buy, spot, winner, verdict
        matrix->clearSelection();
        matrix->setCurrentIndex(QModelIndex());
        QTest::qWait(20);
        const QImage image = matrix->viewport()->grab().toImage();
        const QColor plain = image.pixelColor(matrix->visualRect(m->index(0, 1)).topLeft() + QPoint(3, 3));
        for (int row = 0; row < 3; ++row) {
            const int winner = row == 1 ? 1 : 2; // Dear GPUs: rent; else buy
            for (int c = 1; c <= 3; ++c) {
                const QModelIndex cell = m->index(row, c);
                const bool isWinner = c == winner;
                QCOMPARE(cell.data(models::ScenarioMatrixModel::WinnerRole).toBool(), isWinner);
                QCOMPARE(cell.data(Qt::FontRole).value<QFont>().bold(), isWinner);
                // On screen: the winner's cell is tinted, the others are not.
                const QColor seen = image.pixelColor(matrix->visualRect(cell).topLeft() + QPoint(3, 3));
                QVERIFY2((seen != plain) == isWinner,
                         qPrintable(QString("row %1 column %2: %3").arg(row).arg(c).arg(seen.name())));
            }
        }
        QCOMPARE(m->index(1, 4).data().toString(), QString("Rent from CoreWeave"));
        QCOMPARE(m->index(1, 5).data().toString(), QString("flips"));
        QVERIFY(m->index(1, 0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(m->index(1, 5).data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc6, 0x28, 0x28));
        QCOMPARE(m->index(2, 5).data().toString(), QString("holds"));
        QVERIFY(!m->index(2, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY2(
            x.tab()->summaryText().startsWith("1 of 2 scenarios flips the verdict: in \"Dear GPUs\" Rent "
                                              "from CoreWeave is cheapest"),
            qPrintable(x.tab()->summaryText()));
        // Copied out with its headers, as every table.
        matrix->setCurrentIndex(m->index(0, 0));
        matrix->selectionModel()->select(QItemSelection(m->index(0, 0), m->index(1, 4)),
                                         QItemSelectionModel::ClearAndSelect);
        tableCopyAction(matrix, "copyCellsWithHeaders")->trigger();
        const QStringList lines = QApplication::clipboard()->text().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith("Scenario\tRent from CoreWeave NPV cost (USD M)\t"),
                 qPrintable(lines[0]));
        QVERIFY(lines[1].startsWith("Base case\t" + m->index(0, 1).data().toString()));
        QVERIFY(lines[2].endsWith("\tRent from CoreWeave"));
    }

    // The panel's buttons and fields: each one undoable step, the new scenario selected; a refused
    // override says the file's message and changes nothing.
    void theButtonsAndTheEditorEditTheScenarios() {
        Window x;
        x.showTab(x.tab());
        ScenariosTab* tab = x.tab();
        QCOMPARE(tab->list()->model()->rowCount(), 1);
        QVERIFY(!tab->nameField()->isEnabled()); // the base case has nothing to edit
        // A stress template from the menu.
        QMenu* menu = tab->stressButton()->menu();
        QCOMPARE(menu->actions().size(), int(data::stressTemplates().size()));
        QCOMPARE(menu->actions().at(0)->text(), QString("GPU price collapse"));
        menu->actions().at(0)->trigger();
        QCOMPARE(x.doc()->undoStack()->undoText(), QString("Add scenario GPU price collapse"));
        QCOMPARE(x.doc()->selectedScenario(), std::optional<std::string>("GPU price collapse"));
        QCOMPARE(tab->list()->currentIndex().row(), 1);
        QVERIFY(tab->nameField()->isEnabled());
        QCOMPARE(tab->overrides()->model()->rowCount(), 1);
        QCOMPARE(tab->overrides()->model()->index(0, 0).data().toString(),
                 QString("/market/gpu_price/trend_per_year"));
        QVERIFY(x.w.scenarioBannerText().contains("GPU price collapse"));

        // Add, rename, describe.
        tab->findChild<QPushButton*>("addScenario")->click();
        QCOMPARE(x.doc()->selectedScenario(), std::optional<std::string>("Scenario 1"));
        tab->nameField()->setText("Rates up");
        emit tab->nameField()->editingFinished();
        QCOMPARE(x.doc()->undoStack()->undoText(), QString("Rename scenario Scenario 1 -> Rates up"));
        QCOMPARE(x.doc()->selectedScenario(), std::optional<std::string>("Rates up"));
        QCOMPARE(tab->list()->currentIndex().data().toString(), QString("Rates up"));
        QVERIFY(x.w.scenarioBannerText().contains("Rates up"));
        tab->sourceField()->setText("Treasury memo");
        emit tab->sourceField()->editingFinished();
        QCOMPARE(x.doc()->portfolio().scenarios[1].source, std::string("Treasury memo"));
        // A name taken: refused, said, nothing changes.
        tab->nameField()->setText("GPU price collapse");
        emit tab->nameField()->editingFinished();
        QCOMPARE(tab->message(),
                 QString("\"GPU price collapse\" names a scenario already; give each its own name."));
        QCOMPARE(x.doc()->portfolio().scenarios[1].name, std::string("Rates up"));

        // Overrides: add a row, type a value, a refused value.
        tab->findChild<QPushButton*>("addOverride")->click();
        QAbstractItemModel* overrides = tab->overrides()->model();
        QCOMPARE(overrides->rowCount(), 1);
        QVERIFY(overrides->setData(overrides->index(0, 1), "0.12"));
        QCOMPARE(x.doc()->portfolio().scenarios[1].overrides[0],
                 (ScenarioOverride{"/assumptions/discount_rate", "0.12"}));
        const QByteArray before = data::writePortfolioJson(x.doc()->portfolio());
        QVERIFY(!overrides->setData(overrides->index(0, 1), "3"));
        QCOMPARE(tab->message(), QString("scenario \"Rates up\" (/assumptions/discount_rate): "
                                         "assumptions.discount_rate: 3 is above 1"));
        QCOMPARE(data::writePortfolioJson(x.doc()->portfolio()), before);
        // The matrix has the new row, the shown scenario's numbers are the override's.
        QCOMPARE(tab->matrix()->model()->rowCount(), 3);
        QCOMPARE(x.doc()->shownPortfolio().assumptions.discountRate, 0.12);
        // Remove the row, duplicate, delete.
        tab->overrides()->setCurrentIndex(overrides->index(0, 0));
        tab->findChild<QPushButton*>("removeOverride")->click();
        QCOMPARE(overrides->rowCount(), 0);
        tab->findChild<QPushButton*>("duplicateScenario")->click();
        QCOMPARE(x.doc()->selectedScenario(), std::optional<std::string>("Rates up (copy)"));
        QCOMPARE(tab->list()->model()->rowCount(), 4);
        tab->findChild<QPushButton*>("deleteScenario")->click();
        QCOMPARE(x.doc()->undoStack()->undoText(), QString("Delete scenario Rates up (copy)"));
        QCOMPARE(x.doc()->selectedScenario(), std::nullopt);
        QCOMPARE(tab->list()->currentIndex().row(), 0);
        QCOMPARE(x.w.scenarioBannerText(), QString());
        // Ctrl+Z in a field as saved undoes the document's last edit.
        const int steps = x.doc()->undoStack()->index();
        tab->list()->setCurrentIndex(
            tab->list()->model()->index(rowNamed(tab->list()->model(), "Rates up"), 0));
        QCOMPARE(x.doc()->selectedScenario(), std::optional<std::string>("Rates up"));
        tab->sourceField()->setFocus();
        QTest::keyClick(tab->sourceField(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(x.doc()->undoStack()->index(), steps - 1);
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName("ComputeLedgerTest");
    app.setApplicationName("tst_ui_scenarios");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ScenariosUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_scenarios.moc"
