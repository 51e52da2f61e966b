#pragma once
// The CPU backend: the path function over all cores (OpenMP), paths in chunks, four at a time in
// AVX2 registers when the CPU has AVX2 (chosen at run time), one at a time otherwise. Each path
// writes only its own outputs, so results are bit-identical for any thread count.
#include "engine/PathInputs.h"
#include "montecarlo/PathOutcomes.h"
#include "montecarlo/RunControl.h"

#include <cstdint>

namespace ledger {

// Threads the CPU backend uses when asked for 0 (all cores).
int defaultCpuThreads();

// Runs paths [0, out.paths). vectorized = false forces one path at a time (tests compare the two).
// Returns false when cancelled (the outcomes are then incomplete).
bool runPathsOnCpu(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, int threads, bool vectorized,
                   const RunControl& control);

// "avx2" or "scalar": what runPathsOnCpu uses on this machine when allowed to vectorize.
const char* cpuInstructionSet();

} // namespace ledger
