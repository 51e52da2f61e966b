#pragma once
// Each alternative's mean NPV by cost line over a run's paths (docs/monte-carlo.md, "Cost lines"),
// from the lines the paths summed (LineSums.h) and the rules of engine/CostLine.h for the others:
// path-free lines from one deterministic path, tax shields of lines as -tau x theirs, and an
// alternative's own line, where the run found it so, as the rest of its mean NPV cost.
#include "engine/PathInputs.h"
#include "montecarlo/LineSums.h"
#include "montecarlo/SimulationResult.h"

#include <cstdint>
#include <vector>

namespace ledger {

// The lines each alternative lists (the kinds of item it holds; spot's for spot), in CostLine's
// order, with their means. npvMeans: each alternative's mean NPV cost over the same paths.
std::vector<std::vector<LineMean>> lineMeans(const PathInputs& in, const LineSums& sums, std::int64_t paths,
                                             const std::vector<double>& npvMeans);

} // namespace ledger
