// The statistics of a run (core/montecarlo/Statistics.cpp, CpuReductions): the yearly fan kept as
// 2-byte codes gives, to the bit, the statistics of the fan kept as values; sums and the convergence
// series follow MODEL.md 6.1's fixed blocks.
#include "SameStatistics.h"
#include "TestPortfolios.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/CpuReductions.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/Statistics.h"

#include <QTest>

#include <cmath>
#include <stdexcept>
#include <vector>

using namespace ledger;
using namespace ledger::testing;

namespace {

SimulationOptions cpuRun(std::int64_t paths, std::uint64_t seed, int lanes, bool keepFanValues) {
    SimulationOptions o;
    o.paths = paths;
    o.seed = seed;
    o.device = ComputeDevice::Cpu;
    o.threads = 2;
    o.maxLanes = lanes;
    o.keepFanValues = keepFanValues;
    return o;
}

// MODEL.md 6.1 written out again: the running sum at m is the sum of the whole blocks below m,
// each summed in order, added in block order, then the rest of m's block in order.
double blockedRunningSum(const std::vector<double>& d, std::size_t m) {
    double total = 0.0;
    std::size_t begin = 0;
    for (; begin + kSumBlockPaths <= m; begin += kSumBlockPaths) {
        double block = 0.0;
        for (std::size_t i = begin; i < begin + kSumBlockPaths; ++i)
            block += d[i];
        total += block;
    }
    double rest = 0.0;
    for (std::size_t i = begin; i < m; ++i)
        rest += d[i];
    return total + rest;
}

// One alternative of three paths whose order statistics fail, as Thrust fails where a CUDA call does.
class FailingReductions final : public OutcomeReductions {
public:
    std::int64_t paths() const override { return 3; }
    int alternatives() const override { return 1; }
    int years() const override { return 1; }
    int providers() const override { return 0; }
    bool concurrentRows() const override { return true; }
    std::int64_t count(OutcomeRowId) override { return 3; }
    std::pair<double, double> minMax(OutcomeRowId) override { return {1.0, 3.0}; }
    std::vector<double> sums(OutcomeRowId, SumTerm, const std::vector<ValueRange>& ranges) override {
        return std::vector<double>(ranges.size(), 1.0);
    }
    std::int64_t countAtLeast(OutcomeRowId, double) override { return 1; }
    std::vector<double> orderStatistics(OutcomeRowId, const std::vector<std::int64_t>&) override {
        throw std::runtime_error("out of device memory");
    }
    std::vector<std::int64_t> histogram(OutcomeRowId, const HistogramBins& b) override {
        return std::vector<std::int64_t>(std::size_t(b.bins), 0);
    }
    std::vector<std::int64_t> cheapestCounts() override { return {3}; }
    std::int64_t cheaperCount(int, int) override { return 0; }
    std::int64_t defaultCount(int) override { return 0; }
};

} // namespace

class StatisticsTest : public QObject {
    Q_OBJECT
private slots:
    // The fan from codes and paths run again against the fan from every value: every statistic,
    // for every lane width this CPU has, path counts below, at and above the pilot's, and one that
    // is not a whole number of lane groups.
    void fanCodesGiveTheStatisticsOfTheValues() {
        auto p = stochasticPortfolio();
        QVERIFY(!validatePortfolio(p, testCatalog()));
        std::int64_t ranAgain = 0;
        for (const int lanes : {1, 4, 16, 32}) {
            for (const std::int64_t paths :
                 {std::int64_t(1), std::int64_t(37), kFanPilotPaths, std::int64_t(10007)}) {
                const auto values = simulatePortfolio(p, testCatalog(), cpuRun(paths, 11, lanes, true));
                const auto codes = simulatePortfolio(p, testCatalog(), cpuRun(paths, 11, lanes, false));
                const QString d = firstDifference(values, codes);
                QVERIFY2(d.isEmpty(),
                         qPrintable(QString("%1 lanes, %2 paths: %3").arg(lanes).arg(paths).arg(d)));
                QCOMPARE(values.fanPathsRunAgain, std::int64_t(0));
                QVERIFY(codes.fanPathsRunAgain <= paths + cpuBaseLanes(cpuLanes(lanes)));
                if (paths == 10007)
                    ranAgain = codes.fanPathsRunAgain;
            }
        }
        // The run again is a small part of the run (buy's fan is continuous: its ranks' codes hold
        // a few paths each), yet not nothing, or the comparison above would not test it.
        QVERIFY2(ranAgain > 0 && ranAgain < 10007 / 4, qPrintable(QString::number(ranAgain)));
    }

    // A run without shocks: every path of a row shares one value, which the pilot shows, so the
    // fan is answered from the codes alone, nothing runs again, and it is the deterministic run's.
    void sharedValuesAnswerWithoutRunningAgain() {
        auto p = shockFreePortfolio();
        QVERIFY(!validatePortfolio(p, testCatalog()));
        const auto codes = simulatePortfolio(p, testCatalog(), cpuRun(20000, 3, 32, false));
        const auto values = simulatePortfolio(p, testCatalog(), cpuRun(20000, 3, 32, true));
        QCOMPARE(codes.fanPathsRunAgain, std::int64_t(0));
        QVERIFY2(firstDifference(values, codes).isEmpty(), qPrintable(firstDifference(values, codes)));
        const auto& fan = codes.alternatives[1].annualCumulative;
        QCOMPARE(fan.back().p5, fan.back().p95);
    }

    // A fan code is monotone in the value, and the shared value has a code of its own.
    void fanCodesAreMonotone() {
        FanScale s = FanScale::spanning(100.0, 200.0);
        s.sharedCount = 1;
        s.sharedBucket[0] = s.bucket(150.0);
        s.sharedValue[0] = 150.0;
        const double xs[] = {-1e300, 99.999,      100.0,  100.004, 149.9999999,
                             150.0,  150.0000001, 199.99, 200.0,   1e300};
        int last = -1;
        for (double x : xs) {
            const int c = s.code(x);
            QVERIFY2(c >= last, qPrintable(QString("%1 -> %2").arg(x, 0, 'g', 17).arg(c)));
            last = c;
        }
        QCOMPARE(int(s.code(-1e300)), 0);
        QCOMPARE(int(s.code(1e300)), 3 * (FanScale::kBuckets - 1));
        double value = 0.0;
        QVERIFY(s.exact(s.code(150.0), &value));
        QCOMPARE(value, 150.0);
        QVERIFY(!s.exact(s.code(150.0000001), &value));
        QVERIFY(s.code(149.9999999) < s.code(150.0) && s.code(150.0) < s.code(150.0000001));
        QCOMPARE(s.code(149.9999999) / 3, s.code(150.0000001) / 3); // one bucket, three codes
    }

    // The running means of the convergence series are MODEL.md 6.1's blocked sums: here the 1e-13s
    // after the first block are lost one by one against 4,095 (below half its ulp), not in a block
    // of their own.
    void convergenceSumsInBlocks() {
        std::vector<double> v(6000, 1e-13);
        v[0] = 0.0; // the shift
        for (std::size_t i = 1; i < kSumBlockPaths; ++i)
            v[i] = 1.0;
        const auto series = convergenceSeries(v, 40);
        QCOMPARE(series.back().paths, std::int64_t(6000));
        bool told = false;
        double sequential = 0.0;
        std::size_t summed = 0;
        for (const auto& point : series) {
            const std::size_t m = std::size_t(point.paths);
            const double expected = blockedRunningSum(v, m) / double(m);
            QCOMPARE(point.mean, expected);
            for (; summed < m; ++summed)
                sequential += v[summed];
            told = told || sequential / double(m) != expected;
        }
        QVERIFY(told); // the blocks are what the series shows, not a path-by-path sum
        // The band at the last point from the same sums: sum d^2 over blocks, var = (S2 - m mean^2)/(m-1).
        std::vector<double> squares(v.size());
        for (std::size_t i = 0; i < v.size(); ++i)
            squares[i] = v[i] * v[i];
        const double m = 6000.0, mean = blockedRunningSum(v, 6000) / m;
        const double var = (blockedRunningSum(squares, 6000) - m * mean * mean) / (m - 1.0);
        QCOMPARE(series.back().halfWidth95, 1.96 * std::sqrt(var / m));
    }

    // The path counts of the series: 100 up to n by a constant ratio, each once, n last.
    void convergenceCounts() {
        std::vector<double> v(1000000, 1.0);
        const auto series = convergenceSeries(v, 40);
        QCOMPARE(int(series.size()), 40);
        QCOMPARE(series.front().paths, std::int64_t(100));
        QCOMPARE(series.back().paths, std::int64_t(1000000));
        for (std::size_t i = 1; i < series.size(); ++i)
            QVERIFY(series[i].paths > series[i - 1].paths);
        QCOMPARE(convergenceSeries(std::vector<double>{5.0}, 40).size(), std::size_t(1));
    }

    // A reduction that fails inside the statistics' parallel tasks reaches the caller as an
    // exception (the app says "the statistics failed"), not as the end of the process.
    void aFailingReductionIsReported() {
        FailingReductions r;
        RunLabels labels{{"a"}, {}, 2027};
        SimulationResult result;
        try {
            summarizeRun(r, labels, 2, result);
            QFAIL("summarizeRun returned");
        } catch (const std::runtime_error& e) {
            QCOMPARE(QString(e.what()), QString("out of device memory"));
        }
    }

    // A row's percentiles report a zero as +0, whichever zero sits at the rank.
    void percentilesOfZerosArePositive() {
        const std::vector<double> v = {-0.0, -0.0, -0.0, 1.0};
        const double qs[] = {0, 50};
        const auto p = percentilesLinear(v, qs);
        QVERIFY(!std::signbit(p[0]));
        QVERIFY(!std::signbit(p[1]));
        QVERIFY(!std::signbit(summarize(v).min));
    }
};

QTEST_GUILESS_MAIN(StatisticsTest)
#include "tst_statistics.moc"
