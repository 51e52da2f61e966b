// A run split into shards (core/montecarlo/Shards.h, docs/scale-out.md): the ranges follow the
// issue's rule on whole units, and the shards' outcomes put together give the statistics of one run
// to the bit.
#include "SameStatistics.h"
#include "montecarlo/BenchmarkPortfolio.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/Shards.h"
#include "portfolio/Validation.h"

#include <QtTest>

#include <cstring>

using namespace ledger;

namespace {

SimulationOptions cpu(std::int64_t paths, std::uint64_t seed, int threads, bool accounting) {
    SimulationOptions o;
    o.paths = paths;
    o.seed = seed;
    o.device = ComputeDevice::Cpu;
    o.threads = threads;
    o.accounting = accounting;
    return o;
}

bool sameFan(const std::vector<FanPoint>& a, const std::vector<FanPoint>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].year != b[i].year || !testing::sameBits(a[i].p5, b[i].p5) ||
            !testing::sameBits(a[i].p50, b[i].p50) || !testing::sameBits(a[i].p95, b[i].p95))
            return false;
    return true;
}

} // namespace

class TestShards : public QObject {
    Q_OBJECT

private slots:
    // [floor(I U / S), floor((I+1) U / S)) units of `unit` paths, the last ending at the run's end.
    void rangesFollowTheRuleOnWholeUnits() {
        const std::int64_t starts[] = {0, 24576, 49152, 73728, 98304, 122880, 147456, 172032};
        for (int i = 0; i < 8; ++i) {
            const ShardRange r = shardRange(200000, i, 8, 4096); // 49 units of 4,096 paths
            QCOMPARE(r.begin, starts[i]);
            QCOMPARE(r.end, i == 7 ? std::int64_t(200000) : starts[i + 1]);
        }
        // More shards than units: some are empty, none overlaps, all together cover the run.
        for (const auto& [paths, count, unit] : {std::tuple{std::int64_t(5000), 8, std::int64_t(4096)},
                                                 {std::int64_t(1), 3, std::int64_t(4096)},
                                                 {std::int64_t(1000000), 7, std::int64_t(12288)},
                                                 {std::int64_t(12288 * 7), 7, std::int64_t(12288)}}) {
            std::int64_t next = 0;
            for (int i = 0; i < count; ++i) {
                const ShardRange r = shardRange(paths, i, count, unit);
                QCOMPARE(r.begin, next);
                QVERIFY(r.end >= r.begin);
                QVERIFY(r.begin % unit == 0);
                next = r.end;
            }
            QCOMPARE(next, paths);
        }
        QCOMPARE(shardRange(12288 * 7, 3, 7, 12288).begin, std::int64_t(3 * 12288));
        QCOMPARE(shardRange(5000, 0, 2, 4096).end, std::int64_t(4096)); // U = 2 units: one each
        QCOMPARE(shardRange(5000, 3, 8, 4096).begin, std::int64_t(0));  // floor(3 x 2 / 8) = 0 units
        QCOMPARE(shardRange(5000, 3, 8, 4096).end, std::int64_t(4096)); // floor(4 x 2 / 8) = 1 unit
        QCOMPARE(shardRange(5000, 5, 8, 4096).paths(), std::int64_t(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, shardRange(100, 2, 2, 4096));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, shardRange(100, -1, 2, 4096));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, shardRange(100, 0, 0, 4096));
    }

    // The unit is the CPU backend's chunk: a multiple of the widest lane group, at most 4,096 paths
    // for the benchmark portfolio's 60 months.
    void theUnitIsTheCpuChunk() {
        const Portfolio p = benchmarkPortfolio(60);
        const CompiledPortfolio cp(p, SkuCatalog{}, monteCarloCompilation());
        const std::int64_t unit = shardUnitPaths(cp.inputs());
        QCOMPARE(unit, cpuChunkPaths(cp.inputs()));
        QCOMPARE(unit % 32, std::int64_t(0));
        // 131,072 / (60 periods x items), down to a multiple of 32.
        const std::int64_t work = std::int64_t(cp.inputs().periods) * cp.inputs().items;
        QCOMPARE(unit, std::max<std::int64_t>(32, 131072 / work) / 32 * 32);
    }

    // Shards of 3 (of different sizes, one empty-free, on different thread counts) put together in
    // path order: every statistic of simulatePortfolio's one run, the accounting view's and the cost
    // lines' means included, to the bit.
    void shardsTogetherAreOneRunToTheBit() {
        const Portfolio p = benchmarkPortfolio(60);
        const SkuCatalog catalog;
        QVERIFY(!validatePortfolio(p, catalog));
        const CompiledPortfolio cp(p, catalog, monteCarloCompilation());
        const std::int64_t unit = shardUnitPaths(cp.inputs());
        const std::int64_t paths = 2 * unit + 777; // the last shard ends off a unit
        const SimulationResult one = simulatePortfolio(p, catalog, cpu(paths, 99, 2, true));
        ShardOutcomes all(cp.inputs(), {0, paths}, true, ShardOutcomes::Use::Merge);
        for (int i = 0; i < 3; ++i) {
            const ShardRange r = shardRange(paths, i, 3, unit);
            SimulationOptions o = cpu(r.paths(), 99, i + 1, true);
            o.firstPath = r.begin;
            placeShard(runShard(cp, o), all);
        }
        const SimulationResult merged = summarizeShards(cp, all, 99, 2);
        QCOMPARE(merged.paths, paths);
        const QString difference = testing::firstDifference(one, merged);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        for (std::size_t a = 0; a < one.alternatives.size(); ++a) {
            const auto &x = one.alternatives[a], &y = merged.alternatives[a];
            QVERIFY(!x.ebitdaCost.empty());
            QVERIFY(sameFan(x.ebitdaCost, y.ebitdaCost));
            QVERIFY(sameFan(x.pretaxCost, y.pretaxCost));
            QCOMPARE(x.lines.size(), y.lines.size());
            for (std::size_t l = 0; l < x.lines.size(); ++l) {
                QCOMPARE(x.lines[l].line, y.lines[l].line);
                QVERIFY2(testing::sameBits(x.lines[l].mean, y.lines[l].mean),
                         qPrintable(QString("%1 line %2").arg(a).arg(l)));
            }
        }
        // A shard boundary off the unit sums its lines in another order: the check above can fail.
        ShardOutcomes off(cp.inputs(), {0, paths}, true);
        for (const ShardRange r : {ShardRange{0, 1000}, ShardRange{1000, paths}}) {
            SimulationOptions o = cpu(r.paths(), 99, 1, true);
            o.firstPath = r.begin;
            placeShard(runShard(cp, o), off);
        }
        const SimulationResult misaligned = summarizeShards(cp, off, 99, 1);
        QVERIFY(testing::firstDifference(one, misaligned).isEmpty()); // per-path outcomes: the same
        bool someLineDiffers = false;
        for (std::size_t a = 0; a < one.alternatives.size(); ++a)
            for (std::size_t l = 0; l < one.alternatives[a].lines.size(); ++l)
                someLineDiffers =
                    someLineDiffers || !testing::sameBits(one.alternatives[a].lines[l].mean,
                                                          misaligned.alternatives[a].lines[l].mean);
        QVERIFY(someLineDiffers);
    }

    void aShardDoesNotRunOnTheGpu() {
        const Portfolio p = benchmarkPortfolio(24);
        const CompiledPortfolio cp(p, SkuCatalog{}, monteCarloCompilation());
        SimulationOptions o = cpu(100, 1, 1, false);
        o.device = ComputeDevice::Gpu;
        QVERIFY_THROWS_EXCEPTION(SimulationRequestError, runShard(cp, o));
        ShardOutcomes all(cp.inputs(), {0, 50}, false);
        o.device = ComputeDevice::Cpu;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, placeShard(runShard(cp, o), all));
    }
};

QTEST_GUILESS_MAIN(TestShards)
#include "tst_shards.moc"
