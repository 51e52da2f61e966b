#pragma once
// MODEL.md 6.1's random numbers for several consecutive paths at once: Philox4x32-10 with the
// paths' counters in the lanes of vector registers, bit-identical to Random123's scalar philox4x32
// (tests/core/tst_monte_carlo.cpp checks lane by lane), then the same uniforms, Box-Muller,
// triangular and exponential draws as montecarlo/PhiloxShocks.h, in the same order of operations.
// Isa is simd::Avx2 (Pack4.h) or simd::Avx512 (Pack8.h).
#include "engine/PathInputs.h"

#include <cstdint>

namespace ledger::simd {

template <class Isa> class PhiloxShocksSimd {
public:
    using Pack = typename Isa::Pack;
    using Word = typename Isa::Word;
    static constexpr int kLanes = Isa::kLanes;
    struct Words {
        Word w[4];
    };

    PhiloxShocksSimd(std::uint64_t seed, std::uint64_t firstPath) {
        // The ten rounds' keys depend on the seed only: broadcast once, not in every draw.
        std::uint32_t k0 = std::uint32_t(seed & 0xffffffffu), k1 = std::uint32_t(seed >> 32);
        for (int round = 0; round < 10; ++round) {
            roundKey0_[round] = Isa::set1(k0);
            roundKey1_[round] = Isa::set1(k1);
            k0 += 0x9E3779B9u;
            k1 += 0xBB67AE85u;
        }
        std::uint32_t lo[kLanes], hi[kLanes];
        for (int lane = 0; lane < kLanes; ++lane) {
            const std::uint64_t path = firstPath + std::uint64_t(lane);
            lo[lane] = std::uint32_t(path & 0xffffffffu);
            hi[lane] = std::uint32_t(path >> 32);
        }
        pathLo_ = Isa::load(lo);
        pathHi_ = Isa::load(hi);
    }

    // Philox4x32-10 of counters {path lo, path hi, draw, stream} under the seed's key, per lane.
    // The words are in the low halves of the lanes (Isa::mulhilo).
    Words words(std::uint32_t draw, std::uint32_t stream) const {
        Word c0 = pathLo_, c1 = pathHi_, c2 = Isa::set1(draw), c3 = Isa::set1(stream);
        for (int round = 0; round < 10; ++round) {
            Word hi0, lo0, hi1, lo1;
            Isa::mulhilo(c0, 0xD2511F53u, hi0, lo0);
            Isa::mulhilo(c2, 0xCD9E8D57u, hi1, lo1);
            c0 = Isa::bitXor3(hi1, c1, roundKey0_[round]);
            c2 = Isa::bitXor3(hi0, c3, roundKey1_[round]);
            c1 = lo1;
            c3 = lo0;
        }
        return {{c0, c1, c2, c3}};
    }

    // Triangular(a, c, b) by its inverse CDF, as montecarlo/PhiloxShocks.h's triangularInverse.
    static Pack triangular(Pack u, double a, double c, double b) {
        if (b <= a)
            return Pack(a);
        const Pack left = a + laneSqrt(u * ((b - a) * (c - a)));
        const Pack right = b - laneSqrt((1.0 - u) * ((b - a) * (b - c)));
        return select(u < Pack((c - a) / (b - a)), left, right);
    }

    Pack launchTime(const PathInputs& in) const {
        return triangular(Isa::uniforms(words(0, 1).w[0]), in.launchEarliest, in.launchMode, in.launchLatest);
    }
    Pack priceDrop(const PathInputs& in) const {
        return in.dropMin + (in.dropMax - in.dropMin) * Isa::uniforms(words(0, 1).w[1]);
    }
    Pack defaultPeriod(const PathInputs& in, int j) const {
        const double hazard = in.providerHazard[j];
        if (hazard <= 0.0)
            return Pack(double(in.periods));
        const Pack u = Isa::uniforms(words(1 + std::uint32_t(j) / 4, 1).w[j % 4]);
        return laneMin(laneFloor(12.0 * (-laneLog(u) / hazard)), Pack(double(in.periods)));
    }
    // docs/model.md 12.13, as montecarlo/PhiloxShocks.h draws them.
    Pack capexFactor(const PathInputs& in, int i) const {
        return triangular(Isa::uniforms(words(std::uint32_t(in.fleetDraw[i]), 2).w[0]), in.capexLow[i], 1.0,
                          in.capexHigh[i]);
    }
    Pack deliveryDelay(const PathInputs& in, int i) const {
        return laneFloor(triangular(Isa::uniforms(words(std::uint32_t(in.fleetDraw[i]), 2).w[1]),
                                    in.delayLow[i], in.delayMode[i], in.delayHigh[i]) +
                         0.5);
    }
    Pack residualFactor(const PathInputs& in, int i) const {
        const double sigma = in.residualVolatility[i];
        if (sigma <= 0.0)
            return Pack(1.0);
        const Words r = words(std::uint32_t(in.fleetDraw[i]), 2);
        constexpr double twoPi = 6.283185307179586476925286766559;
        const Pack z =
            laneSqrt(-2.0 * laneLog(Isa::uniforms(r.w[2]))) * laneCos(twoPi * Isa::uniforms(r.w[3]));
        return laneExp(sigma * z - 0.5 * (sigma * sigma));
    }
    // Once per period: inlined into the path function, whatever its size (a call passes the packs
    // through memory; GCC's size budget alone dropped the inlining once the path function grew).
    __attribute__((always_inline)) void normals(const PathInputs&, int k, Pack eps[3]) const {
        const Words r = words(std::uint32_t(k), 0);
        constexpr double twoPi = 6.283185307179586476925286766559;
        const Pack radius = laneSqrt(-2.0 * laneLog(Isa::uniforms(r.w[0])));
        Pack s, c;
        laneSinCos(twoPi * Isa::uniforms(r.w[1]), s, c);
        eps[0] = radius * c;
        eps[1] = radius * s;
        // Z3 from (u2, u3); its partner Z4 is reserved and not computed.
        eps[2] = laneSqrt(-2.0 * laneLog(Isa::uniforms(r.w[2]))) * laneCos(twoPi * Isa::uniforms(r.w[3]));
    }

private:
    Word roundKey0_[10], roundKey1_[10];
    Word pathLo_, pathHi_;
};

} // namespace ledger::simd
