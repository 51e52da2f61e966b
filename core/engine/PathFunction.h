#pragma once
// The one path function (DESIGN.md "compile once, simulate many"). It advances Monte Carlo paths
// over a compiled portfolio; the deterministic run is this function with every shock at zero, the
// CPU backend calls it on 32 paths at a time (AVX-512), 16 (AVX2) or one, and the CUDA kernel per
// thread.
//
// V is the lane type: double (one path) or a pack of paths (montecarlo/simd/Pack8.h, Pack4.h and
// PackPair.h, which puts four registers side by side); per-path
// conditions are masks and flows are selected, never branched on, so every lane follows the same
// arithmetic as a single path would.
//
// Shocks: launchTime(in), priceDrop(in) -> V (called only with a next generation);
//         defaultPeriod(in, j) -> V (the period as a whole number; >= periods: never);
//         normals(in, k, eps[3]) for the step from period k to k + 1.
// Sink:   flow(slot, k, amount, df): a cost in period k discounted with df;
//         usage(slot, k, usedHours, lcocWeight) with lcocWeight = U perf DF(period end);
//         providerDefaulted(j, mask) once per provider; finish() at the end.
//         slot = item index, or in.items for the spot alternative.
#include "engine/LaneMath.h"
#include "engine/LedgerHD.h"
#include "engine/PathInputs.h"

namespace ledger {

template <class V, class Shocks, class Sink>
LEDGER_HD void simulatePath(const PathInputs& in, Shocks& shocks, Sink& sink) {
    const int K = in.periods;
    const int N = in.items;
    const double tau = in.taxRate;

    V launch(1e300), jump(0.0);
    if (in.hasNextGeneration) {
        launch = shocks.launchTime(in);
        jump = laneLog(V(1.0) - shocks.priceDrop(in));
    }
    V defaultAt[kMaxProviders];
    for (int j = 0; j < in.providers; ++j) {
        defaultAt[j] = shocks.defaultPeriod(in, j);
        sink.providerDefaulted(j, defaultAt[j] < V(double(K)));
    }

    V x(0.0);    // market log-index X_k
    V ydev(0.0); // shared utilization deviation Y - b
    V w(0.0);    // power price log deviation W_k
    for (int k = 0; k < K; ++k) {
        const V period = V(double(k));
        const V marketFactor = laneExp(x);
        // With no volatility the factor is exactly 1: skip the transcendental.
        const V powerFactor = in.powerScale > 0.0 ? laneExp(w) : V(1.0);
        const V utilFactor = in.utilStochastic ? laneExp(-ydev) : V(1.0);
        const V dfEnd(in.periodEndDf[k]);
        double lastExpNegBase = -1.0; // items on the same curve share u: one division, not one per item
        V u(0.0);
        for (int i = 0; i < N; ++i) {
            const int at = k * N + i;
            // u = 1 / (1 + e^-(b + ydev)), with e^-b compiled once per item and period.
            if (!in.utilStochastic) {
                u = V(in.baseUtil[at]);
            } else if (in.expNegLogitUtil[at] != lastExpNegBase) {
                lastExpNegBase = in.expNegLogitUtil[at];
                u = V(1.0) / (V(1.0) + lastExpNegBase * utilFactor);
            }
            const V used = u * in.hours[at];
            sink.usage(i, k, used, used * (in.perfIndex[i] * in.periodEndDf[k]));
            if (in.kind[i] == 0) {
                const V kd = defaultAt[in.provider[i]];
                // After its provider defaults a contract delivers nothing; its committed hours are
                // bought at market, deductible, dated at the period's end.
                const auto gone = kd <= period;
                const V billed = in.billedAtFull[at] * laneMax(V(in.takeOrPay[i]), u);
                const V billedCost = in.payShare[i] * billed - tau * billed;
                if (laneAny(gone)) {
                    const V replacement =
                        in.hours[at] * in.marketPrice[i] * marketFactor * in.replacementPremium;
                    sink.flow(i, k, select(gone, replacement * (1.0 - tau), billedCost),
                              select(gone, dfEnd, V(in.cashDf[at])));
                } else {
                    sink.flow(i, k, billedCost, V(in.cashDf[at]));
                }
                // In the default's period the undrawn prepayment is partly recovered, the rest written off.
                const double undrawn =
                    in.prepaymentFraction[i] * (in.totalContractValue[i] - in.cumulativeBilled[at]);
                if (undrawn > 0.0) {
                    const auto hit = laneAnd(kd == period, V(double(in.prepaidPeriod[i])) <= kd);
                    if (laneAny(hit)) {
                        const double recovered = in.recoveryRate[i] * undrawn;
                        sink.flow(i, k, select(hit, V(-recovered - tau * (undrawn - recovered)), V(0.0)),
                                  dfEnd);
                    }
                }
                if (k == in.upfrontPeriod[i])
                    sink.flow(i, k, select(period <= kd, V(in.upfrontAmount[i]), V(0.0)), V(in.upfrontDf[i]));
            } else {
                const double idle = in.idleFraction[i];
                const V power =
                    in.mwhAtFullUse[at] * (idle + (1.0 - idle) * u) * in.powerPrice[at] * powerFactor;
                sink.flow(i, k, (power + in.fixedCost[at]) * (1.0 - tau) - tau * in.taxDepreciation[at],
                          dfEnd);
                if (k == in.upfrontPeriod[i])
                    sink.flow(i, k, V(in.upfrontAmount[i]), V(in.upfrontDf[i]));
                if (k == in.disposalPeriod[i]) {
                    // Resale follows the market's surprise; its expected decline is in residual_fraction.
                    const V resale = in.residualValue[i] * laneExp(x - in.baseLogIndex[k]);
                    sink.flow(i, k, -resale + tau * (resale - in.nbvTaxAtDisposal[i]), dfEnd);
                }
            }
            if (in.coveredBySpot[i]) {
                const V spot = used * in.marketPrice[i] * marketFactor * in.onDemandPremium;
                sink.flow(N, k, spot * (1.0 - tau), dfEnd);
                sink.usage(N, k, used, used * (in.perfIndex[i] * in.periodEndDf[k]));
            }
        }
        if (k + 1 >= K)
            break;
        // Advance the market to period k + 1 with the step-k shocks (MODEL.md 6).
        V eps[3];
        shocks.normals(in, k, eps);
        const double* L = in.cholesky;
        const V z1 = L[0] * eps[0];
        const V z2 = L[3] * eps[0] + L[4] * eps[1];
        const V z3 = L[6] * eps[0] + L[7] * eps[1] + L[8] * eps[2];
        const double tk = in.periodTime[k], tn = in.periodTime[k + 1];
        const V mk = in.gpuTrend * tk + select(V(tk) >= launch, jump, V(0.0));
        const V mn = in.gpuTrend * tn + select(V(tn) >= launch, jump, V(0.0));
        x = mn + (x - mk) * in.gpuDecay + in.gpuScale * z1;
        ydev = ydev * in.utilDecay + in.utilScale * z2;
        w = w * in.powerDecay + in.powerScale * z3;
    }
    sink.finish();
}

// The deterministic run's shocks (MODEL.md 6): Z = 0, launch at the mode, the midpoint drop, no defaults.
struct DeterministicShocks {
    LEDGER_HD double launchTime(const PathInputs& in) const { return in.launchMode; }
    LEDGER_HD double priceDrop(const PathInputs& in) const { return 0.5 * (in.dropMin + in.dropMax); }
    LEDGER_HD double defaultPeriod(const PathInputs& in, int) const { return double(in.periods); }
    LEDGER_HD void normals(const PathInputs&, int, double eps[3]) const { eps[0] = eps[1] = eps[2] = 0.0; }
};

} // namespace ledger
