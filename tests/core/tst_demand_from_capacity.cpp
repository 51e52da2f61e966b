// "Add a demand" (issue 17): the first alternative's used hours made a demand curve of H100 GPUs,
// checked by hand: one point per year, gpus = the year's used H100-equivalent hours over 24 x its
// days in the horizon; the portfolio with it validates and its first alternative falls short nowhere.
#include "TestPortfolios.h"
#include "analytics/DemandFromCapacity.h"

#include <QTest>

#include <stdexcept>

using namespace ledger;
using namespace ledger::testing;

namespace {

// H100 (perf 1) and B200 (perf 2.5): the fleet's hours count 2.5 times as H100-equivalent.
SkuCatalog catalog() {
    return SkuCatalog({Sku{"H100", "NVIDIA H100", 1.0, 2.0, 10000.0, 1.0, {}},
                       Sku{"B200", "NVIDIA B200", 2.5, 5.0, 30000.0, 1.2, {}}});
}

// t0 2027-07-01 to 2029-03-31: 184 days of 2027, 366 of 2028 (a leap year), 90 of 2029.
// "mix": 100 H100 GPUs rented all along at 75% use, and from 2028 40 owned B200s at 50% use;
// "rent": the contract alone.
Portfolio portfolio() {
    auto p = basePortfolio(day(2027, 7, 1), 0.08, 0.21);
    p.assumptions.horizonEnd = day(2029, 3, 31);
    p.utilization = {{day(2027, 1, 1), 0.75}};
    p.contracts = {simpleContract(day(2027, 7, 1), day(2029, 3, 31), 100, 2.0)};
    auto f = simpleFleet(day(2028, 1, 1), day(2029, 3, 31));
    f.sku = std::string("B200");
    f.gpus = 40;
    f.utilization = UtilizationCurve{{day(2028, 1, 1), 0.5}};
    p.fleets = {f};
    p.alternatives = std::vector<Alternative>{{"mix", "Rent and buy", {"c", "f"}}, {"rent", "Rent", {"c"}}};
    return p;
}

} // namespace

class DemandFromCapacityTest : public QObject {
    Q_OBJECT

private slots:
    // Used H100-equivalent hours by year, by hand:
    //   2027: contract 100 x 24 x 184 x 0.75 = 331,200; the fleet is not in service yet.
    //   2028: contract 100 x 24 x 366 x 0.75 = 658,800; fleet 40 x 24 x 366 x 0.5 x 2.5 = 439,200.
    //   2029: contract 100 x 24 x 90 x 0.75 = 162,000; fleet 40 x 24 x 90 x 0.5 x 2.5 = 108,000.
    // GPUs: 331,200 / (24 x 184) = 75; 1,098,000 / (24 x 366) = 125; 270,000 / (24 x 90) = 125.
    void firstAlternativesUsedHoursByYear() {
        const Portfolio p = portfolio();
        QVERIFY(!validatePortfolio(p, catalog()));
        const EvaluationResult r = evaluatePortfolio(p, catalog());
        const Demand d = demandFromAlternative(p, catalog(), r, 0);
        QCOMPARE(d.sku, std::string("H100"));
        QCOMPARE(d.curve.size(), std::size_t(3));
        QCOMPARE(d.curve[0].date, day(2027, 7, 1)); // the valuation date, not 1 January
        QCOMPARE(d.curve[1].date, day(2028, 1, 1));
        QCOMPARE(d.curve[2].date, day(2029, 1, 1));
        QCOMPARE(d.curve[0].gpus, 75.0);
        QCOMPARE(d.curve[1].gpus, 125.0);
        QCOMPARE(d.curve[2].gpus, 125.0);
        // The second alternative's: the contract alone, 75 GPUs every year.
        const Demand rent = demandFromAlternative(p, catalog(), r, 1);
        QCOMPARE(rent.curve.size(), std::size_t(3));
        for (const auto& point : rent.curve)
            QCOMPARE(point.gpus, 75.0);
    }

    // With that demand the portfolio validates; "mix" serves all of it from its own capacity (100
    // H100-equivalent GPUs in 2027, 200 from 2028, against 75 and 125) and "rent" falls short by
    // 25 GPUs from 2028: 25 x 24 x 366 = 219,600 and 25 x 24 x 90 = 54,000 H100-equivalent hours.
    void theDemandValidatesAndTheFirstAlternativeFallsShortNowhere() {
        Portfolio p = portfolio();
        const EvaluationResult before = evaluatePortfolio(p, catalog());
        p.demand = demandFromAlternative(p, catalog(), before, 0);
        const auto invalid = validatePortfolio(p, catalog());
        QVERIFY2(!invalid, invalid ? invalid->toString().c_str() : "");
        const EvaluationResult r = evaluatePortfolio(p, catalog());
        QVERIFY(r.hasDemand);
        const AlternativeResult& mix = *r.alternative("mix");
        QVERIFY(mix.demand);
        QCOMPARE(mix.demand->shortfallH100Hours, 0.0);
        QCOMPARE(mix.demand->demandH100Hours, 331200.0 + 1098000.0 + 270000.0);
        QCOMPARE(mix.annual[0].demandH100Hours, 331200.0);
        QCOMPARE(mix.annual[1].demandH100Hours, 1098000.0);
        QCOMPARE(mix.annual[2].demandH100Hours, 270000.0);
        for (const auto& row : mix.annual)
            QCOMPARE(row.shortfallH100Hours, 0.0);
        const AlternativeResult& rent = *r.alternative("rent");
        QCOMPARE(rent.annual[0].shortfallH100Hours, 0.0);
        QCOMPARE(rent.annual[1].shortfallH100Hours, 219600.0);
        QCOMPARE(rent.annual[2].shortfallH100Hours, 54000.0);
        QCOMPARE(rent.demand->shortfallH100Hours, 273600.0);
    }

    // A mid-month valuation date: t0 2027-01-15 to 2028-01-14, 100 GPUs fully used. Every period
    // starts in 2027 (the last runs to 2028-01-14), so the one year row holds 365 days of use:
    // 100 x 24 x 365 hours over 24 x 365 = 100 GPUs from t0 (not over the 351 days of 2027 after
    // t0, which would ask for 104), and the contract meets it with no shortfall.
    void aMidMonthValuationDateCountsThePeriodsDays() {
        auto p = basePortfolio(day(2027, 1, 15), 0.08, 0.0);
        p.assumptions.horizonEnd = day(2028, 1, 14);
        p.contracts = {simpleContract(day(2027, 1, 15), day(2028, 1, 14), 100, 2.0)};
        const EvaluationResult before = evaluatePortfolio(p, catalog());
        p.demand = demandFromAlternative(p, catalog(), before, 0);
        QCOMPARE(p.demand->curve.size(), std::size_t(1));
        QCOMPARE(p.demand->curve[0].date, day(2027, 1, 15));
        QCOMPARE(p.demand->curve[0].gpus, 100.0);
        QVERIFY(!validatePortfolio(p, catalog()));
        const EvaluationResult r = evaluatePortfolio(p, catalog());
        QCOMPARE(r.alternatives[0].demand->shortfallH100Hours, 0.0);
        QCOMPARE(r.alternatives[0].demand->idleH100Hours, 0.0);
    }

    void anUnknownAlternativeIsRefused() {
        const Portfolio p = portfolio();
        const EvaluationResult r = evaluatePortfolio(p, catalog());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, demandFromAlternative(p, catalog(), r, 9));
    }
};

QTEST_APPLESS_MAIN(DemandFromCapacityTest)
#include "tst_demand_from_capacity.moc"
