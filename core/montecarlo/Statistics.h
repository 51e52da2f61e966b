#pragma once
// Summary statistics of per-path outcomes (MODEL.md 6.2). Everything is computed from the per-path
// arrays in path order, so the same paths give the same numbers whatever the thread count.
#include "montecarlo/SimulationResult.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ledger {

// Sums over paths (the mean, the squares of the std, cvar95's tail) are reduced in fixed blocks of
// this many paths, combined in block order (MODEL.md 6.1; docs/monte-carlo.md): the same bits on any
// device, and for shards that start at a block boundary.
constexpr std::size_t kSumBlockPaths = 4096;

// Percentiles with numpy's default (linear) rule: position q/100 x (n-1) between order statistics,
// interpolated as numpy does, so the numbers are numpy's to the last bit. qs in percent, in any order.
std::vector<double> percentilesLinear(std::span<const double> values, std::span<const double> qs);

// Mean, std (n-1), stderr, min, max, p1..p99 and cvar95 of `values`.
DistributionSummary summarize(std::span<const double> values);

// Running mean and 95% band at about `points` path counts spread evenly on a log scale.
std::vector<ConvergencePoint> convergenceSeries(std::span<const double> values, int points = 40);

} // namespace ledger
