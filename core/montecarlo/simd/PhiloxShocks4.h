#pragma once
// MODEL.md 6.1's random numbers for four consecutive paths at once: Philox4x32-10 with the four
// paths' counters in the lanes of AVX2 registers, bit-identical to Random123's scalar philox4x32
// (tests/core/tst_monte_carlo.cpp checks lane by lane), then the same uniforms, Box-Muller,
// triangular and exponential draws as montecarlo/PhiloxShocks.h.
#include "engine/PathInputs.h"
#include "montecarlo/simd/Pack4.h"

#include <cstdint>

namespace ledger::simd {

// Four lanes of 32-bit words.
struct Words4 {
    __m128i w[4];
};

class PhiloxShocks4 {
public:
    PhiloxShocks4(std::uint64_t seed, std::uint64_t firstPath)
        : key0_(std::uint32_t(seed & 0xffffffffu))
        , key1_(std::uint32_t(seed >> 32)) {
        alignas(16) std::uint32_t lo[4], hi[4];
        for (int lane = 0; lane < 4; ++lane) {
            const std::uint64_t path = firstPath + std::uint64_t(lane);
            lo[lane] = std::uint32_t(path & 0xffffffffu);
            hi[lane] = std::uint32_t(path >> 32);
        }
        pathLo_ = _mm_load_si128(reinterpret_cast<const __m128i*>(lo));
        pathHi_ = _mm_load_si128(reinterpret_cast<const __m128i*>(hi));
    }

    // Philox4x32-10 of counters {path lo, path hi, draw, stream} under the seed's key, per lane.
    Words4 words(std::uint32_t draw, std::uint32_t stream) const {
        __m128i c0 = pathLo_, c1 = pathHi_;
        __m128i c2 = _mm_set1_epi32(int(draw)), c3 = _mm_set1_epi32(int(stream));
        std::uint32_t k0 = key0_, k1 = key1_;
        for (int round = 0; round < 10; ++round) {
            if (round > 0) {
                k0 += 0x9E3779B9u;
                k1 += 0xBB67AE85u;
            }
            __m128i hi0, lo0, hi1, lo1;
            mulhilo(c0, 0xD2511F53u, hi0, lo0);
            mulhilo(c2, 0xCD9E8D57u, hi1, lo1);
            const __m128i n0 = _mm_xor_si128(_mm_xor_si128(hi1, c1), _mm_set1_epi32(int(k0)));
            const __m128i n2 = _mm_xor_si128(_mm_xor_si128(hi0, c3), _mm_set1_epi32(int(k1)));
            c0 = n0;
            c1 = lo1;
            c2 = n2;
            c3 = lo0;
        }
        return {{c0, c1, c2, c3}};
    }

    // (r + 0.5) / 2^32 per lane, exactly as the scalar uniformFromWord.
    static Pack4 uniforms(__m128i r) {
        const __m256d asSigned = _mm256_cvtepi32_pd(_mm_xor_si128(r, _mm_set1_epi32(int(0x80000000u))));
        return Pack4(_mm256_mul_pd(_mm256_add_pd(asSigned, _mm256_set1_pd(2147483648.0 + 0.5)),
                                   _mm256_set1_pd(1.0 / 4294967296.0)));
    }

    Pack4 launchTime(const PathInputs& in) const {
        const Pack4 u = uniforms(words(0, 1).w[0]);
        const double a = in.launchEarliest, c = in.launchMode, b = in.launchLatest;
        if (b <= a)
            return Pack4(a);
        const Pack4 left = a + laneSqrt(u * ((b - a) * (c - a)));
        const Pack4 right = b - laneSqrt((1.0 - u) * ((b - a) * (b - c)));
        return select(u < Pack4((c - a) / (b - a)), left, right);
    }
    Pack4 priceDrop(const PathInputs& in) const {
        return in.dropMin + (in.dropMax - in.dropMin) * uniforms(words(0, 1).w[1]);
    }
    Pack4 defaultPeriod(const PathInputs& in, int j) const {
        const double hazard = in.providerHazard[j];
        if (hazard <= 0.0)
            return Pack4(double(in.periods));
        const Pack4 u = uniforms(words(1 + std::uint32_t(j) / 4, 1).w[j % 4]);
        const Pack4 years = -laneLog(u) / hazard;
        const Pack4 period(_mm256_floor_pd((12.0 * years).v));
        return Pack4(_mm256_min_pd(period.v, _mm256_set1_pd(double(in.periods))));
    }
    void normals(const PathInputs&, int k, Pack4 eps[3]) const {
        const Words4 r = words(std::uint32_t(k), 0);
        constexpr double twoPi = 6.283185307179586476925286766559;
        const Pack4 radius1 = laneSqrt(-2.0 * laneLog(uniforms(r.w[0])));
        Pack4 s, c;
        laneSinCos(twoPi * uniforms(r.w[1]), s, c);
        eps[0] = radius1 * c;
        eps[1] = radius1 * s;
        // Z3 from (u2, u3); its partner Z4 is reserved and not computed.
        eps[2] = laneSqrt(-2.0 * laneLog(uniforms(r.w[2]))) * laneCos(twoPi * uniforms(r.w[3]));
    }

private:
    // 32 x 32 -> 64-bit products of four lanes with a constant: high and low words.
    static void mulhilo(__m128i a, std::uint32_t m, __m128i& hi, __m128i& lo) {
        const __m256i wide = _mm256_cvtepu32_epi64(a);
        const __m256i product = _mm256_mul_epu32(wide, _mm256_set1_epi64x(m));
        const __m256i loIdx = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
        const __m256i hiIdx = _mm256_setr_epi32(1, 3, 5, 7, 1, 3, 5, 7);
        lo = _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(product, loIdx));
        hi = _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(product, hiIdx));
    }

    std::uint32_t key0_, key1_;
    __m128i pathLo_, pathHi_;
};

} // namespace ledger::simd
