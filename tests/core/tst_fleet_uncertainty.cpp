// The uncertainty where the money is (docs/model.md 12.7, 12.13; issue 22): a fleet's capex drawn from
// Triangular(min, capex, max) and its resale's own lognormal factor, on stream 2 of MODEL.md 6.1,
// against their closed forms; a zero-width range and no volatility leave every path as it was, to the
// bit; the vector paths agree with the scalar ones; and a provider's default that disrupts and leaves
// months without capacity, against hand arithmetic.
#include "TestPortfolios.h"
#include "engine/CompiledPortfolio.h"
#include "engine/PathFunction.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/OutcomeRow.h"
#include "montecarlo/PhiloxShocks.h"
#include "portfolio/Validation.h"

#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::testing;

namespace {

// What one path books for the fleet (slot 0): its capex, its resale and its whole cost, before tax (tax
// 0 in these tests).
struct FleetFlowsSink {
    double capex = 0.0, resale = 0.0, total = 0.0;
    void flow(int slot, int, FlowKind kind, double amount, double df) {
        if (slot != 0)
            return; // the spot alternative's
        total += amount * df;
        if (kind == FlowKind::Capex)
            capex += amount;
        if (kind == FlowKind::Resale)
            resale -= amount;
    }
    void flowEither(int, int, bool, FlowKind, FlowKind, double, double) {}
    void usage(int, int, double, double) {}
    void providerDefaulted(int, bool) {}
    void finish() {}
};

// 100 GPUs at 10,000 (capex 1,000,000) in service on the valuation date, sold after 3 years at 40%,
// no tax, no discounting, a market without shocks: capex and resale move only by their own draws.
Portfolio fleetPortfolio() {
    Portfolio p = basePortfolio(day(2027, 1, 1), 0.0, 0.0);
    Fleet f = simpleFleet(day(2027, 1, 1), day(2029, 12, 31));
    f.residualFraction = 0.4;
    f.opexFractionPerYear = 0.05;
    p.fleets = {f};
    p.market.gpuPrice = {0.0, 1.0, 0.0, std::nullopt};
    p.market.powerPrice.volatility = 0.0;
    return p;
}

SimulationOptions cpu(std::int64_t paths, int lanes) {
    SimulationOptions o = cpuOptions(paths, 20261203, 1);
    o.maxLanes = lanes;
    return o;
}

} // namespace

class FleetUncertaintyTest : public QObject {
    Q_OBJECT
private slots:
    // Capex per GPU ~ Triangular(8,000, 10,000, 16,000): mean 11,333.33 per GPU, variance
    // (a^2 + b^2 + c^2 - ab - ac - bc) / 18; the fleet's capex, opex and depreciation move with it.
    void capexIsTriangularAroundTheLikeliest() {
        Portfolio p = fleetPortfolio();
        p.fleets[0].capexMinPerGpu = 8000.0;
        p.fleets[0].capexMaxPerGpu = 16000.0;
        requireValid(p);
        const CompiledPortfolio cp(p, testCatalog());
        const PathInputs& in = cp.inputs();
        QCOMPARE(in.uncertainFleets, 1);
        QCOMPARE(in.capexLow[0], 0.8);
        QCOMPARE(in.capexHigh[0], 1.6);
        const int n = 40000;
        double sum = 0.0, low = 1e300, high = 0.0;
        for (int path = 0; path < n; ++path) {
            PhiloxShocks shocks(20261203, std::uint64_t(path));
            FleetFlowsSink sink;
            simulatePath<double>(in, shocks, sink);
            // Everything proportional to capex moves with it: capex, opex, the resale.
            const double c = sink.capex / 1e6;
            QVERIFY(std::abs(sink.resale - 0.4 * sink.capex) <= 1e-6 * sink.capex);
            QVERIFY2(std::abs(sink.total - (sink.capex * (1.0 + 0.05 * 3.0) - sink.resale)) <=
                         1e-6 * sink.capex,
                     qPrintable(QString("%1 %2 %3")
                                    .arg(sink.total, 0, 'f', 2)
                                    .arg(sink.capex, 0, 'f', 2)
                                    .arg(sink.resale, 0, 'f', 2)));
            sum += c;
            low = std::min(low, c);
            high = std::max(high, c);
        }
        const double a = 0.8, m = 1.0, b = 1.6;
        const double sd = std::sqrt((a * a + b * b + m * m - a * b - a * m - b * m) / 18.0);
        QVERIFY2(within(sum / n, (a + m + b) / 3.0, sd / std::sqrt(double(n))),
                 qPrintable(QString::number(sum / n, 'g', 10)));
        QVERIFY(low >= 0.8 && low < 0.81);
        QVERIFY(high <= 1.6 && high > 1.58);
        // The deterministic run pays the likeliest.
        const auto r = evaluate(p);
        QVERIFY(near(r.items[0].npvCost, 1e6 * (1.0 + 0.15) - 0.4e6));
    }

    // The resale's own factor e^(sigma Z - sigma^2 / 2) has mean 1 and log-spread sigma.
    void theResaleTakesALognormalFactorOfMeanOne() {
        Portfolio p = fleetPortfolio();
        p.fleets[0].residualVolatility = 0.4;
        requireValid(p);
        const CompiledPortfolio cp(p, testCatalog());
        const PathInputs& in = cp.inputs();
        QCOMPARE(in.uncertainFleets, 1);
        const int n = 40000;
        double sum = 0.0, logSum = 0.0, logSquares = 0.0;
        for (int path = 0; path < n; ++path) {
            PhiloxShocks shocks(7, std::uint64_t(path));
            FleetFlowsSink sink;
            simulatePath<double>(in, shocks, sink);
            QCOMPARE(sink.capex, 1e6);
            const double factor = sink.resale / 0.4e6;
            sum += factor;
            logSum += std::log(factor);
            logSquares += std::log(factor) * std::log(factor);
        }
        const double sigma = 0.4;
        const double sdFactor = std::sqrt(std::exp(sigma * sigma) - 1.0);
        QVERIFY(within(sum / n, 1.0, sdFactor / std::sqrt(double(n))));
        const double meanLog = logSum / n;
        QVERIFY(within(meanLog, -0.5 * sigma * sigma, sigma / std::sqrt(double(n))));
        const double sdLog = std::sqrt((logSquares - n * meanLog * meanLog) / (n - 1));
        QVERIFY(std::abs(sdLog - sigma) < 0.01);
        QCOMPARE(evaluate(p).items[0].npvCost, evaluate(fleetPortfolio()).items[0].npvCost);
    }

    // With an uncertain capex the capex, opex and depreciation lines are summed over the paths: Buy's
    // line means still add up to its mean NPV, and its capex line is the mean of the paths' capex
    // (about E[c] = (0.8 + 1 + 1.6) / 3 times the likeliest), not the deterministic run's.
    void lineMeansFollowTheCapexOfThePaths() {
        Portfolio p = stochasticPortfolio();
        p.fleets[0].capexMinPerGpu = 8000.0;
        p.fleets[0].capexMaxPerGpu = 16000.0;
        requireValid(p);
        const auto sim = simulatePortfolio(p, testCatalog(), cpuOptions(20000, 5, 2));
        const auto& buy = sim.alternatives[1];
        double sum = 0.0, capex = 0.0;
        for (const LineMean& l : buy.lines) {
            sum += l.mean;
            if (l.line == CostLine::Capex)
                capex = l.mean;
        }
        QVERIFY(near(sum, buy.npvCost.mean, 1e-9));
        const double likeliest = 1000 * 10000.0; // 1,000 GPUs at 10,000, in service at t0 (DF 1)
        const double sd = std::sqrt((0.64 + 2.56 + 1.0 - 1.28 - 0.8 - 1.6) / 18.0) * likeliest;
        QVERIFY2(within(capex, likeliest * 3.4 / 3.0, sd / std::sqrt(20000.0)),
                 qPrintable(QString::number(capex, 'f', 0)));
    }

    // A range of zero width and a volatility of 0 are no uncertainty: the same paths to the bit.
    void noWidthAndNoVolatilityChangeNothing() {
        Portfolio base = stochasticPortfolio();
        Portfolio same = base;
        same.fleets[0].capexMinPerGpu = 10000.0;
        same.fleets[0].capexMaxPerGpu = 10000.0;
        same.fleets[0].residualVolatility = 0.0;
        requireValid(same);
        QCOMPARE(CompiledPortfolio(same, testCatalog()).inputs().uncertainFleets, 0);
        std::string device;
        const auto x = simulatePaths(base, testCatalog(), cpu(500, 1), &device);
        const auto y = simulatePaths(same, testCatalog(), cpu(500, 1), &device);
        for (int a = 0; a < x.alternatives; ++a) {
            const auto rx = outcomeRow(x, x.npv, a), ry = outcomeRow(y, y.npv, a);
            QVERIFY(std::equal(rx.begin(), rx.end(), ry.begin(), ry.end()));
        }
    }

    // The vector units draw the same capex and resale factors as the scalar path.
    void vectorPathsAgreeWithScalarOnes() {
        Portfolio p = stochasticPortfolio();
        p.fleets[0].capexMinPerGpu = 9000.0;
        p.fleets[0].capexMaxPerGpu = 14000.0;
        p.fleets[0].residualVolatility = 0.35;
        requireValid(p);
        std::string device;
        const auto scalar = simulatePaths(p, testCatalog(), cpu(1001, 1), &device);
        for (const int lanes : {4, 8, 16, 32}) {
            if (cpuLanes(lanes) != lanes)
                continue;
            const auto vec = simulatePaths(p, testCatalog(), cpu(1001, lanes), &device);
            double worst = 0.0;
            for (int a = 0; a < vec.alternatives; ++a) {
                const auto x = outcomeRow(vec, vec.npv, a), y = outcomeRow(scalar, scalar.npv, a);
                for (std::size_t i = 0; i < x.size(); ++i)
                    worst = std::max(worst, std::abs(x[i] - y[i]) / std::max(1.0, std::abs(y[i])));
            }
            qInfo("%d lanes vs scalar: worst relative difference %.3g", lanes, worst);
            QVERIFY(worst <= 1e-12);
        }
        // And the capex moves Buy's spread: more than without the range.
        const auto plain = simulatePaths(stochasticPortfolio(), testCatalog(), cpu(1001, 1), &device);
        auto spread = [](const PathOutcomes& o, int a) {
            const auto row = outcomeRow(o, o.npv, a);
            double s = 0.0, q = 0.0;
            for (double v : row) {
                s += v;
                q += v * v;
            }
            const double n = double(row.size());
            return std::sqrt((q - s * s / n) / (n - 1.0));
        };
        QVERIFY(spread(scalar, 1) > 1.5 * spread(plain, 1));
    }

    // Bad input: one end of a range, the mode outside it, a volatility out of bounds.
    void badRangesNameTheField() {
        Portfolio p = fleetPortfolio();
        p.fleets[0].capexMinPerGpu = 8000.0;
        QCOMPARE(QString::fromStdString(validatePortfolio(p, testCatalog())->path),
                 QString("fleets[0].capex_max_per_gpu"));
        p.fleets[0].capexMaxPerGpu = 9000.0;
        const auto e = validatePortfolio(p, testCatalog());
        QVERIFY(e);
        QCOMPARE(QString::fromStdString(e->path), QString("fleets[0].capex_max_per_gpu"));
        QCOMPARE(QString::fromStdString(e->message),
                 QString("9000 is below the capex per GPU 10000 (the likeliest value): expected min <= capex "
                         "<= max"));
        p.fleets[0].capexMinPerGpu = 12000.0;
        p.fleets[0].capexMaxPerGpu = 16000.0;
        QCOMPARE(QString::fromStdString(validatePortfolio(p, testCatalog())->path),
                 QString("fleets[0].capex_min_per_gpu"));
        p.fleets[0].capexMinPerGpu.reset();
        p.fleets[0].capexMaxPerGpu.reset();
        p.fleets[0].residualVolatility = 2.5;
        QCOMPARE(QString::fromStdString(validatePortfolio(p, testCatalog())->path),
                 QString("fleets[0].residual_volatility"));
    }

    // 10 GPUs at 3.00 over 2027-2028, used half the time; the provider defaults on 2027-04-15
    // (period 3). The market (2.00, no trend or shocks) x replacement premium 1.5 is 720 a day for
    // the committed hours; for 2.5 months nothing replaces them and the used half (120 GPU-hours a
    // day) is bought at 2.00 x on-demand 1 x scarcity 2 = 4.00, and the move costs 100 per GPU
    // committed on the default period's last day (10). No tax, no discounting.
    void aDefaultDisruptsAndLeavesMonthsWithoutCapacity() {
        Portfolio p = basePortfolio(day(2027, 1, 1), 0.0, 0.0);
        p.utilization = {{day(2027, 1, 1), 0.5}};
        Contract c = simpleContract(day(2027, 1, 1), day(2028, 12, 31), 10, 3.0);
        c.defaultDate = day(2027, 4, 15);
        c.defaultDisruptionCostPerGpu = 100.0;
        c.replacementDelayMonths = 2.5;
        p.contracts = {c};
        p.market.gpuPrice = {0.0, 1.0, 0.0, std::nullopt};
        p.market.powerPrice.volatility = 0.0;
        p.market.replacementPremium = 1.5;
        p.market.scarcityPremium = 2.0;
        requireValid(p);
        const auto r = evaluate(p);
        const auto& m = r.items[0].monthly;
        QVERIFY(near(m[2].cash, 720.0 * 31));                // March: billed
        QVERIFY(near(m[3].cash, 120.0 * 30 * 4.0 + 1000.0)); // April: scarce spot and the move
        QVERIFY(near(m[4].cash, 120.0 * 31 * 4.0));          // May: scarce spot
        QVERIFY(near(m[5].cash, 0.5 * 720.0 * 30 + 0.5 * 120.0 * 30 * 4.0)); // June: half in the delay
        QVERIFY(near(m[6].cash, 720.0 * 31));                                // July: replaced
        const double replaced = 14400.0 + 1000.0 + 14880.0 + 18000.0 + 720.0 * (641 - 30 - 31 - 30);
        QVERIFY(near(r.items[0].npvCost, 720.0 * 90 + replaced));
        // Without them: the replacement from the default's period on, as before.
        Portfolio plain = p;
        plain.contracts[0].defaultDisruptionCostPerGpu.reset();
        plain.contracts[0].replacementDelayMonths.reset();
        QVERIFY(near(evaluate(plain).items[0].npvCost, 720.0 * 90 + 720.0 * 641));
    }
};

QTEST_APPLESS_MAIN(FleetUncertaintyTest)
#include "tst_fleet_uncertainty.moc"
