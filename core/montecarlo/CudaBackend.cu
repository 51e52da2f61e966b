// Built only when nvcc is found (CudaBackendNone.cpp stands in otherwise). No domain logic here:
// the kernel calls the same path function as the CPU backend and the deterministic run.
#include "engine/PathFunction.h"
#include "montecarlo/CudaBackend.h"
#include "montecarlo/PathOutcomeSink.h"
#include "montecarlo/PhiloxShocks.h"
#include "montecarlo/ThrustReductions.h"

#include <cuda_runtime.h>
#include <thrust/device_vector.h>
#include <thrust/execution_policy.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

namespace ledger {

namespace {

// Without lines: thread p runs path p. With lines: `lineThreads` threads, thread t running paths
// t, t + lineThreads, ... and keeping its running sums of the slots' summed lines over them at
// lines[cell * lineThreads + t] (a warp's sums side by side, so their updates are coalesced).
template <SinkLines kLines>
__global__ void pathKernel(PathInputs in, unsigned long long seed, long long first, long long paths,
                           long stride, double* npv, double* lcoc, double* cumulative,
                           unsigned char* defaulted, double* lines, long long lineThreads) {
    const long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    constexpr bool withLines = kLines != SinkLines::None;
    const long long step = withLines ? lineThreads : paths;
    if (withLines && t >= lineThreads)
        return;
    for (long long p = t; p < paths; p += step) {
        PhiloxShocks shocks(seed, (unsigned long long)(first + p));
        PathOutcomeSink<double, kLines> sink{&in,
                                             npv + p,
                                             lcoc + p,
                                             cumulative ? cumulative + p : nullptr,
                                             defaulted ? defaulted + p : nullptr,
                                             stride};
        if (withLines) {
            sink.lines = lines + t;
            sink.lineStride = long(lineThreads);
        }
        simulatePath<double>(in, shocks, sink);
    }
}

// The line sums' room: a thread's sums are slotLineCells doubles, so the threads are as many as
// the GPU keeps resident (more would only wait), within this much memory.
constexpr std::uint64_t kLineSumBytes = 256ULL << 20;

// Device allocations freed together, whatever path the run takes out.
class DeviceArena {
public:
    DeviceArena() = default;
    DeviceArena(const DeviceArena&) = delete;
    DeviceArena& operator=(const DeviceArena&) = delete;
    ~DeviceArena() {
        for (void* p : blocks_)
            cudaFree(p);
    }
    template <class T> bool upload(const T*& field, std::size_t count, std::string* error) {
        if (field == nullptr || count == 0)
            return true;
        T* device = allocate<T>(count, error);
        if (!device)
            return false;
        if (!check(cudaMemcpy(device, field, count * sizeof(T), cudaMemcpyHostToDevice), error))
            return false;
        field = device;
        return true;
    }
    template <class T> T* allocate(std::size_t count, std::string* error) {
        void* p = nullptr;
        if (!check(cudaMalloc(&p, count * sizeof(T)), error))
            return nullptr;
        blocks_.push_back(p);
        if (!check(cudaMemset(p, 0, count * sizeof(T)), error))
            return nullptr;
        return static_cast<T*>(p);
    }
    static bool check(cudaError_t e, std::string* error) {
        if (e == cudaSuccess)
            return true;
        *error = std::string("CUDA: ") + cudaGetErrorString(e);
        return false;
    }

private:
    std::vector<void*> blocks_;
};

// The inputs on the device and room for the outcomes of `paths` paths (PathOutcomes' layout).
struct DeviceOutcomes {
    DeviceArena arena;
    PathInputs in;
    std::int64_t paths = 0, stride = 0;
    int alternatives = 0, years = 0, providers = 0;
    double *npv = nullptr, *lcoc = nullptr, *cumulative = nullptr;
    unsigned char* defaulted = nullptr;
    double* lines = nullptr; // [cell * lineThreads + thread], with lines
    long long lineThreads = 0;
    int lineCells = 0;
    PathInputs hostInputs; // the host view: addSlotSums reads the memberships there

    bool prepare(const PathInputs& host, std::int64_t count, std::string* error, bool withLines) {
        in = host;
        hostInputs = host;
        paths = count;
        stride = (count + 31) / 32 * 32;
        alternatives = host.alternatives;
        years = host.years;
        providers = host.providers;
        // Every compiled array (engine/PathArrays.h), its length read off the host view.
        bool ok = true;
        forEachPathArray(in, [&](const char*, auto*& field, ArrayExtent extent) {
            ok = ok && arena.upload(field, arrayLength(host, extent), error);
        });
        if (!ok)
            return false;
        const std::size_t row = std::size_t(stride);
        npv = arena.allocate<double>(row * alternatives, error);
        lcoc = arena.allocate<double>(row * alternatives, error);
        cumulative = years > 0 ? arena.allocate<double>(row * alternatives * years, error) : nullptr;
        defaulted = providers > 0 ? arena.allocate<unsigned char>(row * providers, error) : nullptr;
        if (!(npv && lcoc && (years == 0 || cumulative) && (providers == 0 || defaulted)))
            return false;
        return !withLines || prepareLines(host, error);
    }
    bool prepareLines(const PathInputs& host, std::string* error) {
        int device = 0, sms = 0, blocks = 0;
        if (!DeviceArena::check(cudaGetDevice(&device), error) ||
            !DeviceArena::check(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device),
                                error) ||
            !DeviceArena::check(cudaOccupancyMaxActiveBlocksPerMultiprocessor(
                                    &blocks, pathKernel<SinkLines::Folded>, kPathKernelBlock, 0),
                                error))
            return false;
        const long long cells = slotLineCells(host);
        const long long resident = (long long)std::max(1, sms) * std::max(1, blocks) * kPathKernelBlock;
        const long long affordable = (long long)(kLineSumBytes / (sizeof(double) * cells));
        const long long wanted = (paths + kPathKernelBlock - 1) / kPathKernelBlock * kPathKernelBlock;
        lineThreads = std::max<long long>(kPathKernelBlock, std::min({wanted, resident, affordable}) /
                                                                kPathKernelBlock * kPathKernelBlock);
        lineCells = int(cells);
        lines = arena.allocate<double>(std::size_t(cells * lineThreads), error);
        return lines != nullptr;
    }
    // Thread p writes path p of each row: a warp's stores fall in consecutive addresses (coalesced).
    bool launch(std::uint64_t seed, std::int64_t firstPath, std::string* error,
                int block = kPathKernelBlock) const {
        if (lines) {
            const long long grid = (lineThreads + block - 1) / block;
            if (!DeviceArena::check(
                    cudaMemset(lines, 0, std::size_t(lineCells) * lineThreads * sizeof(double)), error))
                return false;
            pathKernel<SinkLines::Folded><<<(unsigned)grid, block>>>(in, seed, firstPath, paths, long(stride),
                                                                     npv, lcoc, cumulative, defaulted, lines,
                                                                     lineThreads);
        } else {
            const long long grid = (paths + block - 1) / block;
            pathKernel<SinkLines::None><<<(unsigned)grid, block>>>(
                in, seed, firstPath, paths, long(stride), npv, lcoc, cumulative, defaulted, nullptr, 0);
        }
        return DeviceArena::check(cudaGetLastError(), error);
    }
    // Each cell's sum over the threads (CUB's reduction: the same bits run after run on one GPU),
    // added to the alternatives' in `into`.
    bool lineSums(LineSums& into, std::string* error) const {
        if (!lines)
            return true;
        std::vector<double> cellSums(std::size_t(lineCells), 0.0);
        try {
            for (int c = 0; c < lineCells; ++c) {
                const double* cell = lines + (long long)c * lineThreads;
                cellSums[std::size_t(c)] = thrust::reduce(thrust::device, cell, cell + lineThreads, 0.0);
            }
        } catch (const std::exception& e) {
            *error = std::string("CUDA: the line sums failed: ") + e.what();
            return false;
        }
        addSlotSums(hostInputs, cellSums.data(), into);
        return true;
    }
    bool download(PathOutcomes& out, std::string* error) const {
        return download(out.npv, npv, error) && download(out.lcoc, lcoc, error) &&
               download(out.cumulative, cumulative, error) && download(out.defaulted, defaulted, error);
    }
    template <class Buffer, class T> static bool download(Buffer& host, const T* device, std::string* error) {
        if (host.empty() || device == nullptr)
            return true;
        return DeviceArena::check(
            cudaMemcpy(host.data(), device, host.size() * sizeof(T), cudaMemcpyDeviceToHost), error);
    }
    OutcomeArrays arrays() const {
        return {npv, lcoc, cumulative, defaulted, paths, stride, alternatives, years, providers};
    }
};

using DeviceReductions = ThrustReductions<decltype(thrust::device), thrust::device_vector>;

// A run whose outcomes stay on the device: the statistics' reductions run there (Thrust over CUB).
class ResidentRun final : public GpuRun {
public:
    explicit ResidentRun(std::unique_ptr<DeviceOutcomes> d)
        : d_(std::move(d))
        , r_(thrust::device, d_->arrays()) {}
    bool download(PathOutcomes& out, std::string* error) const override { return d_->download(out, error); }
    bool lineSums(LineSums& into, std::string* error) const override { return d_->lineSums(into, error); }
    std::int64_t paths() const override { return r_.paths(); }
    int alternatives() const override { return r_.alternatives(); }
    int years() const override { return r_.years(); }
    int providers() const override { return r_.providers(); }
    bool concurrentRows() const override { return false; }
    std::int64_t count(OutcomeRowId row) override { return r_.count(row); }
    std::pair<double, double> minMax(OutcomeRowId row) override { return r_.minMax(row); }
    std::vector<double> sums(OutcomeRowId row, SumTerm term, const std::vector<ValueRange>& ranges) override {
        return r_.sums(row, term, ranges);
    }
    std::int64_t countAtLeast(OutcomeRowId row, double threshold) override {
        return r_.countAtLeast(row, threshold);
    }
    std::vector<double> orderStatistics(OutcomeRowId row, const std::vector<std::int64_t>& ranks) override {
        return r_.orderStatistics(row, ranks);
    }
    std::vector<std::int64_t> histogram(OutcomeRowId row, const HistogramBins& bins) override {
        return r_.histogram(row, bins);
    }
    std::vector<std::int64_t> cheapestCounts() override { return r_.cheapestCounts(); }
    std::int64_t cheaperCount(int a, int b) override { return r_.cheaperCount(a, b); }
    std::int64_t defaultCount(int provider) override { return r_.defaultCount(provider); }

private:
    std::unique_ptr<DeviceOutcomes> d_;
    DeviceReductions r_;
};

} // namespace

std::unique_ptr<GpuRun> runPathsOnGpuResident(const PathInputs& in, std::uint64_t seed, std::int64_t paths,
                                              std::string* error, std::int64_t firstPath) {
    auto d = std::make_unique<DeviceOutcomes>();
    if (!d->prepare(in, paths, error, true) || !d->launch(seed, firstPath, error) ||
        !DeviceArena::check(cudaDeviceSynchronize(), error))
        return nullptr;
    return std::make_unique<ResidentRun>(std::move(d));
}

bool runPathsOnGpu(const PathInputs& host, std::uint64_t seed, PathOutcomes& out, std::string* error,
                   std::int64_t firstPath, GpuRunTiming* timing, int timedLaunches, LineSums* lines) {
    const auto started = std::chrono::steady_clock::now();
    DeviceOutcomes d;
    if (!d.prepare(host, out.paths, error, lines != nullptr) || !d.launch(seed, firstPath, error) ||
        !DeviceArena::check(cudaDeviceSynchronize(), error) || !d.download(out, error) ||
        (lines && !d.lineSums(*lines, error)))
        return false;
    if (!timing)
        return true;
    timing->totalSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    timing->timedLaunches = timedLaunches;
    timing->kernelSeconds = 0.0;
    if (timedLaunches <= 0)
        return true;
    // The same launch again (it rewrites the same outcomes), timed on the device alone.
    cudaEvent_t begin = nullptr, end = nullptr;
    if (!DeviceArena::check(cudaEventCreate(&begin), error) ||
        !DeviceArena::check(cudaEventCreate(&end), error))
        return false;
    bool timed = DeviceArena::check(cudaEventRecord(begin), error);
    for (int i = 0; timed && i < timedLaunches; ++i)
        timed = d.launch(seed, firstPath, error, timing->blockSize);
    timed = timed && DeviceArena::check(cudaEventRecord(end), error) &&
            DeviceArena::check(cudaEventSynchronize(end), error);
    float ms = 0.0f;
    timed = timed && DeviceArena::check(cudaEventElapsedTime(&ms, begin, end), error);
    cudaEventDestroy(begin);
    cudaEventDestroy(end);
    timing->kernelSeconds = double(ms) / 1000.0 / timedLaunches;
    return timed;
}

} // namespace ledger
