// Built only when nvcc is found (CudaBackendNone.cpp stands in otherwise). No domain logic here:
// the kernel calls the same path function as the CPU backend and the deterministic run.
#include "engine/PathFunction.h"
#include "montecarlo/CudaBackend.h"
#include "montecarlo/PathOutcomeSink.h"
#include "montecarlo/PhiloxShocks.h"

#include <cuda_runtime.h>

#include <chrono>
#include <vector>

namespace ledger {

namespace {

__global__ void pathKernel(PathInputs in, unsigned long long seed, long long first, long long paths,
                           long stride, double* npv, double* lcoc, double* cumulative,
                           unsigned char* defaulted) {
    const long long p = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (p >= paths)
        return;
    PhiloxShocks shocks(seed, (unsigned long long)(first + p));
    PathOutcomeSink<double> sink{
        &in,   npv + p, lcoc + p, cumulative ? cumulative + p : nullptr, defaulted ? defaulted + p : nullptr,
        stride};
    simulatePath<double>(in, shocks, sink);
}

// Device allocations freed together, whatever path the run takes out.
class DeviceArena {
public:
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

template <class Buffer, class T> bool download(Buffer& host, const T* device, std::string* error) {
    if (host.empty())
        return true;
    return DeviceArena::check(
        cudaMemcpy(host.data(), device, host.size() * sizeof(T), cudaMemcpyDeviceToHost), error);
}

} // namespace

bool runPathsOnGpu(const PathInputs& host, std::uint64_t seed, PathOutcomes& out, std::string* error,
                   std::int64_t firstPath, GpuRunTiming* timing, int timedLaunches) {
    const auto started = std::chrono::steady_clock::now();
    DeviceArena arena;
    PathInputs in = host;
    const std::size_t K = std::size_t(in.periods), N = std::size_t(in.items), KN = K * N;
    const std::size_t memberships = std::size_t(host.slotAlternativeOffsets[N + 1]);
    bool ok = arena.upload(in.periodEndDf, K, error) && arena.upload(in.periodTime, K, error) &&
              arena.upload(in.baseLogIndex, K, error) && arena.upload(in.periodYear, K, error) &&
              arena.upload(in.kind, N, error) && arena.upload(in.provider, N, error) &&
              arena.upload(in.upfrontPeriod, N, error) && arena.upload(in.prepaidPeriod, N, error) &&
              arena.upload(in.disposalPeriod, N, error) && arena.upload(in.coveredBySpot, N, error) &&
              arena.upload(in.perfIndex, N, error) && arena.upload(in.marketPrice, N, error) &&
              arena.upload(in.takeOrPay, N, error) && arena.upload(in.payShare, N, error) &&
              arena.upload(in.idleFraction, N, error) && arena.upload(in.upfrontAmount, N, error) &&
              arena.upload(in.upfrontDf, N, error) && arena.upload(in.residualValue, N, error) &&
              arena.upload(in.nbvTaxAtDisposal, N, error) && arena.upload(in.prepaymentFraction, N, error) &&
              arena.upload(in.totalContractValue, N, error) && arena.upload(in.recoveryRate, N, error) &&
              arena.upload(in.slotAlternativeOffsets, N + 2, error) &&
              arena.upload(in.slotAlternatives, memberships, error) && arena.upload(in.hours, KN, error) &&
              arena.upload(in.baseUtil, KN, error) && arena.upload(in.expNegLogitUtil, KN, error) &&
              arena.upload(in.cashDf, KN, error) && arena.upload(in.billedAtFull, KN, error) &&
              arena.upload(in.cumulativeBilled, KN, error) && arena.upload(in.mwhAtFullUse, KN, error) &&
              arena.upload(in.powerPrice, KN, error) && arena.upload(in.fixedCost, KN, error) &&
              arena.upload(in.taxDepreciation, KN, error);
    if (!ok)
        return false;
    double* npv = arena.allocate<double>(out.npv.size(), error);
    double* lcoc = arena.allocate<double>(out.lcoc.size(), error);
    double* cumulative =
        out.cumulative.empty() ? nullptr : arena.allocate<double>(out.cumulative.size(), error);
    unsigned char* defaulted =
        out.defaulted.empty() ? nullptr : arena.allocate<unsigned char>(out.defaulted.size(), error);
    if (!npv || !lcoc || (!out.cumulative.empty() && !cumulative) || (!out.defaulted.empty() && !defaulted))
        return false;
    constexpr int block = 128;
    const long long grid = (out.paths + block - 1) / block;
    auto launch = [&] {
        pathKernel<<<(unsigned)grid, block>>>(in, seed, firstPath, out.paths, long(out.stride), npv, lcoc,
                                              cumulative, defaulted);
        return DeviceArena::check(cudaGetLastError(), error);
    };
    if (!launch() || !DeviceArena::check(cudaDeviceSynchronize(), error))
        return false;
    if (!(download(out.npv, npv, error) && download(out.lcoc, lcoc, error) &&
          download(out.cumulative, cumulative, error) && download(out.defaulted, defaulted, error)))
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
        timed = launch();
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
