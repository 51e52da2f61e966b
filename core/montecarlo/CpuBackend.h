#pragma once
// The CPU backend: the path function over all cores (OpenMP), paths in chunks. Each path writes only
// its own outputs, so results are bit-identical for any thread count.
#include "engine/PathInputs.h"
#include "montecarlo/PathOutcomes.h"
#include "montecarlo/RunControl.h"

#include <cstdint>

namespace ledger {

// Threads the CPU backend uses when asked for 0 (all cores).
int defaultCpuThreads();

// Runs paths [0, out.paths). Returns false when cancelled (the outcomes are then incomplete).
bool runPathsOnCpu(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, int threads, const RunControl& control);

} // namespace ledger
