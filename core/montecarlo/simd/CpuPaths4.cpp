// Compiled with -mavx2 (core/CMakeLists.txt); nothing here runs unless avx2Available().
#include "montecarlo/simd/CpuPaths4.h"

#include "engine/PathFunction.h"
#include "montecarlo/PathOutcomeSink.h"
#include "montecarlo/simd/Pack4.h"
#include "montecarlo/simd/PhiloxShocks4.h"

namespace ledger::simd {

bool avx2Available() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}

void runPaths4(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin, std::int64_t end) {
    for (std::int64_t p = begin; p < end; p += 4) {
        PhiloxShocks4 shocks(seed, std::uint64_t(p));
        PathOutcomeSink<Pack4> sink = out.sinkFor<Pack4>(in, p);
        simulatePath<Pack4>(in, shocks, sink);
    }
}

void philoxWords4(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                  std::uint32_t out[16]) {
    const Words4 words = PhiloxShocks4(seed, firstPath).words(draw, stream);
    for (int w = 0; w < 4; ++w)
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 4 * w), words.w[w]);
}

} // namespace ledger::simd
