// The GPU's statistics algorithms (core/montecarlo/ThrustReductions.h) built here by the host
// compiler on Thrust's C++ system: every statistic of a run must equal, to the bit, the CPU's
// (CpuReductions) on the same per-path values. On a GPU machine, gpu_check holds the device build
// to the same (installer/gpu-check.sh).
#include "SameStatistics.h"
#include "TestPortfolios.h"
#include "engine/CompiledPortfolio.h"
#include "montecarlo/CpuReductions.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/Statistics.h"
#include "montecarlo/ThrustReductions.h"

#include <thrust/execution_policy.h>
#include <thrust/host_vector.h>

#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::testing;

namespace {

using HostReductions = ThrustReductions<decltype(thrust::host), thrust::host_vector>;

OutcomeArrays arraysOf(const PathOutcomes& out) {
    return {out.npv.data(),       out.lcoc.data(), out.cumulative.data(),
            out.defaulted.data(), out.paths,       out.stride,
            out.alternatives,     out.years,       out.providers};
}

RunLabels labelsFor(int alternatives, int providers) {
    RunLabels labels;
    for (int a = 0; a < alternatives; ++a)
        labels.alternatives.push_back(QString("a%1").arg(a).toStdString());
    for (int j = 0; j < providers; ++j)
        labels.providers.push_back(QString("p%1").arg(j).toStdString());
    labels.firstYear = 2027;
    return labels;
}

QString compareOn(const PathOutcomes& out) {
    CpuReductions cpu(out, 2);
    HostReductions thrustSide(thrust::host, arraysOf(out));
    SimulationResult x, y;
    summarizeRun(cpu, labelsFor(out.alternatives, out.providers), 2, x);
    summarizeRun(thrustSide, labelsFor(out.alternatives, out.providers), 2, y);
    return firstDifference(x, y);
}

} // namespace

class ThrustReductionsTest : public QObject {
    Q_OBJECT
private slots:
    // A real run's outcomes, more than two blocks of paths and not a whole number of them.
    void aRunsStatisticsAgree() {
        auto p = stochasticPortfolio();
        QVERIFY(!validatePortfolio(p, testCatalog()));
        SimulationOptions o;
        o.paths = 10007;
        o.seed = 5;
        o.device = ComputeDevice::Cpu;
        std::string device;
        const PathOutcomes out = simulatePaths(p, testCatalog(), o, &device);
        QCOMPARE(out.alternatives, 3);
        const QString d = compareOn(out);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    // Outcomes made to test the corners: LCOC undefined on some paths (and on every path of one
    // alternative), exact ties across alternatives, -0 and +0, a histogram range of one value, no
    // provider that ever defaults.
    void cornersAgree() {
        PathInputs shape{};
        shape.alternatives = 3;
        shape.years = 2;
        shape.providers = 2;
        const std::int64_t n = 9000;
        PathOutcomes out(n, shape);
        out.clear(0, out.stride);
        for (std::int64_t i = 0; i < n; ++i) {
            const double x = double((i * 7919) % 1013);
            out.npv[std::size_t(i)] = x;                                   // a0
            out.npv[std::size_t(out.stride + i)] = i % 3 ? x : x - 1.0;    // a1: ties a0 on 2 of 3
            out.npv[std::size_t(2 * out.stride + i)] = i % 2 ? -0.0 : 0.0; // a2: zeros
            out.lcoc[std::size_t(i)] = i % 5 ? x / 7.0 : NAN;
            out.lcoc[std::size_t(out.stride + i)] = NAN;
            out.lcoc[std::size_t(2 * out.stride + i)] = 1.5;
            for (int r = 0; r < 6; ++r)
                out.cumulative[std::size_t(r * out.stride + i)] = double(r) * 1e9 + x * double(i % 17);
            out.defaulted[std::size_t(i)] = (i % 11) == 0;
        }
        const QString d = compareOn(out);
        QVERIFY2(d.isEmpty(), qPrintable(d));
        // Not vacuous: the corners are there.
        CpuReductions cpu(out, 2);
        SimulationResult r;
        summarizeRun(cpu, labelsFor(3, 2), 2, r);
        QVERIFY(!r.alternatives[1].lcoc.has_value());
        QCOMPARE(r.alternatives[2].npvCost.min, 0.0);
        QCOMPARE(r.defaults[1].fraction, 0.0);
        QCOMPARE(r.defaults[0].fraction, double((n + 10) / 11) / double(n));
    }
};

QTEST_GUILESS_MAIN(ThrustReductionsTest)
#include "tst_thrust_reductions.moc"
