#include "montecarlo/MonteCarloEngine.h"

#include "engine/CompiledPortfolio.h"
#include "gpu/GpuDevice.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/CudaBackend.h"
#include "montecarlo/OutcomeRow.h"
#include "montecarlo/Statistics.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <new>
#include <span>

namespace ledger {

namespace {

struct Run {
    PathOutcomes outcomes;
    std::string device;
    int threads = 0;
    bool cancelled = false;
};

// Installed memory (0 when the system does not say): a budget above it would only end in an
// allocation failure or the out-of-memory killer.
std::uint64_t physicalMemoryBytes() {
    const long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    return pages > 0 && size > 0 ? std::uint64_t(pages) * std::uint64_t(size) : 0;
}

Run run(const CompiledPortfolio& cp, const SimulationOptions& o) {
    const PathInputs& in = cp.inputs();
    if (o.paths < 1)
        throw SimulationRequestError("paths: " + std::to_string(o.paths) + " must be at least 1");
    const std::uint64_t bytes = PathOutcomes::bytesFor(o.paths, in);
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
    auto allocate = [&] {
        try {
            return PathOutcomes(o.paths, in);
        } catch (const std::bad_alloc&) {
            throw SimulationRequestError("paths: the " + std::to_string(bytes >> 20) + " MB that " +
                                         std::to_string(o.paths) +
                                         " paths need for their outcomes could not be allocated; run fewer "
                                         "paths or close other programs");
        }
    };
    Run r{allocate(), {}, 0, false};
    if (o.device != ComputeDevice::Cpu) {
        const GpuDevice gpu = probeGpu();
        if (gpu.available) {
            std::string error;
            if (runPathsOnGpu(in, o.seed, r.outcomes, &error)) {
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
    r.threads = o.threads > 0 ? o.threads : defaultCpuThreads();
    r.device = std::string("cpu (") + cpuInstructionSet(cpuLanes(o.maxLanes)) + ")";
    r.cancelled = !runPathsOnCpu(in, o.seed, r.outcomes, r.threads, o.maxLanes, o.control);
    return r;
}

} // namespace

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

PathOutcomes simulatePaths(const Portfolio& p, const SkuCatalog& catalog, const SimulationOptions& o,
                           std::string* device) {
    CompiledPortfolio cp(p, catalog);
    Run r = run(cp, o);
    *device = r.device;
    return std::move(r.outcomes);
}

SimulationResult simulatePortfolio(const Portfolio& p, const SkuCatalog& catalog,
                                   const SimulationOptions& o) {
    const auto start = std::chrono::steady_clock::now();
    CompiledPortfolio cp(p, catalog);
    const auto pathsStart = std::chrono::steady_clock::now();
    Run r = run(cp, o);
    SimulationResult result;
    result.pathSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - pathsStart).count();
    result.paths = o.paths;
    result.seed = o.seed;
    result.device = r.device;
    result.threads = r.threads;
    result.cancelled = r.cancelled;
    if (r.cancelled) {
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return result;
    }
    const auto& out = r.outcomes;
    const int A = out.alternatives;
    std::vector<std::string> ids;
    for (const auto& a : cp.alternatives())
        ids.push_back(a.id);
    ids.push_back("spot");
    result.alternatives.resize(A);
    const int Y = out.years;
    for (int a = 0; a < A; ++a) {
        result.alternatives[a].id = ids[a];
        result.alternatives[a].annualCumulative.resize(std::size_t(Y));
    }
    // One task per statistic that reads a whole row of paths: each alternative's NPV summary (with
    // its convergence series) and LCOC summary first, the larger ones, then every year of every fan.
    // The cores share them evenly, where one task per alternative left one of two cores idle for a
    // third of the time with three alternatives.
    const int heavy = 2 * A;
    const int tasks = heavy + A * Y;
#pragma omp parallel num_threads(std::max(1, r.threads))
    {
        std::vector<double> scratch; // reused by this thread's tasks
#pragma omp for schedule(dynamic, 1)
        for (int t = 0; t < tasks; ++t) {
            if (t < heavy) {
                auto& alt = result.alternatives[t / 2];
                if (t % 2 == 0) {
                    const auto npv = outcomeRow(out, out.npv, t / 2);
                    alt.npvCost = summarize(npv);
                    alt.convergence = convergenceSeries(npv);
                } else {
                    scratch.clear();
                    for (double v : outcomeRow(out, out.lcoc, t / 2)) {
                        if (std::isfinite(v))
                            scratch.push_back(v);
                    }
                    if (!scratch.empty())
                        alt.lcoc = summarize(scratch);
                }
            } else {
                const int a = (t - heavy) / Y, y = (t - heavy) % Y;
                static constexpr double fan[] = {5, 50, 95};
                const auto q =
                    percentilesLinear(outcomeRow(out, out.cumulative, std::size_t(a) * Y + y), fan);
                result.alternatives[a].annualCumulative[y] = {cp.firstYear() + y, q[0], q[1], q[2]};
            }
        }
    }
    // One range for every alternative's histogram, so they can be drawn on one axis.
    double low = result.alternatives[0].npvCost.min, high = result.alternatives[0].npvCost.max;
    for (const auto& alt : result.alternatives) {
        low = std::min(low, alt.npvCost.min);
        high = std::max(high, alt.npvCost.max);
    }
    constexpr int kBins = 40;
    for (int a = 0; a < A; ++a) {
        Histogram& h = result.alternatives[a].npvHistogram;
        h.low = low;
        h.high = high;
        h.counts.assign(kBins, 0);
        const double width = (high - low) / kBins;
        // An index only from finite numbers: an overflowed outcome (which validation's bounds keep
        // out, and the caller reports) must never become a write outside the counts.
        const bool spread = std::isfinite(width) && width > 0.0;
        for (double v : outcomeRow(out, out.npv, a)) {
            if (!std::isfinite(v))
                continue;
            const double at = spread ? std::clamp((v - low) / width, 0.0, double(kBins - 1)) : 0.0;
            ++h.counts[std::size_t(at)];
        }
    }
    {
        std::vector<std::int64_t> wins(A, 0);
        std::vector<std::span<const double>> rows;
        rows.reserve(std::size_t(A));
        for (int a = 0; a < A; ++a)
            rows.push_back(outcomeRow(out, out.npv, a));
        for (std::int64_t i = 0; i < out.paths; ++i) {
            int best = 0;
            for (int a = 1; a < A; ++a)
                if (rows[a][i] < rows[best][i])
                    best = a;
            ++wins[best];
        }
        for (int a = 0; a < A; ++a)
            result.alternatives[a].probCheapest = double(wins[a]) / double(out.paths);
    }
    for (int a = 0; a < A; ++a) {
        for (int b = a + 1; b < A; ++b) {
            std::int64_t cheaper = 0;
            const auto x = outcomeRow(out, out.npv, a), y = outcomeRow(out, out.npv, b);
            for (std::int64_t i = 0; i < out.paths; ++i)
                cheaper += x[i] < y[i];
            result.probCheaper.push_back({ids[a], ids[b], double(cheaper) / double(out.paths)});
        }
    }
    for (int j = 0; j < out.providers; ++j) {
        std::int64_t count = 0;
        for (std::int64_t i = 0; i < out.paths; ++i)
            count += out.defaultedOn(j, i);
        result.defaults.push_back({cp.providers()[j], double(count) / double(out.paths)});
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace ledger
