#pragma once
// The compiled portfolio the path function reads, declared once (pbrt-v4 generates its
// structure-of-arrays layouts from one description; this is the same idea as an X-macro). From
// these two lists come PathInputs' fields, CompiledPortfolio's storage and its binding, the CUDA
// upload, the JSON dump (`bench --write-inputs`) and its readers (gpu_check's PathInputsFile,
// tests/bench/numpy_model.py, which takes the types from the dump). A new array is one line here.
// (C++17: the CUDA backend includes this.)
//
// LEDGER_PATH_SCALARS(X): X(type, name, initial value, what it is)
// LEDGER_PATH_ARRAYS(X):  X(element type, name, extent, fill value, what it is)
//   extent Periods: one per period; Items: one per item; ItemPeriods: per item and period, index
//   k * items + i; AlternativePeriods: per alternative (spot last) and period, index k * alternatives + a;
//   SlotOffsets: one more than the slots (engine/PathInputs.h, pathSlots); Memberships: the last offset.
//
// With a demand (MODEL.md 8) an "item" is an item as costed in one alternative (demandGroup): the
// portfolio's items are compiled once per alternative that holds them.

#define LEDGER_PATH_SCALARS(X)                                                                               \
    X(int, periods, 0, "months in the horizon")                                                              \
    X(int, items, 0, "contracts, then fleets")                                                               \
    X(int, providers, 0, "distinct contract providers")                                                      \
    X(int, years, 0, "fiscal years the periods start in")                                                    \
    X(int, alternatives, 0, "the portfolio's, then spot (the last)")                                         \
    X(double, taxRate, 0.0, "")                                                                              \
    X(double, gpuDecay, 1.0, "OU step: e^(-kappa dt)")                                                       \
    X(double, gpuScale, 0.0, "OU step: sigma sqrt((1 - e^(-2 kappa dt)) / (2 kappa))")                       \
    X(double, utilDecay, 1.0, "")                                                                            \
    X(double, utilScale, 0.0, "")                                                                            \
    X(double, powerDecay, 1.0, "")                                                                           \
    X(double, powerScale, 0.0, "")                                                                           \
    X(bool, utilStochastic, false, "")                                                                       \
    X(bool, hasNextGeneration, false, "")                                                                    \
    X(double, launchEarliest, 0.0, "years from t0")                                                          \
    X(double, launchMode, 0.0, "years from t0")                                                              \
    X(double, launchLatest, 0.0, "years from t0")                                                            \
    X(double, dropMin, 0.0, "")                                                                              \
    X(double, dropMax, 0.0, "")                                                                              \
    X(double, replacementPremium, 1.0, "")                                                                   \
    X(double, onDemandPremium, 1.0, "")                                                                      \
    X(bool, ownLinesAsRest, false,                                                                           \
      "Monte Carlo line means: own lines may be found as the rest (CostLine.h)")                             \
    X(bool, hasDemand, false, "MODEL.md 8: alternatives meet a demand; utilDecay/utilScale are its OU")      \
    X(bool, demandStochastic, false, "the demand's volatility is above 0")                                   \
    X(double, demandPrice, 0.0, "market price per H100-equivalent hour today of the demand's SKU")           \
    X(double, scarcityPremium, 1.0,                                                                          \
      "x on-demand: spot bought during a replacement delay (docs/model.md 12.7)")                            \
    X(int, uncertainFleets, 0,                                                                               \
      "fleets with a capex range in the horizon, a residual volatility or a delivery range: fleetSlot's")    \
    X(int, deliveryVariants, 0,                                                                              \
      "fleet items that stand for one whole-month delivery delay each (docs/model.md 12.14)")

#define LEDGER_PATH_ARRAYS(X)                                                                                \
    X(double, periodEndDf, Periods, 0.0, "DF at the period's end")                                           \
    X(double, periodTime, Periods, 0.0, "t_k = k / 12")                                                      \
    X(double, baseLogIndex, Periods, 0.0, "the market log-index with no shocks (mbar of MODEL.md 6)")        \
    X(double, gpuLogTrend, Periods, 0.0,                                                                     \
      "m_k without the jump: trend x t_k, or ln F(t_k)/F(t_0) on a curve")                                   \
    X(int, periodYear, Periods, 0, "0-based fiscal year of the period start")                                \
    X(double, demandHours, Periods, 0.0, "D_k: the demand in H100-equivalent hours")                         \
    X(int, kind, Items, -1, "ItemKind: 0 contract, 1 fleet")                                                 \
    X(int, provider, Items, -1, "contracts: index into the sorted provider names")                           \
    X(int, upfrontPeriod, Items, -1, "period of the capex or prepayment, -1 when none in the horizon")       \
    X(int, prepaidPeriod, Items, -1, "contracts: -1 prepaid before t0, else period, `periods` if never")     \
    X(int, disposalPeriod, Items, -1, "fleets: -1 when the disposal is outside the horizon")                 \
    X(unsigned char, coveredBySpot, Items, 0, "the item's used hours are bought at spot instead")            \
    X(unsigned char, ownLineSummed, Items, 0, "in an alternative of both kinds: its own line is summed")     \
    X(int, demandGroup, Items, -1, "with a demand: the alternative whose used share the item takes")         \
    X(double, perfIndex, Items, 0.0, "")                                                                     \
    X(double, marketPrice, Items, 0.0, "SKU market price per GPU-hour today")                                \
    X(double, takeOrPay, Items, 0.0, "")                                                                     \
    X(double, payShare, Items, 0.0, "1 - prepayment")                                                        \
    X(double, idleFraction, Items, 0.0, "")                                                                  \
    X(double, upfrontAmount, Items, 0.0, "")                                                                 \
    X(double, upfrontDf, Items, 0.0, "")                                                                     \
    X(double, residualValue, Items, 0.0, "")                                                                 \
    X(double, nbvTaxAtDisposal, Items, 0.0, "")                                                              \
    X(double, nbvBookAtDisposal, Items, 0.0, "fleets: the accounting view's disposal loss is it less R")     \
    X(double, prepaymentFraction, Items, 0.0, "")                                                            \
    X(double, totalContractValue, Items, 0.0, "")                                                            \
    X(double, recoveryRate, Items, 0.0, "")                                                                  \
    X(double, replacementDelay, Items, 0.0, "contracts: months after a default before replacement (12.7)")   \
    X(unsigned char, marketIndexed, Items, 0,                                                                \
      "contracts: billed at the price x e^X_k, never defaulted: an option's hours at market (17)")           \
    X(int, fleetDraw, Items, -1,                                                                             \
      "fleets: the portfolio's fleet index, the draw of stream 2 (docs/model.md 12.13)")                     \
    X(int, fleetSlot, Items, -1,                                                                             \
      "fleets: the slot of its capex and resale factors on a path, -1: both certain")                        \
    X(double, capexLow, Items, 1.0, "fleets: capex_min_per_gpu / capex per GPU (the mode is 1)")             \
    X(double, capexHigh, Items, 1.0, "fleets: capex_max_per_gpu / capex per GPU")                            \
    X(double, residualVolatility, Items, 0.0, "fleets: sigma of the resale's lognormal factor of mean 1")    \
    X(int, deliveryVariant, Items, -1,                                                                       \
      "fleets: the whole months late this copy is delivered, costed on the paths that draw it; -1: always")  \
    X(double, delayLow, Items, 0.0,                                                                          \
      "fleets with a deliveryVariant: the delay's Triangular(low, mode, high)")                              \
    X(double, delayMode, Items, 0.0, "months")                                                               \
    X(double, delayHigh, Items, 0.0, "months")                                                               \
    X(double, capacity, AlternativePeriods, 0.0, "with a demand: Q_ak, H100-equivalent hours")               \
    X(int, slotAlternativeOffsets, SlotOffsets, 0, "slot s (pathSlots): alternatives [s, s+1)")              \
    X(int, slotAlternatives, Memberships, 0, "the alternatives of each slot")                                \
    X(double, hours, ItemPeriods, 0.0, "committed GPU-hours")                                                \
    X(double, baseUtil, ItemPeriods, 0.0, "u_k")                                                             \
    X(double, expNegLogitUtil, ItemPeriods, 0.0, "e^-logit(clamp(u_k)) = (1 - c) / c")                       \
    X(double, cashDf, ItemPeriods, 0.0, "DF at the period's cash date (payment terms)")                      \
    X(double, billedAtFull, ItemPeriods, 0.0, "contracts")                                                   \
    X(double, cumulativeBilled, ItemPeriods, 0.0, "contracts: billed at full commitment before k")           \
    X(double, mwhAtFullUse, ItemPeriods, 0.0, "fleets")                                                      \
    X(double, powerPrice, ItemPeriods, 0.0, "fleets")                                                        \
    X(double, fixedCost, ItemPeriods, 0.0, "fleets")                                                         \
    X(double, colocationCost, ItemPeriods, 0.0, "fleets: the colocation part of fixedCost (cost lines)")     \
    X(double, taxDepreciation, ItemPeriods, 0.0, "fleets")                                                   \
    X(double, accrualEbitda, ItemPeriods, 0.0, "MODEL.md 9: what the books add to the bill in EBITDA")       \
    X(double, accrualBelow, ItemPeriods, 0.0, "MODEL.md 9: depreciation, amortization and interest")         \
    X(double, defaultWriteoff, ItemPeriods, 0.0, "MODEL.md 9: carrying amount less recovery at a default")   \
    X(double, disruptionCost, ItemPeriods, 0.0, "contracts: a default's one-off in this period (12.7)")
