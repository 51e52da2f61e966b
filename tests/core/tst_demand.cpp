// Alternatives compared on one need (MODEL.md 8, issue 17): used share, shortfall at spot, spot
// buying the whole demand, take-or-pay billing of idle capacity, an item costed per alternative,
// LCOC on demand hours and the breakeven demand factor, all by hand; and the Monte Carlo's demand
// uncertainty against its closed form.
#include "TestPortfolios.h"
#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "engine/PathFunction.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/PhiloxShocks.h"
#include "portfolio/Validation.h"

#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::testing;

namespace {

constexpr double kYearHours = 8760.0; // 2027 has 365 days

// 2027, no discounting, a flat market (trend 0: e^X = 1, so spot is the H100's 2.0 per GPU-hour):
// a 100-GPU H100 contract at `price` (alternative "rent"), and `demand` H100 GPUs all year.
Portfolio demandPortfolio(double demand, double price = 2.0, double tax = 0.0) {
    auto p = basePortfolio(day(2027, 1, 1), 0.0, tax);
    p.assumptions.horizonEnd = day(2027, 12, 31);
    p.utilization = {{day(2027, 1, 1), 0.7}}; // not used with a demand (the items' own figures only)
    p.contracts = {simpleContract(day(2027, 1, 1), day(2027, 12, 31), 100, price)};
    p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}};
    p.market.gpuPrice = {0.0, 1.0, 0.0, std::nullopt};
    p.market.powerPrice.volatility = 0.0;
    p.demand = Demand{"H100", {{day(2026, 6, 1), demand}}}; // dated before t0: constant from t0 on
    return p;
}

const AlternativeResult& alt(const EvaluationResult& r, const char* id) {
    const auto* a = r.alternative(id);
    if (!a)
        qFatal("no alternative %s", id);
    return *a;
}

double lineNpv(const AlternativeResult& a, CostLine line) {
    for (const auto& l : a.lines)
        if (l.line == line)
            return l.npv;
    qFatal("no line %d", int(line));
}

} // namespace

class DemandTest : public QObject {
    Q_OBJECT

private slots:
    // Demand = capacity: share 1, no shortfall, the v1 number at full use (the same bits).
    void demandEqualToCapacityIsTheV1NumberAtFullUse() {
        auto p = demandPortfolio(100);
        p.contracts[0].takeOrPay = 0.0;
        const auto r = evaluate(p);
        auto full = p;
        full.demand.reset();
        full.utilization = {{day(2027, 1, 1), 1.0}};
        const auto v1 = evaluate(full);
        QVERIFY(r.hasDemand);
        QCOMPARE(alt(r, "rent").npvCost, v1.alternatives[0].npvCost);
        QCOMPARE(alt(r, "rent").npvCost, 100 * kYearHours * 2.0);
        QCOMPARE(alt(r, "rent").demand->shortfallH100Hours, 0.0);
        QCOMPARE(alt(r, "rent").demand->idleH100Hours, 0.0);
        QCOMPARE(alt(r, "rent").demand->capacityH100Hours, 100 * kYearHours);
        QCOMPARE(lineNpv(alt(r, "rent"), CostLine::Shortfall), 0.0);
        // The item keeps its standalone figure (utilization 0.7 on its curve).
        QCOMPARE(r.items[0].npvCost, 100 * kYearHours * 2.0 * 0.7);
        QCOMPARE(alt(r, "rent").itemCosts[0].usedGpuHours, 100 * kYearHours);
    }

    // 150 GPUs needed, 100 contracted: 50 x 8,760 H100-hours bought at 2.0, after 21% tax.
    void demandAboveCapacityBuysTheShortfallAtSpot() {
        const auto r = evaluate(demandPortfolio(150, 2.0, 0.21));
        const auto& rent = alt(r, "rent");
        QCOMPARE(rent.demand->shortfallH100Hours, 50 * kYearHours);
        QCOMPARE(rent.demand->usedCapacityH100Hours, 100 * kYearHours);
        QCOMPARE(lineNpv(rent, CostLine::Shortfall), 50 * kYearHours * 2.0);
        QCOMPARE(lineNpv(rent, CostLine::ShortfallTaxShield), -0.21 * 50 * kYearHours * 2.0);
        // The contract bills its 100 GPUs in full (share 1), deductible.
        QCOMPARE(rent.npvCost, (100 + 50) * kYearHours * 2.0 * (1 - 0.21));
        QCOMPARE(rent.annual[0].shortfallH100Hours, 50 * kYearHours);
        QCOMPARE(rent.usedH100Hours, 150 * kYearHours);
        // LCOC is per demand hour (no discounting here).
        QCOMPARE(*rent.lcoc, rent.npvCost / (150 * kYearHours));
        // Spot buys the whole demand.
        const auto& spot = alt(r, "spot");
        QCOMPARE(spot.npvCost, 150 * kYearHours * 2.0 * (1 - 0.21));
        QCOMPARE(lineNpv(spot, CostLine::Spot), 150 * kYearHours * 2.0);
        QCOMPARE(spot.demand->shortfallH100Hours, 150 * kYearHours);
        QCOMPARE(spot.demand->capacityH100Hours, 0.0);
        QCOMPARE(*spot.lcoc, 2.0 * (1 - 0.21));
        for (const auto& c : r.comparisons)
            QVERIFY(c.capacityMatched);
    }

    // Half the capacity used under an 80% take-or-pay: 80% is billed, the rest of the capacity idle.
    void takeOrPayBillsIdleCapacity() {
        auto p = demandPortfolio(50);
        p.contracts[0].takeOrPay = 0.8;
        const auto r = evaluate(p);
        const auto& rent = alt(r, "rent");
        QCOMPARE(rent.npvCost, 100 * kYearHours * 2.0 * 0.8);
        QCOMPARE(rent.demand->idleH100Hours, 50 * kYearHours);
        QCOMPARE(rent.demand->shortfallH100Hours, 0.0);
        QCOMPARE(rent.itemCosts[0].usedGpuHours, 50 * kYearHours);
    }

    // A fleet draws power at the used share: 100 kW x 8,760 h x (0.5 + 0.5 x 0.25) x 100 per MWh.
    void aFleetDrawsPowerAtTheUsedShare() {
        auto p = demandPortfolio(25);
        auto f = simpleFleet(day(2027, 1, 1), day(2027, 12, 31));
        f.powerPricePerMwh = 100;
        f.idlePowerFraction = 0.5;
        p.fleets = {f};
        p.alternatives = std::vector<Alternative>{{"buy", "Buy", {"f"}}};
        const auto r = evaluate(p);
        QCOMPARE(lineNpv(alt(r, "buy"), CostLine::Power), 0.1 * kYearHours * 0.625 * 100);
        QCOMPARE(alt(r, "buy").demand->idleH100Hours, 75 * kYearHours);
    }

    // One contract in two alternatives: all of the demand's 100 GPUs in "rent" (share 1), half of
    // them in "hybrid" beside a 100-GPU fleet (share 0.5). Without take-or-pay it bills its share.
    void anItemInTwoAlternativesHasTwoShares() {
        auto p = demandPortfolio(100);
        p.contracts[0].takeOrPay = 0.0;
        p.fleets = {simpleFleet(day(2027, 1, 1), day(2027, 12, 31))};
        p.alternatives =
            std::vector<Alternative>{{"rent", "Rent", {"c"}}, {"hybrid", "Rent and buy", {"c", "f"}}};
        const auto r = evaluate(p);
        QCOMPARE(alt(r, "rent").itemCosts[0].npvCost, 100 * kYearHours * 2.0);
        QCOMPARE(alt(r, "hybrid").itemCosts[0].id, std::string("c"));
        QCOMPARE(alt(r, "hybrid").itemCosts[0].npvCost, 100 * kYearHours * 2.0 * 0.5);
        QCOMPARE(alt(r, "hybrid").itemCosts[1].usedGpuHours, 50 * kYearHours);
        QCOMPARE(alt(r, "hybrid").demand->idleH100Hours, 100 * kYearHours);
        QCOMPARE(r.items[0].npvCost, 100 * kYearHours * 2.0 * 0.7); // standalone, on its curve
        // The breakeven price factor scales the contract as costed in each alternative: rent at x
        // costs 1,752,000 x; spot costs 1,752,000, so x = 1.
        for (const auto& c : r.comparisons)
            if (c.a == "rent" && c.b == "spot")
                QCOMPARE(*c.breakevenPriceFactor, 1.0);
    }

    // Rent: 1,314,000 of take-or-pay (100 GPUs at 1.5) plus spot beyond 100 GPUs; spot: 2,628,000 c
    // for c x 150 GPUs. They cost the same at c = 0.5.
    void breakevenDemandFactorByBisection() {
        auto p = demandPortfolio(150, 1.5);
        const auto catalog = testCatalog();
        QVERIFY(!validatePortfolio(p, catalog));
        const auto r = evaluatePortfolio(p, catalog, EvaluateOptions{true});
        QCOMPARE(int(r.breakevenDemand.size()), 1);
        QCOMPARE(r.breakevenDemand[0].outcome, BreakevenOutcome::Value);
        QVERIFY(std::abs(*r.breakevenDemand[0].factor - 0.5) <= 1e-6);
        QVERIFY(r.breakevenUtilization.empty());
        // A contract dearer than spot at any demand: "never" within 10 times the demand.
        auto dear = demandPortfolio(150, 2.5);
        QCOMPARE(evaluatePortfolio(dear, catalog, EvaluateOptions{true}).breakevenDemand[0].outcome,
                 BreakevenOutcome::Never);
    }

    // The deterministic run takes the demand as given; with every volatility 0 each path is it.
    void shockFreePathsEqualTheDeterministicRun() {
        auto p = demandPortfolio(150, 2.0, 0.21);
        p.demand->curve.push_back({day(2027, 7, 1), 80});
        p.fleets = {simpleFleet(day(2027, 1, 1), day(2027, 12, 31))};
        p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}, {"hybrid", "Both", {"c", "f"}}};
        const auto det = evaluate(p);
        for (const int lanes : {1, 4, 32}) {
            auto o = cpuOptions(1003, 5);
            o.maxLanes = lanes;
            const auto sim = simulatePortfolio(p, testCatalog(), o);
            for (std::size_t a = 0; a < sim.alternatives.size(); ++a) {
                QCOMPARE(sim.alternatives[a].npvCost.min, det.alternatives[a].npvCost);
                QCOMPARE(sim.alternatives[a].npvCost.max, det.alternatives[a].npvCost);
                QCOMPARE(sim.alternatives[a].lcoc->max, *det.alternatives[a].lcoc);
            }
        }
    }

    // V_k is an OU process started at 0: E[D e^V_k] = D e^(Var_k / 2), Var_k = sigma^2 (1 - e^(-2 kappa t_k))
    // / (2 kappa). Read off the spot alternative's last period on 100,000 paths, within 4 standard errors.
    void demandUncertaintyMatchesItsClosedForm() {
        auto p = demandPortfolio(150);
        p.assumptions.horizonEnd = day(2029, 12, 31);
        p.contracts[0].end = day(2029, 12, 31);
        p.market.demand = {2.0, 0.4};
        const auto catalog = testCatalog();
        QVERIFY(!validatePortfolio(p, catalog));
        CompiledPortfolio cp(p, catalog);
        const auto& in = cp.inputs();
        const int K = in.periods; // 36
        const double t = (K - 1) / 12.0;
        const double hours = in.demandHours[K - 1];
        QCOMPARE(hours, 150 * 24.0 * 31); // December
        const int n = 100000;
        double sum = 0.0, squares = 0.0;
        for (int path = 0; path < n; ++path) {
            PhiloxShocks shocks(77, path);
            SlotPeriodSink sink{in.items, K - 1};
            simulatePath<double>(in, shocks, sink);
            const double demand = sink.amount / 2.0; // bought at 2.0, no tax
            sum += demand;
            squares += demand * demand;
        }
        const double mean = sum / n;
        const double sd = std::sqrt((squares - n * mean * mean) / (n - 1));
        const double var = 0.16 * (1 - std::exp(-4.0 * t)) / 4.0;
        const double expected = hours * std::exp(var / 2);
        QVERIFY2(std::abs(mean - expected) <= 4 * sd / std::sqrt(double(n)),
                 qPrintable(QString("%1 against %2").arg(mean).arg(expected)));
        // And the run itself: the same bits on 1, 2 or 8 threads, line means included.
        const auto one = simulatePortfolio(p, catalog, cpuOptions(3000, 9, 1));
        const auto eight = simulatePortfolio(p, catalog, cpuOptions(3000, 9, 8));
        for (std::size_t a = 0; a < one.alternatives.size(); ++a) {
            QCOMPARE(one.alternatives[a].npvCost.mean, eight.alternatives[a].npvCost.mean);
            QCOMPARE(one.alternatives[a].npvCost.p95, eight.alternatives[a].npvCost.p95);
            QCOMPARE(one.alternatives[a].lcoc->p50, eight.alternatives[a].lcoc->p50);
            QCOMPARE(one.alternatives[a].lines.size(), eight.alternatives[a].lines.size());
            for (std::size_t l = 0; l < one.alternatives[a].lines.size(); ++l)
                QCOMPARE(one.alternatives[a].lines[l].mean, eight.alternatives[a].lines[l].mean);
        }
        QVERIFY(one.alternatives[0].npvCost.std > 0.0);
    }
};

QTEST_APPLESS_MAIN(DemandTest)
#include "tst_demand.moc"
