#pragma once
// The vector CPU backends' entry points. Each lives in its own translation unit compiled for its
// instruction set (CpuPaths4.cpp: AVX2, CpuPaths8.cpp: AVX-512) and is called only after the CPU
// said it has that set, so the binary runs on any x86-64.
#include "engine/PathInputs.h"
#include "montecarlo/LineSums.h"
#include "montecarlo/PathOutcomes.h"

#include <cstdint>

namespace ledger::simd {

// Defined in CpuBackend.cpp, compiled for plain x86-64 so the checks themselves run anywhere.
bool avx2Available();
bool avx512Available();

// Paths [begin, end) 4 (one AVX2 register), 16 (four), 8 (one AVX-512 register) or 32 (four) at a
// time; begin is a multiple of the lane count and the outcome arrays are padded to it. With lines
// (its lanes the call's), each alternative's NPV by line also goes into lines' chunk sums.
void runPaths4(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin,
               std::int64_t end, ChunkLineSums* lines);
void runPaths8(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin,
               std::int64_t end, ChunkLineSums* lines);
void runPaths16(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin,
                std::int64_t end, ChunkLineSums* lines);
void runPaths32(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin,
                std::int64_t end, ChunkLineSums* lines);

// Philox words of consecutive paths (out[word * lanes + lane]), for the known-answer tests.
void philoxWords4(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                  std::uint32_t out[16]);
void philoxWords8(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                  std::uint32_t out[32]);
void philoxWords16(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                   std::uint32_t out[64]);
void philoxWords32(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                   std::uint32_t out[128]);

} // namespace ledger::simd
