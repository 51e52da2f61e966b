#pragma once
// Whether a CUDA GPU answers on this machine, and which. Used by device=auto and the status bar.
#include <string>

namespace ledger {

struct GpuDevice {
    bool available = false;
    std::string name;   // e.g. "NVIDIA H100 80GB HBM3"
    std::string reason; // why none is available, for messages and skipped tests
};

bool cudaBackendBuilt();
GpuDevice probeGpu();

} // namespace ledger
