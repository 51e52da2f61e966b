#pragma once
// The AVX2 CPU backend's entry points: defined in CpuPaths4.cpp, which alone is compiled with
// -mavx2 and is called only after avx2Available() says the CPU has it.
#include "engine/PathInputs.h"
#include "montecarlo/PathOutcomes.h"

#include <cstdint>

namespace ledger::simd {

bool avx2Available();

// Paths [begin, end) four at a time; begin is a multiple of 4 and the outcome arrays are padded.
void runPaths4(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin, std::int64_t end);

// Philox words of four consecutive paths (out[word * 4 + lane]), for the known-answer tests.
void philoxWords4(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                  std::uint32_t out[16]);

} // namespace ledger::simd
