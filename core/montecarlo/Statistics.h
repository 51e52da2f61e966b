#pragma once
// Summary statistics of per-path outcomes (MODEL.md 6.2), built from the exact answers and fixed-order
// sums of an OutcomeReductions, so the CPU and the GPU, which answer them where the outcomes live,
// give the same summaries to the bit whatever the thread count (docs/monte-carlo.md, "Statistics").
#include "montecarlo/OutcomeReductions.h"
#include "montecarlo/SimulationResult.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ledger {

// Sums over paths (the mean, the squares of the std, cvar95's tail, the convergence series) are
// reduced in fixed blocks of this many values, each summed in order, the block sums then added in
// block order (MODEL.md 6.1): the same bits on any device, and for shards that start at a block
// boundary.
constexpr std::size_t kSumBlockPaths = 4096;
// The NPV cost histogram's bins, one range for every alternative.
constexpr int kHistogramBins = 40;
// The percentiles of the yearly fan of cumulative cash (FanPoint's p5, p50, p95); a summary's are
// kSummaryPercentileFields (SimulationResult.h).
inline constexpr double kFanPercentiles[] = {5, 50, 95};

// numpy's default (linear) rule: position q/100 x (n-1) between order statistics, interpolated as
// numpy does. `ranks` are the order statistics the percentiles need (ascending, distinct).
struct PercentilePlan {
    struct Wanted {
        std::int64_t lo = 0;
        double fraction = 0.0;
    };
    std::vector<Wanted> wanted; // one per percentile asked for, in the order asked
    std::vector<std::int64_t> ranks;
};
PercentilePlan planPercentiles(std::int64_t n, std::span<const double> qs);
// The percentiles from the order statistics at plan.ranks (in that order).
std::vector<double> interpolatePercentiles(const PercentilePlan& plan, const std::vector<double>& at);

std::vector<double> percentiles(OutcomeReductions& r, OutcomeRowId row, std::span<const double> qs);
// Mean, std (n-1), stderr, min, max, p1..p99 and cvar95 of a row (all zero for an empty row).
DistributionSummary summarize(OutcomeReductions& r, OutcomeRowId row);
// Running mean and 95% band at about `points` path counts spread evenly on a log scale.
std::vector<ConvergencePoint> convergenceSeries(OutcomeReductions& r, OutcomeRowId row, int points = 40);

// The names a run's statistics are reported under.
struct RunLabels {
    std::vector<std::string> alternatives; // the portfolio's, then spot
    std::vector<std::string> providers;
    int firstYear = 0;
};
// Every statistic of SimulationResult (alternatives, probCheaper, defaults) from a run's outcomes,
// on up to `threads` threads where the reductions allow it.
void summarizeRun(OutcomeReductions& r, const RunLabels& labels, int threads, SimulationResult& result);

// The p5, p50 and p95 of every alternative's year rows (out[a][y], years labelled from firstYear):
// the fan's percentiles, of whatever the rows hold (PathOutcomes::fanQuantity).
std::vector<std::vector<FanPoint>> yearPercentiles(OutcomeReductions& r, int firstYear, int threads);

// The same for one row of values in memory.
std::vector<double> percentilesLinear(std::span<const double> values, std::span<const double> qs);
DistributionSummary summarize(std::span<const double> values);
std::vector<ConvergencePoint> convergenceSeries(std::span<const double> values, int points = 40);

} // namespace ledger
