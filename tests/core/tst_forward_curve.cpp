// The GPU price trend from a forward curve (engine/GpuTrend, docs/model.md 12.2): ln F interpolated
// linearly in time, flat before the first point and after the last; a flat curve is a zero trend to
// the bit; a log-linear curve is the linear trend it implies, to 1e-12, on the deterministic run and
// path by path in the Monte Carlo; the tornado leaves the trend out on a curve.
#include "TestPortfolios.h"
#include "analytics/Sensitivity.h"
#include "calendar/DiscountCurve.h"
#include "engine/CompiledPortfolio.h"
#include "engine/GpuTrend.h"
#include "montecarlo/OutcomeRow.h"

#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::testing;

namespace {

// The stochastic test portfolio with its trend, and the same on a curve through e^(trend t).
Portfolio withTrend(double trend) {
    Portfolio p = stochasticPortfolio();
    p.market.gpuPrice.trendPerYear = trend;
    return p;
}

Portfolio onCurve(const Portfolio& p, const std::vector<Date>& dates, double trend) {
    Portfolio q = p;
    const DiscountCurve years(p.valuationDate, 0.0);
    ForwardCurve c{"H100", {}};
    for (const Date& d : dates)
        c.points.push_back({d, 2.0 * std::exp(trend * years.yearFraction(d))});
    q.market.gpuPrice.forwardCurve = c;
    q.market.gpuPrice.trendPerYear = -0.15; // not used on a curve
    return q;
}

} // namespace

class ForwardCurveTest : public QObject {
    Q_OBJECT
private slots:
    // By hand: points at t = 1 (ln 2) and t = 3 (ln 8): at 2, ln 4 halfway; flat outside.
    void interpolatesLogLinearlyAndFlatOutside() {
        const std::vector<double> times{1.0, 3.0}, logs{std::log(2.0), std::log(8.0)};
        QCOMPARE(logForwardAt(times, logs, 0.0), std::log(2.0));
        QCOMPARE(logForwardAt(times, logs, 1.0), std::log(2.0));
        QCOMPARE(std::exp(logForwardAt(times, logs, 2.0)), 4.0);
        QCOMPARE(logForwardAt(times, logs, 3.0), std::log(8.0));
        QCOMPARE(logForwardAt(times, logs, 10.0), std::log(8.0));
        QCOMPARE(logForwardAt({5.0}, {1.5}, -1.0), 1.5);

        // m_k relative to t0: a curve 2.0 -> 1.0 over the first year, flat after.
        Portfolio p = basePortfolio(day(2027, 1, 1), 0.0, 0.0);
        p.market.gpuPrice.forwardCurve =
            ForwardCurve{std::nullopt, {{day(2027, 1, 1), 2.0}, {day(2028, 1, 1), 1.0}}};
        const auto m = gpuLogTrend(p, {0.0, 0.5, 365.0 / 365.0, 2.0});
        QCOMPARE(m[0], 0.0);
        QVERIFY(std::abs(m[1] - 0.5 * std::log(0.5)) < 1e-15);
        QCOMPARE(m[2], std::log(0.5));
        QCOMPARE(m[3], std::log(0.5));
        // Without a curve: the trend times t, as MODEL.md 6 has it.
        p.market.gpuPrice.forwardCurve.reset();
        p.market.gpuPrice.trendPerYear = -0.2;
        QCOMPARE(gpuLogTrend(p, {0.0, 0.25})[1], -0.2 * 0.25);
    }

    // A flat curve is a zero trend: every number the same, to the bit.
    void aFlatCurveIsAZeroTrend() {
        const Portfolio zero = withTrend(0.0);
        Portfolio flat = zero;
        flat.market.gpuPrice.trendPerYear = -0.15;
        flat.market.gpuPrice.forwardCurve =
            ForwardCurve{"H100", {{day(2026, 6, 1), 2.4}, {day(2031, 1, 1), 2.4}}};
        const auto a = evaluate(zero), b = evaluate(flat);
        for (std::size_t i = 0; i < a.alternatives.size(); ++i) {
            QCOMPARE(b.alternatives[i].npvCost, a.alternatives[i].npvCost);
            QCOMPARE(b.alternatives[i].totalCash, a.alternatives[i].totalCash);
        }
        std::string device;
        const auto o = cpuOptions(512, 7, 1);
        const PathOutcomes x = simulatePaths(zero, testCatalog(), o, &device);
        const PathOutcomes y = simulatePaths(flat, testCatalog(), o, &device);
        for (int alt = 0; alt < x.alternatives; ++alt) {
            const auto u = outcomeRow(x, x.npv, std::size_t(alt)), v = outcomeRow(y, y.npv, std::size_t(alt));
            for (std::size_t i = 0; i < u.size(); ++i)
                QCOMPARE(v[i], u[i]);
        }
    }

    // Points on e^(trend t), the first before t0 and the last after the horizon: the linear trend.
    void aLogLinearCurveIsTheLinearTrend() {
        const double trend = -0.27;
        const Portfolio linear = withTrend(trend);
        const Portfolio curve =
            onCurve(linear, {day(2026, 1, 1), day(2029, 7, 1), day(2033, 3, 15), day(2040, 1, 1)}, trend);
        CompiledPortfolio a(linear, testCatalog()), b(curve, testCatalog());
        for (int k = 0; k < a.inputs().periods; ++k)
            QVERIFY2(std::abs(b.inputs().gpuLogTrend[k] - a.inputs().gpuLogTrend[k]) <= 1e-13,
                     qPrintable(QString::number(k)));
        const auto x = evaluate(linear), y = evaluate(curve);
        for (std::size_t i = 0; i < x.alternatives.size(); ++i)
            QVERIFY2(near(y.alternatives[i].npvCost, x.alternatives[i].npvCost),
                     qPrintable(QString::number(y.alternatives[i].npvCost - x.alternatives[i].npvCost)));
        std::string device;
        const auto o = cpuOptions(512, 11, 1);
        const PathOutcomes p = simulatePaths(linear, testCatalog(), o, &device);
        const PathOutcomes q = simulatePaths(curve, testCatalog(), o, &device);
        for (int alt = 0; alt < p.alternatives; ++alt) {
            const auto u = outcomeRow(p, p.npv, std::size_t(alt)), v = outcomeRow(q, q.npv, std::size_t(alt));
            for (std::size_t i = 0; i < u.size(); ++i)
                QVERIFY(near(v[i], u[i]));
        }
    }

    // On a curve the trend moves nothing: the tornado leaves it out (a scenario moves the curve).
    void theTornadoLeavesTheTrendOutOnACurve() {
        const Portfolio linear = withTrend(-0.2);
        const Portfolio curve = onCurve(linear, {day(2027, 1, 1), day(2030, 1, 1)}, -0.2);
        auto hasTrend = [](const Sensitivity& s) {
            for (const auto& bar : s.bars)
                if (bar.id == "gpu_price_trend")
                    return true;
            return false;
        };
        QVERIFY(hasTrend(npvDifferenceSensitivity(linear, testCatalog(), 0, 1)));
        const Sensitivity s = npvDifferenceSensitivity(curve, testCatalog(), 0, 1);
        QVERIFY(!hasTrend(s));
        QVERIFY(!s.bars.empty());
    }
};

QTEST_APPLESS_MAIN(ForwardCurveTest)
#include "tst_forward_curve.moc"
