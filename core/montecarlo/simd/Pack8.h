#pragma once
// Eight paths in one AVX-512 register, with the operations of engine/LaneMath.h. Only the AVX-512
// translation unit includes this, chosen at run time when the CPU has AVX-512F and DQ.
// Transcendentals come from SLEEF: 1.0-ulp exp and log (they touch money: the market index, power
// prices, jumps); the Box-Muller angle's sine and cosine at 3.5 ulp, which is 1.7 times faster here
// and moves a normal draw by under 1e-15 relative (docs/performance.md). No fast-math.
#include <immintrin.h>
#include <sleef.h>

#include <cstdint>

namespace ledger::simd {

struct Mask8 {
    static constexpr int kLanes = 8;
    __mmask8 m;
};

struct Pack8 {
    static constexpr int kLanes = 8;
    static constexpr int kFoldedLanes = 8; // laneAccumulateFolded's width
    __m512d v;
    Pack8() = default;
    Pack8(double x)
        : v(_mm512_set1_pd(x)) {}
    explicit Pack8(__m512d x)
        : v(x) {}
};

inline Pack8 operator+(Pack8 a, Pack8 b) {
    return Pack8(_mm512_add_pd(a.v, b.v));
}
inline Pack8 operator-(Pack8 a, Pack8 b) {
    return Pack8(_mm512_sub_pd(a.v, b.v));
}
inline Pack8 operator*(Pack8 a, Pack8 b) {
    return Pack8(_mm512_mul_pd(a.v, b.v));
}
inline Pack8 operator/(Pack8 a, Pack8 b) {
    return Pack8(_mm512_div_pd(a.v, b.v));
}
inline Pack8 operator+(Pack8 a, double b) {
    return a + Pack8(b);
}
inline Pack8 operator+(double a, Pack8 b) {
    return Pack8(a) + b;
}
inline Pack8 operator-(Pack8 a, double b) {
    return a - Pack8(b);
}
inline Pack8 operator-(double a, Pack8 b) {
    return Pack8(a) - b;
}
inline Pack8 operator*(Pack8 a, double b) {
    return a * Pack8(b);
}
inline Pack8 operator*(double a, Pack8 b) {
    return Pack8(a) * b;
}
inline Pack8 operator/(Pack8 a, double b) {
    return a / Pack8(b);
}
inline Pack8 operator-(Pack8 a) {
    return Pack8(_mm512_sub_pd(_mm512_setzero_pd(), a.v));
}

inline Mask8 operator<(Pack8 a, Pack8 b) {
    return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_LT_OQ)};
}
inline Mask8 operator<=(Pack8 a, Pack8 b) {
    return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_LE_OQ)};
}
inline Mask8 operator>(Pack8 a, Pack8 b) {
    return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_GT_OQ)};
}
inline Mask8 operator>=(Pack8 a, Pack8 b) {
    return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_GE_OQ)};
}
inline Mask8 operator==(Pack8 a, Pack8 b) {
    return {_mm512_cmp_pd_mask(a.v, b.v, _CMP_EQ_OQ)};
}

inline Pack8 select(Mask8 mask, Pack8 a, Pack8 b) {
    return Pack8(_mm512_mask_blend_pd(mask.m, b.v, a.v));
}
inline Mask8 laneAnd(Mask8 a, Mask8 b) {
    return {__mmask8(a.m & b.m)};
}
inline bool laneAny(Mask8 mask) {
    return mask.m != 0;
}
inline Pack8 laneExp(Pack8 x) {
    return Pack8(Sleef_expd8_u10avx512f(x.v));
}
inline Pack8 laneLog(Pack8 x) {
    return Pack8(Sleef_logd8_u10avx512f(x.v));
}
inline Pack8 laneSqrt(Pack8 x) {
    return Pack8(_mm512_sqrt_pd(x.v));
}
inline Pack8 laneMax(Pack8 a, Pack8 b) {
    return Pack8(_mm512_max_pd(a.v, b.v));
}
inline Pack8 laneMin(Pack8 a, Pack8 b) {
    return Pack8(_mm512_min_pd(a.v, b.v));
}
inline Pack8 laneFloor(Pack8 a) {
    return Pack8(_mm512_roundscale_pd(a.v, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC));
}
inline void laneStore(double* p, Pack8 v) {
    _mm512_storeu_pd(p, v.v);
}
inline void laneAccumulate(double* p, Pack8 v) {
    _mm512_storeu_pd(p, _mm512_add_pd(_mm512_loadu_pd(p), v.v));
}
inline void laneAccumulateFolded(double* p, Pack8 v) {
    laneAccumulate(p, v);
}
inline void laneSetFlags(unsigned char* p, Mask8 mask) {
    for (int lane = 0; lane < 8; ++lane) {
        if (mask.m & (1u << lane))
            p[lane] = 1;
    }
}
inline void laneSinCos(Pack8 x, Pack8& s, Pack8& c) {
    const Sleef___m512d_2 r = Sleef_sincosd8_u35avx512f(x.v);
    s = Pack8(r.x);
    c = Pack8(r.y);
}
inline Pack8 laneCos(Pack8 x) {
    return Pack8(Sleef_cosd8_u35avx512f(x.v));
}

// Eight lanes of 32-bit words, each kept in the low half of a 64-bit lane so that Philox's
// 32 x 32 -> 64-bit products need no shuffles (simd/PhiloxShocksSimd.h). The high halves may hold
// anything: the multiply reads only the low halves, and uniforms() and store() narrow to them.
struct Avx512 {
    using Pack = Pack8;
    using Word = __m512i;
    static constexpr int kLanes = Pack::kLanes;
    static Word load(const std::uint32_t* p) {
        return _mm512_cvtepu32_epi64(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
    }
    static void store(std::uint32_t* p, Word w) {
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), _mm512_cvtepi64_epi32(w));
    }
    static Word set1(std::uint32_t x) { return _mm512_set1_epi64(x); }
    static Word bitXor3(Word a, Word b, Word c) { return _mm512_ternarylogic_epi64(a, b, c, 0x96); }
    // hi = the high 32 bits of a x m; lo holds the low 32 bits in its low half (its high half is
    // left as it is: nothing reads it).
    static void mulhilo(Word a, std::uint32_t m, Word& hi, Word& lo) {
        lo = _mm512_mul_epu32(a, _mm512_set1_epi64(m));
        hi = _mm512_srli_epi64(lo, 32);
    }
    // (r + 0.5) / 2^32 per lane, exactly as the scalar uniformFromWord.
    static Pack uniforms(Word r) {
        return Pack8(
            _mm512_mul_pd(_mm512_add_pd(_mm512_cvtepu32_pd(_mm512_cvtepi64_epi32(r)), _mm512_set1_pd(0.5)),
                          _mm512_set1_pd(1.0 / 4294967296.0)));
    }
};

} // namespace ledger::simd

namespace ledger {
template <class V> struct Lanes;
template <> struct Lanes<simd::Pack8> {
    static simd::Pack8 load(const double* p) { return simd::Pack8(_mm512_loadu_pd(p)); }
};
} // namespace ledger
