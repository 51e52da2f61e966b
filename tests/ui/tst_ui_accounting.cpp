// The Accounting tab in the window (issue 18), driven as a user would (offscreen): it sits after
// Depreciation, its alternative selector lists the portfolio's alternatives and spot by name, the
// income statement and the balance sheet are the chosen alternative's, a lease held shows its note
// (schedule and maturity table), and the tab follows an edit and its undo; the contract editor's
// lease fields show, take operating or finance, and a bad value gets validation's message.
#include "models/PortfolioDocument.h"
#include "resources/BundledResources.h"
#include "tests/ui/WindowSteps.h"
#include "ui/ItemEditor.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::ui;
using namespace ledger::ui::test;

namespace {

QWidget* accountingTab(MainWindow& w) {
    for (int i = 0; i < w.tabs()->count(); ++i)
        if (w.tabs()->tabText(i) == "Accounting")
            return w.tabs()->widget(i);
    return nullptr;
}

QStringList leaseContracts(QWidget* tab) {
    QStringList out;
    for (auto* g : tab->findChildren<QGroupBox*>("leaseGroup"))
        out << g->property("contract").toString();
    return out;
}

QStringList rowLabels(const QTableView* table) {
    QStringList out;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        out << table->model()->headerData(r, Qt::Vertical).toString();
    return out;
}

} // namespace

class AccountingUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave.json");
    }

    void theTabShowsTheChosenAlternative() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        QWidget* tab = accountingTab(w);
        QVERIFY(tab);
        QCOMPARE(w.tabs()->tabText(w.tabs()->indexOf(tab) - 1), QString("Depreciation"));
        w.tabs()->setCurrentWidget(tab);
        auto* alternative = tab->findChild<QComboBox*>("accountingAlternative");
        QVERIFY(alternative);
        QStringList names;
        for (int i = 0; i < alternative->count(); ++i)
            names << alternative->itemText(i);
        QCOMPARE(names.size(), 3);
        QCOMPARE(names.mid(0, 2), QStringList({"Rent from CoreWeave", "Buy and operate"}));
        QCOMPARE(alternative->itemData(2).toString(), QString("spot"));

        auto* income = tab->findChild<QTableView*>("incomeStatementTable");
        auto* balance = tab->findChild<QTableView*>("balanceSheetTable");
        QVERIFY(income && balance);
        QVERIFY(rowLabels(income).contains("Operating lease cost"));
        QCOMPARE(income->model()->headerData(0, Qt::Horizontal).toString(), QString("2027"));
        QCOMPARE(income->model()->headerData(income->model()->columnCount() - 1, Qt::Horizontal).toString(),
                 QString("Total"));
        QCOMPARE(rowLabels(balance), QStringList({"Right-of-use asset", "Lease liability"}));
        // Every row on screen: the tables are as tall as their rows.
        QVERIFY(income->height() >=
                income->horizontalHeader()->height() + income->verticalHeader()->length());
        // Rent holds one lease, cw-2026: its schedule and its maturity table.
        QCOMPARE(leaseContracts(tab), QStringList{"cw-2026"});
        auto* schedule = tab->findChild<QTableView*>("leaseScheduleTable");
        auto* maturity = tab->findChild<QTableView*>("leaseMaturityTable");
        QVERIFY(schedule && maturity);
        QCOMPARE(schedule->model()->index(0, 0).data().toString(), QString("17,962.5"));
        QCOMPARE(maturity->model()->headerData(0, Qt::Horizontal).toString(), QString("As at 2027-01-01"));

        // Buy and operate: no lease, its fleets' lines and balance sheet.
        alternative->setCurrentIndex(1);
        QVERIFY(leaseContracts(tab).isEmpty());
        QVERIFY(rowLabels(income).contains("Depreciation"));
        QCOMPARE(rowLabels(balance), QStringList({"NBV of fleets (book)", "Deferred tax liability"}));

        // The chart: every alternative's EBITDA cost by year, side by side.
        auto* chart = tab->findChild<QChartView*>()->chart();
        auto* bars = qobject_cast<QBarSeries*>(chart->series().front());
        QVERIFY(bars);
        QCOMPARE(bars->count(), 3);
        const auto& rent = *w.document()->evaluation().alternative("rent");
        QCOMPARE(bars->barSets()[0]->label(), QString("Rent from CoreWeave"));
        QCOMPARE(bars->barSets()[0]->at(0), rent.accounting[0].ebitdaCost / 1e6);
    }

    void aLeaseSetByAnEditAppearsAndUndoRemovesIt() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        QWidget* tab = accountingTab(w);
        w.tabs()->setCurrentWidget(tab);
        auto* income = tab->findChild<QTableView*>("incomeStatementTable");
        QString error;
        // cw-2026 a service contract: no lease note, its cost a service cost.
        QVERIFY2(w.document()->setValues(
                     {{"contracts[1].lease.classification", QJsonValue(QJsonValue::Undefined)},
                      {"contracts[1].lease.incremental_borrowing_rate", QJsonValue(QJsonValue::Undefined)}},
                     "Service contract", &error),
                 qPrintable(error));
        QVERIFY(leaseContracts(tab).isEmpty());
        QVERIFY(!rowLabels(income).contains("Operating lease cost"));
        QVERIFY(tab->findChild<QGroupBox*>("balanceSheetGroup")->isHidden()); // no balance-sheet item at all
        // cw-2025 a finance lease (typed edits, one command): its note appears, and its lines.
        QVERIFY2(w.document()->setValues({{"contracts[0].lease.classification", "finance"},
                                          {"contracts[0].lease.incremental_borrowing_rate", 0.06}},
                                         "Finance lease", &error),
                 qPrintable(error));
        QCOMPARE(leaseContracts(tab), QStringList{"cw-2025"});
        QVERIFY(tab->findChild<QGroupBox*>("leaseGroup")->title().contains("finance lease"));
        QVERIFY(rowLabels(income).contains("Lease amortization"));
        QVERIFY(rowLabels(income).contains("Interest"));
        QVERIFY(!tab->findChild<QGroupBox*>("balanceSheetGroup")->isHidden());
        w.document()->undoStack()->undo();
        QVERIFY(leaseContracts(tab).isEmpty());
        QVERIFY(!rowLabels(income).contains("Lease amortization"));
        w.document()->undoStack()->undo();
        QCOMPARE(leaseContracts(tab), QStringList{"cw-2026"});
        QVERIFY(rowLabels(income).contains("Operating lease cost"));
        // The alternative chosen is kept across edits.
        auto* alternative = tab->findChild<QComboBox*>("accountingAlternative");
        alternative->setCurrentIndex(1);
        QVERIFY(w.document()->setValue("fleets[0].pue", 1.31, &error));
        QCOMPARE(alternative->currentData().toString(), QString("buy"));
    }

    void theContractEditorHasTheLeaseFields() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        w.editor()->showItem("contracts[1]"); // CoreWeave 2026: an operating lease at 5%
        QComboBox* classification = w.editor()->choice("lease.classification");
        QLineEdit* rate = w.editor()->field("lease.incremental_borrowing_rate");
        QVERIFY(classification && rate);
        // A drop-down of the keywords, with "no lease" first.
        QCOMPARE(classification->count(), 3);
        QCOMPARE(classification->itemText(0), QString("empty: no lease"));
        QCOMPARE(classification->itemData(1).toString(), QString("operating"));
        QCOMPARE(classification->itemData(2).toString(), QString("finance"));
        QCOMPARE(classification->currentData().toString(), QString("operating"));
        QCOMPARE(rate->text(), QString("0.05"));
        choose(w.editor(), "lease.classification", "finance");
        QVERIFY(w.editor()->message().isEmpty());
        QVERIFY(w.document()->portfolio().contracts[1].lease.classification == LeaseClassification::Finance);
        QCOMPARE(w.document()->undoStack()->text(w.document()->undoStack()->index() - 1),
                 QString("CoreWeave 2026 expansion (Vera Rubin) lease operating -> finance"));
        // A bad value: validation's message, the document unchanged and the field back to its value.
        setField(w.editor(), "lease.incremental_borrowing_rate", "2");
        QCOMPARE(w.editor()->message(),
                 QString("contracts[1].lease.incremental_borrowing_rate: 2 is above 1"));
        QCOMPARE(w.document()->portfolio().contracts[1].lease.incrementalBorrowingRate, 0.05);
        // Empty: no lease, the rate cleared with it in one edit; undo brings both back.
        choose(w.editor(), "lease.classification", "");
        QCOMPARE(w.editor()->message(), QString());
        QVERIFY(!w.document()->portfolio().contracts[1].isLease());
        QVERIFY(!w.document()->portfolio().contracts[1].lease.incrementalBorrowingRate);
        QCOMPARE(w.editor()->field("lease.incremental_borrowing_rate")->text(), QString());
        w.document()->undoStack()->undo();
        QVERIFY(w.document()->portfolio().contracts[1].isLease());
        QCOMPARE(w.document()->portfolio().contracts[1].lease.incrementalBorrowingRate, 0.05);
        // A service contract made a lease one field at a time: the rate typed first waits, shown,
        // for the classification (nothing is changed, no undo step), then both are one edit.
        w.editor()->showItem("contracts[0]");
        const int steps = w.document()->undoStack()->index();
        setField(w.editor(), "lease.incremental_borrowing_rate", "0.07");
        QVERIFY(w.editor()->message().contains("now enter contracts[0].lease.classification as well"));
        QVERIFY(!w.document()->portfolio().contracts[0].isLease());
        QCOMPARE(w.document()->undoStack()->index(), steps);
        QCOMPARE(w.editor()->field("lease.incremental_borrowing_rate")->text(), QString("0.07"));
        choose(w.editor(), "lease.classification", "operating");
        QCOMPARE(w.editor()->message(), QString());
        QVERIFY(w.document()->portfolio().contracts[0].lease.classification ==
                LeaseClassification::Operating);
        QCOMPARE(w.document()->portfolio().contracts[0].lease.incrementalBorrowingRate, 0.07);
        QCOMPARE(w.document()->undoStack()->index(), steps + 1);
        QCOMPARE(w.editor()->choice("lease.classification")->currentData().toString(), QString("operating"));
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName("ComputeLedgerTest");
    app.setApplicationName("tst_ui_accounting");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // the editor's numbers
    AccountingUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_accounting.moc"
