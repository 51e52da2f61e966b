#pragma once
// What a cost is made of (docs/model.md, "Cost lines"). Two closed lists:
// - FlowKind: what one flow of the path function is, as MODEL.md 3-6 book it (after tax, one
//   amount): the totals are the sums of these flows, as they always were;
// - CostLine: the lines a reader sees (contract payments, their tax shield, power, resale, ...),
//   several to a flow. A sink that records lines (RecordsLines below) is also told each flow's
//   lines; the Monte Carlo sinks are not, so the paths do no extra work.
// Costs are positive, inflows negative, as everywhere. (C++17: the CUDA kernel includes this.)
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
};
constexpr int kFlowKinds = 8;

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
};
constexpr int kCostLines = 17;

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
                                                   "spot_tax_shield"};

constexpr bool everyCostLineHasAKey() {
    for (const char* key : kCostLineKeys)
        if (key == nullptr)
            return false;
    return true;
}
static_assert(everyCostLineHasAKey(), "kCostLineKeys: one key per CostLine");

// Which outputs list a line: a contract's, a fleet's or the spot alternative's (an alternative
// lists the lines of the kinds it holds).
enum class LineOwner : int { Contract, Fleet, Spot };
constexpr LineOwner kCostLineOwners[kCostLines] = {
    LineOwner::Fleet, LineOwner::Contract, LineOwner::Contract, LineOwner::Contract, LineOwner::Fleet,
    LineOwner::Fleet, LineOwner::Fleet,    LineOwner::Fleet,    LineOwner::Fleet,    LineOwner::Fleet,
    LineOwner::Fleet, LineOwner::Contract, LineOwner::Contract, LineOwner::Contract, LineOwner::Contract,
    LineOwner::Spot,  LineOwner::Spot};

// A sink with `static constexpr bool kRecordsLines = true` and line(slot, k, CostLine, amount, df) is
// told every flow's lines besides the flow itself.
template <class Sink, class = void> struct RecordsLines : std::false_type {};
template <class Sink>
struct RecordsLines<Sink, std::void_t<decltype(Sink::kRecordsLines)>>
    : std::integral_constant<bool, Sink::kRecordsLines> {};

} // namespace ledger
