#pragma once
// The one path function (DESIGN.md "compile once, simulate many"). It advances one Monte Carlo path
// over a compiled portfolio; the deterministic run is this function with every shock at zero, the
// CPU backend calls it per path on all cores and the CUDA kernel per thread. A Shocks type supplies
// the random numbers, a Sink receives the flows; neither allocates.
//
// Shocks: launchTime(in) and priceDrop(in) -> double (called only with a next generation),
//         defaultPeriod(in, j) -> int (>= periods: never), normals(in, k, eps[3]) for step k -> k+1.
// Sink:   flow(slot, k, amount, df): a cost in period k discounted with df;
//         usage(slot, k, usedHours, lcocWeight): used GPU-hours and U perf DF(period end);
//         providerDefaulted(j) once per provider that defaults within the horizon; finish() at the end.
//         slot = item index, or in.items for the spot alternative.
#include "engine/LedgerHD.h"
#include "engine/PathInputs.h"

#include <math.h>

namespace ledger {

LEDGER_HD inline double logistic(double y) { return 1.0 / (1.0 + exp(-y)); }

template <class Shocks, class Sink>
LEDGER_HD void simulatePath(const PathInputs& in, Shocks& shocks, Sink& sink) {
    const int K = in.periods;
    const int N = in.items;
    const double tau = in.taxRate;

    double launch = 1e300, jump = 0.0;
    if (in.hasNextGeneration) {
        launch = shocks.launchTime(in);
        jump = log(1.0 - shocks.priceDrop(in));
    }
    int defaultAt[kMaxProviders];
    for (int j = 0; j < in.providers; ++j) {
        defaultAt[j] = shocks.defaultPeriod(in, j);
        if (defaultAt[j] < K)
            sink.providerDefaulted(j);
    }

    double x = 0.0;    // market log-index X_k
    double ydev = 0.0; // shared utilization deviation Y - b
    double w = 0.0;    // power price log deviation W_k
    for (int k = 0; k < K; ++k) {
        const double marketFactor = exp(x);
        const double powerFactor = exp(w);
        const double dfEnd = in.periodEndDf[k];
        for (int i = 0; i < N; ++i) {
            const int at = k * N + i;
            const double u = in.utilStochastic ? logistic(in.baseLogitUtil[at] + ydev) : in.baseUtil[at];
            const double used = u * in.hours[at];
            sink.usage(i, k, used, used * in.perfIndex[i] * dfEnd);
            if (in.kind[i] == 0) {
                const int kd = defaultAt[in.provider[i]];
                if (k >= kd) {
                    // The provider is gone: the committed hours are bought at market, deductible.
                    const double replacement =
                        in.hours[at] * in.marketPrice[i] * marketFactor * in.replacementPremium;
                    sink.flow(i, k, replacement * (1.0 - tau), dfEnd);
                    if (k == kd && in.prepaidPeriod[i] <= kd) {
                        const double undrawn =
                            in.prepaymentFraction[i] * (in.totalContractValue[i] - in.cumulativeBilled[at]);
                        if (undrawn > 0.0) {
                            const double recovered = in.recoveryRate[i] * undrawn;
                            sink.flow(i, k, -recovered - tau * (undrawn - recovered), dfEnd);
                        }
                    }
                } else {
                    const double billed = in.billedAtFull[at] * fmax(in.takeOrPay[i], u);
                    sink.flow(i, k, in.payShare[i] * billed - tau * billed, in.cashDf[at]);
                }
                if (k == in.upfrontPeriod[i] && k <= kd)
                    sink.flow(i, k, in.upfrontAmount[i], in.upfrontDf[i]);
            } else {
                const double idle = in.idleFraction[i];
                const double power = in.mwhAtFullUse[at] * (idle + (1.0 - idle) * u) * in.powerPrice[at] * powerFactor;
                sink.flow(i, k, (power + in.fixedCost[at]) * (1.0 - tau) - tau * in.taxDepreciation[at], dfEnd);
                if (k == in.upfrontPeriod[i])
                    sink.flow(i, k, in.upfrontAmount[i], in.upfrontDf[i]);
                if (k == in.disposalPeriod[i]) {
                    // Resale follows the market's surprise; its expected decline is in residual_fraction.
                    const double resale = in.residualValue[i] * exp(x - in.baseLogIndex[k]);
                    sink.flow(i, k, -resale + tau * (resale - in.nbvTaxAtDisposal[i]), dfEnd);
                }
            }
            if (in.coveredBySpot[i]) {
                const double spot = used * in.marketPrice[i] * marketFactor * in.onDemandPremium;
                sink.flow(N, k, spot * (1.0 - tau), dfEnd);
                sink.usage(N, k, used, used * in.perfIndex[i] * dfEnd);
            }
        }
        if (k + 1 >= K)
            break;
        // Advance the market to period k + 1 with the step-k shocks (MODEL.md 6).
        double eps[3];
        shocks.normals(in, k, eps);
        const double* L = in.cholesky;
        const double z1 = L[0] * eps[0];
        const double z2 = L[3] * eps[0] + L[4] * eps[1];
        const double z3 = L[6] * eps[0] + L[7] * eps[1] + L[8] * eps[2];
        const double tk = in.periodTime[k], tn = in.periodTime[k + 1];
        const double mk = in.gpuTrend * tk + (tk >= launch ? jump : 0.0);
        const double mn = in.gpuTrend * tn + (tn >= launch ? jump : 0.0);
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
    LEDGER_HD int defaultPeriod(const PathInputs& in, int) const { return in.periods; }
    LEDGER_HD void normals(const PathInputs&, int, double eps[3]) const { eps[0] = eps[1] = eps[2] = 0.0; }
};

} // namespace ledger
