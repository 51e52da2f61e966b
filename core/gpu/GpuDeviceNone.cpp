// Stands in for GpuDevice.cu when the build found no nvcc.
#include "gpu/GpuDevice.h"

namespace ledger {

bool cudaBackendBuilt() {
    return false;
}

GpuDevice probeGpu() {
    return {false, {}, "this build has no CUDA backend (nvcc was not found)"};
}

} // namespace ledger
