// Stands in for CudaBackend.cu when the build found no nvcc.
#include "montecarlo/CudaBackend.h"

namespace ledger {

bool runPathsOnGpu(const PathInputs&, std::uint64_t, PathOutcomes&, std::string* error, std::int64_t,
                   GpuRunTiming*, int) {
    *error = "this build has no CUDA backend (nvcc was not found)";
    return false;
}

} // namespace ledger
