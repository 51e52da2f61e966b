// The Monte Carlo engine (MODEL.md 6): pinned random numbers, the shock-free limit, closed forms,
// determinism across threads, cancellation, statistics, and CPU-GPU agreement where a GPU answers.
#include "TestPortfolios.h"
#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "engine/PathFunction.h"
#include "gpu/GpuDevice.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/OutcomeRow.h"
#include "montecarlo/PhiloxShocks.h"
#include "montecarlo/Statistics.h"
#include "montecarlo/simd/CpuPaths.h"
#include "portfolio/Validation.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

using namespace ledger;
using namespace ledger::testing;

namespace {} // namespace

class MonteCarloTest : public QObject {
    Q_OBJECT
private slots:
    void philoxMatchesPublishedKnownAnswers() {
        // Random123 kat_vectors: philox4x32 10 rounds (counter, key -> output).
        using G = r123::Philox4x32_R<10>;
        struct Kat {
            G::ctr_type ctr;
            G::key_type key;
            std::array<uint32_t, 4> out;
        };
        const Kat kats[] = {
            {{{0, 0, 0, 0}}, {{0, 0}}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
            {{{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}},
             {{0xffffffff, 0xffffffff}},
             {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
            {{{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}},
             {{0xa4093822, 0x299f31d0}},
             {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
        };
        for (const auto& k : kats) {
            const auto r = G()(k.ctr, k.key);
            for (int i = 0; i < 4; ++i)
                QCOMPARE(r.v[i], k.out[i]);
        }
        // MODEL.md 6.1's mapping: key = {seed lo, seed hi}, counter = {path lo, path hi, draw, stream}.
        const PhiloxShocks shocks(0x299f31d0a4093822ULL, 0x85a308d3243f6a88ULL);
        const auto r = shocks.words(0x13198a2e, 0x03707344);
        QCOMPARE(r.v[0], 0xd16cfe09u);
        QCOMPARE(r.v[3], 0x24126ea1u);
    }

    void vectorPhiloxMatchesScalarLaneByLane() {
        if (!simd::avx2Available())
            QSKIP("this CPU has no AVX2; the vector generators are not used here");
        for (const std::uint64_t seed : {0ULL, 20260101ULL, 0x299f31d0a4093822ULL}) {
            for (const std::uint64_t first : {0ULL, 8ULL, 0xfffffffcULL, 0x85a308d3243f6a88ULL}) {
                // One and four registers of each width; the four-register groups cross the 2^32
                // boundary of the path counter's low word from 0xfffffffc.
                std::uint32_t four[16], sixteen[64], eight[32], thirtyTwo[128];
                simd::philoxWords4(seed, first, 0x13198a2e, 1, four);
                simd::philoxWords16(seed, first, 0x13198a2e, 1, sixteen);
                const bool wide = simd::avx512Available();
                if (wide) {
                    simd::philoxWords8(seed, first, 0x13198a2e, 1, eight);
                    simd::philoxWords32(seed, first, 0x13198a2e, 1, thirtyTwo);
                }
                for (int lane = 0; lane < 32; ++lane) {
                    const auto scalar = PhiloxShocks(seed, first + lane).words(0x13198a2e, 1);
                    for (int w = 0; w < 4; ++w) {
                        if (lane < 4)
                            QCOMPARE(four[4 * w + lane], scalar.v[w]);
                        if (lane < 16)
                            QCOMPARE(sixteen[16 * w + lane], scalar.v[w]);
                        if (wide && lane < 8)
                            QCOMPARE(eight[8 * w + lane], scalar.v[w]);
                        if (wide)
                            QCOMPARE(thirtyTwo[32 * w + lane], scalar.v[w]);
                    }
                }
            }
        }
    }

    void vectorAndScalarPathsAgree() {
        auto p = stochasticPortfolio();
        requireValid(p);
        auto o = cpuOptions(4001, 3, 2); // not a multiple of the lanes: the last group is padded
        std::string device;
        o.maxLanes = 1;
        const auto scalar = simulatePaths(p, testCatalog(), o, &device);
        QCOMPARE(device, std::string("cpu (scalar)"));
        for (const int lanes : {4, 8, 16, 32}) {
            if (cpuLanes(lanes) != lanes) {
                qInfo("this CPU has no %d-lane vector unit; skipped", lanes);
                continue;
            }
            o.maxLanes = lanes;
            const auto vec = simulatePaths(p, testCatalog(), o, &device);
            QCOMPARE(device, std::string("cpu (") + cpuInstructionSet(lanes) + ")");
            double worst = 0.0;
            for (int a = 0; a < vec.alternatives; ++a) {
                const auto x = outcomeRow(vec, vec.npv, a), y = outcomeRow(scalar, scalar.npv, a);
                const auto lx = outcomeRow(vec, vec.lcoc, a), ly = outcomeRow(scalar, scalar.lcoc, a);
                for (std::size_t i = 0; i < x.size(); ++i) {
                    worst = std::max(worst, std::abs(x[i] - y[i]) / std::max(1.0, std::abs(y[i])));
                    worst = std::max(worst, std::abs(lx[i] - ly[i]) / std::max(1e-300, std::abs(ly[i])));
                }
                for (int y = 0; y < vec.years; ++y) {
                    const auto fx = outcomeRow(vec, vec.cumulative, std::size_t(a) * vec.years + y);
                    const auto fy = outcomeRow(scalar, scalar.cumulative, std::size_t(a) * vec.years + y);
                    for (std::size_t i = 0; i < fx.size(); ++i)
                        worst = std::max(worst, std::abs(fx[i] - fy[i]) / std::max(1.0, std::abs(fy[i])));
                }
            }
            qInfo("%d lanes vs scalar: worst relative difference %.3g", lanes, worst);
            QVERIFY(worst <= 1e-12);
            for (std::int64_t i = 0; i < vec.paths; ++i)
                QCOMPARE(vec.defaultedOn(0, i), scalar.defaultedOn(0, i));
        }
    }

    void uniformsAndBoxMuller() {
        QCOMPARE(uniformFromWord(0), 0.5 / 4294967296.0);
        QCOMPARE(uniformFromWord(0xffffffffu), (4294967295.0 + 0.5) / 4294967296.0);
        double za, zb;
        boxMuller(std::exp(-0.5), 0.25, za, zb); // radius 1, angle pi/2
        QVERIFY(std::abs(za) < 1e-15);
        QCOMPARE(zb, 1.0);
        QCOMPARE(triangularInverse(0.5, 1.0, 1.0, 1.0), 1.0);
        QCOMPARE(triangularInverse(0.25, 0.0, 1.0, 2.0), std::sqrt(0.25 * 2.0 * 1.0));
    }

    void shockFreePathsEqualTheDeterministicRun() {
        auto p = shockFreePortfolio();
        requireValid(p);
        const auto det = evaluatePortfolio(p, testCatalog(), EvaluateOptions{false});
        for (const int lanes : {1, 4, 8, 16, 32}) {
            auto o = cpuOptions(2003, 7);
            o.maxLanes = lanes;
            const auto sim = simulatePortfolio(p, testCatalog(), o);
            QCOMPARE(int(sim.alternatives.size()), 3);
            for (std::size_t a = 0; a < sim.alternatives.size(); ++a) {
                const auto& s = sim.alternatives[a].npvCost;
                QCOMPARE(s.std, 0.0);
                QCOMPARE(s.min, det.alternatives[a].npvCost);
                QCOMPARE(s.max, det.alternatives[a].npvCost);
                QCOMPARE(s.p50, det.alternatives[a].npvCost);
                QCOMPARE(sim.alternatives[a].lcoc->min, *det.alternatives[a].lcoc);
                QCOMPARE(sim.alternatives[a].lcoc->max, *det.alternatives[a].lcoc);
                // Cumulative cash at the last year end is the total cash.
                QVERIFY(std::abs(sim.alternatives[a].annualCumulative.back().p50 -
                                 det.alternatives[a].totalCash) <=
                        1e-9 * std::abs(det.alternatives[a].totalCash));
            }
        }
    }

    void deterministicRunIgnoresUtilizationVolatility() {
        // u = 1 would be clamped to 0.999 by the logit transform; the deterministic run uses u_k as given.
        auto p = basePortfolio(day(2027, 1, 1), 0.05, 0.0);
        p.contracts = {simpleContract(day(2027, 1, 1), day(2027, 12, 31), 10, 2.0)};
        requireValid(p);
        const auto calm = evaluatePortfolio(p, testCatalog(), EvaluateOptions{false});
        p.market.utilization.volatility = 0.2;
        const auto volatile_ = evaluatePortfolio(p, testCatalog(), EvaluateOptions{false});
        QCOMPARE(volatile_.items[0].usedGpuHours, 24.0 * 10 * 365);
        QCOMPARE(volatile_.alternatives.back().npvCost, calm.alternatives.back().npvCost);
        QCOMPARE(volatile_.items[0].npvCost, calm.items[0].npvCost);
    }

    void lcocIsUndefinedWithoutUsedHours() {
        auto p = basePortfolio(day(2027, 1, 1), 0.05, 0.0);
        p.utilization = {{day(2027, 1, 1), 0.0}};
        p.contracts = {simpleContract(day(2027, 1, 1), day(2027, 12, 31), 10, 2.0)};
        requireValid(p);
        const auto sim = simulatePortfolio(p, testCatalog(), cpuOptions(100, 1));
        QVERIFY(!sim.alternatives[0].lcoc.has_value());
        QVERIFY(sim.alternatives[0].npvCost.mean > 0.0); // take-or-pay still bills
    }

    void marketLogIndexMatchesOuClosedForm() {
        // X_T of an OU around the trend, started at 0: mean trend T, variance sigma^2 (1 - e^(-2 kappa T)) /
        // (2 kappa).
        auto p = basePortfolio(day(2027, 1, 1), 0.0, 0.0);
        p.contracts = {simpleContract(day(2027, 1, 1), day(2031, 12, 31), 1, 1.0)};
        p.market.gpuPrice = {-0.15, 1.0, 0.3, std::nullopt};
        requireValid(p);
        CompiledPortfolio cp(p, testCatalog());
        const auto& in = cp.inputs();
        const int K = in.periods; // 60
        const double t = (K - 1) / 12.0;
        const double hours = in.hours[(K - 1) * in.items];
        const int n = 100000;
        double sum = 0.0, squares = 0.0;
        for (int path = 0; path < n; ++path) {
            PhiloxShocks shocks(20260101, path);
            SlotPeriodSink sink{in.items, K - 1};
            simulatePath<double>(in, shocks, sink);
            const double x = std::log(sink.amount / (hours * 2.0)); // H100 market price 2.0
            sum += x;
            squares += x * x;
        }
        const double mean = sum / n;
        const double var = (squares - n * mean * mean) / (n - 1);
        const double expectedVar = 0.09 * (1 - std::exp(-2.0 * t)) / 2.0;
        QVERIFY2(within(mean, -0.15 * t, std::sqrt(expectedVar / n)), qPrintable(QString::number(mean)));
        QVERIFY2(within(var, expectedVar, expectedVar * std::sqrt(2.0 / (n - 1))),
                 qPrintable(QString::number(var)));
    }

    void defaultShareMatchesHazard() {
        auto p = stochasticPortfolio();
        requireValid(p);
        const int n = 100000;
        const auto sim = simulatePortfolio(p, testCatalog(), cpuOptions(n, 11));
        QCOMPARE(int(sim.defaults.size()), 1);
        const double expected = 1.0 - std::exp(-0.05 * 10.0); // 120 periods = 10 years
        QVERIFY2(within(sim.defaults[0].fraction, expected, std::sqrt(expected * (1 - expected) / n)),
                 qPrintable(QString::number(sim.defaults[0].fraction)));
    }

    void launchTimeIsTriangular() {
        auto p = stochasticPortfolio();
        CompiledPortfolio cp(p, testCatalog());
        const auto& in = cp.inputs();
        const double a = in.launchEarliest, c = in.launchMode, b = in.launchLatest;
        const int n = 200000;
        double sum = 0.0;
        for (int path = 0; path < n; ++path)
            sum += PhiloxShocks(99, path).launchTime(in);
        const double sd = std::sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18.0);
        QVERIFY(within(sum / n, (a + b + c) / 3.0, sd / std::sqrt(double(n))));
    }

    void resultsDoNotDependOnThreads() {
        auto p = stochasticPortfolio();
        requireValid(p);
        const auto one = simulatePortfolio(p, testCatalog(), cpuOptions(5000, 42, 1));
        const auto two = simulatePortfolio(p, testCatalog(), cpuOptions(5000, 42, 2));
        const auto eight = simulatePortfolio(p, testCatalog(), cpuOptions(5000, 42, 8));
        for (const auto* other : {&two, &eight}) {
            for (std::size_t a = 0; a < one.alternatives.size(); ++a) {
                const auto& x = one.alternatives[a];
                const auto& y = other->alternatives[a];
                QCOMPARE(x.npvCost.mean, y.npvCost.mean);
                QCOMPARE(x.npvCost.std, y.npvCost.std);
                QCOMPARE(x.npvCost.p5, y.npvCost.p5);
                QCOMPARE(x.npvCost.cvar95, y.npvCost.cvar95);
                QCOMPARE(x.lcoc->p95, y.lcoc->p95);
                QCOMPARE(x.annualCumulative[3].p50, y.annualCumulative[3].p50);
            }
            QCOMPARE(one.probCheaper[0].p, other->probCheaper[0].p);
            QCOMPARE(one.defaults[0].fraction, other->defaults[0].fraction);
        }
        double cheapest = 0.0;
        for (const auto& a : one.alternatives)
            cheapest += a.probCheapest;
        QCOMPARE(cheapest, 1.0); // every path has exactly one cheapest alternative
        QCOMPARE(one.alternatives[1].probCheapest, eight.alternatives[1].probCheapest);
        const auto otherSeed = simulatePortfolio(p, testCatalog(), cpuOptions(5000, 43, 2));
        QVERIFY(otherSeed.alternatives[0].npvCost.mean != one.alternatives[0].npvCost.mean);
        QVERIFY(otherSeed.alternatives[1].npvCost.p50 != one.alternatives[1].npvCost.p50);
    }

    void cancelStopsARunPromptly() {
        // 40 years of monthly periods: each path is long, so the run lasts seconds with little memory.
        auto p = stochasticPortfolio();
        p.contracts[0].end = day(2066, 12, 31);
        p.fleets[0].end = day(2066, 12, 31);
        requireValid(p);
        std::atomic<bool> cancel{false};
        std::atomic<std::int64_t> progressed{0};
        auto o = cpuOptions(400'000, 1, 2);
        o.control.cancel = &cancel;
        o.control.progress = [&](std::int64_t done, std::int64_t) { progressed = done; };
        SimulationResult result;
        std::chrono::steady_clock::time_point cancelledAt;
        std::thread worker([&] { result = simulatePortfolio(p, testCatalog(), o); });
        while (progressed.load() == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        cancelledAt = std::chrono::steady_clock::now();
        cancel = true;
        worker.join();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - cancelledAt).count();
        QVERIFY(result.cancelled);
        QVERIFY(result.alternatives.empty());
        // The design target is 100 ms; the bound here leaves room for a loaded CI machine.
        qInfo("cancel returned after %.1f ms", seconds * 1000.0);
        QVERIFY2(seconds < 1.0, qPrintable(QString("cancel took %1 s").arg(seconds)));
        QVERIFY(progressed.load() < o.paths);
    }

    void runsBeyondTheMemoryBudgetAreRefused() {
        auto p = stochasticPortfolio();
        auto o = cpuOptions(1'000'000, 1);
        o.memoryBudgetBytes = 64ULL << 20;
        QVERIFY_THROWS_EXCEPTION(SimulationRequestError, simulatePortfolio(p, testCatalog(), o));
        try {
            simulatePortfolio(p, testCatalog(), o);
        } catch (const SimulationRequestError& e) {
            // 3 alternatives x (NPV, LCOC) x 8 bytes + 3 x 10 year ends x a 2-byte fan code + 1
            // provider flag = 109 bytes a path: 109,000,000 bytes.
            QCOMPARE(QString(e.what()),
                     QString("paths: 1000000 paths need 103 MB for their outcomes, above the "
                             "budget of 64 MB; run fewer paths"));
        }
        // Keeping the fan's values: 3 x (2 + 10) x 8 + 1 = 289 bytes a path.
        o.keepFanValues = true;
        try {
            simulatePortfolio(p, testCatalog(), o);
            QFAIL("a run beyond the budget ran");
        } catch (const SimulationRequestError& e) {
            QCOMPARE(QString(e.what()),
                     QString("paths: 1000000 paths need 275 MB for their outcomes, above the "
                             "budget of 64 MB; run fewer paths"));
        }
    }

    // MODEL.md 6.1: sums over paths in fixed blocks of 4,096, combined in block order, so a GPU
    // reduction or merged shards give the same bits. Here the two orders differ: summed path by path,
    // each 1e-13 of the second block is lost against 4,096 (below half its ulp); in blocks it is not.
    void sumsAreReducedInFixedBlocks() {
        QCOMPARE(kSumBlockPaths, std::size_t(4096));
        std::vector<double> v(2 * kSumBlockPaths, 1.0);
        std::fill(v.begin() + kSumBlockPaths, v.end(), 1e-13);
        double second = 0.0;
        for (std::size_t i = 0; i < kSumBlockPaths; ++i)
            second += 1e-13;
        const double blocked = (double(kSumBlockPaths) + second) / double(v.size());
        double sequential = 0.0;
        for (double x : v)
            sequential += x;
        QVERIFY(sequential / double(v.size()) != blocked); // the test tells the two orders apart
        const DistributionSummary s = summarize(v);
        QCOMPARE(s.mean, blocked);
        // cvar95: the tail (the first block's ones, all >= p95 = 1) summed in the same blocks.
        QCOMPARE(s.cvar95, 1.0);
    }

    void percentilesFollowNumpysLinearRule() {
        std::vector<double> v = {7, 1, 10, 3, 5, 2, 9, 4, 8, 6};
        const double qs[] = {0, 25, 50, 90, 99, 100};
        const auto p = percentilesLinear(v, qs);
        // numpy.percentile(range(1, 11), [0, 25, 50, 90, 99, 100])
        const double expected[] = {1.0, 3.25, 5.5, 9.1, 9.91, 10.0};
        for (int i = 0; i < 6; ++i)
            QVERIFY2(std::abs(p[i] - expected[i]) < 1e-12, qPrintable(QString::number(p[i])));
        // Many percentiles of many kinds of values: bit for bit the numbers of a full sort interpolated
        // as numpy does (from the nearer order statistic). The kinds stress the counting selection:
        // ties across buckets, one outlier that puts nearly every value in one bucket, negatives,
        // a handful of values, an infinity and subnormal differences (the sorting fallback).
        auto fromSort = [](std::vector<double> sorted, double q) {
            std::sort(sorted.begin(), sorted.end());
            const double pos = q / 100.0 * double(sorted.size() - 1);
            const std::size_t lo = std::size_t(std::floor(pos));
            const double a = sorted[lo], b = lo + 1 < sorted.size() ? sorted[lo + 1] : a;
            const double t = pos - double(lo);
            return t >= 0.5 ? b - (b - a) * (1.0 - t) : a + (b - a) * t;
        };
        std::vector<std::vector<double>> kinds(6);
        for (std::size_t i = 0; i < 100003; ++i)
            kinds[0].push_back(double((i * 7919) % 50021) * 0.5); // most values twice, shuffled
        for (std::size_t i = 0; i < 50000; ++i)
            kinds[1].push_back(1.0 + double((i * 7919) % 50000) * 1e-9);
        kinds[1].push_back(1e12);
        for (std::size_t i = 0; i < 30011; ++i)
            kinds[2].push_back(double(int(i % 97) - 48) * 1e6 + double(i) * 1e-3);
        kinds[3] = {3.0, -1.0};
        kinds[4] = {2.0, 2.0, 2.0, -0.0, 2.0, 0.0, 2.0};
        kinds[5] = {5.0, INFINITY, -3.0, 7.5, 1.0, 1.0};
        kinds.push_back({3e-310, 0.0, 1e-310, 2e-310, 1e-310}); // a range too narrow to divide by
        const double fine[] = {99, 0, 0.001, 1, 5, 10, 25, 50, 50, 75, 90, 95, 99.999, 100};
        for (const auto& kind : kinds) {
            const auto got = percentilesLinear(kind, fine);
            for (std::size_t i = 0; i < std::size(fine); ++i) {
                const double want = fromSort(kind, fine[i]);
                QVERIFY2(got[i] == want || (std::isnan(got[i]) && std::isnan(want)),
                         qPrintable(QString("%1 values, p%2: %3, a full sort gives %4")
                                        .arg(kind.size())
                                        .arg(fine[i])
                                        .arg(got[i], 0, 'g', 17)
                                        .arg(want, 0, 'g', 17)));
            }
        }
        const std::vector<double> values = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10,
                                            11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        const auto s = summarize(values);
        QCOMPARE(s.mean, 10.5);
        QCOMPARE(s.p95, 19.05);
        QCOMPARE(s.cvar95, 20.0); // only 20 is at or above p95
        QVERIFY(std::abs(s.std - std::sqrt(35.0)) < 1e-12);
        const auto series = convergenceSeries(values, 5);
        QCOMPARE(series.back().paths, std::int64_t(20));
        QCOMPARE(series.back().mean, 10.5);
    }

    void gpuMatchesCpuPathByPath() {
        const GpuDevice gpu = probeGpu();
        if (!gpu.available)
            QSKIP(qPrintable(QString("no GPU to compare with: %1").arg(QString::fromStdString(gpu.reason))));
        auto p = stochasticPortfolio();
        requireValid(p);
        auto o = cpuOptions(100000, 5);
        std::string cpuDevice, gpuDevice;
        const auto cpu = simulatePaths(p, testCatalog(), o, &cpuDevice);
        o.device = ComputeDevice::Gpu;
        const auto onGpu = simulatePaths(p, testCatalog(), o, &gpuDevice);
        QVERIFY(gpuDevice.rfind("gpu", 0) == 0);
        double worst = 0.0;
        auto compare = [&](const OutcomeBuffer& a, const OutcomeBuffer& b, std::size_t rows) {
            for (std::size_t r = 0; r < rows; ++r) {
                const auto x = outcomeRow(cpu, a, r), y = outcomeRow(onGpu, b, r);
                for (std::size_t i = 0; i < x.size(); ++i)
                    worst = std::max(worst, std::abs(x[i] - y[i]) / std::max(1e-300, std::abs(x[i])));
            }
        };
        compare(cpu.npv, onGpu.npv, cpu.alternatives);
        compare(cpu.lcoc, onGpu.lcoc, cpu.alternatives);
        compare(cpu.cumulative, onGpu.cumulative, std::size_t(cpu.alternatives) * cpu.years);
        qInfo("GPU %s vs CPU: worst relative NPV difference over %zu path-alternatives: %.3g",
              gpu.name.c_str(), cpu.npv.size(), worst);
        QVERIFY(worst <= 1e-12);
        for (std::int64_t i = 0; i < cpu.paths; ++i)
            QCOMPARE(cpu.defaultedOn(0, i), onGpu.defaultedOn(0, i));
    }
};

QTEST_APPLESS_MAIN(MonteCarloTest)
#include "tst_monte_carlo.moc"
