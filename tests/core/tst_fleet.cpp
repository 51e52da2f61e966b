// Owned fleets (MODEL.md 4): power with idle draw, disposal with tax on the gain, sunk capex.
#include "TestPortfolios.h"
#include "engine/DeterministicEngine.h"
#include "portfolio/Validation.h"

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

class FleetTest : public QObject {
    Q_OBJECT
private slots:
    void idlePowerIsDrawnRegardlessOfUse() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.0);
        p.utilization = {{day(2026, 1, 1), 0.5}};
        auto f = simpleFleet(day(2026, 1, 1), day(2026, 12, 31));
        f.capexPerGpu = 0.0;
        f.pue = 1.5;
        f.powerPricePerMwh = 100.0;
        f.idlePowerFraction = 0.3;
        p.fleets = {f};
        auto r = evaluate(p);
        // 100 kW x 744 h x (0.3 + 0.7 x 0.5) x PUE 1.5 = 72.54 MWh at 100 per MWh.
        QVERIFY(near(r.items[0].monthly[0].cash, 7254.0));
        f.idlePowerFraction = 1.0;
        p.fleets = {f};
        r = evaluate(p);
        QVERIFY(near(r.items[0].monthly[0].cash, 11160.0));
    }

    void powerEscalatesWithTheYearFractionOfThePeriodStart() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.0);
        auto f = simpleFleet(day(2026, 1, 1), day(2027, 12, 31));
        f.capexPerGpu = 0.0;
        f.powerPricePerMwh = 100.0;
        f.powerEscalator = 0.05;
        p.fleets = {f};
        const auto r = evaluate(p);
        QVERIFY(near(r.items[0].monthly[13].cash, 0.1 * 24 * 28 * 100.0 * std::pow(1.05, 396.0 / 365.0)));
    }

    void colocationAndOpexFollowTheActiveShare() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.0);
        auto f = simpleFleet(day(2026, 1, 11), day(2026, 12, 31));
        f.colocationPerKwMonth = 100.0;
        f.opexFractionPerYear = 0.12;
        p.fleets = {f};
        const auto r = evaluate(p);
        // January: in service 21 of 31 days; capex 1,000,000 paid on 2026-01-11.
        QVERIFY(near(r.items[0].monthly[0].cash, 1e6 + (100.0 * 100 + 0.12 * 1e6 / 12) * 21.0 / 31.0));
        QVERIFY(near(r.items[0].committedGpuHours, 100.0 * 24 * 355));
    }

    void disposalTaxesTheGainAgainstTaxNbv() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.25);
        auto f = simpleFleet(day(2026, 1, 1), day(2027, 6, 30));
        f.residualFraction = 0.8;
        p.fleets = {f};
        auto r = evaluate(p);
        const double monthlyDep = 200000.0 / 12;
        // NBV_tax after 18 months = 700,000; resale 800,000: gain 100,000 taxed at 25%.
        QVERIFY(near(r.items[0].monthly[17].cash, -0.25 * monthlyDep - 800000.0 + 0.25 * 100000.0));
        f.residualFraction = 0.5; // a loss of 200,000 shields tax
        p.fleets = {f};
        r = evaluate(p);
        QVERIFY(near(r.items[0].monthly[17].cash, -0.25 * monthlyDep - 500000.0 - 0.25 * 200000.0));
        // Disposal cuts the schedule short: half a year of depreciation in 2027, no NBV left.
        QVERIFY(near(r.items[0].annual[1].depreciationBook, 100000.0));
        QCOMPARE(r.items[0].annual[1].nbvBook, 0.0);
        QVERIFY(near(r.items[0].annual[0].nbvBook, 800000.0));
        QVERIFY(near(r.items[0].annual[0].nbvTax, 800000.0));
    }

    void inServiceBeforeValuationCarriesNbvAndSinksCapex() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.0);
        auto f = simpleFleet(day(2025, 1, 1), day(2029, 12, 31));
        p.fleets = {f};
        const auto r = evaluate(p);
        QCOMPARE(r.items[0].monthly[0].cash, 0.0); // no capex inside the horizon
        QVERIFY(near(r.items[0].annual[0].depreciationBook, 200000.0));
        QVERIFY(near(r.items[0].annual[0].nbvBook, 600000.0));
        QCOMPARE(r.items[0].annual.back().nbvBook, 0.0);
    }

    void macrsWithBonusShieldsTaxInYearOne() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.21);
        auto f = simpleFleet(day(2026, 1, 1), day(2031, 12, 31));
        f.taxDepreciation.method = DepreciationMethod::Macrs5;
        f.taxDepreciation.bonusFraction = 1.0;
        p.fleets = {f};
        const auto r = evaluate(p);
        QVERIFY(near(r.items[0].annual[0].depreciationTax, 1e6));
        QVERIFY(near(r.items[0].annual[0].cash, 1e6 - 0.21 * 1e6));
        QCOMPARE(r.items[0].annual[1].depreciationTax, 0.0);
    }

    void defaultEndIsInServicePlusBookLife() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.0);
        auto f = simpleFleet(day(2026, 1, 1), day(2026, 1, 1));
        f.end.reset();
        f.bookDepreciation.lifeYears = 3;
        p.fleets = {f};
        const auto r = evaluate(p);
        QCOMPARE(r.horizonEnd, day(2028, 12, 31));
        QCOMPARE(r.periods, 36);
    }
};

QTEST_APPLESS_MAIN(FleetTest)
#include "tst_fleet.moc"
