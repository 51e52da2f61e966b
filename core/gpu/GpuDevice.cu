// Built only when nvcc is found; GpuDeviceNone.cpp stands in otherwise.
#include "gpu/GpuDevice.h"

#include <cuda_runtime.h>

namespace ledger {

bool cudaBackendBuilt() {
    return true;
}

GpuDevice probeGpu() {
    GpuDevice d;
    int count = 0;
    const cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess) {
        d.reason = std::string("no CUDA device answers: ") + cudaGetErrorString(err);
        return d;
    }
    if (count == 0) {
        d.reason = "no CUDA device found";
        return d;
    }
    cudaDeviceProp prop{};
    if (cudaGetDeviceProperties(&prop, 0) != cudaSuccess) {
        d.reason = "the CUDA device did not report its properties";
        return d;
    }
    d.available = true;
    d.name = prop.name;
    return d;
}

} // namespace ledger
