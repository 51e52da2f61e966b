#include "montecarlo/Statistics.h"

#include <algorithm>
#include <cmath>

namespace ledger {

namespace {

// Puts the order statistic of every rank in [first, last) (ascending, distinct, all inside
// [lo, hi)) at its position: select the middle rank, then each side's ranks in that side only. The
// ranges halve with every level, so k ranks cost O(n log k) instead of k passes over the values.
void selectRanks(std::span<double> v, std::size_t lo, std::size_t hi, const std::size_t* first,
                 const std::size_t* last) {
    if (first == last)
        return;
    const std::size_t* mid = first + (last - first) / 2;
    std::nth_element(v.begin() + std::ptrdiff_t(lo), v.begin() + std::ptrdiff_t(*mid),
                     v.begin() + std::ptrdiff_t(hi));
    selectRanks(v, lo, *mid, first, mid);
    selectRanks(v, *mid + 1, hi, mid + 1, last);
}

// The values at the given ranks (ascending, distinct) of v in ascending order: a copy ordered by
// selectRanks.
std::vector<double> selectedOrderStatistics(std::span<const double> v,
                                            const std::vector<std::size_t>& ranks) {
    std::vector<double> copy(v.begin(), v.end());
    selectRanks(copy, 0, copy.size(), ranks.data(), ranks.data() + ranks.size());
    std::vector<double> out;
    out.reserve(ranks.size());
    for (std::size_t r : ranks)
        out.push_back(copy[r]);
    return out;
}

// The same by counting, without reordering a copy of every value: each value falls in one of
// kBuckets equal-width buckets between the least and the greatest (a monotone map, so every value
// in a bucket is at least every value in the buckets below it); the counts say which bucket holds
// each wanted rank, and only those buckets' values are collected and ordered. Three streaming passes
// over a million values instead of nth_element's repeated partitioning (several times faster here).
std::vector<double> orderStatistics(std::span<const double> v, const std::vector<std::size_t>& ranks) {
    constexpr std::size_t kBuckets = 8192;
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
    for (std::size_t r : ranks) {
        const std::size_t b =
            std::size_t(std::upper_bound(start.begin(), start.end(), r) - start.begin()) - 1;
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
        std::vector<std::size_t> local; // this bucket's ranks, counted from its first value
        for (std::size_t i = 0; i < ranks.size(); ++i)
            if (bucketOfRank[i] == b)
                local.push_back(ranks[i] - start[b]);
        auto& values = held[std::size_t(slot[b])];
        selectRanks(values, 0, values.size(), local.data(), local.data() + local.size());
        for (std::size_t r : local)
            out.push_back(values[r]);
    }
    return out; // ranks ascending, buckets ascending: in the order of `ranks`
}

} // namespace

std::vector<double> percentilesLinear(std::span<const double> v, std::span<const double> qs) {
    const std::size_t n = v.size();
    if (n == 0)
        return std::vector<double>(qs.size(), 0.0);
    // Each percentile needs the order statistics at floor(pos) and, between two, the next one.
    struct Wanted {
        std::size_t lo;
        double frac;
    };
    std::vector<Wanted> wanted;
    std::vector<std::size_t> ranks;
    for (double q : qs) {
        const double pos = q / 100.0 * double(n - 1);
        const std::size_t lo = std::min(n - 1, std::size_t(std::floor(pos)));
        wanted.push_back({lo, pos - double(lo)});
        ranks.push_back(lo);
        if (lo + 1 < n && pos - double(lo) > 0.0)
            ranks.push_back(lo + 1);
    }
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    const std::vector<double> at = orderStatistics(v, ranks);
    auto value = [&](std::size_t r) {
        return at[std::size_t(std::lower_bound(ranks.begin(), ranks.end(), r) - ranks.begin())];
    };
    std::vector<double> out;
    for (const Wanted& w : wanted) {
        const double a = value(w.lo);
        const double b = w.lo + 1 < n && w.frac > 0.0 ? value(w.lo + 1) : a;
        // numpy's own interpolation (numpy.lib.function_base._lerp), to the last bit: from the
        // nearer order statistic.
        const double diff = b - a;
        out.push_back(w.frac >= 0.5 ? b - diff * (1.0 - w.frac) : a + diff * w.frac);
    }
    return out;
}

namespace {

// MODEL.md 6.1: a sum over paths is reduced in fixed blocks of kSumBlockPaths, each summed in path
// order, the block sums then added in block order. A GPU reduction with one block of threads per
// block of paths, or shards cut at block boundaries, then compute the same bits as this loop.
template <class Term> double blockSum(std::span<const double> values, Term&& term) {
    double total = 0.0;
    for (std::size_t begin = 0; begin < values.size(); begin += kSumBlockPaths) {
        const std::size_t end = std::min(values.size(), begin + kSumBlockPaths);
        double block = 0.0;
        for (std::size_t i = begin; i < end; ++i)
            block += term(values[i]);
        total += block;
    }
    return total;
}

} // namespace

DistributionSummary summarize(std::span<const double> values) {
    DistributionSummary s;
    const std::size_t n = values.size();
    if (n == 0)
        return s;
    s.min = s.max = values[0];
    for (double x : values) {
        s.min = std::min(s.min, x);
        s.max = std::max(s.max, x);
    }
    s.mean = blockSum(values, [](double x) { return x; }) / double(n);
    const double mean = s.mean;
    const double squares = blockSum(values, [mean](double x) { return (x - mean) * (x - mean); });
    s.std = n > 1 ? std::sqrt(squares / double(n - 1)) : 0.0;
    if (s.min == s.max) {
        // All outcomes equal (a shock-free run): say so exactly, free of the sum's rounding.
        s.mean = s.min;
        s.std = 0.0;
    }
    s.stderr_ = s.std / std::sqrt(double(n));

    static constexpr double qs[] = {1, 5, 10, 25, 50, 75, 90, 95, 99};
    const auto p = percentilesLinear(values, qs);
    s.p1 = p[0];
    s.p5 = p[1];
    s.p10 = p[2];
    s.p25 = p[3];
    s.p50 = p[4];
    s.p75 = p[5];
    s.p90 = p[6];
    s.p95 = p[7];
    s.p99 = p[8];
    const double p95 = s.p95;
    std::size_t count = 0;
    for (double x : values)
        count += x >= p95;
    // A path outside the tail adds nothing to its block's sum (x + 0 is x, to the bit).
    const double tail = blockSum(values, [p95](double x) { return x >= p95 ? x : 0.0; });
    s.cvar95 = count ? tail / double(count) : s.p95;
    return s;
}

std::vector<ConvergencePoint> convergenceSeries(std::span<const double> values, int points) {
    std::vector<ConvergencePoint> out;
    const std::size_t n = values.size();
    if (n == 0)
        return out;
    // Shifted sums keep the running variance accurate for large, similar costs.
    const double shift = values[0];
    double sum = 0.0, squares = 0.0;
    std::size_t next = 0;
    const double first = std::min<double>(double(n), 100.0);
    double ratio = points > 1 ? std::pow(double(n) / first, 1.0 / (points - 1)) : 2.0;
    if (!(ratio > 1.0))
        ratio = 2.0; // a single point: the full count
    double target = first;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = values[i] - shift;
        sum += d;
        squares += d * d;
        const std::size_t m = i + 1;
        if (m >= std::size_t(std::llround(target)) && m > next) {
            const double mean = sum / double(m);
            const double var =
                m > 1 ? std::max(0.0, (squares - double(m) * mean * mean) / double(m - 1)) : 0.0;
            out.push_back({std::int64_t(m), shift + mean, 1.96 * std::sqrt(var / double(m))});
            next = m;
            while (std::size_t(std::llround(target)) <= m)
                target *= ratio;
        }
    }
    if (out.empty() || out.back().paths != std::int64_t(n)) {
        const double mean = sum / double(n);
        const double var = n > 1 ? std::max(0.0, (squares - double(n) * mean * mean) / double(n - 1)) : 0.0;
        out.push_back({std::int64_t(n), shift + mean, 1.96 * std::sqrt(var / double(n))});
    }
    return out;
}

} // namespace ledger
