#include "montecarlo/Statistics.h"

#include "montecarlo/CpuReductions.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace ledger {

PercentilePlan planPercentiles(std::int64_t n, std::span<const double> qs) {
    PercentilePlan plan;
    if (n <= 0)
        return plan;
    // Each percentile needs the order statistics at floor(pos) and, between two, the next one.
    for (double q : qs) {
        const double pos = q / 100.0 * double(n - 1);
        const std::int64_t lo = std::min(n - 1, std::int64_t(std::floor(pos)));
        plan.wanted.push_back({lo, pos - double(lo)});
        plan.ranks.push_back(lo);
        if (lo + 1 < n && pos - double(lo) > 0.0)
            plan.ranks.push_back(lo + 1);
    }
    std::sort(plan.ranks.begin(), plan.ranks.end());
    plan.ranks.erase(std::unique(plan.ranks.begin(), plan.ranks.end()), plan.ranks.end());
    return plan;
}

std::vector<double> interpolatePercentiles(const PercentilePlan& plan, const std::vector<double>& at) {
    auto value = [&](std::int64_t rank) {
        // + 0.0: a zero is reported as +0 whichever of -0 and +0 a device's ordering put at the rank.
        return at[std::size_t(std::lower_bound(plan.ranks.begin(), plan.ranks.end(), rank) -
                              plan.ranks.begin())] +
               0.0;
    };
    std::vector<double> out;
    for (const auto& w : plan.wanted) {
        const double a = value(w.lo);
        const double b =
            w.fraction > 0.0 && std::binary_search(plan.ranks.begin(), plan.ranks.end(), w.lo + 1)
                ? value(w.lo + 1)
                : a;
        // numpy's own interpolation (numpy.lib.function_base._lerp), to the last bit: from the
        // nearer order statistic.
        const double diff = b - a;
        out.push_back(w.fraction >= 0.5 ? b - diff * (1.0 - w.fraction) : a + diff * w.fraction);
    }
    return out;
}

std::vector<double> percentiles(OutcomeReductions& r, OutcomeRowId row, std::span<const double> qs) {
    const std::int64_t n = r.count(row);
    if (n == 0)
        return std::vector<double>(qs.size(), 0.0);
    const PercentilePlan plan = planPercentiles(n, qs);
    return interpolatePercentiles(plan, r.orderStatistics(row, plan.ranks));
}

namespace {

std::vector<ValueRange> blocksOf(std::int64_t n) {
    std::vector<ValueRange> blocks;
    for (std::int64_t begin = 0; begin < n; begin += std::int64_t(kSumBlockPaths))
        blocks.push_back({begin, std::min(n, begin + std::int64_t(kSumBlockPaths))});
    return blocks;
}

// MODEL.md 6.1: a sum over a row is the sum of its fixed blocks' sums, added in block order.
double blockedSum(OutcomeReductions& r, OutcomeRowId row, SumTerm term, std::int64_t n) {
    double total = 0.0;
    for (double block : r.sums(row, term, blocksOf(n)))
        total += block;
    return total;
}

// The path counts of the convergence series: from min(n, 100) up to n by a constant ratio.
std::vector<std::int64_t> convergenceCounts(std::int64_t n, int points) {
    std::vector<std::int64_t> counts;
    const double first = std::min<double>(double(n), 100.0);
    double ratio = points > 1 ? std::pow(double(n) / first, 1.0 / (points - 1)) : 2.0;
    if (!(ratio > 1.0))
        ratio = 2.0; // a single point: the full count
    double target = first;
    std::int64_t last = 0;
    for (;;) {
        const std::int64_t m = std::max<std::int64_t>(last + 1, std::llround(target));
        if (m >= n)
            break;
        counts.push_back(m);
        last = m;
        while (std::llround(target) <= m)
            target *= ratio;
    }
    counts.push_back(n);
    return counts;
}

} // namespace

DistributionSummary summarize(OutcomeReductions& r, OutcomeRowId row) {
    DistributionSummary s;
    const std::int64_t n = r.count(row);
    if (n == 0)
        return s;
    const auto [least, greatest] = r.minMax(row);
    // + 0.0: a zero is +0, whichever of -0 and +0 a device's order of comparisons kept.
    s.min = least + 0.0;
    s.max = greatest + 0.0;
    s.mean = blockedSum(r, row, {SumTerm::Deviation, 0.0}, n) / double(n);
    const double squares = blockedSum(r, row, {SumTerm::SquaredDeviation, s.mean}, n);
    s.std = n > 1 ? std::sqrt(squares / double(n - 1)) : 0.0;
    if (s.min == s.max) {
        // All outcomes equal (a shock-free run): say so exactly, free of the sum's rounding.
        s.mean = s.min;
        s.std = 0.0;
    }
    s.stderr_ = s.std / std::sqrt(double(n));

    std::vector<double> qs;
    for (const auto& f : kSummaryPercentileFields)
        qs.push_back(f.percent);
    const auto p = percentiles(r, row, qs);
    for (std::size_t i = 0; i < qs.size(); ++i)
        s.*kSummaryPercentileFields[i].value = p[i];
    const std::int64_t count = r.countAtLeast(row, s.p95);
    const double tail = blockedSum(r, row, {SumTerm::TailAtLeast, s.p95}, n);
    s.cvar95 = count ? tail / double(count) : s.p95;
    return s;
}

std::vector<ConvergencePoint> convergenceSeries(OutcomeReductions& r, OutcomeRowId row, int points) {
    std::vector<ConvergencePoint> out;
    const std::int64_t n = r.count(row);
    if (n == 0)
        return out;
    // Sums shifted by the first value keep the running variance accurate for large, similar costs.
    // The running sum at m paths is, like every sum (MODEL.md 6.1), the blocks below m in block
    // order, then the rest of m's block in order.
    const double shift = r.sums(row, {SumTerm::Deviation, 0.0}, {{0, 1}})[0];
    const std::vector<ValueRange> blocks = blocksOf(n);
    const std::vector<double> sumBlocks = r.sums(row, {SumTerm::Deviation, shift}, blocks);
    const std::vector<double> squareBlocks = r.sums(row, {SumTerm::SquaredDeviation, shift}, blocks);
    const std::vector<std::int64_t> counts = convergenceCounts(n, points);
    std::vector<ValueRange> rests;
    rests.reserve(counts.size());
    for (std::int64_t m : counts)
        rests.push_back({m / std::int64_t(kSumBlockPaths) * std::int64_t(kSumBlockPaths), m});
    const std::vector<double> sumRests = r.sums(row, {SumTerm::Deviation, shift}, rests);
    const std::vector<double> squareRests = r.sums(row, {SumTerm::SquaredDeviation, shift}, rests);
    double sum = 0.0, squares = 0.0; // over the whole blocks below the current count
    std::size_t whole = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const std::int64_t m = counts[i];
        for (; whole < std::size_t(m / std::int64_t(kSumBlockPaths)); ++whole) {
            sum += sumBlocks[whole];
            squares += squareBlocks[whole];
        }
        const double s1 = sum + sumRests[i], s2 = squares + squareRests[i];
        const double mean = s1 / double(m);
        const double var = m > 1 ? std::max(0.0, (s2 - double(m) * mean * mean) / double(m - 1)) : 0.0;
        out.push_back({m, shift + mean, 1.96 * std::sqrt(var / double(m))});
    }
    return out;
}

namespace {

// Task t of summarizeRun: alternative t / 2's NPV summary and convergence (t even) or LCOC
// summary (t odd) for t < 2A, else one year of one alternative's fan.
void summarizeTask(OutcomeReductions& r, const RunLabels& labels, int t, SimulationResult& result) {
    const int A = r.alternatives(), Y = r.years();
    const int heavy = 2 * A;
    if (t < heavy) {
        auto& alt = result.alternatives[std::size_t(t / 2)];
        if (t % 2 == 0) {
            alt.npvCost = summarize(r, {OutcomeKind::Npv, t / 2});
            alt.convergence = convergenceSeries(r, {OutcomeKind::Npv, t / 2});
        } else if (r.count({OutcomeKind::Lcoc, t / 2}) > 0) {
            alt.lcoc = summarize(r, {OutcomeKind::Lcoc, t / 2});
        }
    } else {
        const int a = (t - heavy) / Y, y = (t - heavy) % Y;
        const auto q = percentiles(r, {OutcomeKind::Cumulative, a * Y + y}, kFanPercentiles);
        result.alternatives[std::size_t(a)].annualCumulative[std::size_t(y)] = {labels.firstYear + y, q[0],
                                                                                q[1], q[2]};
    }
}

} // namespace

void summarizeRun(OutcomeReductions& r, const RunLabels& labels, int threads, SimulationResult& result) {
    const int A = r.alternatives(), Y = r.years();
    const double paths = double(r.paths());
    result.alternatives.assign(std::size_t(A), {});
    for (int a = 0; a < A; ++a) {
        result.alternatives[a].id = labels.alternatives[std::size_t(a)];
        result.alternatives[a].annualCumulative.resize(std::size_t(Y));
    }
    r.prepareOrderStatistics(OutcomeKind::Cumulative, planPercentiles(r.paths(), kFanPercentiles).ranks);
    // One task per statistic that reads a whole row of paths: each alternative's NPV summary (with
    // its convergence series) and LCOC summary first, the larger ones, then every year of every fan.
    // The cores share them evenly, where one task per alternative left one of two cores idle for a
    // third of the time with three alternatives.
    const int heavy = 2 * A;
    const int tasks = heavy + A * Y;
    // No exception may leave an OpenMP region (it would end the process): the first one a task
    // throws (Thrust's, where a CUDA call fails; an allocation) is kept and thrown after it.
    std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1) num_threads(r.concurrentRows() ? std::max(1, threads) : 1)
    for (int t = 0; t < tasks; ++t) {
        try {
            summarizeTask(r, labels, t, result);
        } catch (...) {
#pragma omp critical(ledger_statistics_failure)
            if (!failure)
                failure = std::current_exception();
        }
    }
    if (failure)
        std::rethrow_exception(failure);
    // One range for every alternative's histogram, so they can be drawn on one axis.
    double low = result.alternatives[0].npvCost.min, high = result.alternatives[0].npvCost.max;
    for (const auto& alt : result.alternatives) {
        low = std::min(low, alt.npvCost.min);
        high = std::max(high, alt.npvCost.max);
    }
    const HistogramBins bins = HistogramBins::over(low, high, kHistogramBins);
    for (int a = 0; a < A; ++a) {
        Histogram& h = result.alternatives[a].npvHistogram;
        h.low = low;
        h.high = high;
        h.counts = r.histogram({OutcomeKind::Npv, a}, bins);
    }
    const std::vector<std::int64_t> wins = r.cheapestCounts();
    for (int a = 0; a < A; ++a)
        result.alternatives[a].probCheapest = double(wins[std::size_t(a)]) / paths;
    for (int a = 0; a < A; ++a)
        for (int b = a + 1; b < A; ++b)
            result.probCheaper.push_back({labels.alternatives[std::size_t(a)],
                                          labels.alternatives[std::size_t(b)],
                                          double(r.cheaperCount(a, b)) / paths});
    for (int j = 0; j < r.providers(); ++j)
        result.defaults.push_back({labels.providers[std::size_t(j)], double(r.defaultCount(j)) / paths});
}

std::vector<std::vector<FanPoint>> yearPercentiles(OutcomeReductions& r, int firstYear, int threads) {
    const int A = r.alternatives(), Y = r.years();
    std::vector<std::vector<FanPoint>> out(std::size_t(A), std::vector<FanPoint>(std::size_t(Y), FanPoint{}));
    r.prepareOrderStatistics(OutcomeKind::Cumulative, planPercentiles(r.paths(), kFanPercentiles).ranks);
    std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1) num_threads(r.concurrentRows() ? std::max(1, threads) : 1)
    for (int t = 0; t < A * Y; ++t) {
        try {
            const auto q = percentiles(r, {OutcomeKind::Cumulative, t}, kFanPercentiles);
            out[std::size_t(t / Y)][std::size_t(t % Y)] = {firstYear + t % Y, q[0], q[1], q[2]};
        } catch (...) {
#pragma omp critical(ledger_statistics_failure)
            if (!failure)
                failure = std::current_exception();
        }
    }
    if (failure)
        std::rethrow_exception(failure);
    return out;
}

std::vector<double> percentilesLinear(std::span<const double> values, std::span<const double> qs) {
    SpanReductions r(values);
    return percentiles(r, {}, qs);
}

DistributionSummary summarize(std::span<const double> values) {
    SpanReductions r(values);
    return summarize(r, {});
}

std::vector<ConvergencePoint> convergenceSeries(std::span<const double> values, int points) {
    SpanReductions r(values);
    return convergenceSeries(r, {}, points);
}

} // namespace ledger
