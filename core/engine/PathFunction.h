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
// Sink:   flow(slot, k, kind, amount, df): a cost of FlowKind `kind` (engine/CostLine.h) in period
//         k discounted with df; flowEither(slot, k, mask, kindWhere, kindElse, amount, df): one
//         flow whose kind is kindWhere on the lanes of mask, kindElse on the others; usage(slot, k,
//         usedHours, lcocWeight) with lcocWeight = U perf DF(period end); providerDefaulted(j, mask) once per
//         provider; finish() at the end. slot = item index, or in.items for the spot alternative. Which
//         alternatives a slot's flow is costed to is the sink's to say (montecarlo/PathOutcomeSink.h).
//         A sink with kRecordsLines (RecordsLines) also gets line(slot, k, LineTag<line>, amount, df)
//         for each part of each flow (a LineTag converts to its CostLine); the parts add up to it.
#include "engine/CostLine.h"
#include "engine/ItemKinds.h"
#include "engine/LaneMath.h"
#include "engine/LedgerHD.h"
#include "engine/PathInputs.h"

namespace ledger {

// The market log-index's mean at time t (years): the trend, and the next generation's jump once
// it has launched (MODEL.md 6). A path's X and the compiled shock-free index both step from it.
template <class V> LEDGER_HD V marketMean(const PathInputs& in, double t, V launch, V jump) {
    return in.gpuTrend * t + select(V(t) >= launch, jump, V(0.0));
}

// Every item of every kind in period k, kind by kind in ItemKindSteps' order (the items' order):
// its utilization and usage, its kind's step, and its spot cover.
template <class V, class Sink, class Step, class... Rest>
LEDGER_HD_INLINE void itemPeriods(const PathInputs& in, const PeriodState<V>& s, V utilFactor,
                                  double& lastExpNegBase, V& u, Sink& sink, ItemKindList<Step, Rest...>) {
    const int k = s.k, N = in.items;
    for (int i = in.kindBegin[int(Step::kKind)]; i < in.kindBegin[int(Step::kKind) + 1]; ++i) {
        const int at = k * N + i;
        // u = 1 / (1 + e^-(b + ydev)), with e^-b compiled once per item and period; items on the
        // same curve share u: one division, not one per item.
        if (!in.utilStochastic) {
            u = V(in.baseUtil[at]);
        } else if (in.expNegLogitUtil[at] != lastExpNegBase) {
            lastExpNegBase = in.expNegLogitUtil[at];
            u = V(1.0) / (V(1.0) + lastExpNegBase * utilFactor);
        }
        const V used = u * in.hours[at];
        sink.usage(i, k, used, used * (in.perfIndex[i] * in.periodEndDf[k]));
        Step::period(in, s, i, at, u, sink);
        if (in.coveredBySpot[i]) {
            const V spot = used * in.marketPrice[i] * s.marketFactor * in.onDemandPremium;
            sink.flow(N, k, FlowKind::Spot, spot * (1.0 - in.taxRate), s.dfEnd);
            if constexpr (RecordsLines<Sink>::value) {
                sink.line(N, k, LineTag<CostLine::Spot>{}, spot, s.dfEnd);
                sink.line(N, k, LineTag<CostLine::SpotTaxShield>{}, -in.taxRate * spot, s.dfEnd);
            }
            sink.usage(N, k, used, used * (in.perfIndex[i] * in.periodEndDf[k]));
        }
    }
    if constexpr (sizeof...(Rest) > 0)
        itemPeriods(in, s, utilFactor, lastExpNegBase, u, sink, ItemKindList<Rest...>{});
}

template <class V, class Shocks, class Sink>
LEDGER_HD void simulatePath(const PathInputs& in, Shocks& shocks, Sink& sink) {
    const int K = in.periods;

    V launch(kNever), jump(0.0);
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
        PeriodState<V> s;
        s.k = k;
        s.period = V(double(k));
        s.marketFactor = laneExp(x);
        // With no volatility the factor is exactly 1: skip the transcendental.
        s.powerFactor = in.powerScale > 0.0 ? laneExp(w) : V(1.0);
        s.dfEnd = V(in.periodEndDf[k]);
        s.logIndex = x;
        s.defaultAt = defaultAt;
        const V utilFactor = in.utilStochastic ? laneExp(-ydev) : V(1.0);
        double lastExpNegBase = -1.0;
        V u(0.0);
        itemPeriods(in, s, utilFactor, lastExpNegBase, u, sink, ItemKindSteps{});
        if (k + 1 >= K)
            break;
        // Advance the market to period k + 1 with the step-k shocks (MODEL.md 6).
        V eps[3];
        shocks.normals(in, k, eps);
        const double* L = in.cholesky;
        const V z1 = L[0] * eps[0];
        const V z2 = L[3] * eps[0] + L[4] * eps[1];
        const V z3 = L[6] * eps[0] + L[7] * eps[1] + L[8] * eps[2];
        const V mk = marketMean(in, in.periodTime[k], launch, jump);
        const V mn = marketMean(in, in.periodTime[k + 1], launch, jump);
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
