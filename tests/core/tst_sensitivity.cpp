// The tornado (MODEL.md 7): inputs moved one at a time; a contract-price move shifts the NPV
// difference by exactly that share of the contracts' NPV (it is affine in the prices).
#include "TestPortfolios.h"
#include "analytics/Sensitivity.h"

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

class SensitivityTest : public QObject {
    Q_OBJECT
private slots:
    void contractPricesMoveTheDifferenceAffinely() {
        auto p = basePortfolio(day(2027, 1, 1), 0.08, 0.21);
        p.contracts = {simpleContract(day(2027, 1, 1), day(2029, 12, 31), 100, 2.0)};
        auto f = simpleFleet(day(2027, 1, 1), day(2029, 12, 31));
        f.powerPricePerMwh = 60;
        p.fleets = {f};
        p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}, {"buy", "Buy", {"f"}}};
        const auto r = evaluate(p);
        const Sensitivity s = npvDifferenceSensitivity(p, testCatalog(), 0, 1);
        QCOMPARE(s.a, std::string("rent"));
        QCOMPARE(s.b, std::string("buy"));
        QVERIFY(near(s.base, r.alternatives[0].npvCost - r.alternatives[1].npvCost));
        const auto prices = std::find_if(s.bars.begin(), s.bars.end(),
                                         [](const auto& b) { return b.input == "Contract prices"; });
        QVERIFY(prices != s.bars.end());
        QVERIFY(near(prices->high - s.base, 0.2 * r.items[0].npvCost, 1e-9));
        QVERIFY(near(prices->low - s.base, -0.2 * r.items[0].npvCost, 1e-9));
        // Power only moves the fleet: a higher price makes buying dearer, so rent minus buy falls.
        const auto power = std::find_if(s.bars.begin(), s.bars.end(),
                                        [](const auto& b) { return b.input == "Power price"; });
        QVERIFY(power->high < s.base && power->low > s.base);
        // Widest swing first.
        for (std::size_t i = 1; i < s.bars.size(); ++i)
            QVERIFY(std::abs(s.bars[i - 1].high - s.bars[i - 1].low) >=
                    std::abs(s.bars[i].high - s.bars[i].low));
    }

    // With a demand the utilization curves are not used: the tornado moves the demand instead. A
    // 100-GPU take-or-pay contract at 1.5 against a 110-GPU demand (flat market, spot at 2.0, no tax
    // or discounting; g = 8,760 x 2.0 a GPU-year at spot): rent - spot = 1,314,000 + 10 g - 110 g.
    // x1.2 (132 GPUs) adds shortfall to rent and spot alike: the same. x0.8 (88 GPUs) is within
    // the contract: 1,314,000 - 88 g.
    void aDemandReplacesUtilization() {
        auto p = basePortfolio(day(2027, 1, 1), 0.0, 0.0);
        p.assumptions.horizonEnd = day(2027, 12, 31);
        p.contracts = {simpleContract(day(2027, 1, 1), day(2027, 12, 31), 100, 1.5)};
        p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}};
        p.market.gpuPrice = {0.0, 1.0, 0.0};
        p.demand = Demand{"H100", {{day(2027, 1, 1), 110}}};
        const Sensitivity s = npvDifferenceSensitivity(p, testCatalog(), 0, 1);
        QCOMPARE(s.b, std::string("spot"));
        const auto demand =
            std::find_if(s.bars.begin(), s.bars.end(), [](const auto& b) { return b.input == "Demand"; });
        QVERIFY(demand != s.bars.end());
        QVERIFY(std::none_of(s.bars.begin(), s.bars.end(),
                             [](const auto& b) { return b.input == "Utilization"; }));
        const double gpuYear = 8760.0 * 2.0;
        QVERIFY(near(s.base, 1314000 - 100 * gpuYear));
        QVERIFY(near(demand->high, 1314000 - 100 * gpuYear));
        QVERIFY(near(demand->low, 1314000 - 88 * gpuYear));
    }
};

QTEST_APPLESS_MAIN(SensitivityTest)
#include "tst_sensitivity.moc"
