#pragma once
// The CUDA backend: a thin kernel that runs the same path function, one thread per path.
#include "engine/PathInputs.h"
#include "montecarlo/LineSums.h"
#include "montecarlo/OutcomeReductions.h"
#include "montecarlo/PathOutcomes.h"

#include <cstdint>
#include <memory>
#include <string>

namespace ledger {

// Threads per block of the path kernel. 128 until a GPU measures the others (gpu_check times 64 to
// 512): 70 registers a thread allow 7 blocks of 128 on a Hopper SM, 28 of its 64 warps.
constexpr int kPathKernelBlock = 128;

// What a timed run measured (installer/gpu-check.sh).
struct GpuRunTiming {
    int blockSize = kPathKernelBlock; // asked for: threads per block of the timed launches
    int timedLaunches = 0;            // kernel launches timed after the first, which also warms up
    double kernelSeconds = 0.0;       // one launch, the mean of the timed ones (CUDA events)
    double totalSeconds = 0.0;        // inputs up, the first launch, outcomes down (wall clock)
};

// Runs paths [firstPath, firstPath + out.paths) on GPU 0 into out (path firstPath at index 0: a
// run in chunks keeps every path's own random numbers). With timing, also launches the kernel
// `timedLaunches` more times and reports the figures. With lines (sized for in.alternatives), adds
// each alternative's NPV by cost line summed over the paths. Returns false and sets *error when the
// GPU cannot.
bool runPathsOnGpu(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::string* error,
                   std::int64_t firstPath = 0, GpuRunTiming* timing = nullptr, int timedLaunches = 0,
                   LineSums* lines = nullptr);

// A run whose per-path outcomes stay on the GPU: the statistics' reductions run there and only
// their answers cross the bus (Statistics.h's summarizeRun takes it like any OutcomeReductions).
class GpuRun : public OutcomeReductions {
public:
    // Copies the per-path outcomes into out (sized for the run, keeping the fan's values): gpu_check
    // holds the GPU's statistics to the CPU's on the same values.
    virtual bool download(PathOutcomes& out, std::string* error) const = 0;
    // Adds each alternative's NPV by cost line summed over the paths (the run keeps them on the side).
    virtual bool lineSums(LineSums& into, std::string* error) const = 0;
};

// Runs paths [firstPath, firstPath + paths) on GPU 0, keeping their outcomes there. Null, with
// *error set, when the GPU cannot.
std::unique_ptr<GpuRun> runPathsOnGpuResident(const PathInputs& in, std::uint64_t seed, std::int64_t paths,
                                              std::string* error, std::int64_t firstPath = 0);

} // namespace ledger
