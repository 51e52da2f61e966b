#pragma once
// The pinned random numbers of MODEL.md 6.1: Philox4x32-10 (Random123), key = seed, counter =
// {path lo, path hi, draw, stream}. A path's numbers depend on (seed, path) only, so results do not
// depend on threads, chunking or device.
#include "engine/LedgerHD.h"
#include "engine/PathInputs.h"

#include <Random123/philox.h>

#include <math.h>
#include <stdint.h>

namespace ledger {

// (r + 0.5) / 2^32: strictly inside (0, 1), so log and inverse CDFs stay finite.
LEDGER_HD inline double uniformFromWord(uint32_t r) {
    return (double(r) + 0.5) * (1.0 / 4294967296.0);
}

// Box-Muller of MODEL.md 6.1: (u_a, u_b) -> (sqrt(-2 ln u_a) cos(2 pi u_b), sqrt(-2 ln u_a) sin(2 pi u_b)).
LEDGER_HD inline void boxMuller(double ua, double ub, double& za, double& zb) {
    const double radius = sqrt(-2.0 * log(ua));
    const double angle = 6.283185307179586476925286766559 * ub;
    za = radius * cos(angle);
    zb = radius * sin(angle);
}

// Triangular(a, c, b) by its inverse CDF.
LEDGER_HD inline double triangularInverse(double u, double a, double c, double b) {
    if (b <= a)
        return a;
    if (u < (c - a) / (b - a))
        return a + sqrt(u * ((b - a) * (c - a)));
    return b - sqrt((1.0 - u) * ((b - a) * (b - c)));
}

class PhiloxShocks {
public:
    using Generator = r123::Philox4x32_R<10>;

    LEDGER_HD PhiloxShocks(uint64_t seed, uint64_t path) {
        key_.v[0] = uint32_t(seed & 0xffffffffu);
        key_.v[1] = uint32_t(seed >> 32);
        pathLo_ = uint32_t(path & 0xffffffffu);
        pathHi_ = uint32_t(path >> 32);
    }

    LEDGER_HD Generator::ctr_type words(uint32_t draw, uint32_t stream) const {
        Generator::ctr_type ctr = {{pathLo_, pathHi_, draw, stream}};
        return Generator()(ctr, key_);
    }

    LEDGER_HD double launchTime(const PathInputs& in) const {
        return triangularInverse(uniformFromWord(words(0, 1).v[0]), in.launchEarliest, in.launchMode,
                                 in.launchLatest);
    }
    LEDGER_HD double priceDrop(const PathInputs& in) const {
        return in.dropMin + (in.dropMax - in.dropMin) * uniformFromWord(words(0, 1).v[1]);
    }
    // Default time tau_j = -ln(U_j) / hazard years; it hits from period floor(12 tau_j).
    LEDGER_HD double defaultPeriod(const PathInputs& in, int j) const {
        const double hazard = in.providerHazard[j];
        if (hazard <= 0.0)
            return double(in.periods);
        const double u = uniformFromWord(words(1 + uint32_t(j) / 4, 1).v[j % 4]);
        return fmin(floor(12.0 * (-log(u) / hazard)), double(in.periods));
    }
    // Stream 2, draw = the fleet's place in the portfolio (docs/model.md 12.13): word 0 is its capex's
    // uniform, word 1 its delivery delay's (12.14), words 2 and 3 give by Box-Muller the normal of its
    // resale.
    LEDGER_HD double capexFactor(const PathInputs& in, int i) const {
        return triangularInverse(uniformFromWord(words(uint32_t(in.fleetDraw[i]), 2).v[0]), in.capexLow[i],
                                 1.0, in.capexHigh[i]);
    }
    // Triangular(low, mode, high) months, to the nearest whole month: floor(d + 0.5).
    LEDGER_HD double deliveryDelay(const PathInputs& in, int i) const {
        return floor(triangularInverse(uniformFromWord(words(uint32_t(in.fleetDraw[i]), 2).v[1]),
                                       in.delayLow[i], in.delayMode[i], in.delayHigh[i]) +
                     0.5);
    }
    // e^(sigma Z - sigma^2 / 2): a factor of mean 1 on the resale.
    LEDGER_HD double residualFactor(const PathInputs& in, int i) const {
        const double sigma = in.residualVolatility[i];
        if (sigma <= 0.0)
            return 1.0;
        const auto r = words(uint32_t(in.fleetDraw[i]), 2);
        const double z = sqrt(-2.0 * log(uniformFromWord(r.v[2]))) *
                         cos(6.283185307179586476925286766559 * uniformFromWord(r.v[3]));
        return exp(sigma * z - 0.5 * (sigma * sigma));
    }
    // eps = (Z1, Z2, Z3) of step k; Z4 is reserved.
    LEDGER_HD void normals(const PathInputs&, int k, double eps[3]) const {
        const auto r = words(uint32_t(k), 0);
        double z4;
        boxMuller(uniformFromWord(r.v[0]), uniformFromWord(r.v[1]), eps[0], eps[1]);
        boxMuller(uniformFromWord(r.v[2]), uniformFromWord(r.v[3]), eps[2], z4);
    }

private:
    Generator::key_type key_;
    uint32_t pathLo_, pathHi_;
};

} // namespace ledger
