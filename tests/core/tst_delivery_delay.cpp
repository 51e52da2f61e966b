// A fleet's delivery delay (docs/model.md 12.14; issue 22): drawn Triangular(min, mode, max) months on
// stream 2's word 1 and rounded to the nearest month, against the closed form; each Monte Carlo path
// costs the fleet delivered that late, to the bit of a deterministic run with that delay, and with a
// demand buys the months without it at spot; the deterministic run takes the likeliest; a delay of zero
// width changes nothing; bad input names the field.
#include "TestPortfolios.h"
#include "engine/CompiledPortfolio.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/OutcomeRow.h"
#include "montecarlo/PhiloxShocks.h"
#include "portfolio/Defaults.h"
#include "portfolio/Validation.h"

#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::testing;

namespace {

constexpr std::uint64_t kSeed = 20261203;

// 2027, no tax or discounting, a market without shocks: rent a 100-GPU contract at 2.50 or buy 100 GPUs
// in service on 1 January (capex 1,000,000) with colocation of 50 per kW-month, kept to the year's end.
Portfolio rentOrBuy() {
    Portfolio p = basePortfolio(day(2027, 1, 1), 0.0, 0.0);
    p.assumptions.horizonEnd = day(2027, 12, 31);
    p.utilization = {{day(2027, 1, 1), 0.8}};
    p.contracts = {simpleContract(day(2027, 1, 1), day(2027, 12, 31), 100, 2.5)};
    Fleet f = simpleFleet(day(2027, 1, 1), day(2027, 12, 31));
    f.colocationPerKwMonth = 50.0;
    p.fleets = {f};
    p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}, {"buy", "Buy", {"f"}}};
    p.market.gpuPrice = {0.0, 1.0, 0.0, std::nullopt};
    p.market.powerPrice.volatility = 0.0;
    return p;
}

Portfolio withDelay(Portfolio p, double low, double mode, double high) {
    p.fleets[0].deliveryDelayMinMonths = low;
    p.fleets[0].deliveryDelayModeMonths = mode;
    p.fleets[0].deliveryDelayMaxMonths = high;
    return p;
}

// The same fleet without a delay range, in service `months` later.
Portfolio deliveredLateBy(const Portfolio& p, int months) {
    Portfolio q = p;
    q.fleets[0] = deliveredLate(p.fleets[0], months);
    q.fleets[0].deliveryDelayMinMonths.reset();
    q.fleets[0].deliveryDelayModeMonths.reset();
    q.fleets[0].deliveryDelayMaxMonths.reset();
    return q;
}

// Triangular(a, c, b)'s CDF.
double triangularCdf(double x, double a, double c, double b) {
    if (x <= a)
        return 0.0;
    if (x >= b)
        return 1.0;
    if (x <= c)
        return (x - a) * (x - a) / ((b - a) * (c - a));
    return 1.0 - (b - x) * (b - x) / ((b - a) * (b - c));
}

// The whole months late path `path` delivers the fleet (its first copy is item 1, after the contract).
int drawnDelay(const PathInputs& in, std::uint64_t path) {
    const PhiloxShocks shocks(kSeed, path);
    return int(shocks.deliveryDelay(in, in.kindBegin[int(ItemKind::Fleet)]));
}

SimulationOptions cpu(std::int64_t paths, int lanes) {
    SimulationOptions o = cpuOptions(paths, kSeed, 1);
    o.maxLanes = lanes;
    return o;
}

double npvOf(const EvaluationResult& r, const char* id) {
    return r.alternative(id)->npvCost;
}

} // namespace

class DeliveryDelayTest : public QObject {
    Q_OBJECT
private slots:
    // Delay ~ Triangular(0, 2, 7) months: mean 3; to the nearest month, P(m) = F(m + 1/2) - F(m - 1/2).
    // The Monte Carlo compiles one copy of the fleet per whole month 0 .. 7.
    void theDelayIsTriangularToTheNearestMonth() {
        const Portfolio p = withDelay(rentOrBuy(), 0.0, 2.0, 7.0);
        requireValid(p);
        const CompiledPortfolio cp(p, testCatalog(), monteCarloCompilation());
        const PathInputs& in = cp.inputs();
        QCOMPARE(in.deliveryVariants, 8);
        QCOMPARE(in.uncertainFleets, 1);
        QCOMPARE(cp.itemCount(), 9);
        QCOMPARE(int(cp.alternativeItems(1).size()), 8);
        const int fleet = in.kindBegin[int(ItemKind::Fleet)];
        for (int m = 0; m <= 7; ++m) {
            QCOMPARE(in.deliveryVariant[fleet + m], m);
            QCOMPARE(in.upfrontPeriod[fleet + m], m); // the capex is paid on delivery
        }
        const int n = 40000;
        std::vector<int> count(8, 0);
        double continuous = 0.0, whole = 0.0;
        for (int path = 0; path < n; ++path) {
            const PhiloxShocks shocks(kSeed, std::uint64_t(path));
            continuous += triangularInverse(uniformFromWord(shocks.words(0, 2).v[1]), 0.0, 2.0, 7.0);
            const int m = drawnDelay(in, std::uint64_t(path));
            QVERIFY(m >= 0 && m <= 7);
            ++count[std::size_t(m)];
            whole += m;
        }
        const double sd = std::sqrt((0.0 + 4.0 + 49.0 - 0.0 - 0.0 - 14.0) / 18.0);
        QVERIFY2(within(continuous / n, 3.0, sd / std::sqrt(double(n))),
                 qPrintable(QString::number(continuous / n, 'g', 10)));
        double mean = 0.0, square = 0.0;
        for (int m = 0; m <= 7; ++m) {
            const double pm = triangularCdf(m + 0.5, 0.0, 2.0, 7.0) - triangularCdf(m - 0.5, 0.0, 2.0, 7.0);
            mean += m * pm;
            square += m * m * pm;
            QVERIFY2(within(count[std::size_t(m)] / double(n), pm, std::sqrt(pm * (1.0 - pm) / n)),
                     qPrintable(QString("month %1: %2 of %3, expected %4")
                                    .arg(m)
                                    .arg(count[std::size_t(m)])
                                    .arg(n)
                                    .arg(pm)));
        }
        QVERIFY(within(whole / n, mean, std::sqrt((square - mean * mean) / n)));
    }

    // Each path costs the fleet as a deterministic run delivered that late would: its capex, its
    // colocation from delivery on, its used hours (the LCOC's). Rent is untouched.
    void eachPathCostsTheFleetDeliveredThatLate() {
        const Portfolio p = withDelay(rentOrBuy(), 0.0, 2.0, 7.0);
        const CompiledPortfolio cp(p, testCatalog(), monteCarloCompilation());
        std::vector<double> byDelay, lcocByDelay;
        for (int m = 0; m <= 7; ++m) {
            const auto r = evaluate(deliveredLateBy(p, m));
            byDelay.push_back(npvOf(r, "buy"));
            lcocByDelay.push_back(*r.alternative("buy")->lcoc);
        }
        // Later is cheaper without a demand (fewer months of colocation), the capex the same.
        QVERIFY(near(byDelay[0] - byDelay[3], 50.0 * 100 * 3, 1e-12));
        const double rent = npvOf(evaluate(deliveredLateBy(p, 0)), "rent");
        std::string device;
        const auto o = simulatePaths(p, testCatalog(), cpu(600, 1), &device);
        const auto buy = outcomeRow(o, o.npv, 1), rented = outcomeRow(o, o.npv, 0),
                   lcoc = outcomeRow(o, o.lcoc, 1);
        for (int path = 0; path < 600; ++path) {
            const int m = drawnDelay(cp.inputs(), std::uint64_t(path));
            QVERIFY2(near(buy[std::size_t(path)], byDelay[std::size_t(m)], 1e-13),
                     qPrintable(QString("path %1 (%2 months): %3 vs %4")
                                    .arg(path)
                                    .arg(m)
                                    .arg(buy[std::size_t(path)], 0, 'f', 6)
                                    .arg(byDelay[std::size_t(m)], 0, 'f', 6)));
            QVERIFY(near(lcoc[std::size_t(path)], lcocByDelay[std::size_t(m)], 1e-13));
            QCOMPARE(rented[std::size_t(path)], rent);
        }
    }

    // With a demand of 100 GPUs the months before delivery are bought at spot (2.00 an hour, no tax or
    // discounting): delivered 3 months late, Buy costs 100 x 24 x 90 days x 2.00 = 432,000 more for the
    // gap, and the colocation of those months (15,000) less. On the paths, each delay's figure.
    void withADemandTheMonthsWithoutTheFleetAreBoughtAtSpot() {
        Portfolio p = rentOrBuy();
        p.demand = Demand{"H100", {{day(2027, 1, 1), 100.0}}};
        requireValid(p);
        const double onTime = npvOf(evaluate(p), "buy");
        const double late = npvOf(evaluate(withDelay(p, 3.0, 3.0, 3.0)), "buy");
        QVERIFY(near(late - onTime, 100.0 * 24 * 90 * 2.0 - 50.0 * 100 * 3, 1e-12));

        const Portfolio uncertain = withDelay(p, 0.0, 1.0, 5.0);
        requireValid(uncertain);
        const CompiledPortfolio cp(uncertain, testCatalog(), monteCarloCompilation());
        std::vector<double> byDelay;
        for (int m = 0; m <= 5; ++m)
            byDelay.push_back(npvOf(evaluate(deliveredLateBy(uncertain, m)), "buy"));
        std::string device;
        for (const int lanes : {1, 4, 8, 16, 32}) {
            if (cpuLanes(lanes) != lanes)
                continue;
            const auto o = simulatePaths(uncertain, testCatalog(), cpu(500, lanes), &device);
            const auto buy = outcomeRow(o, o.npv, 1);
            for (int path = 0; path < 500; ++path) {
                const int m = drawnDelay(cp.inputs(), std::uint64_t(path));
                QVERIFY2(near(buy[std::size_t(path)], byDelay[std::size_t(m)], 1e-13),
                         qPrintable(QString("%1 lanes, path %2 (%3 months): %4 vs %5")
                                        .arg(lanes)
                                        .arg(path)
                                        .arg(m)
                                        .arg(buy[std::size_t(path)], 0, 'f', 6)
                                        .arg(byDelay[std::size_t(m)], 0, 'f', 6)));
            }
        }
    }

    // The deterministic run delivers at the likeliest delay, to the nearest month (2.4: 2 months).
    void theDeterministicRunTakesTheLikeliest() {
        const Portfolio p = withDelay(rentOrBuy(), 0.0, 2.4, 6.0);
        const auto r = evaluate(p);
        const auto moved = evaluate(deliveredLateBy(p, 2));
        QCOMPARE(npvOf(r, "buy"), npvOf(moved, "buy"));
        QCOMPARE(r.items[1].monthly[1].cash, 0.0);
        QVERIFY(r.items[1].monthly[2].cash > 1e6); // the capex, on delivery in March
        QCOMPARE(likeliestDeliveryDelay(p.fleets[0], p.valuationDate), 2);
        // A fleet already in service is not delayed.
        QCOMPARE(likeliestDeliveryDelay(p.fleets[0], day(2027, 2, 1)), 0);
    }

    // A delay of zero width is no uncertainty: delivered on time it is today's result path by path; any
    // fixed delay equals the fleet entered that much later.
    void aDelayOfZeroWidthChangesNothing() {
        Portfolio base = stochasticPortfolio();
        base.fleets[0].colocationPerKwMonth = 40.0;
        const Portfolio zero = withDelay(base, 0.0, 0.0, 0.0);
        requireValid(zero);
        QCOMPARE(CompiledPortfolio(zero, testCatalog(), monteCarloCompilation()).inputs().deliveryVariants,
                 0);
        std::string device;
        auto samePaths = [&](const Portfolio& a, const Portfolio& b) {
            const auto x = simulatePaths(a, testCatalog(), cpu(500, 1), &device);
            const auto y = simulatePaths(b, testCatalog(), cpu(500, 1), &device);
            for (int alt = 0; alt < x.alternatives; ++alt) {
                const auto rx = outcomeRow(x, x.npv, alt), ry = outcomeRow(y, y.npv, alt);
                if (!std::equal(rx.begin(), rx.end(), ry.begin(), ry.end()))
                    return false;
            }
            return true;
        };
        QVERIFY(samePaths(base, zero));
        const Portfolio four = withDelay(base, 3.6, 4.0, 4.4);
        requireValid(four);
        QVERIFY(samePaths(four, deliveredLateBy(base, 4)));
        QCOMPARE(evaluate(four).alternatives[1].npvCost,
                 evaluate(deliveredLateBy(base, 4)).alternatives[1].npvCost);
    }

    // With a delay range the fleet's capex, colocation, opex and depreciation lines are summed over the
    // paths: Buy's line means still add up to its mean NPV, and its colocation line is the mean of the
    // paths' (each delay's deterministic colocation, weighted by how often it was drawn).
    void lineMeansFollowTheDeliveryOfThePaths() {
        Portfolio p = withDelay(rentOrBuy(), 0.0, 2.0, 7.0);
        const CompiledPortfolio cp(p, testCatalog(), monteCarloCompilation());
        const int n = 4000;
        const auto sim = simulatePortfolio(p, testCatalog(), cpu(n, 1));
        const auto& buy = sim.alternatives[1];
        double sum = 0.0, colocation = 0.0;
        for (const LineMean& l : buy.lines) {
            sum += l.mean;
            if (l.line == CostLine::Colocation)
                colocation = l.mean;
        }
        QVERIFY(near(sum, buy.npvCost.mean, 1e-12));
        double expected = 0.0;
        for (int path = 0; path < n; ++path)
            expected += 50.0 * 100 * (12 - drawnDelay(cp.inputs(), std::uint64_t(path)));
        QVERIFY2(near(colocation, expected / n, 1e-12), qPrintable(QString::number(colocation, 'f', 6)));
    }

    // Bad input names the field: a part missing, min > mode, mode > max, a delay past the end, and with a
    // demand too many alternatives to hold their capacity on a path.
    void badDelaysNameTheField() {
        auto pathOf = [](const Portfolio& p) {
            const auto e = validatePortfolio(p, testCatalog());
            return e ? QString::fromStdString(e->path + ": " + e->message) : QString();
        };
        Portfolio p = rentOrBuy();
        p.fleets[0].deliveryDelayModeMonths = 2.0;
        QCOMPARE(pathOf(p), QString("fleets[0].delivery_delay_min_months: missing: a delivery delay needs "
                                    "delivery_delay_min_months, delivery_delay_mode_months and "
                                    "delivery_delay_max_months"));
        QCOMPARE(
            pathOf(withDelay(rentOrBuy(), 3.0, 2.0, 5.0)),
            QString("fleets[0].delivery_delay_min_months: 3 is above the likeliest delay 2: expected min "
                    "<= mode <= max"));
        QCOMPARE(
            pathOf(withDelay(rentOrBuy(), 1.0, 2.0, 1.5)),
            QString("fleets[0].delivery_delay_max_months: 1.5 is below the likeliest delay 2: expected min "
                    "<= mode <= max"));
        QCOMPARE(pathOf(withDelay(rentOrBuy(), 1.0, 2.0, 12.0)),
                 QString("fleets[0].delivery_delay_max_months: 12 months after in_service 2027-01-01 is "
                         "2028-01-01, after the fleet's end 2027-12-31"));
        QCOMPARE(pathOf(withDelay(rentOrBuy(), 0.0, 2.0, 61.0)),
                 QString("fleets[0].delivery_delay_max_months: 61 is above 60"));
        Portfolio many = withDelay(rentOrBuy(), 0.0, 1.0, 2.0);
        many.demand = Demand{"H100", {{day(2027, 1, 1), 100.0}}};
        for (int a = 0; a < 15; ++a)
            many.alternatives->push_back({"rent-" + std::to_string(a), "Rent", {"c"}});
        QCOMPARE(pathOf(many),
                 QString("alternatives: with a demand and a fleet's uncertain delivery delay, at "
                         "most 16 alternatives (there are 17)"));
        many.alternatives->pop_back();
        QCOMPARE(pathOf(many), QString());
    }
};

QTEST_APPLESS_MAIN(DeliveryDelayTest)
#include "tst_delivery_delay.moc"
