#pragma once
// What a cost is made of (docs/model.md, "Cost lines"). Two closed lists:
// - FlowKind: what one flow of the path function is, as MODEL.md 3-6 book it (after tax, one
//   amount): the totals are the sums of these flows, as they always were;
// - CostLine: the lines a reader sees (contract payments, their tax shield, power, resale, ...),
//   several to a flow. A sink that records lines (RecordsLines below) is also told each flow's
//   lines; the Monte Carlo sinks are not, so the paths do no extra work.
// Costs are positive, inflows negative, as everywhere. (C++17: the CUDA kernel includes this.)
#include "engine/LedgerHD.h"

#include <type_traits>

namespace ledger {

enum class FlowKind : int {
    ContractBilling,     // billed hours (take-or-pay floor), the prepaid share drawn down, after tax
    ContractReplacement, // after the provider's default: the committed hours bought at market
    PrepaymentRecovery,  // in the default's period: the undrawn prepayment recovered, the rest written off
    Prepayment,          // the prepayment, paid at the contract's start
    FleetOperating,      // power and fixed costs after tax, less the tax shield of depreciation
    Capex,               // the fleet's depreciable base, at its in-service date
    Resale,              // the fleet's resale at disposal, after tax on the gain over tax NBV
    Spot,                // used hours bought at spot (the spot alternative), after tax
    Shortfall,           // with a demand: what an alternative's capacity lacks, bought at spot, after tax
};
constexpr int kFlowKinds = 9;

// The after-tax total of an item, an alternative or a year is the sum of its lines.
enum class CostLine : int {
    Capex,                 // a fleet's depreciable base Bc, at in-service
    Prepayment,            // prepayment x TCV, at the contract's start
    ContractPayments,      // (1 - prepayment) x billed, as paid (payment terms)
    ContractTaxShield,     // -tau x billed, dated with the payment
    Power,                 // a fleet's energy cost
    Colocation,            // colocation per kW-month
    Opex,                  // maintenance and staff
    OperatingTaxShield,    // -tau x (power + colocation + opex)
    DepreciationTaxShield, // -tau x tax depreciation
    Resale,                // -R: the fleet sold at disposal (moved by the market on a path)
    DisposalTax,           // tau x (R - NBV_tax)
    Replacement,           // a defaulted contract's committed hours bought at market
    ReplacementTaxShield,  // -tau x replacement
    PrepaymentRecovery,    // -recovered: the undrawn prepayment recovered at the default
    WriteoffTaxShield,     // -tau x the undrawn prepayment written off
    Spot,                  // the spot alternative's purchases
    SpotTaxShield,         // -tau x spot
    Shortfall,             // with a demand: the demand beyond an alternative's capacity, bought at spot
    ShortfallTaxShield,    // -tau x shortfall
};
constexpr int kCostLines = 19;

// The key of a line in every output ("contract_payments"), in CostLine's order.
constexpr const char* kCostLineKeys[kCostLines] = {"capex",
                                                   "prepayment",
                                                   "contract_payments",
                                                   "contract_tax_shield",
                                                   "power",
                                                   "colocation",
                                                   "opex",
                                                   "operating_tax_shield",
                                                   "depreciation_tax_shield",
                                                   "resale",
                                                   "disposal_tax",
                                                   "replacement",
                                                   "replacement_tax_shield",
                                                   "prepayment_recovery",
                                                   "writeoff_tax_shield",
                                                   "spot",
                                                   "spot_tax_shield",
                                                   "shortfall",
                                                   "shortfall_tax_shield"};

constexpr bool everyCostLineHasAKey() {
    for (const char* key : kCostLineKeys)
        if (key == nullptr)
            return false;
    return true;
}
static_assert(everyCostLineHasAKey(), "kCostLineKeys: one key per CostLine");

// A line as the path function names it: known when the path function is compiled, so a sink may
// take it as a template argument (the Monte Carlo's decides there what to sum, at no cost on a
// path) or, converted, as a CostLine.
template <CostLine L> struct LineTag {
    LEDGER_HD constexpr operator CostLine() const { return L; }
};

// Which outputs list a line: a contract's, a fleet's, the spot alternative's, or (with a demand) an
// alternative's own shortfall (an alternative lists the lines of the kinds it holds). Functions, not
// tables, here and below: the CUDA kernel reads them too, and device code cannot index a host table.
enum class LineOwner : int { Contract, Fleet, Spot, Shortfall };
constexpr int kLineOwners = 4;
LEDGER_HD constexpr LineOwner lineOwner(CostLine l) {
    switch (l) {
    case CostLine::Prepayment:
    case CostLine::ContractPayments:
    case CostLine::ContractTaxShield:
    case CostLine::Replacement:
    case CostLine::ReplacementTaxShield:
    case CostLine::PrepaymentRecovery:
    case CostLine::WriteoffTaxShield:
        return LineOwner::Contract;
    case CostLine::Spot:
    case CostLine::SpotTaxShield:
        return LineOwner::Spot;
    case CostLine::Shortfall:
    case CostLine::ShortfallTaxShield:
        return LineOwner::Shortfall;
    default:
        return LineOwner::Fleet;
    }
}

// How the Monte Carlo finds a line's mean NPV without a row per path (montecarlo/LineMeans.h),
// summing over the paths only what it must, so the paths do little more than before:
// - path-free lines are the same on every path (no shock moves them): the deterministic run's;
// - a tax shield of lines is -tau x the lines naming it (taxShieldOf) on every path, as the period
//   steps book them: its mean is -tau x theirs;
// - an owner's own line (ownLine) can be found as the rest of an alternative of that owner alone:
//   its mean NPV cost less its other lines (below a tax rate of 0.9, PathInputs::ownLinesAsRest;
//   an item of an alternative of both kinds sums its own line, PathInputs::ownLineSummed);
// - every other line is summed over the paths.
// tst_core_line_sums holds the first two to every sampled path.
LEDGER_HD constexpr bool isPathFree(CostLine l) {
    return l == CostLine::Capex || l == CostLine::Colocation || l == CostLine::Opex ||
           l == CostLine::DepreciationTaxShield;
}
// The path-free lines proportional to a fleet's capex: path-free only while no fleet's capex is
// uncertain (docs/model.md 12.13, PathInputs::uncertainFleets), so the paths sum them too, and the
// line means take the deterministic run's while they may (the numbers of a certain capex as before).
LEDGER_HD constexpr bool scalesWithCapex(CostLine l) {
    return l == CostLine::Capex || l == CostLine::Opex || l == CostLine::DepreciationTaxShield;
}
// The path-free lines that move with a fleet's delivery (docs/model.md 12.14): every one of them.
LEDGER_HD constexpr bool movesWithDelivery(CostLine l) {
    return isPathFree(l) && lineOwner(l) == LineOwner::Fleet;
}
// Whether line l is the same on every path of these inputs.
LEDGER_HD inline bool isPathFreeIn(CostLine l, int uncertainFleets, int deliveryVariants) {
    return isPathFree(l) && !(uncertainFleets > 0 && scalesWithCapex(l)) &&
           !(deliveryVariants > 0 && movesWithDelivery(l));
}
constexpr int kNoShield = -1;
LEDGER_HD constexpr int taxShieldOf(CostLine l) {
    switch (l) {
    case CostLine::Power:
    case CostLine::Colocation:
    case CostLine::Opex:
        return int(CostLine::OperatingTaxShield);
    case CostLine::Replacement:
        return int(CostLine::ReplacementTaxShield);
    case CostLine::Spot:
        return int(CostLine::SpotTaxShield);
    case CostLine::Shortfall:
        return int(CostLine::ShortfallTaxShield);
    default:
        return kNoShield;
    }
}
// A shortfall is always summed: an alternative with a demand holds it beside its items' lines.
LEDGER_HD constexpr bool hasOwnLine(LineOwner o) {
    return o != LineOwner::Shortfall;
}
LEDGER_HD constexpr CostLine ownLine(LineOwner o) {
    return o == LineOwner::Contract ? CostLine::ContractPayments
           : o == LineOwner::Fleet  ? CostLine::Power
           : o == LineOwner::Spot   ? CostLine::Spot
                                    : CostLine::Shortfall;
}
// Whether line l is the own line of its owner (found as the rest where it can be).
LEDGER_HD constexpr bool isOwnLine(CostLine l) {
    return hasOwnLine(lineOwner(l)) && l == ownLine(lineOwner(l));
}
LEDGER_HD constexpr bool isTaxShieldOfLines(CostLine line) {
    for (int l = 0; l < kCostLines; ++l)
        if (taxShieldOf(CostLine(l)) == int(line))
            return true;
    return false;
}
// A line the paths sum, own lines included (they are summed when they cannot be the rest).
LEDGER_HD constexpr bool isSummedLine(CostLine l) {
    return (!isPathFree(l) || scalesWithCapex(l) || movesWithDelivery(l)) && !isTaxShieldOfLines(l);
}
// The summed lines of each owner numbered from 0 in CostLine's order: a slot's running sums are
// kSummedLinesPerSlot cells, line l's at summedCell(l) (-1: not summed).
LEDGER_HD constexpr int summedCell(CostLine line) {
    int n = 0;
    for (int l = 0; l < int(line); ++l)
        n += isSummedLine(CostLine(l)) && lineOwner(CostLine(l)) == lineOwner(line);
    return isSummedLine(line) ? n : -1;
}
LEDGER_HD constexpr int summedLinesOf(LineOwner owner) {
    int n = 0;
    for (int l = 0; l < kCostLines; ++l)
        n += isSummedLine(CostLine(l)) && lineOwner(CostLine(l)) == owner;
    return n;
}
constexpr int kSummedLinesPerSlot = 7;
static_assert(summedLinesOf(LineOwner::Contract) <= kSummedLinesPerSlot &&
                  summedLinesOf(LineOwner::Fleet) <= kSummedLinesPerSlot &&
                  summedLinesOf(LineOwner::Spot) <= kSummedLinesPerSlot &&
                  summedLinesOf(LineOwner::Shortfall) <= kSummedLinesPerSlot,
              "kSummedLinesPerSlot: room for every owner's summed lines");
static_assert(summedLinesOf(LineOwner::Fleet) == kSummedLinesPerSlot, "kSummedLinesPerSlot: no room wasted");

// A sink with `static constexpr bool kRecordsLines = true` and line(slot, k, CostLine, amount, df) is
// told every flow's lines besides the flow itself.
template <class Sink, class = void> struct RecordsLines : std::false_type {};
template <class Sink>
struct RecordsLines<Sink, std::void_t<decltype(Sink::kRecordsLines)>>
    : std::integral_constant<bool, Sink::kRecordsLines> {};

// A sink with `static constexpr bool kRecordsAccounting = true` and accrual(slot, k, ebitda, below) is
// also told, per item and period, what the books add to the pre-tax lines it is told of (MODEL.md 9):
// in EBITDA (a prepaid share drawn, a lease's straight-line cost for its fixed payment) and below it
// (depreciation, a finance lease's amortization and interest, a disposal's loss, a default's
// write-off). Such a sink records lines too.
template <class Sink, class = void> struct RecordsAccounting : std::false_type {};
template <class Sink>
struct RecordsAccounting<Sink, std::void_t<decltype(Sink::kRecordsAccounting)>>
    : std::integral_constant<bool, Sink::kRecordsAccounting> {};

} // namespace ledger
