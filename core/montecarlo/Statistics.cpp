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

} // namespace

std::vector<double> percentilesLinear(std::span<double> v, std::span<const double> qs) {
    const std::size_t n = v.size();
    if (n == 0)
        return std::vector<double>(qs.size(), 0.0);
    // Each percentile needs the order statistics at floor(pos) and the next one. Only the first are
    // selected; after that every selected rank splits the values, so the next order statistic is the
    // least value between a rank and the next selected one.
    std::vector<std::size_t> ranks;
    for (double q : qs)
        ranks.push_back(std::min(n - 1, std::size_t(std::floor(q / 100.0 * double(n - 1)))));
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    selectRanks(v, 0, n, ranks.data(), ranks.data() + ranks.size());
    std::vector<double> out;
    for (double q : qs) {
        const double pos = q / 100.0 * double(n - 1);
        const std::size_t lo = std::min(n - 1, std::size_t(std::floor(pos)));
        const double frac = pos - double(lo);
        const double a = v[lo];
        double b = a;
        if (lo + 1 < n && frac > 0.0) {
            const auto next = std::upper_bound(ranks.begin(), ranks.end(), lo);
            const std::size_t end = next == ranks.end() ? n : *next + 1;
            b = *std::min_element(v.begin() + std::ptrdiff_t(lo + 1), v.begin() + std::ptrdiff_t(end));
        }
        // numpy's own interpolation (numpy.lib.function_base._lerp), to the last bit: from the
        // nearer order statistic.
        const double diff = b - a;
        out.push_back(frac >= 0.5 ? b - diff * (1.0 - frac) : a + diff * frac);
    }
    return out;
}

DistributionSummary summarize(std::span<const double> values) {
    DistributionSummary s;
    const std::size_t n = values.size();
    if (n == 0)
        return s;
    double sum = 0.0;
    s.min = s.max = values[0];
    for (double x : values) {
        sum += x;
        s.min = std::min(s.min, x);
        s.max = std::max(s.max, x);
    }
    s.mean = sum / double(n);
    double squares = 0.0;
    for (double x : values)
        squares += (x - s.mean) * (x - s.mean);
    s.std = n > 1 ? std::sqrt(squares / double(n - 1)) : 0.0;
    if (s.min == s.max) {
        // All outcomes equal (a shock-free run): say so exactly, free of the sum's rounding.
        s.mean = s.min;
        s.std = 0.0;
    }
    s.stderr_ = s.std / std::sqrt(double(n));

    std::vector<double> scratch(values.begin(), values.end());
    static constexpr double qs[] = {1, 5, 10, 25, 50, 75, 90, 95, 99};
    const auto p = percentilesLinear(scratch, qs);
    s.p1 = p[0];
    s.p5 = p[1];
    s.p10 = p[2];
    s.p25 = p[3];
    s.p50 = p[4];
    s.p75 = p[5];
    s.p90 = p[6];
    s.p95 = p[7];
    s.p99 = p[8];
    double tail = 0.0;
    std::size_t count = 0;
    for (double x : values) {
        if (x >= s.p95) {
            tail += x;
            ++count;
        }
    }
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
