#pragma once
// Two packs of paths side by side as one lane type, with the operations of engine/LaneMath.h: each
// operation is the half's on each half, so a lane computes exactly what it computes in the half and
// in the scalar path. PackPair<PackPair<Pack8>> is 32 paths in four AVX-512 registers.
//
// Why: a path step is a long chain of dependent operations (Philox's ten rounds, log, square root,
// the market step, exp, SLEEF calls that spill every register), and the path function's bookkeeping
// (the item loop, the flows, the branches on the compiled arrays) costs the same whatever the lane
// count. Four independent chains keep the core busy while one waits, and the bookkeeping is paid once
// for 32 paths instead of 8: 1.75 times the paths per second of one register on the development
// machine (docs/performance.md). Included only by the per-instruction-set translation units.
#include <cstdint>

namespace ledger {
template <class V> struct Lanes;
}

namespace ledger::simd {

template <class M> struct MaskPair {
    static constexpr int kLanes = 2 * M::kLanes;
    M lo, hi;
};

template <class H> struct PackPair {
    static constexpr int kLanes = 2 * H::kLanes;
    static constexpr int kFoldedLanes = H::kFoldedLanes;
    H lo, hi;
    PackPair() = default;
    PackPair(double x)
        : lo(x)
        , hi(x) {}
    PackPair(H l, H h)
        : lo(l)
        , hi(h) {}
};

template <class H> PackPair<H> operator+(PackPair<H> a, PackPair<H> b) {
    return {a.lo + b.lo, a.hi + b.hi};
}
template <class H> PackPair<H> operator-(PackPair<H> a, PackPair<H> b) {
    return {a.lo - b.lo, a.hi - b.hi};
}
template <class H> PackPair<H> operator*(PackPair<H> a, PackPair<H> b) {
    return {a.lo * b.lo, a.hi * b.hi};
}
template <class H> PackPair<H> operator/(PackPair<H> a, PackPair<H> b) {
    return {a.lo / b.lo, a.hi / b.hi};
}
template <class H> PackPair<H> operator+(PackPair<H> a, double b) {
    return a + PackPair<H>(b);
}
template <class H> PackPair<H> operator+(double a, PackPair<H> b) {
    return PackPair<H>(a) + b;
}
template <class H> PackPair<H> operator-(PackPair<H> a, double b) {
    return a - PackPair<H>(b);
}
template <class H> PackPair<H> operator-(double a, PackPair<H> b) {
    return PackPair<H>(a) - b;
}
template <class H> PackPair<H> operator*(PackPair<H> a, double b) {
    return a * PackPair<H>(b);
}
template <class H> PackPair<H> operator*(double a, PackPair<H> b) {
    return PackPair<H>(a) * b;
}
template <class H> PackPair<H> operator/(PackPair<H> a, double b) {
    return a / PackPair<H>(b);
}
template <class H> PackPair<H> operator-(PackPair<H> a) {
    return {-a.lo, -a.hi};
}

template <class H> auto operator<(PackPair<H> a, PackPair<H> b) {
    return MaskPair<decltype(a.lo < b.lo)>{a.lo < b.lo, a.hi < b.hi};
}
template <class H> auto operator<=(PackPair<H> a, PackPair<H> b) {
    return MaskPair<decltype(a.lo <= b.lo)>{a.lo <= b.lo, a.hi <= b.hi};
}
template <class H> auto operator>(PackPair<H> a, PackPair<H> b) {
    return MaskPair<decltype(a.lo > b.lo)>{a.lo > b.lo, a.hi > b.hi};
}
template <class H> auto operator>=(PackPair<H> a, PackPair<H> b) {
    return MaskPair<decltype(a.lo >= b.lo)>{a.lo >= b.lo, a.hi >= b.hi};
}
template <class H> auto operator==(PackPair<H> a, PackPair<H> b) {
    return MaskPair<decltype(a.lo == b.lo)>{a.lo == b.lo, a.hi == b.hi};
}

template <class M, class H> PackPair<H> select(MaskPair<M> mask, PackPair<H> a, PackPair<H> b) {
    return {select(mask.lo, a.lo, b.lo), select(mask.hi, a.hi, b.hi)};
}
template <class M> MaskPair<M> laneAnd(MaskPair<M> a, MaskPair<M> b) {
    return {laneAnd(a.lo, b.lo), laneAnd(a.hi, b.hi)};
}
template <class M> bool laneAny(MaskPair<M> mask) {
    return laneAny(mask.lo) || laneAny(mask.hi);
}
template <class H> PackPair<H> laneExp(PackPair<H> x) {
    return {laneExp(x.lo), laneExp(x.hi)};
}
template <class H> PackPair<H> laneLog(PackPair<H> x) {
    return {laneLog(x.lo), laneLog(x.hi)};
}
template <class H> PackPair<H> laneSqrt(PackPair<H> x) {
    return {laneSqrt(x.lo), laneSqrt(x.hi)};
}
template <class H> PackPair<H> laneMax(PackPair<H> a, PackPair<H> b) {
    return {laneMax(a.lo, b.lo), laneMax(a.hi, b.hi)};
}
template <class H> PackPair<H> laneMin(PackPair<H> a, PackPair<H> b) {
    return {laneMin(a.lo, b.lo), laneMin(a.hi, b.hi)};
}
template <class H> PackPair<H> laneFloor(PackPair<H> a) {
    return {laneFloor(a.lo), laneFloor(a.hi)};
}
template <class H> void laneStore(double* p, PackPair<H> v) {
    laneStore(p, v.lo);
    laneStore(p + H::kLanes, v.hi);
}
template <class H> void laneAccumulate(double* p, PackPair<H> v) {
    laneAccumulate(p, v.lo);
    laneAccumulate(p + H::kLanes, v.hi);
}
template <class H> void laneAccumulateFolded(double* p, PackPair<H> v) {
    laneAccumulateFolded(p, v.lo + v.hi);
}
template <class M> void laneSetFlags(unsigned char* p, MaskPair<M> mask) {
    laneSetFlags(p, mask.lo);
    laneSetFlags(p + M::kLanes, mask.hi);
}
template <class H> void laneSinCos(PackPair<H> x, PackPair<H>& s, PackPair<H>& c) {
    laneSinCos(x.lo, s.lo, c.lo);
    laneSinCos(x.hi, s.hi, c.hi);
}
template <class H> PackPair<H> laneCos(PackPair<H> x) {
    return {laneCos(x.lo), laneCos(x.hi)};
}

// The words of two Isa groups of paths, as one instruction set of twice the lanes.
template <class Half> struct IsaPair {
    using Pack = PackPair<typename Half::Pack>;
    struct Word {
        typename Half::Word lo, hi;
    };
    static constexpr int kLanes = Pack::kLanes;
    static Word load(const std::uint32_t* p) { return {Half::load(p), Half::load(p + Half::kLanes)}; }
    static void store(std::uint32_t* p, Word w) {
        Half::store(p, w.lo);
        Half::store(p + Half::kLanes, w.hi);
    }
    static Word set1(std::uint32_t x) { return {Half::set1(x), Half::set1(x)}; }
    static Word bitXor3(Word a, Word b, Word c) {
        return {Half::bitXor3(a.lo, b.lo, c.lo), Half::bitXor3(a.hi, b.hi, c.hi)};
    }
    static void mulhilo(Word a, std::uint32_t m, Word& hi, Word& lo) {
        Half::mulhilo(a.lo, m, hi.lo, lo.lo);
        Half::mulhilo(a.hi, m, hi.hi, lo.hi);
    }
    static Pack uniforms(Word r) { return {Half::uniforms(r.lo), Half::uniforms(r.hi)}; }
};

} // namespace ledger::simd

namespace ledger {
template <class H> struct Lanes<simd::PackPair<H>> {
    static simd::PackPair<H> load(const double* p) {
        return {Lanes<H>::load(p), Lanes<H>::load(p + H::kLanes)};
    }
};
} // namespace ledger
