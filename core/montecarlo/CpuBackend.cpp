#include "montecarlo/CpuBackend.h"

#include "engine/PathFunction.h"
#include "montecarlo/PhiloxShocks.h"
#include "montecarlo/simd/CpuPaths.h"

#include <omp.h>

#include <algorithm>
#include <atomic>

namespace ledger {

int defaultCpuThreads() {
    return std::max(1, omp_get_num_procs());
}

namespace simd {
bool avx2Available() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}
bool avx512Available() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}
} // namespace simd

int cpuLanes(int maxLanes) {
    if (maxLanes >= 32 && simd::avx512Available())
        return 32;
    if (maxLanes >= 16 && simd::avx2Available())
        return 16;
    if (maxLanes >= 8 && simd::avx512Available())
        return 8;
    if (maxLanes >= 4 && simd::avx2Available())
        return 4;
    return 1;
}

const char* cpuInstructionSet(int lanes) {
    switch (lanes) {
    case 32:
        return "avx512 x4";
    case 16:
        return "avx2 x4";
    case 8:
        return "avx512";
    case 4:
        return "avx2";
    default:
        return "scalar";
    }
}

bool runPathsOnCpu(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, int threads, int maxLanes,
                   const RunControl& control) {
    const int lanes = cpuLanes(maxLanes);
    // Chunks (a multiple of 32 paths, the widest group) small enough that a cancel is seen within ~100 ms.
    const std::int64_t work = std::int64_t(std::max(1, in.periods)) * std::max(1, in.items);
    const std::int64_t chunk = std::max<std::int64_t>(32, 131072 / work) / 32 * 32;
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
        const std::int64_t begin = c * chunk;
        const std::int64_t end = std::min(out.paths, begin + chunk);
        const std::int64_t padded = std::min(out.stride, (end + lanes - 1) / lanes * lanes);
        out.clear(begin, padded);
        if (lanes == 32) {
            simd::runPaths32(in, seed, out, begin, padded);
        } else if (lanes == 16) {
            simd::runPaths16(in, seed, out, begin, padded);
        } else if (lanes == 8) {
            simd::runPaths8(in, seed, out, begin, padded);
        } else if (lanes == 4) {
            simd::runPaths4(in, seed, out, begin, padded);
        } else {
            for (std::int64_t p = begin; p < end; ++p) {
                PhiloxShocks shocks(seed, std::uint64_t(p));
                PathOutcomeSink<double> sink = out.sinkFor<double>(in, p);
                simulatePath<double>(in, shocks, sink);
            }
        }
        const std::int64_t now = done.fetch_add(end - begin) + (end - begin);
        if (control.progress && omp_get_thread_num() == 0)
            control.progress(now, out.paths);
    }
    if (control.progress && !stopped)
        control.progress(out.paths, out.paths);
    return !stopped;
}

} // namespace ledger
