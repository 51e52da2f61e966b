// Stands in for CudaBackend.cu when the build found no nvcc.
#include "montecarlo/CudaBackend.h"

namespace ledger {

bool runPathsOnGpu(const PathInputs&, std::uint64_t, PathOutcomes&, std::string* error, std::int64_t,
                   GpuRunTiming*, int, LineSums*) {
    *error = "this build has no CUDA backend (nvcc was not found)";
    return false;
}

std::unique_ptr<GpuRun> runPathsOnGpuResident(const PathInputs&, std::uint64_t, std::int64_t,
                                              std::string* error, std::int64_t) {
    *error = "this build has no CUDA backend (nvcc was not found)";
    return nullptr;
}

} // namespace ledger
