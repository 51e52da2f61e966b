#pragma once
// What a flow of the path function is (one closed list): every sink is told the line of each flow,
// so a cost can be shown by what it is made of (docs/model.md, "Cost lines"). Amounts are after
// tax, as MODEL.md 3-5 book them. (C++17: the CUDA kernel includes this.)
namespace ledger {

enum class CostLine : int {
    ContractBilling,     // billed hours (take-or-pay floor), the prepaid share drawn down, after tax
    ContractReplacement, // after the provider's default: the committed hours bought at market
    PrepaymentRecovery,  // in the default's period: the undrawn prepayment recovered, the rest written off
    Prepayment,          // the prepayment, paid at the contract's start
    FleetOperating,      // power and fixed costs after tax, less the tax shield of depreciation
    Capex,               // the fleet's depreciable base, at its in-service date
    Resale,              // the fleet's resale at disposal, after tax on the gain over tax NBV
    Spot,                // used hours bought at spot (the spot alternative), after tax
};
constexpr int kCostLines = 8;

} // namespace ledger
