// The finance appendix (models/AssumptionsAppendix, issue 20): the bundled example's inputs grouped
// by what they belong to, named and formatted ("USD 14.2 B", "9% per year"), each with its source,
// no raw file key anywhere a reader looks; the correlation as a matrix; money in short form exact to
// the digits shown; and an input typed in the window cited as entered by the user, undone with it.
#include "models/AssumptionsAppendix.h"
#include "models/PortfolioDocument.h"

#include <QDate>
#include <QRegularExpression>
#include <QTest>

using namespace ledger;
using namespace ledger::models;

namespace {

const AppendixGroup* group(const std::vector<AppendixGroup>& groups, const QString& title) {
    for (const auto& g : groups)
        if (g.title == title)
            return &g;
    return nullptr;
}

const AppendixRow* row(const AppendixGroup* g, const QString& label) {
    if (!g)
        return nullptr;
    for (const auto& r : g->rows)
        if (r.label == label)
            return &r;
    return nullptr;
}

} // namespace

class AssumptionsAppendixTest : public QObject {
    Q_OBJECT

    PortfolioDocument doc_{PortfolioDocument::bundledCatalog()};

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(doc_.openBundledExample(&error), qPrintable(error));
    }

    void moneyIsShortAndExact() {
        QCOMPARE(formatMoneyShort(14.2e9, "USD"), QString("USD 14.2 B"));
        QCOMPARE(formatMoneyShort(21e9, "USD"), QString("USD 21 B"));
        QCOMPARE(formatMoneyShort(14.25e9, "USD"), QString("USD 14.25 B"));
        QCOMPARE(formatMoneyShort(350e6, "EUR"), QString("EUR 350 M"));
        // 14.237456 B would round at three decimals: millions hold it exactly.
        QCOMPARE(formatMoneyShort(14237456000.0, "USD"), QString("USD 14,237.456 M"));
        QCOMPARE(formatMoneyShort(45000.0, "USD"), QString("USD 45,000"));
        QCOMPARE(formatMoneyShort(1234.5, "USD"), QString("USD 1,234.5"));
    }

    // The example's contract: its TCV from the 8-K, its tranches as dated rows, its notes under it.
    void aContractReadsLikeAFinanceAppendix() {
        const auto groups = assumptionsAppendix(doc_.portfolio());
        const AppendixGroup* cw = group(groups, "Contract: CoreWeave 2025 (GB300)");
        QVERIFY(cw);
        const AppendixRow* tcv = row(cw, "Total contract value");
        QVERIFY(tcv);
        QCOMPARE(tcv->value, QString("USD 14.2 B"));
        QCOMPARE(tcv->exact.toDouble(), 14.2e9);
        QCOMPARE(tcv->unit, QString("USD"));
        QVERIFY(tcv->source.startsWith("CoreWeave Form 8-K, 30 Sep 2025"));
        QCOMPARE(tcv->path, QString("contracts[0].total_contract_value"));
        const AppendixRow* second = row(cw, "Committed GPUs from 2026-01-01");
        QVERIFY(second);
        QCOMPARE(second->value, QString("35,000 GPUs"));
        QCOMPARE(row(cw, "Take-or-pay")->value, QString("100%"));
        QCOMPARE(row(cw, "Payment terms")->value, QString("30 days"));
        QCOMPARE(row(cw, "Default hazard")->value, QString("3% per year"));
        // Without a source of its own, the figure points to the notes printed under the group.
        QCOMPARE(row(cw, "Default hazard")->source, QString("see the notes below"));
        QVERIFY(cw->notes.startsWith("Public: TCV up to $14.2B"));
    }

    void thePortfolioAndTheMarketModel() {
        const auto groups = assumptionsAppendix(doc_.portfolio());
        const AppendixGroup* top = group(groups, "Portfolio and assumptions");
        QVERIFY(top);
        QCOMPARE(row(top, "Discount rate")->value, QString("9% per year"));
        QCOMPARE(row(top, "Tax rate")->value, QString("21%"));
        QCOMPARE(row(top, "Monte Carlo seed (the run's default)")->value, QString("20260101"));
        const AppendixGroup* market = group(groups, "Market model");
        QVERIFY(market);
        QCOMPARE(row(market, "GPU price trend")->value, QString("-15% per year"));
        QCOMPARE(row(market, "GPU price reversion")->value, QString("1 per year"));
        QCOMPARE(row(market, "Replacement premium")->value, QString("1.25x market"));
        QCOMPARE(row(market, "The spot alternative buys the hours of")->value,
                 QString("Rent from CoreWeave"));
        // Market inputs without a source point to the portfolio's notes, which speak for them.
        QCOMPARE(row(market, "GPU price trend")->source, QString("see the portfolio's notes"));
        QVERIFY(market->correlation);
        QCOMPARE((*market->correlation)[0][1], 0.3);
        QCOMPARE((*market->correlation)[1][0], 0.3);
        QCOMPARE((*market->correlation)[2][2], 1.0);
        QCOMPARE(row(top, "Utilization from 2028-01-01")->value, QString("85%"));
        QVERIFY(!group(groups, "Other inputs")); // every input of the example has its place
        const AppendixGroup* fleet = group(groups, "Owned fleet: Owned GB300 fleet");
        QVERIFY(fleet);
        QCOMPARE(row(fleet, "Tax method")->value, QString("MACRS 5-year"));
        QCOMPARE(row(fleet, "Book method")->value, QString("straight line"));
        // Fields the editor does not show are inputs too, named by their place.
        QCOMPARE(row(fleet, "Book depreciation: factor")->value, QString("2"));
        QCOMPARE(row(fleet, "Tax depreciation: salvage fraction")->value, QString("0%"));
        const AppendixGroup* demand = group(groups, "Demand");
        QVERIFY(demand);
        QCOMPARE(row(demand, "Demand from 2031-01-01")->value, QString("850,000 GPUs"));
    }

    // Nothing a reader sees is a file key: no brackets, no underscores, no dotted paths.
    void noRawKeyIsShown() {
        const QRegularExpression raw(R"(\[\d+\]|[a-z]+_[a-z]+|^[a-z_]+\.[a-z_]+$)");
        int rows = 0;
        for (const auto& g : assumptionsAppendix(doc_.portfolio())) {
            QVERIFY2(!raw.match(g.title).hasMatch(), qPrintable(g.title));
            for (const auto& r : g.rows) {
                ++rows;
                QVERIFY2(!raw.match(r.label).hasMatch(), qPrintable(r.label));
                QVERIFY2(!r.value.isEmpty(), qPrintable(r.label));
                QVERIFY2(!r.source.isEmpty(), qPrintable(r.label));
            }
        }
        QVERIFY2(rows > 60, qPrintable(QString::number(rows)));
    }

    // Every source the file gives for an input reaches the appendix: on its row, or for the
    // correlation under its matrix.
    void everySourceOfTheFileIsCited() {
        const auto groups = assumptionsAppendix(doc_.portfolio());
        for (const auto& [path, source] : doc_.portfolio().sources) {
            bool found = false;
            for (const auto& g : groups) {
                found = found || (g.correlation && g.correlationSource == QString::fromStdString(source));
                for (const auto& r : g.rows)
                    found = found || r.source == QString::fromStdString(source);
            }
            QVERIFY2(found, path.c_str());
        }
    }

    // A price typed in the window: its source becomes the user's, dated; undo brings the file's back.
    void anInputTypedInTheWindowIsTheUsers() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const QString before =
            row(group(assumptionsAppendix(doc.portfolio()), "Contract: CoreWeave 2025 (GB300)"),
                "Total contract value")
                ->source;
        QVERIFY2(doc.setValue("contracts[0].total_contract_value", 15e9, &error), qPrintable(error));
        const auto after = assumptionsAppendix(doc.portfolio());
        const AppendixRow* tcv =
            row(group(after, "Contract: CoreWeave 2025 (GB300)"), "Total contract value");
        QCOMPARE(tcv->value, QString("USD 15 B"));
        QCOMPARE(tcv->source, "entered by the user on " + QDate::currentDate().toString(Qt::ISODate));
        // The other inputs keep theirs.
        QVERIFY(row(group(after, "Contract: CoreWeave 2025 (GB300)"), "End")
                    ->source.startsWith("CoreWeave Form"));
        doc.undoStack()->undo();
        QCOMPARE(row(group(assumptionsAppendix(doc.portfolio()), "Contract: CoreWeave 2025 (GB300)"),
                     "Total contract value")
                     ->source,
                 before);
        // A correlation typed in the grid: the matrix cites the user.
        QVERIFY(doc.setCorrelation(0, 1, 0.5, &error));
        const auto groups = assumptionsAppendix(doc.portfolio()); // held: group() points into it
        const auto market = group(groups, "Market model");
        QVERIFY2(market->correlationSource.contains("entered by the user on " +
                                                    QDate::currentDate().toString(Qt::ISODate)),
                 qPrintable(market->correlationSource));
    }
};

QTEST_MAIN(AssumptionsAppendixTest)
#include "tst_assumptions_appendix.moc"
