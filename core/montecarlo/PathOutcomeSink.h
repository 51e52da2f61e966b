#pragma once
// Accumulates one Monte Carlo path's outcome per alternative straight into the per-path output
// arrays (value of alternative a for this path at base[a * stride]); the CPU backend and the CUDA
// kernel use it alike. After the path: NPV cost, total cash, LCOC, cumulative cash at each year end.
#include "engine/LedgerHD.h"
#include "engine/PathInputs.h"

namespace ledger {

struct PathOutcomeSink {
    const PathInputs* in;
    double* npv;        // [alternative * stride]
    double* cash;       // [alternative * stride]
    double* lcoc;       // [alternative * stride]: the LCOC weight while the path runs
    double* cumulative; // [(alternative * years + year) * stride]: annual cash, then cumulated
    unsigned char* defaulted; // [provider * stride]
    long stride;

    LEDGER_HD void flow(int slot, int k, double amount, double df) {
        const int year = in->periodYear[k];
        for (int at = in->slotAlternativeOffsets[slot]; at < in->slotAlternativeOffsets[slot + 1]; ++at) {
            const long a = in->slotAlternatives[at];
            npv[a * stride] += amount * df;
            cash[a * stride] += amount;
            cumulative[(a * in->years + year) * stride] += amount;
        }
    }
    LEDGER_HD void usage(int slot, int, double, double weight) {
        for (int at = in->slotAlternativeOffsets[slot]; at < in->slotAlternativeOffsets[slot + 1]; ++at)
            lcoc[long(in->slotAlternatives[at]) * stride] += weight;
    }
    LEDGER_HD void providerDefaulted(int j) { defaulted[long(j) * stride] = 1; }
    LEDGER_HD void finish() {
        for (long a = 0; a < in->alternatives; ++a) {
            const double weight = lcoc[a * stride];
            lcoc[a * stride] = weight > 0.0 ? npv[a * stride] / weight : 0.0;
            double running = 0.0;
            for (int y = 0; y < in->years; ++y) {
                running += cumulative[(a * in->years + y) * stride];
                cumulative[(a * in->years + y) * stride] = running;
            }
        }
    }
};

} // namespace ledger
