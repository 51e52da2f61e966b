// The Monte Carlo's mean NPV by cost line (montecarlo/LineSums.h, issue 16): the order-free sum,
// the means against each path's lines worked out by a sink of the test's own, the means adding up
// to the mean NPV cost, the same bits on any thread count, lane width and fan storage, and the lines
// that no shock moves equal to the deterministic run's.
#include "TestPortfolios.h"
#include "engine/CompiledPortfolio.h"
#include "engine/PathFunction.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/LineSums.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/PhiloxShocks.h"

#include <QTest>

#include <array>
#include <cstring>

using namespace ledger;
using namespace ledger::testing;

namespace {

// One path's lines per slot, as the path function tells them.
struct SlotLinesSink {
    static constexpr bool kRecordsLines = true;
    std::vector<double> pv; // [slot * kCostLines + line]
    void flow(int, int, FlowKind, double, double) {}
    void flowEither(int, int, bool, FlowKind, FlowKind, double, double) {}
    void line(int slot, int, CostLine l, double amount, double df) {
        pv[std::size_t(slot) * kCostLines + std::size_t(l)] += amount * df;
    }
    void usage(int, int, double, double) {}
    void providerDefaulted(int, bool) {}
    void finish() {}
};

// The rent and buy alternatives, and one holding both items: a slot in two alternatives.
Portfolio threeAlternatives() {
    auto p = stochasticPortfolio();
    p.alternatives->push_back({"both", "Both", {"c", "f"}});
    return p;
}

SimulationResult simulate(const Portfolio& p, std::int64_t paths, int threads, int maxLanes,
                          bool keepFanValues = false) {
    SimulationOptions o;
    o.paths = paths;
    o.seed = 20261201;
    o.device = ComputeDevice::Cpu;
    o.threads = threads;
    o.maxLanes = maxLanes;
    o.keepFanValues = keepFanValues;
    return simulatePortfolio(p, testCatalog(), o);
}

const LineMean* find(const std::vector<LineMean>& lines, CostLine l) {
    for (const auto& x : lines)
        if (x.line == l)
            return &x;
    return nullptr;
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class LineSumsTest : public QObject {
    Q_OBJECT

private slots:
    // 2^53 + 1 - 2^53 is 1 in exact arithmetic; a double sum gives 0 or 1 by the order of its terms.
    void theOrderFreeSumIsTheSameInAnyOrder() {
        const double terms[] = {9007199254740992.0, 1.0, -9007199254740992.0, 0.25, 1e-6};
        OrderFreeSum forward, backward;
        for (double t : terms)
            forward.add(t);
        for (int i = 4; i >= 0; --i)
            backward.add(terms[i]);
        QVERIFY(sameBits(forward.value(), backward.value()));
        QCOMPARE(forward.value(), 1.25 + 1e-6);
        double plain = 0.0;
        for (double t : terms)
            plain += t;
        QVERIFY(plain != forward.value()); // the plain sum lost the 1
        // Two halves joined give the whole.
        OrderFreeSum a, b;
        a.add(terms[0]);
        a.add(terms[1]);
        b.add(terms[2]);
        b.add(terms[3]);
        b.add(terms[4]);
        a.add(b);
        QVERIFY(sameBits(a.value(), forward.value()));
        // Beyond 2^62 the term is kept in a plain double, not wrapped around.
        OrderFreeSum big;
        big.add(1e19);
        big.add(-2.5);
        QCOMPARE(big.value(), 1e19 - 2.5);
    }

    // Each alternative's line means are the means over the paths of its slots' lines, as a sink of
    // this test's own adds them up path by path: with an alternative of both kinds (every line
    // summed) and without (the own lines found as the rest).
    void theMeansAreThePathsMeans_data() {
        QTest::addColumn<int>("mixed"); // 0: rent and buy; 1: and both; 2: and a second contract with the
                                        // fleet; 3: 1 with a demand
        QTest::addColumn<double>("taxRate");
        QTest::addColumn<bool>("rest");
        QTest::newRow("own lines as the rest") << 0 << 0.21 << true;
        QTest::newRow("an alternative of both kinds") << 1 << 0.21 << true;
        QTest::newRow("one contract in both kinds, one not") << 2 << 0.21 << true;
        QTest::newRow("no tax") << 0 << 0.0 << true;
        QTest::newRow("a tax rate of 0.95: summed") << 0 << 0.95 << false;
        QTest::newRow("a demand: items per alternative, shortfalls summed") << 3 << 0.21 << true;
    }
    void theMeansAreThePathsMeans() {
        QFETCH(int, mixed);
        QFETCH(double, taxRate);
        QFETCH(bool, rest);
        auto p = mixed == 1 || mixed == 3 ? threeAlternatives() : stochasticPortfolio();
        if (mixed == 3) {
            // 1,500 GPUs needed, 1,000 in rent or buy (a shortfall), 2,000 in both (idle capacity).
            p.demand = Demand{"H100", {{day(2027, 1, 1), 1500}}};
            p.market.utilization.volatility = 0.0;
            p.market.demand = {1.5, 0.3};
        }
        if (mixed == 2) {
            auto c2 = p.contracts[0];
            c2.id = std::string("c2");
            c2.tranches = {{c2.start, 400}};
            p.contracts.push_back(c2);
            p.alternatives->push_back({"both", "Both", {"c2", "f"}});
        }
        p.assumptions.taxRate = taxRate;
        const std::int64_t paths = 700; // not a multiple of any lane count: a padded last pack
        const auto r = simulate(p, paths, 2, 32);
        const CompiledPortfolio cp(p, testCatalog());
        const PathInputs& in = cp.inputs();
        QCOMPARE(in.ownLinesAsRest, rest);
        // Which items sum their own line: those in an alternative of both kinds (items: c, [c2,] f;
        // with a demand c in rent, c in both, f in buy, f in both).
        const std::vector<int> summed = mixed == 0   ? std::vector<int>{0, 0}
                                        : mixed == 1 ? std::vector<int>{1, 1}
                                        : mixed == 2 ? std::vector<int>{0, 1, 1}
                                                     : std::vector<int>{0, 1, 0, 1};
        for (int i = 0; i < in.items; ++i)
            QCOMPARE(int(in.ownLineSummed[i]), summed[std::size_t(i)]);
        std::vector<double> expected(std::size_t(in.alternatives) * kCostLines, 0.0);
        for (std::int64_t path = 0; path < paths; ++path) {
            PhiloxShocks shocks(20261201, std::uint64_t(path));
            SlotLinesSink sink{std::vector<double>(std::size_t(pathSlots(in)) * kCostLines, 0.0)};
            simulatePath<double>(in, shocks, sink);
            for (int slot = 0; slot < pathSlots(in); ++slot)
                for (int at = in.slotAlternativeOffsets[slot]; at < in.slotAlternativeOffsets[slot + 1]; ++at)
                    for (int l = 0; l < kCostLines; ++l)
                        expected[std::size_t(in.slotAlternatives[at]) * kCostLines + std::size_t(l)] +=
                            sink.pv[std::size_t(slot) * kCostLines + std::size_t(l)];
        }
        QCOMPARE(r.alternatives.size(), std::size_t(mixed ? 4 : 3)); // rent, buy, (both,) spot
        int moved = 0;
        for (std::size_t a = 0; a < r.alternatives.size(); ++a) {
            // A rest carries the rounding of the others and of the mean NPV cost (1e-16 of that).
            const double scale = std::abs(r.alternatives[a].npvCost.mean);
            for (const LineMean& l : r.alternatives[a].lines) {
                const double want = expected[a * kCostLines + std::size_t(l.line)] / double(paths);
                QVERIFY2(std::abs(l.mean - want) <= 1e-12 * std::max(std::abs(want), scale),
                         qPrintable(QString("%1 %2: %3 against %4")
                                        .arg(r.alternatives[a].id.c_str())
                                        .arg(kCostLineKeys[int(l.line)])
                                        .arg(l.mean, 0, 'g', 17)
                                        .arg(want, 0, 'g', 17)));
                moved += l.mean != 0.0;
            }
        }
        QVERIFY(moved >= (mixed ? 25 : taxRate > 0.0 ? 15 : 8)); // no tax: no shield moves
        // Defaults happened on some of these paths: their lines are in the means.
        QVERIFY(find(r.alternatives[0].lines, CostLine::Replacement)->mean > 0.0);
        QVERIFY(find(r.alternatives[0].lines, CostLine::PrepaymentRecovery)->mean < 0.0);
        QVERIFY(find(r.alternatives.back().lines, CostLine::Spot)->mean > 0.0);
        if (mixed == 3) {
            QVERIFY(find(r.alternatives[0].lines, CostLine::Shortfall)->mean > 0.0);
            QVERIFY(find(r.alternatives[0].lines, CostLine::ShortfallTaxShield)->mean < 0.0);
        }
    }

    // What the means take as given holds on every sampled path: the path-free lines are the
    // deterministic run's, and each tax shield of lines is -tau x its lines (engine/CostLine.h).
    void theRulesHoldOnEveryPath() {
        const auto p = stochasticPortfolio();
        const CompiledPortfolio cp(p, testCatalog());
        const PathInputs& in = cp.inputs();
        const std::size_t cells = std::size_t(in.items + 1) * kCostLines;
        SlotLinesSink fixed{std::vector<double>(cells, 0.0)};
        DeterministicShocks none;
        simulatePath<double>(in, none, fixed);
        int checked = 0;
        for (int path = 0; path < 400; ++path) {
            PhiloxShocks shocks(20261201, std::uint64_t(path));
            SlotLinesSink sink{std::vector<double>(cells, 0.0)};
            simulatePath<double>(in, shocks, sink);
            for (int slot = 0; slot <= in.items; ++slot) {
                const double* v = sink.pv.data() + std::size_t(slot) * kCostLines;
                const double* d = fixed.pv.data() + std::size_t(slot) * kCostLines;
                std::array<double, kCostLines> shields{};
                for (int l = 0; l < kCostLines; ++l) {
                    if (isPathFree(CostLine(l))) {
                        QVERIFY2(v[l] == d[l], kCostLineKeys[l]);
                        checked += v[l] != 0.0;
                    }
                    if (taxShieldOf(CostLine(l)) != kNoShield)
                        shields[std::size_t(taxShieldOf(CostLine(l)))] += -in.taxRate * v[l];
                }
                for (int l = 0; l < kCostLines; ++l)
                    if (isTaxShieldOfLines(CostLine(l))) {
                        QVERIFY2(near(v[l], shields[std::size_t(l)], 1e-12) ||
                                     std::abs(v[l] - shields[std::size_t(l)]) < 1e-6,
                                 qPrintable(QString("path %1 %2").arg(path).arg(kCostLineKeys[l])));
                        checked += v[l] != 0.0;
                    }
            }
        }
        QVERIFY(checked > 400 * 4); // colocation, opex, depreciation, the operating and spot shields
    }

    // The means of an alternative's lines add up to the mean of its NPV cost.
    void theMeansAddUpToTheMeanNpvCost() {
        const auto r = simulate(threeAlternatives(), 5000, 2, 32);
        for (const auto& a : r.alternatives) {
            double sum = 0.0;
            for (const auto& l : a.lines)
                sum += l.mean;
            QVERIFY2(near(sum, a.npvCost.mean, 1e-9), a.id.c_str());
        }
    }

    // Threads and the fan's storage change the order chunks finish in: the means stay the same to
    // the bit. A lane width adds a chunk's paths in its own order, and one register computes exp
    // and log with other last bits than the scalar path (CpuBackend.h): those agree to rounding.
    void theSameBitsForAnyThreadsLanesAndFan() {
        const auto p = threeAlternatives();
        auto compare = [&](const SimulationResult& base, const SimulationResult& r, const char* what,
                           bool bits) {
            for (std::size_t a = 0; a < base.alternatives.size(); ++a) {
                QCOMPARE(r.alternatives[a].lines.size(), base.alternatives[a].lines.size());
                for (std::size_t l = 0; l < base.alternatives[a].lines.size(); ++l) {
                    const double x = r.alternatives[a].lines[l].mean, y = base.alternatives[a].lines[l].mean;
                    QVERIFY2(bits ? sameBits(x, y) : near(x, y, 1e-11),
                             qPrintable(QString("%1: %2 %3 %4")
                                            .arg(what)
                                            .arg(kCostLineKeys[int(base.alternatives[a].lines[l].line)])
                                            .arg(x, 0, 'g', 17)
                                            .arg(y, 0, 'g', 17)));
                }
            }
        };
        const auto scalar = simulate(p, 6000, 1, 1);
        compare(scalar, simulate(p, 6000, 2, 1), "scalar, 2 threads", true);
        compare(scalar, simulate(p, 6000, 2, 1, true), "scalar, fan values", true);
        if (cpuLanes(32) == 1)
            QSKIP("this CPU has no AVX2: the vector widths are not here to compare");
        const int base = cpuBaseLanes(cpuLanes(32));
        const auto one = simulate(p, 6000, 1, base);
        compare(scalar, one, "one register against scalar", false);
        compare(one, simulate(p, 6000, 2, base), "one register, 2 threads", true);
        const auto four = simulate(p, 6000, 1, 4 * base);
        compare(one, four, "four registers against one", false);
        compare(four, simulate(p, 6000, 2, 4 * base), "four registers, 2 threads", true);
        compare(four, simulate(p, 6000, 2, 4 * base, true), "four registers, fan values", true);
    }

    // An alternative lists the lines the deterministic result lists for it; the lines no shock
    // moves (capex, colocation, opex, the depreciation's tax shield) have its values as means.
    void theDeterministicLinesAndLists() {
        const auto p = threeAlternatives();
        const auto det = evaluate(p);
        const auto r = simulate(p, 3000, 2, 32);
        QCOMPARE(r.alternatives.size(), det.alternatives.size());
        for (std::size_t a = 0; a < det.alternatives.size(); ++a) {
            const auto& want = det.alternatives[a].lines;
            const auto& got = r.alternatives[a].lines;
            QCOMPARE(got.size(), want.size());
            for (std::size_t l = 0; l < want.size(); ++l) {
                QCOMPARE(got[l].line, want[l].line);
                const CostLine line = want[l].line;
                if (line == CostLine::Capex || line == CostLine::Colocation || line == CostLine::Opex ||
                    line == CostLine::DepreciationTaxShield)
                    QVERIFY2(near(got[l].mean, want[l].npv, 1e-12), kCostLineKeys[int(line)]);
            }
        }
        QCOMPARE(r.alternatives[2].lines.size(), std::size_t(15)); // both: a contract's and a fleet's
    }
};

QTEST_APPLESS_MAIN(LineSumsTest)
#include "tst_line_sums.moc"
