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
//         capexFactor(in, i), residualFactor(in, i) -> V for fleet item i (docs/model.md 12.13: its
//         capex over its likeliest, and its resale's factor of mean 1); deliveryDelay(in, i) -> V
//         for a fleet copy i (PathInputs::deliveryVariant >= 0): the whole months late (12.14);
//         normals(in, k, eps[3]) for the step from period k to k + 1.
// Sink:   flow(slot, k, kind, amount, df): a cost of FlowKind `kind` (engine/CostLine.h) in period
//         k discounted with df; flowEither(slot, k, mask, kindWhere, kindElse, amount, df): one
//         flow whose kind is kindWhere on the lanes of mask, kindElse on the others; usage(slot, k,
//         usedHours, lcocWeight) with lcocWeight = U perf DF(period end) (with a demand: 0 for items, D DF
//         for each alternative's shortfall slot); providerDefaulted(j, mask) once per
//         provider; finish() at the end. slot = item index, in.items for the spot alternative, or
//         (with a demand) shortfallSlot(in, a) for alternative a's shortfall (engine/PathInputs.h). Which
//         alternatives a slot's flow is costed to is the sink's to say (montecarlo/PathOutcomeSink.h).
//         A sink with kRecordsLines (RecordsLines) also gets line(slot, k, LineTag<line>, amount, df)
//         for each part of each flow (a LineTag converts to its CostLine); the parts add up to it.
//         A sink with kWatchesMarket (WatchesMarket) gets watch(k, MarketState) at the start of each
//         period, before its flows; when it answers true the path stops there (docs/model.md 17: the
//         state an option's holder decides on).
#include "engine/CostLine.h"
#include "engine/ItemKinds.h"
#include "engine/LaneMath.h"
#include "engine/LedgerHD.h"
#include "engine/PathInputs.h"

namespace ledger {

// What the path's market is at the start of period k: the factors an option's exercise is decided
// on (docs/model.md 17).
template <class V> struct MarketState {
    V logIndex;         // X_k
    V utilDeviation;    // Y_k - b_k (with a demand: the demand's log deviation V_k)
    V powerDeviation;   // W_k
    V launch;           // the next generation's launch, years from t0 (kNever: none)
    const V* defaultAt; // per provider, the period of its default (>= periods: never)
};
template <class Sink, class = void> struct WatchesMarket : std::false_type {};
template <class Sink>
struct WatchesMarket<Sink, std::void_t<decltype(Sink::kWatchesMarket)>>
    : std::integral_constant<bool, Sink::kWatchesMarket> {};

// The market log-index's mean in period k: the trend (linear, or a forward curve's: engine/GpuTrend.h),
// and the next generation's jump once it has launched (MODEL.md 6). A path's X and the compiled
// shock-free index both step from it.
template <class V> LEDGER_HD V marketMean(const PathInputs& in, int k, V launch, V jump) {
    return in.gpuLogTrend[k] + select(V(in.periodTime[k]) >= launch, jump, V(0.0));
}

// With a demand (MODEL.md 8): alternative a's used share of its capacity in period k, for the
// period's demand (its H100-equivalent hours on this path).
template <class V> LEDGER_HD_INLINE V demandShare(const PathInputs& in, int k, int a, V demand) {
    const double capacity = in.capacity[k * in.alternatives + a];
    return capacity > 0.0 ? laneMin(V(1.0), demand / V(capacity)) : V(0.0);
}
// The same on a path whose capacity depends on which delivery delays it drew (PeriodState::capacity).
template <class V>
LEDGER_HD_INLINE V demandShare(const PeriodState<V>& s, const PathInputs& in, int a, V demand) {
    if (!s.capacity)
        return demandShare(in, s.k, a, demand);
    const V q = s.capacity[a];
    const auto some = q > V(0.0);
    return select(some, laneMin(V(1.0), demand / select(some, q, V(1.0))), V(0.0));
}
template <class V> LEDGER_HD_INLINE V capacityOf(const PathInputs& in, const PeriodState<V>& s, int a) {
    return s.capacity ? s.capacity[a] : V(in.capacity[s.k * in.alternatives + a]);
}

// docs/model.md 12.14: each alternative's capacity in period k on this path: the compiled capacity
// and the H100-equivalent hours of the fleet copies it delivers.
template <class V>
LEDGER_HD_INLINE void pathCapacity(const PathInputs& in, const PeriodState<V>& s, V* capacity) {
    const int k = s.k, N = in.items;
    for (int a = 0; a < in.alternatives; ++a)
        capacity[a] = V(in.capacity[k * in.alternatives + a]);
    for (int i = in.kindBegin[int(ItemKind::Fleet)]; i < in.kindBegin[int(ItemKind::Fleet) + 1]; ++i)
        if (in.deliveryVariant[i] >= 0)
            capacity[in.demandGroup[i]] =
                capacity[in.demandGroup[i]] +
                select(isDelivered(in, s, i), V(in.hours[k * N + i] * in.perfIndex[i]), V(0.0));
}

// Every item of every kind in period k, kind by kind in ItemKindSteps' order (the items' order):
// its utilization (with a demand: its alternative's used share) and usage, its kind's step, and its
// spot cover.
template <class V, class Sink, class Step, class... Rest>
LEDGER_HD_INLINE void itemPeriods(const PathInputs& in, const PeriodState<V>& s, V utilFactor, V demand,
                                  double& lastExpNegBase, int& lastGroup, V& u, Sink& sink,
                                  ItemKindList<Step, Rest...>) {
    const int k = s.k, N = in.items;
    for (int i = in.kindBegin[int(Step::kKind)]; i < in.kindBegin[int(Step::kKind) + 1]; ++i) {
        const int at = k * N + i;
        // u = 1 / (1 + e^-(b + ydev)), with e^-b compiled once per item and period; items on the
        // same curve share u: one division, not one per item. With a demand the items of one
        // alternative are compiled side by side and share its used share alike.
        if (in.hasDemand) {
            if (in.demandGroup[i] != lastGroup) {
                lastGroup = in.demandGroup[i];
                u = demandShare(s, in, lastGroup, demand);
            }
        } else if (!in.utilStochastic) {
            u = V(in.baseUtil[at]);
        } else if (in.expNegLogitUtil[at] != lastExpNegBase) {
            lastExpNegBase = in.expNegLogitUtil[at];
            u = V(1.0) / (V(1.0) + lastExpNegBase * utilFactor);
        }
        V used = u * in.hours[at];
        // A fleet's copy for a delivery delay this path does not draw has nothing to do (12.14).
        if (in.deliveryVariant[i] >= 0) {
            const auto delivered = isDelivered(in, s, i);
            if (!laneAny(delivered))
                continue;
            used = select(delivered, used, V(0.0));
        }
        // With a demand an alternative's LCOC is per demand hour: its shortfall slot counts them.
        sink.usage(i, k, used, in.hasDemand ? V(0.0) : used * (in.perfIndex[i] * in.periodEndDf[k]));
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
        itemPeriods(in, s, utilFactor, demand, lastExpNegBase, lastGroup, u, sink, ItemKindList<Rest...>{});
}

// MODEL.md 8: every alternative (spot too, whose capacity is 0) buys at spot what its capacity
// lacks of the period's demand, deductible, dated at the period's end; and serves the whole demand,
// the hours its LCOC is per.
template <class V, class Sink>
LEDGER_HD_INLINE void shortfallPeriod(const PathInputs& in, const PeriodState<V>& s, V demand, Sink& sink) {
    const int k = s.k;
    const double tau = in.taxRate;
    const V price = in.demandPrice * s.marketFactor * in.onDemandPremium;
    const V weight = demand * in.periodEndDf[k];
    for (int a = 0; a < in.alternatives; ++a) {
        const int slot = shortfallSlot(in, a);
        const V bought = laneMax(demand - capacityOf(in, s, a), V(0.0)) * price;
        sink.flow(slot, k, a == in.alternatives - 1 ? FlowKind::Spot : FlowKind::Shortfall,
                  bought * (1.0 - tau), s.dfEnd);
        if constexpr (RecordsLines<Sink>::value) {
            if (slot == in.items) {
                sink.line(slot, k, LineTag<CostLine::Spot>{}, bought, s.dfEnd);
                sink.line(slot, k, LineTag<CostLine::SpotTaxShield>{}, -tau * bought, s.dfEnd);
            } else {
                sink.line(slot, k, LineTag<CostLine::Shortfall>{}, bought, s.dfEnd);
                sink.line(slot, k, LineTag<CostLine::ShortfallTaxShield>{}, -tau * bought, s.dfEnd);
            }
        }
        sink.usage(slot, k, demand, weight);
    }
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
        // A default on a chosen day (a stress) comes at the latest then, on every path.
        if (in.providerForcedDefault[j] < K)
            defaultAt[j] = laneMin(defaultAt[j], V(double(in.providerForcedDefault[j])));
        sink.providerDefaulted(j, defaultAt[j] < V(double(K)));
    }
    // An uncertain fleet's capex factor moves its capex and all that follows from it, in every period;
    // its resale factor, the resale.
    // Its delivery delay (12.14), which of its copies the path costs.
    V capexFactor[kMaxUncertainFleets], residualFactor[kMaxUncertainFleets],
        deliveryDelay[kMaxUncertainFleets];
    if (in.uncertainFleets > 0)
        for (int i = in.kindBegin[int(ItemKind::Fleet)]; i < in.kindBegin[int(ItemKind::Fleet) + 1]; ++i)
            if (in.fleetSlot[i] >= 0) {
                capexFactor[in.fleetSlot[i]] = shocks.capexFactor(in, i);
                residualFactor[in.fleetSlot[i]] = shocks.residualFactor(in, i);
                deliveryDelay[in.fleetSlot[i]] =
                    in.deliveryVariant[i] >= 0 ? shocks.deliveryDelay(in, i) : V(0.0);
            }
    V capacity[kMaxAlternativesWithDelay + 1];
    const bool capacityOnPath = in.hasDemand && in.deliveryVariants > 0;

    V x(0.0);    // market log-index X_k
    V ydev(0.0); // shared utilization deviation Y - b (with a demand: the demand's V_k)
    V w(0.0);    // power price log deviation W_k
    for (int k = 0; k < K; ++k) {
        if constexpr (WatchesMarket<Sink>::value) {
            if (sink.watch(k, MarketState<V>{x, ydev, w, launch, defaultAt}))
                break;
        }
        PeriodState<V> s;
        s.k = k;
        s.period = V(double(k));
        s.marketFactor = laneExp(x);
        // With no volatility the factor is exactly 1: skip the transcendental.
        s.powerFactor = in.powerScale > 0.0 ? laneExp(w) : V(1.0);
        s.dfEnd = V(in.periodEndDf[k]);
        s.logIndex = x;
        s.defaultAt = defaultAt;
        s.capexFactor = capexFactor;
        s.residualFactor = residualFactor;
        s.deliveryDelay = deliveryDelay;
        s.capacity = nullptr;
        if (capacityOnPath) {
            pathCapacity(in, s, capacity);
            s.capacity = capacity;
        }
        const V utilFactor = in.utilStochastic ? laneExp(-ydev) : V(1.0);
        // With a demand, Z2 drives the demand's log deviation V_k instead (MODEL.md 8).
        const V demand = !in.hasDemand         ? V(0.0)
                         : in.demandStochastic ? in.demandHours[k] * laneExp(ydev)
                                               : V(in.demandHours[k]);
        double lastExpNegBase = -1.0;
        int lastGroup = -1;
        V u(0.0);
        itemPeriods(in, s, utilFactor, demand, lastExpNegBase, lastGroup, u, sink, ItemKindSteps{});
        if (in.hasDemand)
            shortfallPeriod(in, s, demand, sink);
        if (k + 1 >= K)
            break;
        // Advance the market to period k + 1 with the step-k shocks (MODEL.md 6).
        V eps[3];
        shocks.normals(in, k, eps);
        const double* L = in.cholesky;
        const V z1 = L[0] * eps[0];
        const V z2 = L[3] * eps[0] + L[4] * eps[1];
        const V z3 = L[6] * eps[0] + L[7] * eps[1] + L[8] * eps[2];
        const V mk = marketMean(in, k, launch, jump);
        const V mn = marketMean(in, k + 1, launch, jump);
        x = mn + (x - mk) * in.gpuDecay + in.gpuScale * z1;
        ydev = ydev * in.utilDecay + in.utilScale * z2;
        w = w * in.powerDecay + in.powerScale * z3;
    }
    sink.finish();
}

// The deterministic run's shocks (MODEL.md 6): Z = 0, launch at the mode, the midpoint drop, no random
// defaults (a default on a chosen day, providerForcedDefault, still comes: simulatePath).
struct DeterministicShocks {
    LEDGER_HD double launchTime(const PathInputs& in) const { return in.launchMode; }
    LEDGER_HD double priceDrop(const PathInputs& in) const { return 0.5 * (in.dropMin + in.dropMax); }
    LEDGER_HD double defaultPeriod(const PathInputs& in, int) const { return double(in.periods); }
    // The likeliest capex, and the resale's mean.
    LEDGER_HD double capexFactor(const PathInputs&, int) const { return 1.0; }
    LEDGER_HD double residualFactor(const PathInputs&, int) const { return 1.0; }
    // The likeliest delivery delay, in whole months (12.14).
    LEDGER_HD double deliveryDelay(const PathInputs& in, int i) const { return floor(in.delayMode[i] + 0.5); }
    LEDGER_HD void normals(const PathInputs&, int, double eps[3]) const { eps[0] = eps[1] = eps[2] = 0.0; }
};

} // namespace ledger
