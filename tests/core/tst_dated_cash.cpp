// Each alternative's cash on its dates (engine/DatedCash.h, issue 20): the dates MODEL.md 1 and 3-5
// give each flow (a bill at its period's end plus the payment terms, a prepayment at the contract's
// start, capex at in-service), and the list discounted the XNPV way equal to the NPV cost and summed
// equal to the total cash of every alternative, spot too, with and without a demand.
#include "TestPortfolios.h"
#include "engine/DatedCash.h"

#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::testing;

namespace {

// Excel's and LibreOffice's XNPV: sum of v_i / (1 + r)^((d_i - d_1) / 365).
double xnpv(double rate, const std::vector<DatedCash>& flows) {
    double pv = 0.0;
    for (const auto& f : flows)
        pv += f.amount / std::pow(1.0 + rate, double((f.date - flows.front().date).days()) / 365.0);
    return pv;
}

double on(const std::vector<DatedCash>& flows, Date d) {
    for (const auto& f : flows)
        if (f.date == d)
            return f.amount;
    return std::nan("");
}

void checkAgainstEvaluation(const Portfolio& p) {
    const auto r = evaluate(p);
    const auto dated = datedCashByAlternative(p, testCatalog());
    QCOMPARE(dated.size(), r.alternatives.size());
    for (std::size_t a = 0; a < dated.size(); ++a) {
        const auto& flows = dated[a];
        QCOMPARE(flows.front().date, p.valuationDate);
        for (std::size_t i = 1; i < flows.size(); ++i)
            QVERIFY(flows[i - 1].date < flows[i].date);
        double cash = 0.0;
        for (const auto& f : flows)
            cash += f.amount;
        QVERIFY2(near(cash, r.alternatives[a].totalCash, 1e-12), r.alternatives[a].id.c_str());
        QVERIFY2(near(xnpv(p.assumptions.discountRate, flows), r.alternatives[a].npvCost, 1e-12),
                 r.alternatives[a].id.c_str());
    }
}

} // namespace

class DatedCashTest : public QObject {
    Q_OBJECT

private slots:
    // 100 GPUs at 2.0 from 2027-01-01 for a year, paid 30 days after each month, 10% prepaid at the
    // start; no tax. January's bill is 24 x 31 x 100 x 2.0 = 148,800, of which 90% is paid on
    // 2027-02-01 + 30 days = 2027-03-03; the prepayment is 10% of the TCV 24 x 365 x 100 x 2 =
    // 1,752,000: 175,200 on 2027-01-01, the valuation date.
    void aBillIsPaidAtItsPeriodsEndPlusTheTerms() {
        auto p = basePortfolio(day(2027, 1, 1), 0.08, 0.0);
        auto c = simpleContract(day(2027, 1, 1), day(2027, 12, 31), 100, 2.0);
        c.paymentTermsDays = 30;
        c.prepayment = 0.1;
        p.contracts = {c};
        p.utilization = {{day(2027, 1, 1), 1.0}};
        const auto dated = datedCashByAlternative(p, testCatalog());
        QCOMPARE(dated.size(), std::size_t(2)); // the contract's own alternative, and spot
        QCOMPARE(on(dated[0], day(2027, 1, 1)), 175200.0);
        QVERIFY(std::abs(on(dated[0], day(2027, 3, 3)) - 0.9 * 148800.0) < 1e-6);
        QVERIFY(std::isnan(on(dated[0], day(2027, 2, 1)))); // nothing at the period's end itself
        checkAgainstEvaluation(p);
    }

    // A fleet's capex on its in-service date inside a period, its running costs at each period's end.
    void capexIsPaidOnTheInServiceDate() {
        auto p = basePortfolio(day(2027, 1, 1), 0.08, 0.21);
        auto f = simpleFleet(day(2027, 3, 15), day(2030, 12, 31));
        f.powerPricePerMwh = 80.0;
        p.fleets = {f};
        p.utilization = {{day(2027, 1, 1), 0.8}};
        const auto dated = datedCashByAlternative(p, testCatalog());
        QCOMPARE(on(dated[0], day(2027, 3, 15)), 1000000.0); // Bc = 100 x 10,000
        // March's running costs less its depreciation's tax shield, at its end, not on a day inside it.
        QVERIFY(!std::isnan(on(dated[0], day(2027, 4, 1))));
        QVERIFY(std::isnan(on(dated[0], day(2027, 3, 31))));
        checkAgainstEvaluation(p);
    }

    void everyAlternativeOfAMixedPortfolioAddsUp() { checkAgainstEvaluation(stochasticPortfolio()); }

    // With a demand each alternative's shortfall at spot is its own, dated at the period's end.
    void withADemandTheShortfallIsInEachAlternative() {
        auto p = stochasticPortfolio();
        p.contracts[0].paymentTermsDays = 45;
        p.market.utilization.volatility = 0.0; // a demand carries its own uncertainty
        p.demand = Demand{"H100", {{day(2027, 1, 1), 1500.0}, {day(2030, 1, 1), 800.0}}};
        checkAgainstEvaluation(p);
    }
};

QTEST_APPLESS_MAIN(DatedCashTest)
#include "tst_dated_cash.moc"
