// The demand in the window (issue 17), driven as a user would (offscreen): the tree's Demand opens its
// editor (the curve as a table, its SKU, its uncertainty, the step chart), each edit one undo step and
// a refused one shown with validation's message; the Overview's "Add a demand" when capacities
// differ, and with a demand each alternative's capacity against it; the Cash flows tab's shortfall.
#include "models/CapacityText.h"
#include "models/PortfolioDocument.h"
#include "models/PortfolioTreeModel.h"
#include "ui/DemandEditor.h"
#include "ui/ItemEditor.h"
#include "ui/MainWindow.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/tabs/OverviewTab.h"

#include "engine/CostLine.h"
#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <set>

using namespace ledger;
using namespace ledger::ui;

namespace {

// tests/reference/portfolios/demand_rent_buy.json, t0 2027-01-01, horizon end 2030-12-31: H100
// GPUs 700 from 2026-10-01, 1,500 from 2027-07-15, 600 from 2028-03-01, 1,100 from 2029-06-01,
// 2,000 from 2030-03-01. "Rent" is 1,000 H100 GPUs in 2027 and 1,400 from 2028 to 2029-12-31.
const QString kRentBuy = QStringLiteral(LEDGER_REFERENCE_PORTFOLIOS "/demand_rent_buy.json");

void open(MainWindow& w, const QString& path) {
    QString error;
    QVERIFY2(w.openPath(path, &error), qPrintable(error));
}

QModelIndex demandNode(MainWindow& w) {
    return w.tree()->model()->index(models::PortfolioTreeModel::DemandRow, 0);
}

std::vector<double> gpus(const Portfolio& p) {
    std::vector<double> out;
    for (const auto& point : p.demand->curve)
        out.push_back(point.gpus);
    return out;
}

QBarSet* barSet(QChart* chart, const QString& label) {
    for (QAbstractSeries* s : chart->series())
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(s))
            for (QBarSet* set : bars->barSets())
                if (set->label() == label)
                    return set;
    return nullptr;
}

} // namespace

class DemandUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave.json");
    }

    // The Demand node under the assumptions opens the demand editor: the curve a row per point and
    // the step chart from t0 (2027.0) to the horizon end (2031.0), each step at its date's share of
    // its year (2027-07-15 is day 195 of 365, 2028-03-01 day 60 of 366, ...).
    void theTreesDemandOpensTheDemandEditor() {
        MainWindow w;
        open(w, kRentBuy);
        w.show(); // the editor's chart is drawn when it is on screen
        QCOMPARE(demandNode(w).data().toString(), QString("Demand (H100 GPUs)"));
        QCOMPARE(demandNode(w).data(models::PortfolioTreeModel::PathRole).toString(), QString("demand"));
        w.tree()->setCurrentIndex(demandNode(w));
        auto* stack = w.findChild<QStackedWidget*>("editors");
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(w.demandEditor()));
        QTableView* table = w.demandEditor()->table();
        QCOMPARE(table->model()->rowCount(), 5);
        QCOMPARE(table->model()->index(4, 1).data().toString(), QString("2,000"));
        QCOMPARE(w.demandEditor()->findChild<QComboBox*>("demandSku")->currentData().toString(),
                 QString("H100"));
        QCOMPARE(w.demandEditor()->uncertaintyField("reversion_per_year")->text(), QString("2"));
        QCOMPARE(w.demandEditor()->uncertaintyField("volatility")->text(), QString("0"));
        auto* chart = w.demandEditor()->findChild<QChartView*>("demandChart")->chart();
        auto* line = qobject_cast<QLineSeries*>(chart->series().front());
        QVERIFY(line);
        const double jul15 = 2027 + 195.0 / 365, mar28 = 2028 + 60.0 / 366, jun29 = 2029 + 151.0 / 365,
                     mar30 = 2030 + 59.0 / 365;
        const QList<QPointF> expected = {{2027, 700},   {jul15, 700}, {jul15, 1500}, {mar28, 1500},
                                         {mar28, 600},  {jun29, 600}, {jun29, 1100}, {mar30, 1100},
                                         {mar30, 2000}, {2031, 2000}};
        QCOMPARE(line->points(), expected);
        // Another item in the tree: the item editor again.
        w.tree()->setCurrentIndex(w.tree()->model()->index(0, 0));
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(w.editor()));
    }

    void cellsSkuAndUncertaintyAreEditedOneUndoEach() {
        MainWindow w;
        open(w, kRentBuy);
        w.tree()->setCurrentIndex(demandNode(w));
        DemandEditor* editor = w.demandEditor();
        QAbstractItemModel* model = editor->table()->model();
        QVERIFY(model->setData(model->index(2, 1), "650"));
        QCOMPARE(w.document()->portfolio().demand->curve[2].gpus, 650.0);
        QVERIFY(!model->setData(model->index(2, 1), "-5"));
        QCOMPARE(editor->message(), QString("demand.curve[2].gpus: -5 is below 0"));
        QCOMPARE(w.document()->portfolio().demand->curve[2].gpus, 650.0);
        QCOMPARE(w.document()->undoStack()->count(), 1);
        // The uncertainty: a value validation refuses goes back to the document's.
        QLineEdit* volatility = editor->uncertaintyField("volatility");
        volatility->setText("3");
        emit volatility->editingFinished();
        QCOMPARE(editor->message(), QString("market.demand.volatility: 3 is above 2"));
        QCOMPARE(volatility->text(), QString("0"));
        volatility->setText("0.25");
        emit volatility->editingFinished();
        QVERIFY(editor->message().isEmpty());
        QCOMPARE(w.document()->portfolio().market.demand.volatility, 0.25);
        // The SKU: any the portfolio can name.
        auto* sku = editor->findChild<QComboBox*>("demandSku");
        const int other = sku->findData(QString("B200"));
        QVERIFY(other >= 0);
        sku->setCurrentIndex(other);
        emit sku->activated(other);
        QCOMPARE(w.document()->portfolio().demand->sku, std::string("B200"));
        QCOMPARE(demandNode(w).data().toString(), QString("Demand (B200 GPUs)"));
        QCOMPARE(w.document()->undoStack()->count(), 3);
        QCOMPARE(w.document()->undoStack()->text(2), QString("Set demand.sku to B200"));
        w.document()->undoStack()->undo();
        w.document()->undoStack()->undo();
        w.document()->undoStack()->undo();
        QCOMPARE(gpus(w.document()->portfolio()), (std::vector<double>{700, 1500, 600, 1100, 2000}));
        QCOMPARE(sku->currentData().toString(), QString("H100"));
        QCOMPARE(volatility->text(), QString("0"));
    }

    void pointsAreAddedDeletedAndPasted() {
        MainWindow w;
        open(w, kRentBuy);
        w.tree()->setCurrentIndex(demandNode(w));
        DemandEditor* editor = w.demandEditor();
        editor->appendPoint();
        QCOMPARE(editor->table()->model()->rowCount(), 6);
        editor->table()->selectionModel()->select(editor->table()->model()->index(0, 0),
                                                  QItemSelectionModel::ClearAndSelect);
        editor->deleteSelectedPoints();
        QCOMPARE(gpus(w.document()->portfolio()), (std::vector<double>{1500, 600, 1100, 2000, 2000}));
        editor->paste("2027-01-01\t900\n2029-01-01\t1200\n");
        QCOMPARE(gpus(w.document()->portfolio()), (std::vector<double>{900, 1200}));
        editor->paste("2027-01-01\tmany\n");
        QCOMPARE(editor->message(), QString("line 1: \"many\" is not a number"));
        QCOMPARE(w.document()->undoStack()->count(), 3);
        w.document()->undoStack()->undo(); // the paste, whole
        QCOMPARE(gpus(w.document()->portfolio()), (std::vector<double>{1500, 600, 1100, 2000, 2000}));
    }

    // Removed from the editor (or with Delete on the tree's Demand), then added back from the first
    // alternative's used hours: 750 GPUs in 2027 (1,000 x 75%), 1,050 in 2028 and 2029, 0 in 2030.
    void theDemandIsRemovedAndAddedBack() {
        MainWindow w;
        open(w, kRentBuy);
        w.tree()->setCurrentIndex(demandNode(w));
        DemandEditor* editor = w.demandEditor();
        editor->findChild<QPushButton*>("removeDemand")->click();
        QVERIFY(!w.document()->portfolio().demand);
        QCOMPARE(demandNode(w).data().toString(), QString("Demand (none)"));
        QVERIFY(!editor->table()->isVisibleTo(editor));
        editor->findChild<QPushButton*>("addDemand")->click();
        QCOMPARE(gpus(w.document()->portfolio()), (std::vector<double>{750, 1050, 1050, 0}));
        QVERIFY(editor->table()->isVisibleTo(editor));
        w.tree()->setCurrentIndex(demandNode(w));
        w.deleteCurrent();
        QVERIFY(!w.document()->portfolio().demand);
        QCOMPARE(w.document()->undoStack()->count(), 3);
        w.document()->undoStack()->undo();
        w.document()->undoStack()->undo();
        w.document()->undoStack()->undo();
        QCOMPARE(gpus(w.document()->portfolio()), (std::vector<double>{700, 1500, 600, 1100, 2000}));
    }

    // Without a demand, the three alternatives deliver different capacity: the Overview says so and
    // offers the button; one click adds Rent's used hours as the demand, one undo takes it away.
    void theOverviewAddsADemandInOneStep() {
        MainWindow w;
        open(w, kRentBuy);
        QString error;
        QVERIFY(w.document()->removeDemand(&error));
        w.document()->undoStack()->clear();
        w.show();
        const QString shortSentence = models::capacityShortSentence(w.document()->evaluation());
        QVERIFY(!shortSentence.isEmpty());
        QVERIFY(w.overview()->verdictText().contains(shortSentence.toHtmlEscaped()));
        QPushButton* add = w.overview()->addDemandButton();
        QVERIFY(add->isVisible());
        add->click();
        QCOMPARE(gpus(w.document()->portfolio()), (std::vector<double>{750, 1050, 1050, 0}));
        QCOMPARE(w.document()->undoStack()->count(), 1);
        QVERIFY(!add->isVisible());
        const auto& r = w.document()->evaluation();
        QCOMPARE(r.alternative("rent")->demand->shortfallH100Hours, 0.0);
        QVERIFY(w.overview()->verdictText().contains(models::demandSentence(r).toHtmlEscaped()));
        w.document()->undoStack()->undo();
        QVERIFY(!w.document()->portfolio().demand);
        QVERIFY(add->isVisible());
    }

    // Rent's 2027 by hand, in H100-equivalent hours: capacity 1,000 x 24 x 365 = 8,760,000; demand
    // 24 x (700 x 195 + 1,500 x 170) = 9,396,000; shortfall month by month: July 24 x (700 x 14 +
    // 1,500 x 17) - 744,000 = 103,200, August to December 500 x 24 x 153 = 1,836,000, so 1,939,200.
    // In 2030 the contract has ended: no capacity, the whole 2030 demand short.
    void theOverviewShowsEachAlternativesCapacityAgainstTheDemand() {
        MainWindow w;
        open(w, kRentBuy);
        w.show();
        const auto& r = w.document()->evaluation();
        const AlternativeResult& rent = *r.alternative("rent");
        QVERIFY(!w.overview()->addDemandButton()->isVisible());
        QVERIFY(w.overview()->verdictText().contains(models::demandSentence(r).toHtmlEscaped()));
        QCOMPARE(w.overview()->cardDemandText(0), models::demandServedSentence(rent));
        QChart* chart = w.overview()->capacityChart(0);
        QVERIFY(chart);
        QBarSet* capacity = barSet(chart, "Capacity");
        QBarSet* shortfall = barSet(chart, "Shortfall at spot");
        QVERIFY(capacity && shortfall);
        QCOMPARE(capacity->count(), qsizetype(4));
        QCOMPARE(capacity->at(0), 8.76);
        QCOMPARE(shortfall->at(0), 1.9392);
        QCOMPARE(capacity->at(3), 0.0);
        QCOMPARE(shortfall->at(3), rent.annual[3].demandH100Hours / 1e6);
        QCOMPARE(shortfall->color(), costLineColor(int(CostLine::Shortfall)));
        auto* demand = qobject_cast<QLineSeries*>(chart->series().at(1));
        QVERIFY(demand);
        QCOMPARE(demand->at(0), QPointF(0, 9.396));
        // Spot has no capacity: its sentence, no chart.
        const int spot = int(r.alternatives.size()) - 1;
        QCOMPARE(w.overview()->cardDemandText(spot),
                 QString("Spot market: the whole demand bought at spot."));
        QVERIFY(!w.overview()->capacityChart(spot));
    }

    // The shortfall is a cost line of its own, in the table and the chart, in a colour of its own.
    void theCashFlowsTabShowsTheShortfallLine() {
        std::set<QRgb> colours;
        for (int l = 0; l < kCostLines; ++l)
            colours.insert(costLineColor(l).rgb());
        QCOMPARE(int(colours.size()), kCostLines);
        MainWindow w;
        open(w, kRentBuy);
        w.show();
        w.tabs()->setCurrentIndex(1);
        auto* view = w.findChild<QComboBox*>("cashFlowsView");
        view->setCurrentIndex(view->findText("Rent, by cost line"));
        auto* table = w.findChild<QTableView*>("cashFlowsTable");
        const AlternativeResult& rent = *w.document()->evaluation().alternative("rent");
        int row = -1;
        for (int i = 0; i < table->model()->rowCount(); ++i)
            if (table->model()->headerData(i, Qt::Vertical).toString() == "Shortfall bought at spot")
                row = i;
        QVERIFY(row >= 0);
        const auto line = std::find_if(rent.lines.begin(), rent.lines.end(),
                                       [](const LineAmount& l) { return l.line == CostLine::Shortfall; });
        QVERIFY(line != rent.lines.end() && line->npv > 0.0);
        QCOMPARE(table->model()->index(row, 0).data(Qt::UserRole).toDouble(), line->npv);
        QCOMPARE(table->model()->index(row, 2).data(Qt::UserRole).toDouble(),
                 rent.annual[0].lineCash[std::size_t(CostLine::Shortfall)]);
        QChart* chart = w.tabs()->currentWidget()->findChild<QChartView*>()->chart();
        QBarSet* set = barSet(chart, "Shortfall bought at spot");
        QVERIFY(set);
        QCOMPARE(set->color(), QColor(0x886600));
        QCOMPARE(set->at(0), rent.annual[0].lineCash[std::size_t(CostLine::Shortfall)] / 1e6);
        // Stacked by item, with a demand: the items as costed in the alternative, then the shortfall.
        view->setCurrentIndex(view->findText("Rent, stacked by contract and fleet"));
        chart = w.tabs()->currentWidget()->findChild<QChartView*>()->chart();
        QBarSet* item = barSet(chart, "Take-or-pay 80%");
        QBarSet* bought = barSet(chart, "Shortfall bought at spot, after tax");
        QVERIFY(item && bought);
        QCOMPARE(item->at(0), rent.itemCosts.front().annual[0].cash / 1e6);
        QCOMPARE(item->at(0) + bought->at(0), rent.annual[0].cash / 1e6);
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName("ComputeLedgerTest");
    app.setApplicationName("tst_ui_demand");
    DemandUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_demand.moc"
