// Alternatives compared like with like (MODEL.md 8, without a demand; issue 17): used H100-equivalent
// hours by hand, the 1% tolerance at its edge, and the verdict's ranking leaving out what buys less.
#include "TestPortfolios.h"
#include "engine/DeterministicEngine.h"
#include "portfolio/Validation.h"

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

namespace {

// 2027 at 50% utilization: a 100-GPU contract on H100 and an n-GPU fleet on H100, or the contract on
// a SKU twice as fast.
EvaluationResult evaluateWith(double fleetGpus, bool fastContract = false) {
    auto p = basePortfolio(day(2027, 1, 1), 0.08, 0.21);
    p.assumptions.horizonEnd = day(2027, 12, 31);
    p.utilization = {{day(2027, 1, 1), 0.5}};
    auto c = simpleContract(day(2027, 1, 1), day(2027, 12, 31), fastContract ? 50 : 100, 2.0);
    if (fastContract) {
        c.sku = std::string("FAST");
        p.skus = {Sku{"FAST", "Twice an H100", 2.0, 4.0, 20000.0, 1.0, {}}};
    }
    auto f = simpleFleet(day(2027, 1, 1), day(2027, 12, 31));
    f.gpus = fleetGpus;
    p.contracts = {c};
    p.fleets = {f};
    p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}, {"buy", "Buy", {"f"}}};
    const auto catalog = testCatalog();
    if (const auto err = validatePortfolio(p, catalog))
        qFatal("%s", err->toString().c_str());
    return evaluatePortfolio(p, catalog, EvaluateOptions{false});
}

const Comparison& comparison(const EvaluationResult& r, const char* a, const char* b) {
    for (const auto& c : r.comparisons)
        if (c.a == a && c.b == b)
            return c;
    qFatal("no comparison %s %s", a, b);
}

} // namespace

class CapacityTest : public QObject {
    Q_OBJECT

private slots:
    // 100 GPUs x 8,760 hours x 50% = 438,000 used hours, H100 = 1; the contract on a SKU of index 2
    // uses half the GPUs for the same H100-equivalent hours.
    void usedH100HoursByHand() {
        const auto r = evaluateWith(100);
        QCOMPARE(r.item("c")->usedH100Hours, 438000.0);
        QCOMPARE(r.alternative("buy")->usedH100Hours, 438000.0);
        QCOMPARE(r.alternative("spot")->usedH100Hours, 438000.0); // it covers rent's items
        QVERIFY(comparison(r, "rent", "buy").capacityMatched);
        const auto fast = evaluateWith(100, true);
        QCOMPARE(fast.item("c")->usedGpuHours, 219000.0);
        QCOMPARE(fast.item("c")->usedH100Hours, 438000.0);
        QVERIFY(comparison(fast, "rent", "buy").capacityMatched);
    }

    // 101 GPUs deliver 1/101 = 0.99% more than 100: the same capacity. 102 deliver 1.96% more: not,
    // and the verdict ranks only the fleet (and nothing else at its capacity).
    void theOnePercentEdge() {
        QVERIFY(comparison(evaluateWith(101), "rent", "buy").capacityMatched);
        QCOMPARE(evaluateWith(101).rankedAtFullCapacity().size(), std::size_t(3));
        const auto r = evaluateWith(102);
        QVERIFY(!comparison(r, "rent", "buy").capacityMatched);
        QVERIFY(!comparison(r, "buy", "spot").capacityMatched);
        QVERIFY(comparison(r, "rent", "spot").capacityMatched);
        const auto ranked = r.rankedAtFullCapacity();
        QCOMPARE(ranked.size(), std::size_t(1));
        QCOMPARE(ranked[0]->id, std::string("buy"));
        const auto short_ = r.shortOfCapacity();
        QCOMPARE(short_.size(), std::size_t(2));
        QCOMPARE(short_[0]->id, std::string("rent"));
        QCOMPARE(short_[1]->id, std::string("spot"));
        QCOMPARE(r.mostUsedH100Hours(), 102 * 8760 * 0.5);
    }

    // A 1,000-GPU fleet against the 100-GPU contract and spot covering it: by NPV alone spot would
    // be cheapest, then the contract (they buy a tenth); the verdict's ranking leaves both out.
    void theSmallerAlternativeIsNotCrowned() {
        const auto r = evaluateWith(1000);
        const auto byNpv = r.rankedByNpvCost();
        QCOMPARE(byNpv[0]->id, std::string("spot"));
        QCOMPARE(byNpv[1]->id, std::string("rent"));
        const auto ranked = r.rankedAtFullCapacity();
        QCOMPARE(ranked.size(), std::size_t(1));
        QCOMPARE(ranked[0]->id, std::string("buy"));
    }
};

QTEST_APPLESS_MAIN(CapacityTest)
#include "tst_capacity.moc"
