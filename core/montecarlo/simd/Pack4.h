#pragma once
// Four paths in one AVX2 register, with the operations of engine/LaneMath.h. Only the AVX2
// translation unit includes this (compiled with -mavx2, chosen at run time when the CPU has it).
// Transcendentals come from SLEEF (1.0 ulp); no fast-math.
#include <immintrin.h>
#include <sleef.h>

namespace ledger::simd {

struct Mask4 {
    __m256d m;
};

struct Pack4 {
    __m256d v;
    Pack4() = default;
    Pack4(double x)
        : v(_mm256_set1_pd(x)) {}
    explicit Pack4(__m256d x)
        : v(x) {}
};

inline Pack4 operator+(Pack4 a, Pack4 b) { return Pack4(_mm256_add_pd(a.v, b.v)); }
inline Pack4 operator-(Pack4 a, Pack4 b) { return Pack4(_mm256_sub_pd(a.v, b.v)); }
inline Pack4 operator*(Pack4 a, Pack4 b) { return Pack4(_mm256_mul_pd(a.v, b.v)); }
inline Pack4 operator/(Pack4 a, Pack4 b) { return Pack4(_mm256_div_pd(a.v, b.v)); }
inline Pack4 operator+(Pack4 a, double b) { return a + Pack4(b); }
inline Pack4 operator+(double a, Pack4 b) { return Pack4(a) + b; }
inline Pack4 operator-(Pack4 a, double b) { return a - Pack4(b); }
inline Pack4 operator-(double a, Pack4 b) { return Pack4(a) - b; }
inline Pack4 operator*(Pack4 a, double b) { return a * Pack4(b); }
inline Pack4 operator*(double a, Pack4 b) { return Pack4(a) * b; }
inline Pack4 operator/(Pack4 a, double b) { return a / Pack4(b); }
inline Pack4 operator-(Pack4 a) { return Pack4(_mm256_xor_pd(a.v, _mm256_set1_pd(-0.0))); }

inline Mask4 operator<(Pack4 a, Pack4 b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_LT_OQ)}; }
inline Mask4 operator<=(Pack4 a, Pack4 b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_LE_OQ)}; }
inline Mask4 operator>(Pack4 a, Pack4 b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_GT_OQ)}; }
inline Mask4 operator>=(Pack4 a, Pack4 b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_GE_OQ)}; }
inline Mask4 operator==(Pack4 a, Pack4 b) { return {_mm256_cmp_pd(a.v, b.v, _CMP_EQ_OQ)}; }

inline Pack4 select(Mask4 mask, Pack4 a, Pack4 b) { return Pack4(_mm256_blendv_pd(b.v, a.v, mask.m)); }
inline Mask4 laneAnd(Mask4 a, Mask4 b) { return {_mm256_and_pd(a.m, b.m)}; }
inline bool laneAny(Mask4 mask) { return _mm256_movemask_pd(mask.m) != 0; }
inline Pack4 laneExp(Pack4 x) { return Pack4(Sleef_expd4_u10avx2(x.v)); }
inline Pack4 laneLog(Pack4 x) { return Pack4(Sleef_logd4_u10avx2(x.v)); }
inline Pack4 laneSqrt(Pack4 x) { return Pack4(_mm256_sqrt_pd(x.v)); }
inline Pack4 laneMax(Pack4 a, Pack4 b) { return Pack4(_mm256_max_pd(a.v, b.v)); }
inline Pack4 laneLoad(const double* p) { return Pack4(_mm256_loadu_pd(p)); }
inline void laneStore(double* p, Pack4 v) { _mm256_storeu_pd(p, v.v); }
inline void laneAccumulate(double* p, Pack4 v) { _mm256_storeu_pd(p, _mm256_add_pd(_mm256_loadu_pd(p), v.v)); }
inline void laneSetFlags(unsigned char* p, Mask4 mask) {
    const int bits = _mm256_movemask_pd(mask.m);
    for (int lane = 0; lane < 4; ++lane) {
        if (bits & (1 << lane))
            p[lane] = 1;
    }
}
// sin and cos of the same angles in one call.
inline void laneSinCos(Pack4 x, Pack4& s, Pack4& c) {
    const Sleef___m256d_2 r = Sleef_sincosd4_u10avx2(x.v);
    s = Pack4(r.x);
    c = Pack4(r.y);
}
inline Pack4 laneCos(Pack4 x) { return Pack4(Sleef_cosd4_u10avx2(x.v)); }

} // namespace ledger::simd
