#include "montecarlo/CpuBackend.h"

#include "engine/PathFunction.h"
#include "montecarlo/PhiloxShocks.h"
#include "montecarlo/simd/CpuPaths.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>

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

int cpuBaseLanes(int lanes) {
    return lanes == 32 ? 8 : lanes == 16 ? 4 : lanes;
}

std::string cpuDeviceName(int lanes) {
    return std::string("cpu (") + cpuInstructionSet(lanes) + ")";
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

void runPathRange(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, int lanes, std::int64_t begin,
                  std::int64_t end, ChunkLineSums* lines) {
    if (lanes == 32) {
        simd::runPaths32(in, seed, out, begin, end, lines);
    } else if (lanes == 16) {
        simd::runPaths16(in, seed, out, begin, end, lines);
    } else if (lanes == 8) {
        simd::runPaths8(in, seed, out, begin, end, lines);
    } else if (lanes == 4) {
        simd::runPaths4(in, seed, out, begin, end, lines);
    } else {
        for (std::int64_t p = begin; p < end; ++p) {
            PhiloxShocks shocks(seed, std::uint64_t(p));
            if (out.fanQuantity != FanQuantity::CumulativeCash) {
                auto sink = out.sinkFor<double, SinkLines::None, true>(in, p);
                simulatePath<double>(in, shocks, sink);
                continue;
            }
            if (!lines) {
                PathOutcomeSink<double> sink = out.sinkFor<double>(in, p);
                simulatePath<double>(in, shocks, sink);
                continue;
            }
            PathOutcomeSink<double, SinkLines::Folded> sink = out.sinkFor<double, SinkLines::Folded>(in, p);
            sink.lines = lines->folded.data();
            sink.lineStride = 1;
            simulatePath<double>(in, shocks, sink);
        }
    }
}

namespace {

// The fan buckets of each row span the central 99% of the pilot's values, widened by an eighth of
// that width on each side: the fan's p5 and p95 lie well inside, where the buckets are narrow. A
// value outside only lands in an end bucket, which costs time if a wanted rank falls there, never
// exactness. A value the pilot holds more than once marks its bucket's shared value.
void scaleFanFromPilot(const PathOutcomes& pilot, std::int64_t count, PathOutcomes& out) {
    const std::size_t rows = std::size_t(out.alternatives) * std::size_t(out.years);
    out.fanScales.assign(rows, {});
    std::vector<double> values;
    for (std::size_t r = 0; r < rows; ++r) {
        const double* row = pilot.cumulative.data() + r * std::size_t(pilot.stride);
        values.assign(row, row + count);
        std::sort(values.begin(), values.end());
        const double low = values[std::size_t(0.005 * double(count - 1))],
                     high = values[std::size_t(0.995 * double(count - 1))];
        double width = high - low;
        if (!(width > 0.0))
            width = std::max(std::abs(low), 1.0) * 1e-6; // most of the pilot's values equal
        FanScale& scale = out.fanScales[r];
        scale = FanScale::spanning(low - width / 8, high + width / 8);
        // The values the pilot holds more than once, the most frequent first, one per bucket.
        std::vector<std::pair<std::int64_t, double>> repeated; // (-count, value)
        for (std::size_t i = 0; i < values.size();) {
            std::size_t j = i + 1;
            while (j < values.size() && values[j] == values[i])
                ++j;
            if (j - i > 1)
                repeated.push_back({-std::int64_t(j - i), values[i]});
            i = j;
        }
        std::sort(repeated.begin(), repeated.end());
        for (const auto& [minusCount, value] : repeated) {
            double already = 0.0;
            const int b = scale.bucket(value);
            if (scale.sharedCount == FanScale::kMaxShared)
                break;
            if (scale.sharedIn(b, &already))
                continue;
            scale.sharedBucket[scale.sharedCount] = b;
            scale.sharedValue[scale.sharedCount] = value;
            ++scale.sharedCount;
        }
    }
}

} // namespace

std::int64_t cpuChunkPaths(const PathInputs& in) {
    const std::int64_t work = std::int64_t(std::max(1, in.periods)) * std::max(1, in.items);
    return std::max<std::int64_t>(32, 131072 / work) / 32 * 32;
}

bool runPathsOnCpu(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, int threads, int maxLanes,
                   const RunControl& control, LineSums* lineSums) {
    const int lanes = cpuLanes(maxLanes);
    const std::int64_t chunk = cpuChunkPaths(in);
    const bool buckets = out.fanStorage == FanStorage::Buckets;
    // Fan buckets need their scales before the first value is bucketed: the pilot paths (a whole
    // number of chunks) run first, their values kept, and set them.
    const std::int64_t pilot =
        buckets ? std::min(out.paths, (kFanPilotPaths + chunk - 1) / chunk * chunk) : 0;
    std::atomic<std::int64_t> done{0};
    std::atomic<bool> stopped{false};
    auto runChunks = [&](std::int64_t from, std::int64_t to, PathOutcomes* slice) {
        const std::int64_t chunks = (to - from + chunk - 1) / chunk;
#pragma omp parallel num_threads(std::max(1, threads))
        {
            // A slice that keeps the values of one chunk, when the run keeps only buckets.
            std::unique_ptr<PathOutcomes> local;
            if (buckets && !slice) {
                local = std::make_unique<PathOutcomes>(chunk, in);
                local->fanQuantity = out.fanQuantity;
            }
            // This thread's line sums: its chunks' sums, joined to the run's once at the end.
            std::unique_ptr<ChunkLineSums> lines;
            LineSums threadSums(lineSums ? in.alternatives : 0);
            if (lineSums) {
                lines = std::make_unique<ChunkLineSums>(in, lanes, cpuBaseLanes(lanes));
                lines->runEnd = out.first + out.paths;
            }
#pragma omp for schedule(dynamic, 1)
            for (std::int64_t c = 0; c < chunks; ++c) {
                if (stopped.load(std::memory_order_relaxed))
                    continue;
                if (control.cancelled()) {
                    stopped = true;
                    continue;
                }
                const std::int64_t begin = from + c * chunk;
                const std::int64_t end = std::min(to, begin + chunk);
                PathOutcomes& target = slice ? *slice : local ? *local : out;
                if (local)
                    local->first = begin;
                const std::int64_t padded =
                    std::min(target.first + target.stride, (end + lanes - 1) / lanes * lanes);
                target.clear(begin, padded);
                runPathRange(in, seed, target, lanes, begin, padded, lines.get());
                if (lines)
                    lines->foldChunk(in, threadSums);
                if (local)
                    out.store(*local, end - begin);
                const std::int64_t now = done.fetch_add(end - begin) + (end - begin);
                if (control.progress && omp_get_thread_num() == 0)
                    control.progress(now, out.paths);
            }
            if (lineSums) {
#pragma omp critical(ledger_line_sums)
                lineSums->add(threadSums);
            }
        }
    };
    // The paths are [out.first, out.first + out.paths): a run's own set (the regression paths of an
    // option's valuation, docs/model.md 17, or a shard of a run) keeps every path's numbers.
    const std::int64_t base = out.first;
    if (buckets) {
        PathOutcomes first(pilot, in, FanStorage::Values, base);
        first.fanQuantity = out.fanQuantity;
        runChunks(base, base + pilot, &first);
        if (stopped)
            return false;
        scaleFanFromPilot(first, pilot, out);
        out.store(first, pilot);
    }
    runChunks(base + pilot, base + out.paths, nullptr);
    if (control.progress && !stopped)
        control.progress(out.paths, out.paths);
    return !stopped;
}

} // namespace ledger
