// The demand as the window edits it (issue 17): cells and pasted spreadsheet rows read with messages
// naming the field or line; the curve table's edits, each one undoable command that validation
// checks; the demand added from the first alternative's used hours in one undo step; removing it
// and its uncertainty moving back to the utilization factor (MODEL.md 8 allows one of the two).
#include "data/PortfolioJson.h"
#include "models/DatedCurveModel.h"
#include "models/DatedValues.h"
#include "models/PortfolioDocument.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::models;

namespace {

Date day(int y, int m, int d) {
    return Date(y, m, d);
}

// tests/reference/portfolios/demand_rent_buy.json: H100 GPUs 700 from 2026-10-01, 1,500 from
// 2027-07-15, 600 from 2028-03-01, 1,100 from 2029-06-01, 2,000 from 2030-03-01; t0 2027-01-01.
QString rentBuy() {
    return QStringLiteral(LEDGER_REFERENCE_PORTFOLIOS "/demand_rent_buy.json");
}

std::optional<std::vector<DatedValue>> parseDemandRows(const QString& text, QString* error) {
    return parseDatedRows(text, NumberForm{}, QLocale(), "GPUs", error);
}

std::vector<double> gpus(const Portfolio& p) {
    std::vector<double> out;
    for (const auto& point : p.demand->curve)
        out.push_back(point.gpus);
    return out;
}

} // namespace

class DemandEditingTest : public QObject {
    Q_OBJECT
private slots:
    // Grouping and decimals as an English-speaking user types them, whatever the machine's locale.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void pastedRowsAreReadLineByLine() {
        QString error;
        // A spreadsheet's copy: tab-separated, its column titles first, CRLF line ends.
        const auto rows =
            parseDemandRows("date\tgpus\r\n2027-01-01\t400000\r\n2028-01-01\t 900000.5\r\n\r\n", &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), std::size_t(2));
        QCOMPARE((*rows)[0].date, day(2027, 1, 1));
        QCOMPARE((*rows)[0].value, 400000.0);
        QCOMPARE((*rows)[1].date, day(2028, 1, 1));
        QCOMPARE((*rows)[1].value, 900000.5);
        // Comma- or semicolon-separated text works too.
        const auto csv = parseDemandRows("2027-01-01,10\n2027-07-01;20", &error);
        QVERIFY(csv);
        QCOMPARE((*csv)[1].value, 20.0);
        QVERIFY(!parseDemandRows("2027-01-01\t10\n1/1/2028\t20", &error));
        QCOMPARE(error, QString("line 2: \"1/1/2028\" is not a real date in the form YYYY-MM-DD"));
        // Numbers as people type them: grouped, with a suffix (models/NumberInput).
        const auto typed = parseDemandRows("2027-01-01\t1,500\n2028-01-01\t1.2M", &error);
        QVERIFY2(typed, qPrintable(error));
        QCOMPARE((*typed)[0].value, 1500.0);
        QCOMPARE((*typed)[1].value, 1200000.0);
        QVERIFY(!parseDemandRows("2027-01-01\t1,5", &error));
        QVERIFY2(error.startsWith("line 1: \"1,5\" is not a number"), qPrintable(error));
        QVERIFY(!parseDemandRows("2027-01-01,1,500", &error));
        QCOMPARE(error, QString("line 1: 3 columns, expected two (date, GPUs)"));
        // A first row with a date written another way is a bad row, not a header to skip.
        QVERIFY(!parseDemandRows("Jan-2027\t100\n2028-01-01\t200", &error));
        QCOMPARE(error, QString("line 1: \"Jan-2027\" is not a real date in the form YYYY-MM-DD"));
        QVERIFY(!parseDemandRows("\n \n", &error));
        QCOMPARE(error, QString("nothing to paste: expected lines of a date and GPUs"));
    }

    void cellsShowTheCurveAndEditItOneCommandEach() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY2(doc.open(rentBuy(), &error), qPrintable(error));
        DatedCurveModel model(&doc, "demand.curve");
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QString("GPUs (H100)"));
        QCOMPARE(model.index(1, 0).data().toString(), QString("2027-07-15"));
        QCOMPARE(model.index(1, 1).data().toString(), QString("1,500")); // read with group separators
        QCOMPARE(model.index(1, 1).data(Qt::EditRole).toString(), QString("1,500")); // and read so

        QVERIFY(model.setData(model.index(1, 1), "1,600"));
        QCOMPARE(doc.portfolio().demand->curve[1].gpus, 1600.0);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->text(0), QString("Demand curve: row 2 GPUs 1,500 -> 1,600"));
        QVERIFY(model.setData(model.index(0, 0), "2026-12-01"));
        QCOMPARE(doc.portfolio().demand->curve[0].date, day(2026, 12, 1));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(gpus(doc.portfolio()), (std::vector<double>{700, 1500, 600, 1100, 2000}));
        QCOMPARE(doc.portfolio().demand->curve[0].date, day(2026, 10, 1));
    }

    void refusedCellsChangeNothingAndSayWhy() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.open(rentBuy(), &error));
        DatedCurveModel model(&doc, "demand.curve");
        QSignalSpy refused(&model, &DatedCurveModel::editRefused);
        const QByteArray before = data::writePortfolioJson(doc.portfolio());
        QVERIFY(!model.setData(model.index(1, 1), "-1"));
        QVERIFY(!model.setData(model.index(1, 1), "1,6"));
        QVERIFY(!model.setData(model.index(1, 0), "2029-01-01")); // after the next point
        QVERIFY(!model.setData(model.index(3, 0), "2029-02-30"));
        QCOMPARE(refused.count(), 4);
        QCOMPARE(refused[0][0].toString(), QString("demand.curve[1].gpus: -1 is below 0"));
        QVERIFY2(refused[1][0].toString().startsWith("demand.curve[1].gpus: \"1,6\" is not a number"),
                 qPrintable(refused[1][0].toString()));
        QCOMPARE(refused[2][0].toString(),
                 QString("demand.curve[2].date: 2028-03-01 is not after demand.curve[1].date 2029-01-01"));
        QCOMPARE(refused[3][0].toString(),
                 QString("demand.curve[3].date: \"2029-02-30\" is not a real date in the form YYYY-MM-DD"));
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), before);
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void pointsAreAddedDeletedAndPastedOneUndoEach() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.open(rentBuy(), &error));
        DatedCurveModel model(&doc, "demand.curve");
        // A point a year after the last, with its GPUs.
        QVERIFY2(model.appendPoint(&error), qPrintable(error));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(doc.portfolio().demand->curve[5].date, day(2031, 3, 1));
        QCOMPARE(doc.portfolio().demand->curve[5].gpus, 2000.0);
        QVERIFY(model.removePoints({1, 2, 2}, &error));
        QCOMPARE(gpus(doc.portfolio()), (std::vector<double>{700, 1100, 2000, 2000}));
        QCOMPARE(doc.undoStack()->text(1), QString("Demand curve: delete 2 points"));
        QVERIFY(!model.removePoints({0, 1, 2, 3}, &error));
        QCOMPARE(error, QString("demand.curve: at least one point is needed"));
        QVERIFY(model.pasteCurve("date\tgpus\n2027-01-01\t1000\n2028-01-01\t1500\n", &error));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(gpus(doc.portfolio()), (std::vector<double>{1000, 1500}));
        QCOMPARE(doc.undoStack()->count(), 3);
        doc.undoStack()->undo(); // the whole paste
        QCOMPARE(gpus(doc.portfolio()), (std::vector<double>{700, 1100, 2000, 2000}));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(gpus(doc.portfolio()), (std::vector<double>{700, 1500, 600, 1100, 2000}));
        QCOMPARE(model.rowCount(), 5);
    }

    // "rent" is a contract of 1,000 H100 GPUs in 2027 and 1,400 from 2028 to 2029-12-31, used 75%;
    // the horizon ends 2030-12-31. Its used hours a year: 1,000 x 24 x 365 x 0.75, 1,400 x 24 x 366
    // x 0.75, 1,400 x 24 x 365 x 0.75 and 0, so the demand asks for 750, 1,050, 1,050 and 0 GPUs.
    void theFirstAlternativesUsedHoursBecomeTheDemandInOneStep() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.open(rentBuy(), &error));
        QVERIFY(doc.removeDemand(&error));
        doc.undoStack()->clear();
        const QByteArray without = data::writePortfolioJson(doc.portfolio());
        QVERIFY2(doc.addDemandFromAlternative(0, &error), qPrintable(error));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->text(0), QString("Add demand: Rent's used hours"));
        const Demand& d = *doc.portfolio().demand;
        QCOMPARE(d.sku, std::string("H100"));
        QCOMPARE(d.curve.size(), std::size_t(4));
        QCOMPARE(d.curve[0].date, day(2027, 1, 1));
        QCOMPARE(d.curve[3].date, day(2030, 1, 1));
        QCOMPARE(gpus(doc.portfolio()), (std::vector<double>{750, 1050, 1050, 0}));
        // Rent meets it from its own capacity, every year.
        const auto& rent = *doc.evaluation().alternative("rent");
        QVERIFY(rent.demand);
        QCOMPARE(rent.demand->shortfallH100Hours, 0.0);
        QCOMPARE(rent.demand->demandH100Hours, 24.0 * 0.75 * (1000 * 365 + 1400 * 366 + 1400 * 365));
        doc.undoStack()->undo(); // one undo removes the whole demand
        QVERIFY(!doc.portfolio().demand);
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), without);
        QVERIFY(!doc.evaluation().hasDemand);
    }

    // The example cites where its demand comes from; removed, the demand takes its sources along.
    void removingTheDemandRemovesItsSources() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.open(QStringLiteral(LEDGER_EXAMPLE_JSON), &error));
        QCOMPARE(int(doc.portfolio().sources.count("demand.curve")), 1);
        QVERIFY(doc.removeDemand(&error));
        QCOMPARE(int(doc.portfolio().sources.count("demand.curve")), 0);
        QCOMPARE(int(doc.portfolio().sources.count("market.demand.volatility")), 0);
        QCOMPARE(int(doc.portfolio().sources.count("contracts[0].total_contract_value")), 1);
        doc.undoStack()->undo();
        QCOMPARE(int(doc.portfolio().sources.count("demand.curve")), 1);
    }

    // tests/data/portfolios/demand-uncertain.json: market.demand {reversion 1.5, volatility 0.35}.
    void removingTheDemandGivesItsUncertaintyBackToUtilization() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.open(QStringLiteral(LEDGER_DATA_PORTFOLIOS "/demand-uncertain.json"), &error));
        const QByteArray with = data::writePortfolioJson(doc.portfolio());
        QVERIFY(doc.removeDemand(&error));
        QCOMPARE(doc.undoStack()->text(0), QString("Remove demand"));
        QVERIFY(!doc.portfolio().demand);
        QCOMPARE(doc.portfolio().market.utilization.reversionPerYear, 1.5);
        QCOMPARE(doc.portfolio().market.utilization.volatility, 0.35);
        QCOMPARE(doc.portfolio().market.demand.volatility, 0.0);
        QCOMPARE(doc.portfolio().market.demand.reversionPerYear, 2.0); // the default: not written
        QVERIFY(!data::writePortfolioJson(doc.portfolio()).contains("\"demand\""));
        QVERIFY(!doc.removeDemand(&error));
        QCOMPARE(error, QString("The portfolio has no demand to remove."));
        // Added again, the factor's uncertainty is the demand's, and the undo text says so.
        QVERIFY(doc.addDemandFromAlternative(0, &error));
        QVERIFY2(doc.undoStack()
                     ->text(doc.undoStack()->count() - 1)
                     .endsWith("(its uncertainty now the demand's, from utilization's)"),
                 qPrintable(doc.undoStack()->text(doc.undoStack()->count() - 1)));
        QCOMPARE(doc.portfolio().market.demand.reversionPerYear, 1.5);
        QCOMPARE(doc.portfolio().market.demand.volatility, 0.35);
        QCOMPARE(doc.portfolio().market.utilization.volatility, 0.0);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), with);
    }

    void theUncertaintyIsCheckedAsAFileIs() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.open(rentBuy(), &error));
        QVERIFY(!doc.setDemandUncertainty({2.0, 3.0}, "Edit market.demand.volatility", &error));
        QCOMPARE(error, QString("market.demand.volatility: 3 is above 2"));
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(doc.setDemandUncertainty({1.0, 0.2}, "Edit market.demand.volatility", &error));
        QCOMPARE(doc.portfolio().market.demand.volatility, 0.2);
        QCOMPARE(doc.portfolio().market.demand.reversionPerYear, 1.0);
        QCOMPARE(doc.undoStack()->text(0), QString("Edit market.demand.volatility"));
    }

    // The SKU choice: the portfolio's own SKUs, then the bundled ones it does not shadow.
    void usableSkusAreTheCatalogsWithThePortfoliosFirst() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.open(rentBuy(), &error));
        const auto skus = doc.usableSkus();
        QCOMPARE(skus.size(), PortfolioDocument::bundledCatalog().bundled().size());
        QCOMPARE(skus.front().id, PortfolioDocument::bundledCatalog().bundled().front().id);
    }
};

QTEST_GUILESS_MAIN(DemandEditingTest)
#include "tst_demand_editing.moc"
