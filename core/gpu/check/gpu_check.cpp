// gpu_check: the CUDA engine against the CPU path by path, and its speed, on a machine that has
// nothing of the app but a CUDA toolkit (installer/gpu-check.sh builds and runs it there). Built
// from core/ alone: no Qt. The portfolios come as compiled inputs the app wrote
// (`computeledger bench --write-inputs`), so both sides run exactly the paths the app runs; the CPU
// side is the scalar path function (glibc's math), which agrees with the app's vector paths to
// 5.5e-16; and the lines the paths sum for the mean NPV by cost line (montecarlo/LineSums.h), to
// the same tolerance relative to each alternative's largest. Then the statistics computed on the
// device (ThrustReductions) against the CPU's (CpuReductions) on the same per-path values brought
// down: the same bits.
//
//   gpu_check --inputs NAME=FILE... [--paths N] [--seed S] [--timing FILE --timing-paths N,N,...]
//             [--cpu-timing-max N] [--block-sizes B,B,...] [--tolerance T] [--out FILE.json]
//
// Exit status: 0 every comparison agreed (or no GPU answered: the CPU half ran and the report says
// why the GPU half did not), 1 a comparison disagreed, 2 a bad argument or file.
#include "engine/PathFunction.h"
#include "gpu/GpuDevice.h"
#include "gpu/check/PathInputsFile.h"
#include "montecarlo/CpuReductions.h"
#include "montecarlo/CudaBackend.h"
#include "montecarlo/LineSums.h"
#include "montecarlo/PathOutcomes.h"
#include "montecarlo/PhiloxShocks.h"
#include "montecarlo/Statistics.h"

#include <nlohmann/json.hpp>
#if defined(_OPENMP)
#include <omp.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ledger;
using namespace ledger::gpucheck;
using nlohmann::json;

namespace {

struct Options {
    std::vector<std::pair<std::string, std::string>> inputs; // name, file
    std::int64_t paths = 100000;
    std::uint64_t seed = 20260101;
    std::string timingInputs;
    std::vector<std::int64_t> timingPaths;
    std::int64_t cpuTimingMax = 10'000'000;            // the CPU is timed up to this many paths
    std::int64_t chunk = 25'000'000;                   // paths per GPU launch in timed runs
    std::vector<int> blockSizes = {64, 128, 256, 512}; // threads per block, timed on the first size
    double tolerance = 1e-12;
    std::string out;
};

int cpuThreads() {
#if defined(_OPENMP)
    return omp_get_max_threads();
#else
    return 1;
#endif
}

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// The scalar path function over [first, first + out.paths), every core, in the app's chunking;
// with lines, the lines the paths sum (montecarlo/LineSums.h) as well.
void runCpu(const PathInputs& in, std::uint64_t seed, std::int64_t first, PathOutcomes& out,
            LineSums* lines = nullptr) {
    const std::int64_t chunk = 4096;
#pragma omp parallel
    {
        ChunkLineSums scratch(in, 1, 1);
        scratch.runEnd = out.paths;
        LineSums mine(in.alternatives);
#pragma omp for schedule(dynamic, 1)
        for (std::int64_t begin = 0; begin < out.paths; begin += chunk) {
            const std::int64_t end = std::min(out.paths, begin + chunk);
            out.clear(begin, end);
            for (std::int64_t p = begin; p < end; ++p) {
                PhiloxShocks shocks(seed, std::uint64_t(first + p));
                if (!lines) {
                    PathOutcomeSink<double> sink = out.sinkFor<double>(in, p);
                    simulatePath<double>(in, shocks, sink);
                    continue;
                }
                auto sink = out.sinkFor<double, SinkLines::Folded>(in, p);
                sink.lines = scratch.folded.data();
                sink.lineStride = 1;
                simulatePath<double>(in, shocks, sink);
            }
            if (lines)
                scratch.foldChunk(in, mine);
        }
        if (lines) {
#pragma omp critical(gpu_check_lines)
            lines->add(mine);
        }
    }
}

// The largest difference between the CPU's and the GPU's line sums, relative to each alternative's
// summed lines in size (a line near 0 after cancelling is not held to its own size).
double lineSumsDifference(const LineSums& a, const LineSums& b) {
    double worst = 0.0;
    for (int alt = 0; alt < a.alternatives; ++alt) {
        double scale = 0.0;
        for (int l = 0; l < kCostLines; ++l)
            scale = std::max(scale, std::abs(a.sum(alt, CostLine(l))));
        for (int l = 0; l < kCostLines; ++l) {
            const double d = std::abs(a.sum(alt, CostLine(l)) - b.sum(alt, CostLine(l)));
            if (d > 0.0)
                worst = std::max(worst, scale > 0.0 ? d / scale : INFINITY);
        }
    }
    return worst;
}

// The largest relative difference between two rows of outcomes (0 where both are 0).
double maxRelativeDifference(const PathOutcomes& a, const PathOutcomes& b, const OutcomeBuffer& x,
                             const OutcomeBuffer& y, std::size_t rows) {
    double worst = 0.0;
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::int64_t p = 0; p < a.paths; ++p) {
            const double u = a.rowStart(x, r)[p], v = b.rowStart(y, r)[p];
            if (u == v)
                continue;
            const double scale = std::max(std::abs(u), std::abs(v));
            worst = std::max(worst, std::isfinite(scale) && scale > 0 ? std::abs(u - v) / scale : INFINITY);
        }
    }
    return worst;
}

RunLabels labelsFor(const PathInputs& in) {
    RunLabels labels;
    for (int a = 0; a < in.alternatives; ++a)
        labels.alternatives.push_back("alternative " + std::to_string(a));
    for (int j = 0; j < in.providers; ++j)
        labels.providers.push_back("provider " + std::to_string(j));
    return labels;
}

json summaryJson(const DistributionSummary& s) {
    json a = json::array();
    for (const auto& f : kSummaryStatistics)
        a.push_back(s.*f.value);
    return a;
}

// Every statistic of a run as JSON numbers, to be compared value by value (17 significant digits
// survive dump(): equal JSON is equal bits, but for the sign of a zero, which the summaries fix).
json statisticsJson(const SimulationResult& r) {
    json alternatives = json::array();
    for (const auto& a : r.alternatives) {
        json fan = json::array(), convergence = json::array();
        for (const auto& f : a.annualCumulative)
            fan.push_back({f.p5, f.p50, f.p95});
        for (const auto& c : a.convergence)
            convergence.push_back({c.paths, c.mean, c.halfWidth95});
        alternatives.push_back(
            {{"npv", summaryJson(a.npvCost)},
             {"lcoc", a.lcoc ? summaryJson(*a.lcoc) : json(nullptr)},
             {"fan", fan},
             {"convergence", convergence},
             {"histogram", {a.npvHistogram.low, a.npvHistogram.high, a.npvHistogram.counts}},
             {"prob_cheapest", a.probCheapest}});
    }
    json cheaper = json::array(), defaults = json::array();
    for (const auto& c : r.probCheaper)
        cheaper.push_back(c.p);
    for (const auto& d : r.defaults)
        defaults.push_back(d.fraction);
    return {{"alternatives", alternatives}, {"prob_cheaper", cheaper}, {"defaults", defaults}};
}

// The first place two JSON values differ, as a path ("" where they are equal).
std::string firstDifference(const json& a, const json& b, const std::string& at = "") {
    if (a.type() != b.type())
        return at + ": " + a.dump() + " and " + b.dump();
    if (a.is_object()) {
        for (const auto& [key, value] : a.items()) {
            std::string here = at;
            here += "/";
            here += key;
            if (!b.contains(key))
                return here + ": missing";
            if (std::string d = firstDifference(value, b[key], here); !d.empty())
                return d;
        }
        return "";
    }
    if (a.is_array()) {
        if (a.size() != b.size())
            return at + ": " + std::to_string(a.size()) + " and " + std::to_string(b.size()) + " entries";
        for (std::size_t i = 0; i < a.size(); ++i)
            if (std::string d = firstDifference(a[i], b[i], at + "[" + std::to_string(i) + "]"); !d.empty())
                return d;
        return "";
    }
    return a == b ? "" : at + ": " + a.dump() + " and " + b.dump();
}

// The statistics computed on the GPU, where the outcomes are (Thrust over CUB), against the CPU's
// on the same values brought down: they must be the same bits (MODEL.md 6.1, 6.2).
json compareStatistics(const PathInputs& in, const Options& o, bool* agreed) {
    std::string error;
    const auto resident = runPathsOnGpuResident(in, o.seed, o.paths, &error);
    if (!resident) {
        *agreed = false;
        return {{"ran", false}, {"error", error}};
    }
    SimulationResult onGpu, onCpu;
    const auto t0 = std::chrono::steady_clock::now();
    try {
        summarizeRun(*resident, labelsFor(in), 1, onGpu);
    } catch (const std::exception& e) { // Thrust throws where a CUDA call fails
        *agreed = false;
        return {{"ran", false}, {"error", std::string("the statistics on the GPU failed: ") + e.what()}};
    }
    const double gpuSeconds = seconds(t0);
    PathOutcomes values(o.paths, in);
    if (!resident->download(values, &error)) {
        *agreed = false;
        return {{"ran", false}, {"error", error}};
    }
    CpuReductions cpu(values, cpuThreads());
    const auto t1 = std::chrono::steady_clock::now();
    summarizeRun(cpu, labelsFor(in), cpuThreads(), onCpu);
    const double cpuSeconds = seconds(t1);
    const std::string difference = firstDifference(statisticsJson(onCpu), statisticsJson(onGpu));
    *agreed = *agreed && difference.empty();
    return {{"ran", true},
            {"identical", difference.empty()},
            {"first_difference", difference},
            {"gpu_statistics_seconds", gpuSeconds},
            {"cpu_statistics_seconds", cpuSeconds}};
}

json compare(const std::string& name, const PathInputs& in, const Options& o, const GpuDevice& gpu,
             bool* agreed) {
    PathOutcomes cpu(o.paths, in);
    LineSums cpuLines(in.alternatives);
    const auto t0 = std::chrono::steady_clock::now();
    runCpu(in, o.seed, 0, cpu, &cpuLines);
    json r{{"inputs", name},
           {"paths", o.paths},
           {"months", in.periods},
           {"items", in.items},
           {"alternatives", in.alternatives},
           {"cpu_seconds", seconds(t0)}};
    // The CPU side's mean NPV cost per alternative: the app's own run of the same paths and seed
    // must show the same (tests/installer/gpu_bundle_test.sh checks it), so the inputs were read right.
    json means = json::array();
    for (int a = 0; a < in.alternatives; ++a)
        means.push_back(
            summarize(std::span<const double>(cpu.rowStart(cpu.npv, std::size_t(a)), std::size_t(o.paths)))
                .mean);
    r["cpu_mean_npv"] = means;
    if (!gpu.available) {
        r["gpu"] = "not run: " + gpu.reason;
        return r;
    }
    PathOutcomes device(o.paths, in);
    LineSums deviceLines(in.alternatives);
    std::string error;
    if (!runPathsOnGpu(in, o.seed, device, &error, 0, nullptr, 0, &deviceLines)) {
        r["gpu"] = "failed: " + error;
        *agreed = false;
        return r;
    }
    const double npv = maxRelativeDifference(cpu, device, cpu.npv, device.npv, std::size_t(in.alternatives));
    const double lcoc =
        maxRelativeDifference(cpu, device, cpu.lcoc, device.lcoc, std::size_t(in.alternatives));
    const double cumulative = maxRelativeDifference(cpu, device, cpu.cumulative, device.cumulative,
                                                    std::size_t(in.alternatives) * std::size_t(in.years));
    bool sameDefaults = true;
    for (int j = 0; j < in.providers; ++j)
        for (std::int64_t p = 0; p < o.paths; ++p)
            sameDefaults = sameDefaults && cpu.defaultedOn(j, p) == device.defaultedOn(j, p);
    const double lines = lineSumsDifference(cpuLines, deviceLines);
    const double worst = std::max({npv, lcoc, cumulative, lines});
    const bool ok = worst <= o.tolerance && sameDefaults;
    *agreed = *agreed && ok;
    r["gpu"] = "ran";
    r["max_relative_difference"] = {
        {"npv", npv}, {"lcoc", lcoc}, {"cumulative", cumulative}, {"line_sums", lines}, {"all", worst}};
    r["defaults_identical"] = sameDefaults;
    r["tolerance"] = o.tolerance;
    r["agreed"] = ok;
    r["statistics"] = compareStatistics(in, o, agreed);
    return r;
}

// Every statistic of a run (Statistics.h) on outcomes in host memory, as a CPU run computes them.
void summarizeAll(const PathInputs& in, const PathOutcomes& out) {
    CpuReductions cpu(out, cpuThreads());
    SimulationResult stats;
    summarizeRun(cpu, labelsFor(in), cpuThreads(), stats);
}

json timing(const PathInputs& in, const Options& o, const GpuDevice& gpu) {
    json rows = json::array();
    for (const std::int64_t paths : o.timingPaths) {
        const double pathMonths = double(paths) * in.periods;
        json row{{"paths", paths}, {"months", in.periods}};
        if (paths <= o.cpuTimingMax) {
            PathOutcomes cpu(paths, in);
            const auto t0 = std::chrono::steady_clock::now();
            runCpu(in, o.seed, 0, cpu);
            summarizeAll(in, cpu);
            const double s = seconds(t0);
            row["cpu_seconds"] = s;
            row["cpu_path_months_per_second"] = pathMonths / s;
            row["cpu_threads"] = cpuThreads();
        }
        if (gpu.available) {
            double kernel = 0.0, total = 0.0;
            const auto t0 = std::chrono::steady_clock::now();
            for (std::int64_t first = 0; first < paths; first += o.chunk) {
                PathOutcomes part(std::min(o.chunk, paths - first), in);
                GpuRunTiming t;
                std::string error;
                // With the line sums: the kernel the app runs (a grid-stride loop, its sums cleared
                // before each launch).
                LineSums lines(in.alternatives);
                if (!runPathsOnGpu(in, o.seed, part, &error, first, &t, 3, &lines)) {
                    row["gpu"] = "failed: " + error;
                    break;
                }
                kernel += t.kernelSeconds;
                total += t.totalSeconds;
                summarizeAll(in, part);
            }
            const double chunked = seconds(t0);
            // End to end as the app runs it: inputs up, the kernel, the statistics on the device,
            // the summaries down (one run, the outcomes kept on the device).
            const auto t1 = std::chrono::steady_clock::now();
            std::string error;
            const auto resident = runPathsOnGpuResident(in, o.seed, paths, &error);
            if (resident) {
                SimulationResult stats;
                try {
                    summarizeRun(*resident, labelsFor(in), 1, stats);
                } catch (const std::exception& e) {
                    row["gpu_resident"] = std::string("statistics failed: ") + e.what();
                }
            } else {
                row["gpu_resident"] = "failed: " + error;
            }
            const double endToEnd = resident ? seconds(t1) : chunked;
            row["gpu_statistics_on"] = resident ? "gpu" : "cpu, after each chunk came down";
            row["gpu_chunked_download_seconds"] = chunked;
            row["gpu_kernel_seconds"] = kernel;
            row["gpu_kernel_path_months_per_second"] = kernel > 0 ? pathMonths / kernel : 0.0;
            row["gpu_transfer_and_kernel_seconds"] = total;
            row["gpu_end_to_end_seconds"] = endToEnd;
            row["gpu_end_to_end_path_months_per_second"] = pathMonths / endToEnd;
            row["gpu_chunks"] = (paths + o.chunk - 1) / o.chunk;
            if (row.contains("cpu_seconds"))
                row["gpu_end_to_end_over_cpu"] = row["cpu_seconds"].get<double>() / endToEnd;
        }
        rows.push_back(row);
    }
    return rows;
}

// The kernel alone at each block size, on the first timing size (at most 10M paths): the figures
// kPathKernelBlock is to be chosen by.
json blockSizeTiming(const PathInputs& in, const Options& o, const GpuDevice& gpu) {
    json rows = json::array();
    if (!gpu.available || o.timingPaths.empty())
        return rows;
    const std::int64_t paths = std::min<std::int64_t>(o.timingPaths.front(), 10'000'000);
    PathOutcomes part(paths, in);
    for (const int block : o.blockSizes) {
        GpuRunTiming t;
        t.blockSize = block;
        std::string error;
        json row{{"block", block}, {"paths", paths}};
        LineSums lines(in.alternatives);
        if (runPathsOnGpu(in, o.seed, part, &error, 0, &t, 5, &lines)) {
            row["kernel_seconds"] = t.kernelSeconds;
            row["path_months_per_second"] = double(paths) * in.periods / t.kernelSeconds;
        } else {
            row["failed"] = error;
        }
        rows.push_back(row);
    }
    return rows;
}

std::vector<std::int64_t> parseList(const std::string& text) {
    std::vector<std::int64_t> out;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t comma = text.find(',', at);
        out.push_back(
            std::stoll(text.substr(at, comma == std::string::npos ? std::string::npos : comma - at)));
        if (comma == std::string::npos)
            break;
        at = comma + 1;
    }
    return out;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--inputs") {
            const std::string v = value();
            const std::size_t eq = v.find('=');
            if (eq == std::string::npos)
                throw std::invalid_argument("--inputs takes NAME=FILE, got " + v);
            o.inputs.emplace_back(v.substr(0, eq), v.substr(eq + 1));
        } else if (arg == "--paths") {
            o.paths = std::stoll(value());
        } else if (arg == "--seed") {
            const long long seed = std::stoll(value()); // stoull would take "-1" as 2^64 - 1
            if (seed < 0)
                throw std::invalid_argument("--seed must not be negative");
            o.seed = std::uint64_t(seed);
        } else if (arg == "--timing") {
            o.timingInputs = value();
        } else if (arg == "--timing-paths") {
            o.timingPaths = parseList(value());
        } else if (arg == "--cpu-timing-max") {
            o.cpuTimingMax = std::stoll(value());
        } else if (arg == "--chunk") {
            o.chunk = std::stoll(value());
        } else if (arg == "--block-sizes") {
            o.blockSizes.clear();
            for (const std::int64_t b : parseList(value())) {
                if (b < 32 || b > 1024 || b % 32 != 0)
                    throw std::invalid_argument("--block-sizes: each a multiple of 32 in 32..1024");
                o.blockSizes.push_back(int(b));
            }
        } else if (arg == "--tolerance") {
            o.tolerance = std::stod(value());
        } else if (arg == "--out") {
            o.out = value();
        } else {
            throw std::invalid_argument("unknown argument " + arg +
                                        " (see the comment at the top of gpu_check.cpp)");
        }
    }
    if (o.inputs.empty() && o.timingInputs.empty())
        throw std::invalid_argument("give at least one --inputs NAME=FILE or --timing FILE");
    if (o.paths < 1 || o.chunk < 1)
        throw std::invalid_argument("--paths and --chunk must be at least 1");
    for (const std::int64_t n : o.timingPaths)
        if (n < 1)
            throw std::invalid_argument("--timing-paths: every count must be at least 1");
    return o;
}

int run(int argc, char** argv) {
    Options o;
    try {
        o = parse(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gpu_check: %s\n", e.what());
        return 2;
    }
    const GpuDevice gpu = probeGpu();
    json report{{"cuda_backend_built", cudaBackendBuilt()},
                {"gpu", gpu.available ? json(gpu.name) : json(nullptr)},
                {"gpu_reason", gpu.available ? std::string() : gpu.reason},
                {"cpu_threads", cpuThreads()},
                {"cpu_reference",
                 "the scalar path function, the compiler's libm (the app's vector paths agree to 5.5e-16)"},
                {"seed", o.seed}};
    bool agreed = true;
    try {
        json comparisons = json::array();
        for (const auto& [name, file] : o.inputs) {
            PathInputsFile loaded;
            readPathInputsFile(file, loaded);
            comparisons.push_back(compare(name, loaded.inputs, o, gpu, &agreed));
            std::cerr << "gpu_check: " << comparisons.back().dump() << "\n";
        }
        report["comparisons"] = comparisons;
        if (!o.timingInputs.empty()) {
            PathInputsFile loaded;
            readPathInputsFile(o.timingInputs, loaded);
            report["timing"] = timing(loaded.inputs, o, gpu);
            report["block_sizes"] = blockSizeTiming(loaded.inputs, o, gpu);
            std::cerr << "gpu_check: " << report["timing"].dump() << "\n";
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gpu_check: %s\n", e.what());
        return 2;
    }
    report["agreed"] = agreed;
    const std::string text = report.dump(2) + "\n";
    if (o.out.empty()) {
        std::cout << text;
    } else {
        std::ofstream f(o.out, std::ios::binary);
        f << text;
        if (!f) {
            std::fprintf(stderr, "gpu_check: %s: cannot be written\n", o.out.c_str());
            return 2;
        }
    }
    return agreed ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    // Whatever escapes (an allocation, a report that cannot be formatted) is a bad run, said so.
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gpu_check: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "gpu_check: an unknown failure\n");
    }
    return 2;
}
