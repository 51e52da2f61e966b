#pragma once
// The CUDA backend: a thin kernel that runs the same path function, one thread per path.
#include "engine/PathInputs.h"
#include "montecarlo/PathOutcomes.h"

#include <cstdint>
#include <string>

namespace ledger {

// What a timed run measured (installer/gpu-check.sh).
struct GpuRunTiming {
    int timedLaunches = 0;      // kernel launches timed after the first, which also warms up
    double kernelSeconds = 0.0; // one launch, the mean of the timed ones (CUDA events)
    double totalSeconds = 0.0;  // inputs up, the first launch, outcomes down (wall clock)
};

// Runs paths [firstPath, firstPath + out.paths) on GPU 0 into out (path firstPath at index 0: a
// run in chunks keeps every path's own random numbers). With timing, also launches the kernel
// `timedLaunches` more times and reports the figures. Returns false and sets *error when the GPU
// cannot.
bool runPathsOnGpu(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::string* error,
                   std::int64_t firstPath = 0, GpuRunTiming* timing = nullptr, int timedLaunches = 0);

} // namespace ledger
