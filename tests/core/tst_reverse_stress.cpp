// Reverse stress (docs/model.md 11.9): for the verdict's pair, the smallest move of each tornado input
// alone that flips it. Each flip point, plugged back into the engine, makes the two cost the same; the
// inputs are ranked by the move; an input that cannot flip it says so.
#include "TestPortfolios.h"
#include "analytics/ReverseStress.h"
#include "analytics/Sensitivity.h"
#include "portfolio/SensitivityInputs.h"

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

namespace {

// Rent against buy with buy the cheaper by about 10%: contract prices, fleet capex, power, the
// discount rate and the tax rate can each flip it; the GPU market prices (no spot bought), the price
// trend, the utilization and the residual value cannot.
Portfolio closeCall() {
    Portfolio p = shockFreePortfolio();
    p.contracts[0].pricePerGpuHour = 0.26;
    return p;
}

constexpr std::size_t kRent = 0, kBuy = 1;

// NPV_rent - NPV_buy with the input at a setting, by the whole evaluation (not the stress's own path).
double gapByEvaluation(const Portfolio& p, SensitivityInput input, double setting) {
    Portfolio moved = p;
    applySensitivitySetting(input, moved, testCatalog(), setting);
    const EvaluationResult r = evaluatePortfolio(moved, testCatalog(), EvaluateOptions{false});
    return r.alternatives[kRent].npvCost - r.alternatives[kBuy].npvCost;
}

const VerdictFlip& flip(const ReverseStress& s, const std::string& id) {
    for (const auto& f : s.inputs)
        if (f.id == id)
            return f;
    qFatal("no input %s", id.c_str());
}

} // namespace

class ReverseStressTest : public QObject {
    Q_OBJECT
private slots:
    // Each flip point, plugged back in, makes the runner-up cost what the winner does (to 1e-6 of
    // the NPV cost); a move a little smaller leaves the winner cheaper, so it is the nearest.
    void eachFlipPointMakesTheTwoCostTheSame() {
        const Portfolio p = closeCall();
        const EvaluationResult r = evaluate(p);
        const ReverseStress s = reverseStress(p, testCatalog(), kBuy, kRent);
        QCOMPARE(s.winner, std::string("buy"));
        QCOMPARE(s.runnerUp, std::string("rent"));
        QVERIFY(near(s.baseGap, r.alternatives[kRent].npvCost - r.alternatives[kBuy].npvCost));
        QVERIFY(s.baseGap > 0.0);
        int flips = 0;
        for (const VerdictFlip& f : s.inputs) {
            if (!f.flipAt)
                continue;
            ++flips;
            const SensitivityInputInfo& info = *findSensitivityInput(f.id);
            const double gap = gapByEvaluation(p, info.input, *f.flipAt);
            QVERIFY2(std::abs(gap) <= 1e-6 * r.alternatives[kRent].npvCost,
                     qPrintable(QString("%1: %2").arg(f.id.c_str()).arg(gap)));
            QVERIFY(std::abs(f.residual) <= 1e-6 * r.alternatives[kRent].npvCost);
            QVERIFY(f.bracketLo <= *f.flipAt && *f.flipAt <= f.bracketHi);
            QVERIFY(info.min <= *f.flipAt && *f.flipAt <= info.max);
            QCOMPARE(f.move, std::abs(*f.flipAt - f.base) / f.scale);
            QVERIFY(gapByEvaluation(p, info.input, f.base + 0.99 * (*f.flipAt - f.base)) > 0.0);
        }
        QCOMPARE(flips, 5);
    }

    // The contract prices' flip is the breakeven price factor of the evaluation (affine, exact).
    void theContractPricesFlipIsTheBreakevenPriceFactor() {
        const Portfolio p = closeCall();
        const EvaluationResult r = evaluatePortfolio(p, testCatalog());
        const auto& c = r.comparisons.front();
        QCOMPARE(c.a, std::string("rent"));
        QCOMPARE(c.b, std::string("buy"));
        const ReverseStress s = reverseStress(p, testCatalog(), kBuy, kRent);
        const VerdictFlip& f = flip(s, "contract_prices");
        QVERIFY(std::abs(*f.flipAt - *c.breakevenPriceFactor) <= 1e-9);
        QVERIFY(*f.flipAt < f.base); // found below the base: cheaper rent flips it
    }

    // Smallest move first, by |setting - base| / scale; the inputs that cannot flip it after, in the
    // tornado's order.
    void rankedByTheMove() {
        const Portfolio p = closeCall();
        const ReverseStress s = reverseStress(p, testCatalog(), kBuy, kRent);
        std::vector<std::string> ids;
        for (const auto& f : s.inputs)
            ids.push_back(f.id);
        const std::vector<std::string> expected = {"contract_prices", "fleet_capex", "power_price",
                                                   "discount_rate",   "tax_rate",    "gpu_market_prices",
                                                   "gpu_price_trend", "utilization", "residual_value"};
        QCOMPARE(ids, expected);
        for (std::size_t i = 1; i < 5; ++i)
            QVERIFY(s.inputs[i - 1].move <= s.inputs[i].move);
        // The move of a shift in points is relative to what it shifts: +x pts on a 21% tax rate.
        const VerdictFlip& tax = flip(s, "tax_rate");
        QCOMPARE(tax.scale, 0.21);
        QCOMPARE(tax.base, 0.0);
        QVERIFY(*tax.flipAt > 0.0);
        QCOMPARE(flip(s, "fleet_capex").scale, 1.0);
        QVERIFY(*flip(s, "fleet_capex").flipAt > 1.0);
        // The demand's input belongs to a portfolio with a demand: not here.
        for (const auto& f : s.inputs)
            QVERIFY(f.id != "demand");
    }

    // An input that moves nothing of the pair (GPU market prices: neither buys at spot) cannot flip
    // it: its gap at both ends of its range is the base gap; one that moves it the wrong way neither.
    void anInputThatCannotFlipIt() {
        const Portfolio p = closeCall();
        const ReverseStress s = reverseStress(p, testCatalog(), kBuy, kRent);
        const VerdictFlip& market = flip(s, "gpu_market_prices");
        QVERIFY(!market.flipAt);
        QVERIFY(std::isinf(market.move));
        QCOMPARE(market.gapAtMin, s.baseGap);
        QCOMPARE(market.gapAtMax, s.baseGap);
        QCOMPARE(market.min, 0.0);
        QCOMPARE(market.max, 10.0);
        const VerdictFlip& residual = flip(s, "residual_value");
        QVERIFY(!residual.flipAt);
        QVERIFY(residual.gapAtMin > 0.0 && residual.gapAtMax > 0.0);
        QVERIFY(near(residual.gapAtMax, gapByEvaluation(p, SensitivityInput::ResidualValue, 10.0), 1e-12));
        const VerdictFlip& trend = flip(s, "gpu_price_trend");
        QCOMPARE(trend.base, p.market.gpuPrice.trendPerYear);
        QVERIFY(!trend.flipAt);
    }

    // With a demand the demand's factor takes the utilization's place, searched from x1. Here both
    // alternatives buy their shortfall at spot and the rent's take-or-pay bills an idle share alike:
    // no demand from x0 to x10 makes renting the cheaper.
    void withADemandTheDemandIsMoved() {
        Portfolio p = closeCall();
        p.utilization.clear();
        p.demand = Demand{"H100", {{day(2027, 1, 1), 900.0}}};
        const EvaluationResult r = evaluate(p);
        const ReverseStress s = reverseStress(p, testCatalog(), kBuy, kRent);
        QVERIFY(std::none_of(s.inputs.begin(), s.inputs.end(),
                             [](const auto& f) { return f.id == "utilization"; }));
        const VerdictFlip& demand = flip(s, "demand");
        QCOMPARE(demand.base, 1.0);
        QVERIFY(!demand.flipAt);
        QVERIFY(near(demand.gapAtMin, gapByEvaluation(p, SensitivityInput::Demand, 0.0), 1e-9));
        QVERIFY(near(demand.gapAtMax, gapByEvaluation(p, SensitivityInput::Demand, 10.0), 1e-9));
        QVERIFY(demand.gapAtMin > 0.0 && demand.gapAtMax > 0.0);
        // The contract prices still flip it, plugged back in to 1e-6.
        const VerdictFlip& prices = flip(s, "contract_prices");
        QVERIFY(prices.flipAt);
        QVERIFY(std::abs(gapByEvaluation(p, SensitivityInput::ContractPrices, *prices.flipAt)) <=
                1e-6 * r.alternatives[kRent].npvCost);
    }

    // Two alternatives that cost the same as given: no move is needed, every input flips it at its base.
    void aTieFlipsAtNoMove() {
        Portfolio p = closeCall();
        p.alternatives = std::vector<Alternative>{{"one", "One", {"f"}}, {"two", "Two", {"f"}}};
        const ReverseStress s = reverseStress(p, testCatalog(), 0, 1);
        QCOMPARE(s.baseGap, 0.0);
        for (const auto& f : s.inputs) {
            QVERIFY(f.flipAt);
            QCOMPARE(*f.flipAt, f.base);
            QCOMPARE(f.move, 0.0);
        }
    }

    // The base setting moves nothing: the tornado's own apply at it gives the gap as given.
    void theBaseSettingMovesNothing() {
        const Portfolio p = closeCall();
        const ReverseStress s = reverseStress(p, testCatalog(), kBuy, kRent);
        for (const auto& info : sensitivityInputs()) {
            if (!sensitivityInputApplies(info, p))
                continue;
            QCOMPARE(verdictGap(p, testCatalog(), kBuy, kRent, info.input, noMoveSetting(p, info.input)),
                     s.baseGap);
        }
    }
};

QTEST_APPLESS_MAIN(ReverseStressTest)
#include "tst_reverse_stress.moc"
