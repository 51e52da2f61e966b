// Compiled with -mavx512f (core/CMakeLists.txt); nothing here runs unless avx512Available().
#include "montecarlo/simd/CpuPaths.h"
#include "montecarlo/simd/Pack8.h"
#include "montecarlo/simd/PackPair.h"
#include "montecarlo/simd/SimdRunner.h"

namespace ledger::simd {

void runPaths8(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin,
               std::int64_t end, ChunkLineSums* lines) {
    runPathsSimd<Avx512>(in, seed, out, begin, end, lines);
}

void runPaths32(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin,
                std::int64_t end, ChunkLineSums* lines) {
    runPathsSimd<IsaPair<IsaPair<Avx512>>>(in, seed, out, begin, end, lines);
}

void philoxWords8(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                  std::uint32_t out[32]) {
    philoxWordsSimd<Avx512>(seed, firstPath, draw, stream, out);
}

void philoxWords32(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                   std::uint32_t out[128]) {
    philoxWordsSimd<IsaPair<IsaPair<Avx512>>>(seed, firstPath, draw, stream, out);
}

} // namespace ledger::simd
