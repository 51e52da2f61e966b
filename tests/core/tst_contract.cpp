// Contracts (MODEL.md 3): tranches, escalators, take-or-pay, prepayment, payment terms, implied price.
#include "TestPortfolios.h"
#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "portfolio/Validation.h"

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

class ContractTest : public QObject {
    Q_OBJECT
private slots:
    void midMonthTrancheIsProRata() {
        auto p = basePortfolio(day(2026, 1, 1), 0.08, 0.0);
        auto c = simpleContract(day(2026, 1, 1), day(2026, 3, 31), 10, 2.0);
        c.tranches = {{day(2026, 1, 1), 10}, {day(2026, 1, 16), 20}};
        p.contracts = {c};
        const auto r = evaluate(p);
        const auto& item = r.items[0];
        // January: 15 days x 10 GPUs + 16 days x 20 GPUs = 470 GPU-days = 11,280 hours.
        QCOMPARE(item.monthly[0].cash, 22560.0);
        QCOMPARE(item.monthly[1].cash, 26880.0);
        QCOMPARE(item.monthly[2].cash, 29760.0);
        QCOMPARE(item.committedGpuHours, 11280.0 + 13440.0 + 14880.0);
        // Each month's bill is discounted from the day after the month: XNPV of three flows.
        QVERIFY(near(item.npvCost, 78161.27435810736));
    }

    void escalatorStepsOnEachAnniversary() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.0);
        auto c = simpleContract(day(2025, 3, 15), day(2028, 12, 31), 100, 1.0);
        c.escalator = 0.1;
        p.contracts = {c};
        const auto r = evaluate(p);
        // March 2026: 14 days at the first-year price, 17 at +10%; March 2027: +10% then +21%.
        QVERIFY(near(r.items[0].monthly[2].cash, 2400.0 * (14 + 17 * 1.1)));
        QVERIFY(near(r.items[0].monthly[14].cash, 2400.0 * (14 * 1.1 + 17 * 1.21)));
        QVERIFY(near(r.items[0].monthly[0].cash, 2400.0 * 31));
    }

    void takeOrPayBillsTheLargerOfMinimumAndUse() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.0);
        auto c = simpleContract(day(2026, 1, 1), day(2026, 2, 28), 10, 2.0);
        c.takeOrPay = 0.8;
        p.utilization = {{day(2026, 1, 1), 0.6}, {day(2026, 2, 1), 0.9}};
        p.contracts = {c};
        const auto r = evaluate(p);
        QVERIFY(near(r.items[0].monthly[0].cash, 24.0 * 10 * 31 * 2.0 * 0.8)); // below the minimum
        QVERIFY(near(r.items[0].monthly[1].cash, 24.0 * 10 * 28 * 2.0 * 0.9)); // above it
        QVERIFY(near(r.items[0].usedGpuHours, 24.0 * 10 * (31 * 0.6 + 28 * 0.9)));
    }

    void prepaymentIsPaidAtStartAndDrawnDown() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.21);
        auto c = simpleContract(day(2026, 1, 1), day(2026, 12, 31), 10, 2.0);
        c.prepayment = 0.25;
        p.contracts = {c};
        const auto r = evaluate(p);
        const double tcv = 24.0 * 10 * 2.0 * 365; // 175,200
        QVERIFY(near(*r.items[0].totalContractValue, tcv));
        const double januaryBill = 24.0 * 10 * 2.0 * 31;
        // Period 0 holds the prepayment (dated on the start date) and 75% of January's bill, less
        // the tax shield on the full bill (rent is deductible as billed).
        QVERIFY(near(r.items[0].monthly[0].cash, 0.25 * tcv + 0.75 * januaryBill - 0.21 * januaryBill));
        QVERIFY(near(r.items[0].totalCash, 0.25 * tcv + 0.75 * tcv - 0.21 * tcv));

        // A contract that started before t0 had its prepayment before t0: sunk, not counted.
        c.start = day(2025, 7, 1);
        c.tranches = {{c.start, 10}};
        p.contracts = {c};
        const auto late = evaluate(p);
        QVERIFY(near(late.items[0].monthly[0].cash, 0.75 * januaryBill - 0.21 * januaryBill));
    }

    void paymentTermsPushCashPastTheHorizon() {
        auto p = basePortfolio(day(2026, 1, 1), 0.10, 0.0);
        auto c = simpleContract(day(2026, 1, 1), day(2026, 12, 31), 10, 2.0);
        c.paymentTermsDays = 45;
        p.contracts = {c};
        const auto r = evaluate(p);
        QCOMPARE(r.horizonEnd, day(2026, 12, 31));
        QCOMPARE(r.periods, 12);
        // December's bill is paid on 2027-02-15, after the horizon, and still counts.
        const double december = 24.0 * 10 * 2.0 * 31;
        QVERIFY(near(r.items[0].monthly[11].cash, december));
        QVERIFY(near(r.items[0].monthly[11].presentValue, december * std::pow(1.1, -410.0 / 365.0)));
        QVERIFY(near(r.items[0].totalCash, 24.0 * 10 * 2.0 * 365));
    }

    void priceIsImpliedFromTotalContractValue() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.0);
        auto c = simpleContract(day(2026, 1, 1), day(2026, 12, 31), 10, 0.0);
        c.pricePerGpuHour.reset();
        c.totalContractValue = 1e6;
        p.contracts = {c};
        auto r = evaluate(p);
        QVERIFY(near(*r.items[0].impliedPricePerGpuHour, 11.415525114155251));
        QVERIFY(near(r.items[0].totalCash, 1e6));

        // With an escalator the TCV is spread over escalated GPU-hours: 365 days at p0, 365 at 1.1 p0.
        c.end = day(2027, 12, 31);
        c.escalator = 0.1;
        p.contracts = {c};
        r = evaluate(p);
        QVERIFY(near(*r.items[0].impliedPricePerGpuHour, 1e6 / (240.0 * (365 + 365 * 1.1))));
    }

    void taxShieldsTheBill() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.3);
        p.contracts = {simpleContract(day(2026, 1, 1), day(2026, 1, 31), 1, 1.0)};
        const auto r = evaluate(p);
        QVERIFY(near(r.items[0].totalCash, 24.0 * 31 * 0.7));
    }

    void daysBeforeTheValuationDateAreSunk() {
        auto p = basePortfolio(day(2026, 1, 1), 0.0, 0.0);
        p.contracts = {simpleContract(day(2025, 1, 1), day(2026, 1, 31), 1, 1.0)};
        const auto r = evaluate(p);
        QVERIFY(near(r.items[0].totalCash, 24.0 * 31));
        QVERIFY(near(*r.items[0].totalContractValue, 24.0 * (365 + 31)));
    }
};

QTEST_APPLESS_MAIN(ContractTest)
#include "tst_contract.moc"
