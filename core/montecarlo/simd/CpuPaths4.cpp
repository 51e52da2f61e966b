// Compiled with -mavx2 (core/CMakeLists.txt); nothing here runs unless avx2Available().
#include "montecarlo/simd/CpuPaths.h"
#include "montecarlo/simd/Pack4.h"
#include "montecarlo/simd/PackPair.h"
#include "montecarlo/simd/SimdRunner.h"

namespace ledger::simd {

void runPaths4(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin,
               std::int64_t end, ChunkLineSums* lines) {
    runPathsSimd<Avx2>(in, seed, out, begin, end, lines);
}

void runPaths16(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin,
                std::int64_t end, ChunkLineSums* lines) {
    runPathsSimd<IsaPair<IsaPair<Avx2>>>(in, seed, out, begin, end, lines);
}

void philoxWords16(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                   std::uint32_t out[64]) {
    philoxWordsSimd<IsaPair<IsaPair<Avx2>>>(seed, firstPath, draw, stream, out);
}

void philoxWords4(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                  std::uint32_t out[16]) {
    philoxWordsSimd<Avx2>(seed, firstPath, draw, stream, out);
}

} // namespace ledger::simd
