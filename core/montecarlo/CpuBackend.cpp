#include "montecarlo/CpuBackend.h"

#include "engine/PathFunction.h"
#include "montecarlo/PhiloxShocks.h"

#include <omp.h>

#include <algorithm>
#include <atomic>

namespace ledger {

int defaultCpuThreads() { return std::max(1, omp_get_num_procs()); }

bool runPathsOnCpu(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, int threads,
                   const RunControl& control) {
    // Chunks small enough that a cancel is seen within ~100 ms even for long horizons.
    const std::int64_t chunk = std::max<std::int64_t>(16, 65536 / std::max(1, in.periods * std::max(1, in.items)));
    const std::int64_t chunks = (out.paths + chunk - 1) / chunk;
    std::atomic<std::int64_t> done{0};
    std::atomic<bool> stopped{false};
#pragma omp parallel for schedule(dynamic, 1) num_threads(std::max(1, threads))
    for (std::int64_t c = 0; c < chunks; ++c) {
        if (stopped.load(std::memory_order_relaxed))
            continue;
        if (control.cancelled()) {
            stopped = true;
            continue;
        }
        const std::int64_t end = std::min(out.paths, (c + 1) * chunk);
        for (std::int64_t p = c * chunk; p < end; ++p) {
            PhiloxShocks shocks(seed, std::uint64_t(p));
            PathOutcomeSink sink = out.sinkFor(in, p);
            simulatePath(in, shocks, sink);
        }
        const std::int64_t now = done.fetch_add(end - c * chunk) + (end - c * chunk);
        if (control.progress && omp_get_thread_num() == 0)
            control.progress(now, out.paths);
    }
    if (control.progress && !stopped)
        control.progress(out.paths, out.paths);
    return !stopped;
}

} // namespace ledger
