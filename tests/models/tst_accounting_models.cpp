// The Accounting tab's models (issue 18, MODEL.md 9) over the bundled example (t0 2027-01-01,
// horizon end 2032-12-20; "Rent from CoreWeave" holds cw-2025, a service contract, and cw-2026, an
// operating lease at 5% measured at 2027-01-01): the income statement's rows are the lines that are
// not zero in some year and the subtotals, its columns the fiscal years then Total, every number the
// engine's; the balance sheet at each year end; a lease's schedule and maturity table; fiscal years
// labelled FY2027 when they do not end in December; and every table follows an edit and its undo.
#include "models/AccountingModels.h"
#include "models/AccountingText.h"
#include "models/LeaseModels.h"
#include "models/PortfolioDocument.h"

#include <QFont>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace ledger;
using namespace ledger::models;

namespace {

QStringList rowLabels(const QAbstractItemModel& m) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.headerData(r, Qt::Vertical, Qt::DisplayRole).toString();
    return out;
}

QStringList columnLabels(const QAbstractItemModel& m) {
    QStringList out;
    for (int c = 0; c < m.columnCount(); ++c)
        out << m.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    return out;
}

double at(const QAbstractItemModel& m, int row, int column) {
    return m.data(m.index(row, column), Qt::UserRole).toDouble();
}

QString text(const QAbstractItemModel& m, int row, int column) {
    return m.data(m.index(row, column), Qt::DisplayRole).toString();
}

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-3 + 1e-9 * std::abs(b); // a thousandth of a unit: rounding only
}

const QStringList kYears = {"2027", "2028", "2029", "2030", "2031", "2032"};

} // namespace

class AccountingModelsTest : public QObject {
    Q_OBJECT
private slots:
    void incomeStatementShowsTheLinesThatAreNotZero() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        IncomeStatementModel m(&doc);
        m.setAlternative("rent");
        // A service contract, an operating lease and the shortfall of the demand bought at spot: no
        // power, depreciation or interest row.
        QCOMPARE(rowLabels(m), QStringList({"Service cost", "Operating lease cost",
                                            "Spot and shortfall purchases", "EBITDA cost", "Operating cost",
                                            "Pre-tax cost", "Income tax", "Net income impact"}));
        QCOMPARE(columnLabels(m), kYears + QStringList{"Total"});
        QCOMPARE(m.rowOf("power"), -1);
        QCOMPARE(m.headerData(m.rowOf("ebitda_cost"), Qt::Vertical, IncomeStatementModel::KeyRole).toString(),
                 QString("ebitda_cost"));
        // The subtotals in bold, the lines not.
        QVERIFY(m.data(m.index(m.rowOf("ebitda_cost"), 0), Qt::FontRole).value<QFont>().bold());
        QVERIFY(m.data(m.index(m.rowOf("net_income_impact"), 6), Qt::FontRole).value<QFont>().bold());
        QVERIFY(!m.data(m.index(m.rowOf("service_cost"), 0), Qt::FontRole).isValid());
        QVERIFY(!m.data(m.index(m.rowOf("income_tax"), 0), Qt::FontRole).isValid());

        // The engine's numbers (evaluate --json: rent's 2027 EBITDA cost 5,943,732,617.40, of which the
        // operating lease 3,514,442,916.09), in millions with separators.
        const auto& rent = *doc.evaluation().alternative("rent");
        QCOMPARE(text(m, m.rowOf("ebitda_cost"), 0), QString("5,943.7"));
        QCOMPARE(text(m, m.rowOf("operating_lease_cost"), 0), QString("3,514.4"));
        QCOMPARE(m.data(m.index(0, 0), Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        double totalEbitda = 0.0;
        for (int c = 0; c < 6; ++c) {
            const AccountingYear& y = rent.accounting[std::size_t(c)];
            QCOMPARE(at(m, m.rowOf("service_cost"), c), y[AccountingLine::ServiceCost]);
            QCOMPARE(at(m, m.rowOf("operating_lease_cost"), c), y[AccountingLine::OperatingLeaseCost]);
            QCOMPARE(at(m, m.rowOf("ebitda_cost"), c), y.ebitdaCost);
            QCOMPARE(at(m, m.rowOf("pretax_cost"), c), y.pretaxCost);
            QCOMPARE(at(m, m.rowOf("income_tax"), c), y.incomeTax);
            QCOMPARE(at(m, m.rowOf("net_income_impact"), c), y.netIncomeImpact);
            // EBITDA cost is its lines; with no line below it, operating and pre-tax cost are EBITDA's.
            QVERIFY(near(at(m, m.rowOf("ebitda_cost"), c), at(m, m.rowOf("service_cost"), c) +
                                                               at(m, m.rowOf("operating_lease_cost"), c) +
                                                               at(m, m.rowOf("spot"), c)));
            QCOMPARE(at(m, m.rowOf("operating_cost"), c), at(m, m.rowOf("ebitda_cost"), c));
            QVERIFY(near(at(m, m.rowOf("net_income_impact"), c),
                         -(at(m, m.rowOf("pretax_cost"), c) + at(m, m.rowOf("income_tax"), c))));
            totalEbitda += y.ebitdaCost;
        }
        QVERIFY(near(at(m, m.rowOf("ebitda_cost"), 6), totalEbitda));
    }

    void ownedFleetsHaveDepreciationAndDisposal() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        IncomeStatementModel m(&doc);
        m.setAlternative("buy");
        QCOMPARE(rowLabels(m),
                 QStringList({"Power", "Colocation", "Opex", "Spot and shortfall purchases", "EBITDA cost",
                              "Depreciation", "Disposal loss (gain)", "Operating cost", "Pre-tax cost",
                              "Income tax", "Net income impact"}));
        for (int c = 0; c < m.columnCount(); ++c) {
            QVERIFY(near(at(m, m.rowOf("ebitda_cost"), c),
                         at(m, 0, c) + at(m, 1, c) + at(m, 2, c) + at(m, 3, c))); // running costs + spot
            QVERIFY(near(at(m, m.rowOf("operating_cost"), c), at(m, m.rowOf("ebitda_cost"), c) +
                                                                  at(m, m.rowOf("depreciation"), c) +
                                                                  at(m, m.rowOf("disposal_loss"), c)));
        }
        BalanceSheetModel b(&doc);
        b.setAlternative("buy");
        QCOMPARE(rowLabels(b), QStringList({"NBV of fleets (book)", "Deferred tax liability"}));
        QCOMPARE(columnLabels(b), kYears); // a balance has no total
        const auto& buy = *doc.evaluation().alternative("buy");
        QCOMPARE(at(b, 0, 0), buy.accounting[0][BalanceItem::NbvBook]);
        QCOMPARE(at(b, 1, 0), buy.accounting[0][BalanceItem::DeferredTaxLiability]);
        // Spot: its purchases only, and no balance sheet.
        m.setAlternative("spot");
        QCOMPARE(rowLabels(m), QStringList({"Spot and shortfall purchases", "EBITDA cost", "Operating cost",
                                            "Pre-tax cost", "Income tax", "Net income impact"}));
        b.setAlternative("spot");
        QCOMPARE(b.rowCount(), 0);
        QCOMPARE(b.columnCount(), 0);
        // An alternative that is not there shows nothing.
        m.setAlternative("gone");
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(m.columnCount(), 0);
    }

    void balanceSheetOfAnOperatingLease() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        BalanceSheetModel b(&doc);
        b.setAlternative("rent");
        QCOMPARE(rowLabels(b), QStringList({"Right-of-use asset", "Lease liability"}));
        // evaluate --json: rent's 2027 year end, ROU 15,312,931,938.63 and liability 16,903,550,358.51.
        QCOMPARE(text(b, 0, 0), QString("15,312.9"));
        QCOMPARE(text(b, 1, 0), QString("16,903.6"));
        QCOMPARE(text(b, 0, 5), QString("0.0")); // the lease ends in 2032: nothing left
    }

    void leaseScheduleAndMaturity() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QCOMPARE(doc.evaluation().leases.size(), std::size_t(1));
        const LeaseResult& lease = doc.evaluation().leases[0];
        const auto& rent = *doc.evaluation().alternative("rent");
        const auto leases = leasesOf(doc.evaluation(), rent);
        QCOMPARE(leases.size(), std::size_t(1));
        QCOMPARE(leases[0]->contract, std::string("cw-2026"));
        QVERIFY(leasesOf(doc.evaluation(), *doc.evaluation().alternative("buy")).empty());
        QVERIFY(leasesOf(doc.evaluation(), *doc.evaluation().alternative("spot")).empty());

        LeaseScheduleModel s(&doc);
        s.setLease("cw-2026");
        QCOMPARE(rowLabels(s),
                 QStringList({"Opening lease liability", "Interest (accretion)", "Fixed lease payments",
                              "Closing lease liability", "Right-of-use asset, year end",
                              "Straight-line cost (fixed part)"}));
        QCOMPARE(columnLabels(s), kYears + QStringList{"Total"});
        // evaluate --json: opening 17,962,515,278.84, 2027's payments 1,923,824,496.21, closing
        // 16,903,550,358.51; 21,000,000,000 paid over the lease.
        QCOMPARE(text(s, LeaseScheduleModel::Opening, 0), QString("17,962.5"));
        QCOMPARE(text(s, LeaseScheduleModel::Payments, 0), QString("1,923.8"));
        QCOMPARE(text(s, LeaseScheduleModel::Closing, 0), QString("16,903.6"));
        QCOMPARE(text(s, LeaseScheduleModel::Payments, 6), QString("21,000.0"));
        QVERIFY(!s.data(s.index(LeaseScheduleModel::Closing, 6), Qt::DisplayRole).isValid()); // no total
        for (int c = 0; c < 6; ++c) {
            const LeaseYear& y = lease.years[std::size_t(c)];
            QCOMPARE(at(s, LeaseScheduleModel::Opening, c), y.openingLiability);
            QCOMPARE(at(s, LeaseScheduleModel::Interest, c), y.interest);
            QCOMPARE(at(s, LeaseScheduleModel::RouAsset, c), y.rouAsset);
            QCOMPARE(at(s, LeaseScheduleModel::Expense, c), y.straightLineCost);
            // The liability rolls forward: opening + interest - payments = closing = next opening.
            QVERIFY(near(at(s, LeaseScheduleModel::Closing, c), at(s, LeaseScheduleModel::Opening, c) +
                                                                    at(s, LeaseScheduleModel::Interest, c) -
                                                                    at(s, LeaseScheduleModel::Payments, c)));
            if (c < 5)
                QVERIFY(
                    near(at(s, LeaseScheduleModel::Opening, c + 1), at(s, LeaseScheduleModel::Closing, c)));
        }

        LeaseMaturityModel m(&doc);
        m.setLease("cw-2026");
        QCOMPARE(columnLabels(m), QStringList{"As at 2027-01-01"});
        QCOMPARE(rowLabels(m),
                 kYears + QStringList({"Total lease payments", "Less: imputed interest", "Lease liability"}));
        QCOMPARE(text(m, 6, 0), QString("21,000.0"));
        QCOMPARE(text(m, 7, 0), QString("-3,037.5"));
        QCOMPARE(text(m, 8, 0), QString("17,962.5"));
        QVERIFY(near(at(m, 6, 0) + at(m, 7, 0), at(m, 8, 0)));
        double payments = 0.0;
        for (int r = 0; r < 6; ++r)
            payments += at(m, r, 0);
        QVERIFY(near(payments, at(m, 6, 0)));

        // A contract that is not a lease shows nothing.
        s.setLease("cw-2025");
        QCOMPARE(s.rowCount(), 0);
        m.setLease("cw-2025");
        QCOMPARE(m.rowCount(), 0);
    }

    void aFinanceLeaseFollowsTheEditAndItsUndo() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        IncomeStatementModel m(&doc);
        m.setAlternative("rent");
        LeaseScheduleModel s(&doc);
        s.setLease("cw-2026");
        QVERIFY2(doc.setValue("contracts[1].lease.classification", "finance", &error), qPrintable(error));
        // Finance: amortization and interest below EBITDA; the variable payments (none here) in it.
        QCOMPARE(rowLabels(m), QStringList({"Service cost", "Spot and shortfall purchases", "EBITDA cost",
                                            "Lease amortization", "Operating cost", "Interest",
                                            "Pre-tax cost", "Income tax", "Net income impact"}));
        for (int c = 0; c < m.columnCount(); ++c)
            QVERIFY(near(at(m, m.rowOf("pretax_cost"), c),
                         at(m, m.rowOf("operating_cost"), c) + at(m, m.rowOf("interest"), c)));
        QCOMPARE(s.headerData(LeaseScheduleModel::Interest, Qt::Vertical, Qt::DisplayRole).toString(),
                 QString("Interest expense"));
        QCOMPARE(s.headerData(LeaseScheduleModel::Expense, Qt::Vertical, Qt::DisplayRole).toString(),
                 QString("ROU amortization"));
        // The ROU asset is amortized in full over the lease.
        QVERIFY(std::abs(at(s, LeaseScheduleModel::Expense, s.columnCount() - 1) -
                         doc.evaluation().leases[0].rouAtMeasurement) < 1.0);

        // Not a lease at all: the schedule goes, the service cost takes the contract.
        QVERIFY2(doc.setValues(
                     {{"contracts[1].lease.classification", QJsonValue(QJsonValue::Undefined)},
                      {"contracts[1].lease.incremental_borrowing_rate", QJsonValue(QJsonValue::Undefined)}},
                     "Service contract", &error),
                 qPrintable(error));
        QCOMPARE(s.rowCount(), 0);
        QCOMPARE(m.rowOf("operating_lease_cost"), -1);
        QCOMPARE(m.rowOf("lease_amortization"), -1);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(s.rowCount(), int(LeaseScheduleModel::Rows));
        QCOMPARE(m.rowOf("operating_lease_cost"), 1);
        QCOMPARE(m.rowOf("lease_amortization"), -1);
    }

    void fiscalYearsAreLabelledFY() {
        QCOMPARE(fiscalYearLabel(2027, 12), QString("2027"));
        QCOMPARE(fiscalYearLabel(2027, 6), QString("FY2027"));
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QVERIFY2(doc.setValue("assumptions.fiscal_year_end_month", 6, &error), qPrintable(error));
        IncomeStatementModel m(&doc);
        m.setAlternative("buy");
        // t0 2027-01-01 is in FY2027 (2026-07-01 .. 2027-06-30); the horizon's end in FY2033.
        const QStringList columns = columnLabels(m);
        QCOMPARE(columns.front(), QString("FY2027"));
        QCOMPARE(columns.back(), QString("Total"));
        QCOMPARE(columns[columns.size() - 2], QString("FY2033"));
        LeaseMaturityModel lease(&doc);
        lease.setLease("cw-2026");
        QCOMPARE(lease.headerData(0, Qt::Vertical, Qt::DisplayRole).toString(), QString("FY2027"));
    }
};

QTEST_GUILESS_MAIN(AccountingModelsTest)
#include "tst_accounting_models.moc"
