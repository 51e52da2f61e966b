#pragma once
// Summary statistics of per-path outcomes (MODEL.md 6.2). Everything is computed from the per-path
// arrays in path order, so the same paths give the same numbers whatever the thread count.
#include "montecarlo/SimulationResult.h"

#include <cstdint>
#include <span>
#include <vector>

namespace ledger {

// Percentiles with numpy's default (linear) rule: position q/100 x (n-1) between order statistics,
// interpolated as numpy does, so the numbers are numpy's to the last bit. qs in percent, in any order.
std::vector<double> percentilesLinear(std::span<const double> values, std::span<const double> qs);

// Mean, std (n-1), stderr, min, max, p1..p99 and cvar95 of `values`.
DistributionSummary summarize(std::span<const double> values);

// Running mean and 95% band at about `points` path counts spread evenly on a log scale.
std::vector<ConvergencePoint> convergenceSeries(std::span<const double> values, int points = 40);

} // namespace ledger
