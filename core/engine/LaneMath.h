#pragma once
// Arithmetic the path function needs, for one path in a plain double (the deterministic run, the
// scalar CPU fallback, the CUDA kernel). montecarlo/simd/ (Pack8.h, Pack4.h, PackPair.h) gives the
// same operations on 8, 4 or several registers of paths at once for the vector CPU backends, so one
// path function serves all of them.
#include "engine/LedgerHD.h"

#include <math.h>

namespace ledger {

LEDGER_HD inline double select(bool mask, double a, double b) {
    return mask ? a : b;
}
LEDGER_HD inline bool laneAnd(bool a, bool b) {
    return a && b;
}
LEDGER_HD inline bool laneAny(bool mask) {
    return mask;
}
LEDGER_HD inline double laneExp(double x) {
    return exp(x);
}
LEDGER_HD inline double laneLog(double x) {
    return log(x);
}
LEDGER_HD inline double laneMax(double a, double b) {
    return fmax(a, b);
}
LEDGER_HD inline double laneMin(double a, double b) {
    return fmin(a, b);
}
// Loading needs the lane type spelled out (a double* argument says nothing about it).
template <class V> struct Lanes;
template <> struct Lanes<double> {
    LEDGER_HD static double load(const double* p) { return *p; }
};
LEDGER_HD inline void laneStore(double* p, double v) {
    *p = v;
}
LEDGER_HD inline void laneAccumulate(double* p, double v) {
    *p += v;
}
// Adds v's lanes into one register's width of running sums at p: the same as laneAccumulate but for
// several registers side by side (montecarlo/simd/PackPair.h), which are first added together. For
// sums over paths, where which lane holds which path does not matter.
LEDGER_HD inline void laneAccumulateFolded(double* p, double v) {
    *p += v;
}
LEDGER_HD inline void laneSetFlags(unsigned char* p, bool mask) {
    if (mask)
        *p = 1;
}

} // namespace ledger
