#pragma once
// Four paths in one AVX2 register, with the operations of engine/LaneMath.h. Only the AVX2
// translation unit includes this (compiled with -mavx2, chosen at run time when the CPU has it).
// Transcendentals come from SLEEF: 1.0-ulp exp and log (they touch money: the market index, power
// prices, jumps); the Box-Muller angle's sine and cosine at 3.5 ulp, which is 1.7 times faster here
// and moves a normal draw by under 1e-15 relative (docs/performance.md). No fast-math.
#include <immintrin.h>
#include <sleef.h>

#include <cstdint>

namespace ledger::simd {

struct Mask4 {
    static constexpr int kLanes = 4;
    __m256d m;
};

struct Pack4 {
    static constexpr int kLanes = 4;
    static constexpr int kFoldedLanes = 4; // laneAccumulateFolded's width
    __m256d v;
    Pack4() = default;
    Pack4(double x)
        : v(_mm256_set1_pd(x)) {}
    explicit Pack4(__m256d x)
        : v(x) {}
};

inline Pack4 operator+(Pack4 a, Pack4 b) {
    return Pack4(_mm256_add_pd(a.v, b.v));
}
inline Pack4 operator-(Pack4 a, Pack4 b) {
    return Pack4(_mm256_sub_pd(a.v, b.v));
}
inline Pack4 operator*(Pack4 a, Pack4 b) {
    return Pack4(_mm256_mul_pd(a.v, b.v));
}
inline Pack4 operator/(Pack4 a, Pack4 b) {
    return Pack4(_mm256_div_pd(a.v, b.v));
}
inline Pack4 operator+(Pack4 a, double b) {
    return a + Pack4(b);
}
inline Pack4 operator+(double a, Pack4 b) {
    return Pack4(a) + b;
}
inline Pack4 operator-(Pack4 a, double b) {
    return a - Pack4(b);
}
inline Pack4 operator-(double a, Pack4 b) {
    return Pack4(a) - b;
}
inline Pack4 operator*(Pack4 a, double b) {
    return a * Pack4(b);
}
inline Pack4 operator*(double a, Pack4 b) {
    return Pack4(a) * b;
}
inline Pack4 operator/(Pack4 a, double b) {
    return a / Pack4(b);
}
inline Pack4 operator-(Pack4 a) {
    return Pack4(_mm256_xor_pd(a.v, _mm256_set1_pd(-0.0)));
}

inline Mask4 operator<(Pack4 a, Pack4 b) {
    return {_mm256_cmp_pd(a.v, b.v, _CMP_LT_OQ)};
}
inline Mask4 operator<=(Pack4 a, Pack4 b) {
    return {_mm256_cmp_pd(a.v, b.v, _CMP_LE_OQ)};
}
inline Mask4 operator>(Pack4 a, Pack4 b) {
    return {_mm256_cmp_pd(a.v, b.v, _CMP_GT_OQ)};
}
inline Mask4 operator>=(Pack4 a, Pack4 b) {
    return {_mm256_cmp_pd(a.v, b.v, _CMP_GE_OQ)};
}
inline Mask4 operator==(Pack4 a, Pack4 b) {
    return {_mm256_cmp_pd(a.v, b.v, _CMP_EQ_OQ)};
}

inline Pack4 select(Mask4 mask, Pack4 a, Pack4 b) {
    return Pack4(_mm256_blendv_pd(b.v, a.v, mask.m));
}
inline Mask4 laneAnd(Mask4 a, Mask4 b) {
    return {_mm256_and_pd(a.m, b.m)};
}
inline bool laneAny(Mask4 mask) {
    return _mm256_movemask_pd(mask.m) != 0;
}
inline Pack4 laneExp(Pack4 x) {
    return Pack4(Sleef_expd4_u10avx2(x.v));
}
inline Pack4 laneLog(Pack4 x) {
    return Pack4(Sleef_logd4_u10avx2(x.v));
}
inline Pack4 laneSqrt(Pack4 x) {
    return Pack4(_mm256_sqrt_pd(x.v));
}
inline Pack4 laneMax(Pack4 a, Pack4 b) {
    return Pack4(_mm256_max_pd(a.v, b.v));
}
inline Pack4 laneMin(Pack4 a, Pack4 b) {
    return Pack4(_mm256_min_pd(a.v, b.v));
}
inline Pack4 laneFloor(Pack4 a) {
    return Pack4(_mm256_floor_pd(a.v));
}
inline void laneStore(double* p, Pack4 v) {
    _mm256_storeu_pd(p, v.v);
}
inline void laneAccumulate(double* p, Pack4 v) {
    _mm256_storeu_pd(p, _mm256_add_pd(_mm256_loadu_pd(p), v.v));
}
inline void laneAccumulateFolded(double* p, Pack4 v) {
    laneAccumulate(p, v);
}
inline void laneSetFlags(unsigned char* p, Mask4 mask) {
    const int bits = _mm256_movemask_pd(mask.m);
    for (int lane = 0; lane < 4; ++lane) {
        if (bits & (1 << lane))
            p[lane] = 1;
    }
}
// Four lanes of 32-bit words, each kept in the low half of a 64-bit lane so that Philox's
// 32 x 32 -> 64-bit products need no shuffles (simd/PhiloxShocksSimd.h). The high halves may hold
// anything: the multiply reads only the low halves, and uniforms() and store() narrow to them.
struct Avx2 {
    using Pack = Pack4;
    using Word = __m256i;
    static constexpr int kLanes = Pack::kLanes;
    static Word load(const std::uint32_t* p) {
        return _mm256_cvtepu32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    }
    static void store(std::uint32_t* p, Word w) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(p), narrow(w));
    }
    static Word set1(std::uint32_t x) { return _mm256_set1_epi64x(x); }
    static Word bitXor3(Word a, Word b, Word c) { return _mm256_xor_si256(_mm256_xor_si256(a, b), c); }
    // hi = the high 32 bits of a x m; lo holds the low 32 bits in its low half (its high half is
    // left as it is: nothing reads it).
    static void mulhilo(Word a, std::uint32_t m, Word& hi, Word& lo) {
        lo = _mm256_mul_epu32(a, _mm256_set1_epi64x(m));
        hi = _mm256_srli_epi64(lo, 32);
    }
    // (r + 0.5) / 2^32 per lane, exactly as the scalar uniformFromWord.
    static Pack uniforms(Word r) {
        const __m256d asSigned =
            _mm256_cvtepi32_pd(_mm_xor_si128(narrow(r), _mm_set1_epi32(int(0x80000000u))));
        return Pack4(_mm256_mul_pd(_mm256_add_pd(asSigned, _mm256_set1_pd(2147483648.0 + 0.5)),
                                   _mm256_set1_pd(1.0 / 4294967296.0)));
    }
    // The low 32-bit halves of the four 64-bit lanes.
    static __m128i narrow(Word w) {
        return _mm256_castsi256_si128(
            _mm256_permutevar8x32_epi32(w, _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6)));
    }
};

// sin and cos of the same angles in one call.
inline void laneSinCos(Pack4 x, Pack4& s, Pack4& c) {
    const Sleef___m256d_2 r = Sleef_sincosd4_u35avx2(x.v);
    s = Pack4(r.x);
    c = Pack4(r.y);
}
inline Pack4 laneCos(Pack4 x) {
    return Pack4(Sleef_cosd4_u35avx2(x.v));
}

} // namespace ledger::simd

namespace ledger {
template <class V> struct Lanes;
template <> struct Lanes<simd::Pack4> {
    static simd::Pack4 load(const double* p) { return simd::Pack4(_mm256_loadu_pd(p)); }
};
} // namespace ledger
