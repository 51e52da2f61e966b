#include "montecarlo/MonteCarloEngine.h"

#include "engine/CompiledPortfolio.h"
#include "gpu/GpuDevice.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/CpuReductions.h"
#include "montecarlo/CudaBackend.h"
#include "montecarlo/LineMeans.h"
#include "montecarlo/Statistics.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <new>

namespace ledger {

namespace {

// A run's outcomes: on the GPU (a statistics run there keeps them there), or in host memory.
struct Run {
    std::unique_ptr<GpuRun> onGpu;
    std::unique_ptr<PathOutcomes> outcomes;
    std::string device;
    int threads = 0;
    int lanes = 1;
    bool cancelled = false;
    LineSums lines; // each alternative's NPV by cost line, summed over the paths
};

// Installed memory (0 when the system does not say): a budget above it would only end in an
// allocation failure or the out-of-memory killer.
std::uint64_t physicalMemoryBytes() {
    const long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    return pages > 0 && size > 0 ? std::uint64_t(pages) * std::uint64_t(size) : 0;
}

// fan: how a CPU run keeps the fan; resident: a GPU run keeps its outcomes on the device.
Run run(const CompiledPortfolio& cp, const SimulationOptions& o, FanStorage fan, bool resident) {
    const PathInputs& in = cp.inputs();
    const std::uint64_t bytes = PathOutcomes::bytesFor(o.paths, in, fan);
    requireOutcomeMemory(o, bytes);
    auto allocate = [&](FanStorage storage) {
        try {
            return std::make_unique<PathOutcomes>(o.paths, in, storage, o.firstPath);
        } catch (const std::bad_alloc&) {
            throw SimulationRequestError("paths: the " + std::to_string(bytes >> 20) + " MB that " +
                                         std::to_string(o.paths) +
                                         " paths need for their outcomes could not be allocated; run fewer "
                                         "paths or close other programs");
        }
    };
    Run r;
    if (o.device != ComputeDevice::Cpu) {
        const GpuDevice gpu = probeGpu();
        if (gpu.available) {
            std::string error;
            bool ran = false;
            if (resident) {
                r.onGpu = runPathsOnGpuResident(in, o.seed, o.paths, &error);
                r.lines = LineSums(in.alternatives);
                ran = r.onGpu != nullptr && r.onGpu->lineSums(r.lines, &error);
                if (!ran)
                    r.onGpu.reset(); // a CPU run stands in (auto), with its own line sums
            } else {
                r.outcomes = allocate(FanStorage::Values);
                ran = runPathsOnGpu(in, o.seed, *r.outcomes, &error, o.firstPath);
            }
            if (ran) {
                r.device = "gpu: " + gpu.name;
                if (o.control.progress)
                    o.control.progress(o.paths, o.paths);
                return r;
            }
            if (o.device == ComputeDevice::Gpu)
                throw SimulationRequestError("device gpu: " + error);
        } else if (o.device == ComputeDevice::Gpu) {
            throw SimulationRequestError("device gpu: " + gpu.reason);
        }
    }
    r.outcomes = allocate(fan);
    r.threads = o.threads > 0 ? o.threads : defaultCpuThreads();
    r.lanes = cpuLanes(o.maxLanes);
    r.device = cpuDeviceName(r.lanes);
    r.lines = LineSums(in.alternatives);
    r.cancelled = !runPathsOnCpu(in, o.seed, *r.outcomes, r.threads, o.maxLanes, o.control, &r.lines);
    return r;
}

// The run's host outcomes, made when a GPU run lent none.
PathOutcomes& hostOutcomes(Run& r, std::int64_t paths, const PathInputs& in) {
    if (r.outcomes)
        return *r.outcomes;
    try {
        r.outcomes = std::make_unique<PathOutcomes>(paths, in, FanStorage::Buckets);
    } catch (const std::bad_alloc&) {
        throw SimulationRequestError("paths: the host memory for the accounting view's runs of " +
                                     std::to_string(paths) +
                                     " paths could not be allocated; run fewer paths");
    }
    return *r.outcomes;
}

// MODEL.md 9 on the run's paths: each quantity a run of its own into the outcomes' year rows (the
// fan's memory, its codes and its paths run again: no row per path is added), on the CPU. A GPU run
// lends no host outcomes: they are made here, as a CPU run keeps them. False when cancelled.
bool accountingPercentiles(const CompiledPortfolio& cp, const SimulationOptions& o, Run& r,
                           SimulationResult& result) {
    const PathInputs& in = cp.inputs();
    const int threads = r.threads > 0 ? r.threads : (o.threads > 0 ? o.threads : defaultCpuThreads());
    const int width = cpuBaseLanes(cpuLanes(o.maxLanes));
    PathOutcomes& out = hostOutcomes(r, o.paths, in);
    int pass = 1;
    for (const FanQuantity q : {FanQuantity::EbitdaCost, FanQuantity::PretaxCost}) {
        out.fanQuantity = q;
        // Progress over the three runs as one.
        RunControl control = o.control;
        if (o.control.progress)
            control.progress = [&o, pass](std::int64_t done, std::int64_t total) {
                o.control.progress(done + pass * total, 3 * total);
            };
        ++pass;
        if (!runPathsOnCpu(in, o.seed, out, threads, o.maxLanes, control))
            return false;
        CpuReductions reductions(
            out, threads,
            [&](PathOutcomes& slice, std::int64_t begin, std::int64_t end) {
                runPathRange(in, o.seed, slice, width, begin, end);
            },
            width);
        const auto years = yearPercentiles(reductions, cp.firstYear(), threads);
        for (std::size_t a = 0; a < result.alternatives.size(); ++a)
            (q == FanQuantity::EbitdaCost ? result.alternatives[a].ebitdaCost
                                          : result.alternatives[a].pretaxCost) = years[a];
        result.fanPathsRunAgain += reductions.fanPathsRunAgain();
    }
    return true;
}

} // namespace

void requireOutcomeMemory(const SimulationOptions& o, std::uint64_t bytes) {
    if (o.paths < 1)
        throw SimulationRequestError("paths: " + std::to_string(o.paths) + " must be at least 1");
    if (bytes > o.memoryBudgetBytes)
        throw SimulationRequestError("paths: " + std::to_string(o.paths) + " paths need " +
                                     std::to_string(bytes >> 20) +
                                     " MB for their outcomes, above the budget of " +
                                     std::to_string(o.memoryBudgetBytes >> 20) + " MB; run fewer paths");
    if (const std::uint64_t installed = physicalMemoryBytes(); installed > 0 && bytes > installed)
        throw SimulationRequestError("paths: " + std::to_string(o.paths) + " paths need " +
                                     std::to_string(bytes >> 20) + " MB for their outcomes, more than the " +
                                     std::to_string(installed >> 20) +
                                     " MB of memory this machine has; run fewer paths");
}

RunLabels runLabels(const CompiledPortfolio& cp) {
    RunLabels labels;
    for (const auto& a : cp.alternatives())
        labels.alternatives.push_back(a.id);
    labels.alternatives.push_back(kSpotAlternativeId);
    labels.providers = cp.providers();
    labels.firstYear = cp.firstYear();
    return labels;
}

void addLineMeans(const CompiledPortfolio& cp, const LineSums& lines, SimulationResult& result) {
    std::vector<double> npvMeans;
    for (const auto& a : result.alternatives)
        npvMeans.push_back(a.npvCost.mean);
    const auto means = lineMeans(cp.inputs(), lines, result.paths, npvMeans);
    for (std::size_t a = 0; a < result.alternatives.size(); ++a)
        result.alternatives[a].lines = means[a];
}

CompileOptions monteCarloCompilation() {
    CompileOptions o;
    o.deliveryVariants = true;
    return o;
}

std::string toString(ComputeDevice d) {
    switch (d) {
    case ComputeDevice::Auto:
        return "auto";
    case ComputeDevice::Cpu:
        return "cpu";
    case ComputeDevice::Gpu:
        return "gpu";
    }
    return "auto";
}

PathOutcomes simulatePaths(const CompiledPortfolio& cp, const SimulationOptions& o, std::string* device) {
    Run r = run(cp, o, FanStorage::Values, false);
    if (r.cancelled)
        throw SimulationRequestError("cancelled");
    *device = r.device;
    return std::move(*r.outcomes);
}

PathOutcomes simulatePaths(const Portfolio& p, const SkuCatalog& catalog, const SimulationOptions& o,
                           std::string* device) {
    CompiledPortfolio cp(p, catalog, monteCarloCompilation());
    return simulatePaths(cp, o, device);
}

SimulationResult simulatePortfolio(const Portfolio& p, const SkuCatalog& catalog,
                                   const SimulationOptions& o) {
    if (o.firstPath != 0)
        throw SimulationRequestError("firstPath: a run's statistics start at path 0");
    const auto start = std::chrono::steady_clock::now();
    CompiledPortfolio cp(p, catalog, monteCarloCompilation());
    const auto pathsStart = std::chrono::steady_clock::now();
    // With the accounting view's runs after it, the main run is the first third of the progress.
    SimulationOptions first = o;
    if (o.accounting && o.control.progress)
        first.control.progress = [&o](std::int64_t done, std::int64_t total) {
            o.control.progress(done, 3 * total);
        };
    Run r = run(cp, first, o.keepFanValues ? FanStorage::Values : FanStorage::Buckets, true);
    SimulationResult result;
    result.pathSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - pathsStart).count();
    result.paths = o.paths;
    result.seed = o.seed;
    result.device = r.device;
    result.threads = r.threads;
    result.cancelled = r.cancelled;
    if (!r.cancelled) {
        const RunLabels labels = runLabels(cp);
        if (r.onGpu) {
            try {
                summarizeRun(*r.onGpu, labels, 1, result);
            } catch (const std::exception& e) {
                // Thrust reports a failing CUDA call by throwing; the paths ran, their statistics did not.
                throw SimulationRequestError(std::string("device gpu: the statistics failed: ") + e.what());
            }
        } else {
            // The fan's few paths run again one register wide: a lane computes what it computed
            // in the run's wider groups (simd/PackPair.h).
            const int width = cpuBaseLanes(r.lanes);
            const PathInputs& in = cp.inputs();
            CpuReductions reductions(
                *r.outcomes, r.threads,
                [&](PathOutcomes& slice, std::int64_t begin, std::int64_t end) {
                    runPathRange(in, o.seed, slice, width, begin, end);
                },
                width);
            summarizeRun(reductions, labels, r.threads, result);
            result.fanPathsRunAgain = reductions.fanPathsRunAgain();
        }
        if (o.accounting)
            result.cancelled = !accountingPercentiles(cp, o, r, result);
        addLineMeans(cp, r.lines, result);
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace ledger
