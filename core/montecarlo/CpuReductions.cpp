#include "montecarlo/CpuReductions.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>

namespace ledger {

namespace {

// Puts the order statistic of every rank in [first, last) (ascending, distinct, all inside
// [lo, hi)) at its position: select the middle rank, then each side's ranks in that side only. The
// ranges halve with every level, so k ranks cost O(n log k) instead of k passes over the values.
void selectRanks(std::span<double> v, std::size_t lo, std::size_t hi, const std::int64_t* first,
                 const std::int64_t* last) {
    if (first == last)
        return;
    const std::int64_t* mid = first + (last - first) / 2;
    std::nth_element(v.begin() + std::ptrdiff_t(lo), v.begin() + std::ptrdiff_t(*mid),
                     v.begin() + std::ptrdiff_t(hi));
    selectRanks(v, lo, std::size_t(*mid), first, mid);
    selectRanks(v, std::size_t(*mid) + 1, hi, mid + 1, last);
}

// The values at the given ranks of v in ascending order: a copy ordered by selectRanks.
std::vector<double> selectedOrderStatistics(std::span<const double> v,
                                            const std::vector<std::int64_t>& ranks) {
    std::vector<double> copy(v.begin(), v.end());
    selectRanks(copy, 0, copy.size(), ranks.data(), ranks.data() + ranks.size());
    std::vector<double> out;
    out.reserve(ranks.size());
    for (std::int64_t r : ranks)
        out.push_back(copy[std::size_t(r)]);
    return out;
}

std::pair<double, double> minMaxOf(std::span<const double> v) {
    double low = v[0], high = v[0];
    for (double x : v) {
        low = std::min(low, x);
        high = std::max(high, x);
    }
    return {low, high};
}

std::vector<double> sumsOf(std::span<const double> v, SumTerm term, const std::vector<ValueRange>& ranges) {
    std::vector<double> out;
    out.reserve(ranges.size());
    for (const ValueRange& r : ranges) {
        double sum = 0.0;
        for (std::int64_t i = r.begin; i < r.end; ++i)
            sum += term(v[std::size_t(i)]);
        out.push_back(sum);
    }
    return out;
}

std::int64_t countAtLeastOf(std::span<const double> v, double threshold) {
    std::int64_t count = 0;
    for (double x : v)
        count += x >= threshold;
    return count;
}

std::vector<std::int64_t> histogramOf(std::span<const double> v, const HistogramBins& bins) {
    std::vector<std::int64_t> counts(std::size_t(bins.bins), 0);
    // A bin only from finite numbers: an overflowed outcome (which validation's bounds keep out, and
    // the caller reports) must never become a write outside the counts.
    for (double x : v)
        if (finiteValue(x))
            ++counts[std::size_t(bins.of(x))];
    return counts;
}

} // namespace

// Each value falls in one of kBuckets equal-width buckets between the least and the greatest (a
// monotone map, so every value in a bucket is at least every value in the buckets below it); the
// counts say which bucket holds each wanted rank, and only those buckets' values are collected and
// ordered. Three streaming passes over a million values instead of nth_element's repeated
// partitioning (several times faster here).
std::vector<double> orderStatisticsOf(std::span<const double> v, const std::vector<std::int64_t>& ranks) {
    constexpr std::size_t kBuckets = 8192;
    if (ranks.empty())
        return {};
    double low = v[0], high = v[0];
    bool finite = true;
    for (double x : v) {
        low = std::min(low, x);
        high = std::max(high, x);
        finite = finite && std::isfinite(x);
    }
    if (!(high > low) && finite)
        return std::vector<double>(ranks.size(), low); // every value the same
    const double scale = double(kBuckets) / (high - low);
    // Infinities, NaN, a range too wide to subtract or too narrow to divide by: order a copy.
    if (!finite || !std::isfinite(high - low) || !std::isfinite(scale))
        return selectedOrderStatistics(v, ranks);
    auto bucketOf = [&](double x) { return std::min(kBuckets - 1, std::size_t((x - low) * scale)); };
    std::vector<std::size_t> start(kBuckets + 1, 0); // start[b]: how many values lie below bucket b
    for (double x : v)
        ++start[bucketOf(x) + 1];
    for (std::size_t b = 1; b <= kBuckets; ++b)
        start[b] += start[b - 1];
    std::vector<int> slot(kBuckets, -1); // bucket -> its place in `held`, when a rank lies in it
    std::vector<std::vector<double>> held;
    std::vector<std::size_t> bucketOfRank;
    for (std::int64_t r : ranks) {
        const std::size_t b =
            std::size_t(std::upper_bound(start.begin(), start.end(), std::size_t(r)) - start.begin()) - 1;
        if (slot[b] < 0) {
            slot[b] = int(held.size());
            held.emplace_back();
            held.back().reserve(start[b + 1] - start[b]);
        }
        bucketOfRank.push_back(b);
    }
    for (double x : v) {
        const int at = slot[bucketOf(x)];
        if (at >= 0)
            held[std::size_t(at)].push_back(x);
    }
    std::vector<double> out;
    for (std::size_t b = 0; b < kBuckets; ++b) {
        if (slot[b] < 0)
            continue;
        std::vector<std::int64_t> local; // this bucket's ranks, counted from its first value
        for (std::size_t i = 0; i < ranks.size(); ++i)
            if (bucketOfRank[i] == b)
                local.push_back(ranks[i] - std::int64_t(start[b]));
        auto& values = held[std::size_t(slot[b])];
        selectRanks(values, 0, values.size(), local.data(), local.data() + local.size());
        for (std::int64_t r : local)
            out.push_back(values[std::size_t(r)]);
    }
    return out; // ranks ascending, buckets ascending: in the order of `ranks`
}

std::pair<double, double> SpanReductions::minMax(OutcomeRowId) {
    return minMaxOf(values_);
}
std::vector<double> SpanReductions::sums(OutcomeRowId, SumTerm term, const std::vector<ValueRange>& ranges) {
    return sumsOf(values_, term, ranges);
}
std::int64_t SpanReductions::countAtLeast(OutcomeRowId, double threshold) {
    return countAtLeastOf(values_, threshold);
}
std::vector<double> SpanReductions::orderStatistics(OutcomeRowId, const std::vector<std::int64_t>& ranks) {
    return orderStatisticsOf(values_, ranks);
}
std::vector<std::int64_t> SpanReductions::histogram(OutcomeRowId, const HistogramBins& bins) {
    return histogramOf(values_, bins);
}

std::span<const double> CpuReductions::values(OutcomeRowId row, std::vector<double>& held) {
    const std::span<const double> npv(out_.rowStart(out_.npv, std::size_t(row.index)),
                                      std::size_t(out_.paths));
    switch (row.kind) {
    case OutcomeKind::Npv:
        return npv;
    case OutcomeKind::Lcoc: {
        // compacted_ is sized for the threads at construction; a thread beyond them copies anew.
        const std::size_t thread = std::size_t(omp_get_thread_num());
        CompactedRow* cache = thread < compacted_.size() ? &compacted_[thread] : nullptr;
        std::vector<double>& into = cache ? cache->values : held;
        if (cache && cache->row == row.index)
            return into;
        into.clear();
        for (double x : std::span<const double>(out_.rowStart(out_.lcoc, std::size_t(row.index)),
                                                std::size_t(out_.paths)))
            if (std::isfinite(x))
                into.push_back(x);
        if (cache)
            cache->row = row.index;
        return into;
    }
    case OutcomeKind::Cumulative:
        if (out_.fanStorage != FanStorage::Values)
            throw std::logic_error("the run kept only the fan's buckets, not its values");
        return {out_.rowStart(out_.cumulative, std::size_t(row.index)), std::size_t(out_.paths)};
    }
    return npv;
}

std::int64_t CpuReductions::count(OutcomeRowId row) {
    if (row.kind != OutcomeKind::Lcoc)
        return out_.paths;
    std::int64_t n = 0;
    for (double x :
         std::span<const double>(out_.rowStart(out_.lcoc, std::size_t(row.index)), std::size_t(out_.paths)))
        n += std::isfinite(x);
    return n;
}

std::pair<double, double> CpuReductions::minMax(OutcomeRowId row) {
    std::vector<double> held;
    return minMaxOf(values(row, held));
}

std::vector<double> CpuReductions::sums(OutcomeRowId row, SumTerm term,
                                        const std::vector<ValueRange>& ranges) {
    std::vector<double> held;
    return sumsOf(values(row, held), term, ranges);
}

std::int64_t CpuReductions::countAtLeast(OutcomeRowId row, double threshold) {
    std::vector<double> held;
    return countAtLeastOf(values(row, held), threshold);
}

std::vector<double> CpuReductions::orderStatistics(OutcomeRowId row, const std::vector<std::int64_t>& ranks) {
    if (row.kind == OutcomeKind::Cumulative && out_.fanStorage == FanStorage::Buckets) {
        if (ranks != fanRanks_)
            throw std::logic_error("fan order statistics at ranks they were not prepared for");
        return fanOrderStatistics_[std::size_t(row.index)];
    }
    std::vector<double> held;
    return orderStatisticsOf(values(row, held), ranks);
}

std::vector<std::int64_t> CpuReductions::histogram(OutcomeRowId row, const HistogramBins& bins) {
    std::vector<double> held;
    return histogramOf(values(row, held), bins);
}

std::vector<std::int64_t> CpuReductions::cheapestCounts() {
    const int A = out_.alternatives;
    std::vector<std::int64_t> wins(std::size_t(A), 0);
    std::vector<const double*> rows;
    rows.reserve(std::size_t(A));
    for (int a = 0; a < A; ++a)
        rows.push_back(out_.rowStart(out_.npv, std::size_t(a)));
    for (std::int64_t i = 0; i < out_.paths; ++i) {
        int best = 0;
        for (int a = 1; a < A; ++a)
            if (rows[std::size_t(a)][i] < rows[std::size_t(best)][i])
                best = a;
        ++wins[std::size_t(best)];
    }
    return wins;
}

std::int64_t CpuReductions::cheaperCount(int a, int b) {
    const double* x = out_.rowStart(out_.npv, std::size_t(a));
    const double* y = out_.rowStart(out_.npv, std::size_t(b));
    std::int64_t cheaper = 0;
    for (std::int64_t i = 0; i < out_.paths; ++i)
        cheaper += x[i] < y[i];
    return cheaper;
}

std::int64_t CpuReductions::defaultCount(int provider) {
    std::int64_t count = 0;
    for (std::int64_t i = 0; i < out_.paths; ++i)
        count += out_.defaultedOn(provider, i);
    return count;
}

// The fan's exact order statistics from its codes (FanScale): each row's code counts say which code
// holds each wanted rank. A code of one shared value answers at once; for the others, the paths
// whose value has one of those codes, in any row, run again (in groups of the run's instruction
// set's own width, whose lanes compute exactly what they computed in the run's wider groups); the
// values collected, ordered within their codes, are the order statistics.
void CpuReductions::prepareOrderStatistics(OutcomeKind kind, const std::vector<std::int64_t>& ranks) {
    if (kind != OutcomeKind::Cumulative || out_.fanStorage != FanStorage::Buckets)
        return;
    const std::size_t rows = std::size_t(out_.alternatives) * std::size_t(out_.years);
    const std::int64_t n = out_.paths;
    constexpr std::size_t kCodes = 3 * FanScale::kBuckets;
    fanRanks_ = ranks;
    fanOrderStatistics_.assign(rows, std::vector<double>(ranks.size(), 0.0));
    if (rows == 0 || ranks.empty())
        return;
    struct RowPlan {
        std::vector<std::int64_t> below;   // per code, the values with lower codes
        std::vector<unsigned char> wanted; // per code: holds a wanted rank that its code does not answer
        std::vector<std::uint16_t> codeOfRank;
    };
    std::vector<RowPlan> plans(rows);
#pragma omp parallel for schedule(dynamic, 1) num_threads(std::max(1, threads_))
    for (std::size_t r = 0; r < rows; ++r) {
        RowPlan& plan = plans[r];
        plan.below.assign(kCodes + 1, 0);
        const std::uint16_t* codes = out_.fanBucket.data() + r * std::size_t(out_.stride);
        for (std::int64_t i = 0; i < n; ++i)
            ++plan.below[std::size_t(codes[i]) + 1];
        for (std::size_t c = 1; c <= kCodes; ++c)
            plan.below[c] += plan.below[c - 1];
        plan.wanted.assign(kCodes, 0);
        for (std::size_t k = 0; k < ranks.size(); ++k) {
            const auto c = std::uint16_t(std::upper_bound(plan.below.begin(), plan.below.end(), ranks[k]) -
                                         plan.below.begin() - 1);
            plan.codeOfRank.push_back(c);
            double value = 0.0;
            if (out_.fanScales[r].exact(c, &value))
                fanOrderStatistics_[r][k] = value;
            else
                plan.wanted[c] = 1;
        }
    }
    // The groups to run again: those with a path whose value is wanted in some row.
    const int width = std::max(1, groupWidth_);
    const std::int64_t groups = (n + width - 1) / width;
    std::vector<unsigned char> rerun(std::size_t(groups), 0);
#pragma omp parallel for schedule(static) num_threads(std::max(1, threads_))
    for (std::int64_t g = 0; g < groups; ++g) {
        bool any = false;
        for (std::int64_t p = g * width; p < std::min(n, (g + 1) * width) && !any; ++p)
            for (std::size_t r = 0; r < rows && !any; ++r)
                any = plans[r].wanted[out_.fanBucket[r * std::size_t(out_.stride) + std::size_t(p)]] != 0;
        rerun[std::size_t(g)] = any;
    }
    std::vector<std::int64_t> toRun;
    for (std::int64_t g = 0; g < groups; ++g)
        if (rerun[std::size_t(g)])
            toRun.push_back(g * width);
    if (!toRun.empty() && !runAgain_)
        throw std::logic_error("a run that kept fan codes, without a way to run its paths again");
    fanPathsRunAgain_ = 0;
    for (std::int64_t begin : toRun)
        fanPathsRunAgain_ += std::min<std::int64_t>(width, n - begin);
    // Per row, the wanted values as (code, value), gathered from every thread.
    std::vector<std::vector<std::pair<std::uint16_t, double>>> found(rows);
#pragma omp parallel num_threads(std::max(1, threads_))
    {
        PathInputs shape;
        shape.alternatives = out_.alternatives;
        shape.years = out_.years;
        shape.providers = out_.providers;
        PathOutcomes slice(width, shape);
        slice.fanQuantity = out_.fanQuantity; // the paths run again give what their run kept
        std::vector<std::vector<std::pair<std::uint16_t, double>>> mine(rows);
#pragma omp for schedule(dynamic, 64)
        for (std::size_t i = 0; i < toRun.size(); ++i) {
            const std::int64_t begin = toRun[i];
            slice.first = begin;
            slice.clear(begin, begin + width);
            runAgain_(slice, begin, begin + width);
            for (std::int64_t p = begin; p < std::min(n, begin + width); ++p)
                for (std::size_t r = 0; r < rows; ++r) {
                    const std::uint16_t c = out_.fanBucket[r * std::size_t(out_.stride) + std::size_t(p)];
                    if (plans[r].wanted[c])
                        mine[r].push_back(
                            {c, slice.cumulative[r * std::size_t(slice.stride) + std::size_t(p - begin)]});
                }
        }
#pragma omp critical
        for (std::size_t r = 0; r < rows; ++r)
            found[r].insert(found[r].end(), mine[r].begin(), mine[r].end());
    }
    // No exception may leave an OpenMP region: a disagreement is noted, and thrown after it.
    std::atomic<bool> disagreed{false};
#pragma omp parallel for schedule(dynamic, 1) num_threads(std::max(1, threads_))
    for (std::size_t r = 0; r < rows; ++r) {
        auto& values = found[r];
        std::sort(values.begin(), values.end());
        const RowPlan& plan = plans[r];
        for (std::size_t k = 0; k < ranks.size() && !disagreed; ++k) {
            const std::uint16_t c = plan.codeOfRank[k];
            if (!plan.wanted[c])
                continue; // answered by its shared value
            // The code's values follow those of the wanted codes below it; a path run again gives
            // the bits it gave in the run, so the code holds as many values as it counted.
            const auto [from, to] =
                std::equal_range(values.begin(), values.end(), std::pair<std::uint16_t, double>(c, 0.0),
                                 [](const auto& x, const auto& y) { return x.first < y.first; });
            if (to - from != plan.below[c + 1] - plan.below[c]) {
                disagreed = true;
                break;
            }
            fanOrderStatistics_[r][k] = (from + std::ptrdiff_t(ranks[k] - plan.below[c]))->second;
        }
    }
    if (disagreed)
        throw std::logic_error("a fan path run again did not give the value it gave in the run");
}

} // namespace ledger
