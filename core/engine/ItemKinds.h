#pragma once
// The kinds of item a portfolio holds, each with its own period step, listed once at compile time:
// the path function runs each kind's step over that kind's items (items are compiled kind by kind,
// PathInputs::kindBegin), with no test of a kind number and no index arithmetic. A new kind is a
// struct here, its arrays in engine/PathArrays.h, its entry in ItemKindList below.
// (C++17: the CUDA kernel includes this.)
#include "engine/CostLine.h"
#include "engine/LaneMath.h"
#include "engine/LedgerHD.h"
#include "engine/PathInputs.h"

namespace ledger {

// What every item's step sees of the path at period k.
template <class V> struct PeriodState {
    int k = 0;
    V period;                // k as a lane value
    V marketFactor;          // e^X_k
    V powerFactor;           // e^W_k
    V dfEnd;                 // DF at the period's end
    V logIndex;              // X_k
    const V* defaultAt;      // per provider, the period of default (>= periods: never)
    const V* capexFactor;    // per fleet slot (PathInputs::fleetSlot): its capex over its likeliest
    const V* residualFactor; // per fleet slot: its resale's own factor, of mean 1
    const V* deliveryDelay;  // per fleet slot: the whole months late it is delivered (12.14)
    // With a demand and a fleet's uncertain delivery: each alternative's capacity on this path
    // (PathInputs::capacity plus the delivered copies'); null otherwise.
    const V* capacity;
};

// docs/model.md 12.14: whether fleet item i, the copy for one delivery delay (PathInputs::deliveryVariant
// >= 0), is the one this path delivers.
template <class V> LEDGER_HD_INLINE auto isDelivered(const PathInputs& in, const PeriodState<V>& s, int i) {
    return s.deliveryDelay[in.fleetSlot[i]] == V(double(in.deliveryVariant[i]));
}

// A fleet's power cost in period k at utilization u, before the power price's shock: MWh at full
// use x (idle + (1 - idle) u) x the power price. The path function and the deterministic
// sensitivities both call this.
template <class V> LEDGER_HD V fleetPowerCost(const PathInputs& in, int i, int at, V u) {
    const double idle = in.idleFraction[i];
    return in.mwhAtFullUse[at] * (idle + (1.0 - idle) * u) * in.powerPrice[at];
}

struct ContractStep {
    static constexpr ItemKind kKind = ItemKind::Contract;
    template <class V, class Sink>
    LEDGER_HD_INLINE static void period(const PathInputs& in, const PeriodState<V>& s, int i, int at, V u,
                                        Sink& sink) {
        const double tau = in.taxRate;
        const int k = s.k;
        // docs/model.md 17: hours an option's valuation buys at market are billed at the path's price
        // and no provider's default touches them.
        const bool atMarket = in.marketIndexed[i] != 0;
        const V kd = atMarket ? V(double(in.periods)) : s.defaultAt[in.provider[i]];
        // After its provider defaults a contract delivers nothing; its committed hours are bought at
        // market, deductible, dated at the period's end.
        const auto gone = kd <= s.period;
        const V billed = atMarket ? in.billedAtFull[at] * laneMax(V(in.takeOrPay[i]), u) * s.marketFactor
                                  : in.billedAtFull[at] * laneMax(V(in.takeOrPay[i]), u);
        const V billedCost = in.payShare[i] * billed - tau * billed;
        if (laneAny(gone)) {
            // One flow whose kind depends on the lane: replacement where the provider is gone.
            V replacement = in.hours[at] * in.marketPrice[i] * s.marketFactor * in.replacementPremium;
            // docs/model.md 12.7: for replacement_delay months after the default (periods are
            // months) nothing replaces the hours; those used are bought at spot, scarce; and in the
            // default's period the move costs a one-off per GPU.
            if (in.replacementDelay[i] > 0.0) {
                const V delayed = laneMin(laneMax(kd + in.replacementDelay[i] - s.period, V(0.0)), V(1.0));
                const V scarce = u * in.hours[at] * in.marketPrice[i] * s.marketFactor *
                                 (in.onDemandPremium * in.scarcityPremium);
                replacement = replacement * (1.0 - delayed) + scarce * delayed;
            }
            if (in.disruptionCost[at] > 0.0)
                replacement = replacement + select(kd == s.period, V(in.disruptionCost[at]), V(0.0));
            sink.flowEither(i, k, gone, FlowKind::ContractReplacement, FlowKind::ContractBilling,
                            select(gone, replacement * (1.0 - tau), billedCost),
                            select(gone, s.dfEnd, V(in.cashDf[at])));
            if constexpr (RecordsLines<Sink>::value) {
                sink.line(i, k, LineTag<CostLine::Replacement>{}, select(gone, replacement, V(0.0)), s.dfEnd);
                sink.line(i, k, LineTag<CostLine::ReplacementTaxShield>{},
                          select(gone, -tau * replacement, V(0.0)), s.dfEnd);
                sink.line(i, k, LineTag<CostLine::ContractPayments>{},
                          select(gone, V(0.0), in.payShare[i] * billed), V(in.cashDf[at]));
                sink.line(i, k, LineTag<CostLine::ContractTaxShield>{}, select(gone, V(0.0), -tau * billed),
                          V(in.cashDf[at]));
            }
        } else {
            sink.flow(i, k, FlowKind::ContractBilling, billedCost, V(in.cashDf[at]));
            if constexpr (RecordsLines<Sink>::value) {
                sink.line(i, k, LineTag<CostLine::ContractPayments>{}, in.payShare[i] * billed,
                          V(in.cashDf[at]));
                sink.line(i, k, LineTag<CostLine::ContractTaxShield>{}, -tau * billed, V(in.cashDf[at]));
            }
        }
        // In the default's period the undrawn prepayment is partly recovered, the rest written off.
        const double undrawn =
            in.prepaymentFraction[i] * (in.totalContractValue[i] - in.cumulativeBilled[at]);
        if (undrawn > 0.0) {
            const auto hit = laneAnd(kd == s.period, V(double(in.prepaidPeriod[i])) <= kd);
            if (laneAny(hit)) {
                const double recovered = in.recoveryRate[i] * undrawn;
                sink.flow(i, k, FlowKind::PrepaymentRecovery,
                          select(hit, V(-recovered - tau * (undrawn - recovered)), V(0.0)), s.dfEnd);
                if constexpr (RecordsLines<Sink>::value) {
                    sink.line(i, k, LineTag<CostLine::PrepaymentRecovery>{},
                              select(hit, V(-recovered), V(0.0)), s.dfEnd);
                    sink.line(i, k, LineTag<CostLine::WriteoffTaxShield>{},
                              select(hit, V(-tau * (undrawn - recovered)), V(0.0)), s.dfEnd);
                }
            }
        }
        if constexpr (RecordsAccounting<Sink>::value) {
            // The books stop with the bills; in the default's period the carrying amount goes.
            sink.accrual(i, k, select(gone, V(0.0), V(in.accrualEbitda[at])),
                         select(gone, select(kd == s.period, V(in.defaultWriteoff[at]), V(0.0)),
                                V(in.accrualBelow[at])));
        }
        if (k == in.upfrontPeriod[i]) {
            const V prepayment = select(s.period <= kd, V(in.upfrontAmount[i]), V(0.0));
            sink.flow(i, k, FlowKind::Prepayment, prepayment, V(in.upfrontDf[i]));
            if constexpr (RecordsLines<Sink>::value)
                sink.line(i, k, LineTag<CostLine::Prepayment>{}, prepayment, V(in.upfrontDf[i]));
        }
    }
};

struct FleetStep {
    static constexpr ItemKind kKind = ItemKind::Fleet;
    template <class V, class Sink>
    LEDGER_HD_INLINE static void period(const PathInputs& in, const PeriodState<V>& s, int i, int at, V u,
                                        Sink& sink) {
        const double tau = in.taxRate;
        const int k = s.k;
        // docs/model.md 12.14: a copy for one delivery delay costs on the paths that deliver it (on = 1)
        // and nothing on the others (on = 0).
        const bool copy = in.deliveryVariant[i] >= 0;
        const V on = copy ? select(isDelivered(in, s, i), V(1.0), V(0.0)) : V(1.0);
        const V power = copy ? fleetPowerCost(in, i, at, u) * s.powerFactor * on
                             : fleetPowerCost(in, i, at, u) * s.powerFactor;
        // docs/model.md 12.13: with a capex range, what is proportional to capex (the capex, opex,
        // depreciation, the NBV and the resale) takes the path's factor c; certain capex keeps the
        // arithmetic exactly as it was.
        const int slot = in.fleetSlot[i];
        const V colocation = copy ? on * in.colocationCost[at] : V(in.colocationCost[at]);
        const V c = slot < 0 ? V(1.0) : copy ? s.capexFactor[slot] * on : s.capexFactor[slot];
        const V fixed = copy || in.capexHigh[i] > in.capexLow[i]
                            ? colocation + c * (in.fixedCost[at] - in.colocationCost[at])
                            : V(in.fixedCost[at]);
        const V taxDepreciation = c * in.taxDepreciation[at];
        sink.flow(i, k, FlowKind::FleetOperating, (power + fixed) * (1.0 - tau) - tau * taxDepreciation,
                  s.dfEnd);
        if constexpr (RecordsLines<Sink>::value) {
            sink.line(i, k, LineTag<CostLine::Power>{}, power, s.dfEnd);
            sink.line(i, k, LineTag<CostLine::Colocation>{}, colocation, s.dfEnd);
            sink.line(i, k, LineTag<CostLine::Opex>{}, fixed - colocation, s.dfEnd);
            sink.line(i, k, LineTag<CostLine::OperatingTaxShield>{}, -tau * (power + fixed), s.dfEnd);
            sink.line(i, k, LineTag<CostLine::DepreciationTaxShield>{}, -tau * taxDepreciation, s.dfEnd);
        }
        if constexpr (RecordsAccounting<Sink>::value)
            sink.accrual(i, k, V(0.0), c * in.accrualBelow[at]); // book depreciation
        if (k == in.upfrontPeriod[i]) {
            const V capex = c * in.upfrontAmount[i];
            sink.flow(i, k, FlowKind::Capex, capex, V(in.upfrontDf[i]));
            if constexpr (RecordsLines<Sink>::value)
                sink.line(i, k, LineTag<CostLine::Capex>{}, capex, V(in.upfrontDf[i]));
        }
        if (k == in.disposalPeriod[i]) {
            // Resale follows the market's surprise; its expected decline is in residual_fraction. Its
            // own uncertainty (12.13) is a factor of mean 1 beside it.
            V resale = (c * in.residualValue[i]) * laneExp(s.logIndex - in.baseLogIndex[k]);
            if (in.residualVolatility[i] > 0.0)
                resale = resale * s.residualFactor[slot];
            const V nbvTax = c * in.nbvTaxAtDisposal[i];
            sink.flow(i, k, FlowKind::Resale, -resale + tau * (resale - nbvTax), s.dfEnd);
            if constexpr (RecordsAccounting<Sink>::value)
                sink.accrual(i, k, V(0.0), c * in.nbvBookAtDisposal[i] - resale); // the disposal's loss
            if constexpr (RecordsLines<Sink>::value) {
                sink.line(i, k, LineTag<CostLine::Resale>{}, -resale, s.dfEnd);
                sink.line(i, k, LineTag<CostLine::DisposalTax>{}, tau * (resale - nbvTax), s.dfEnd);
            }
        }
    }
};

template <class... Steps> struct ItemKindList {};
// In the order items are compiled (ItemKind's order).
using ItemKindSteps = ItemKindList<ContractStep, FleetStep>;

} // namespace ledger
