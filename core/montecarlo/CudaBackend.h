#pragma once
// The CUDA backend: a thin kernel that runs the same path function, one thread per path.
#include "engine/PathInputs.h"
#include "montecarlo/PathOutcomes.h"

#include <cstdint>
#include <string>

namespace ledger {

// Runs paths [0, out.paths) on GPU 0. Returns false and sets *error when the GPU cannot.
bool runPathsOnGpu(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::string* error);

} // namespace ledger
