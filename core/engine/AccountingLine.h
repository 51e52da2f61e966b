#pragma once
// The accounting view's lines (MODEL.md 9): what a deal does to the income statement and the
// balance sheet, pre-tax, costs positive. Declared once here: the keys every output uses, which
// lines are inside EBITDA and operating income, and which cash-view line (engine/CostLine.h) feeds
// which of them. (C++17: the Monte Carlo sink, and so the CUDA kernel, includes this.)
#include "engine/CostLine.h"

#include <array>

namespace ledger {

enum class AccountingLine : int {
    ServiceCost,        // a contract that is not a lease, accrued in its period of service
    OperatingLeaseCost, // an operating lease: straight-line cost plus variable payments
    VariableLeaseCost,  // a finance lease: its variable payments (use above take-or-pay)
    Power,              // a fleet's running costs, pre-tax
    Colocation,
    Opex,
    Spot,              // shortfall, replacement and the spot alternative's purchases, pre-tax
    Depreciation,      // a fleet's book depreciation
    LeaseAmortization, // a finance lease's right-of-use amortization
    Interest,          // a finance lease's interest: below operating income
    DisposalLoss,      // NBV_book - R at disposal (negative: a gain)
    DefaultWriteoff,   // a defaulted contract's carrying amount less the recovery (Monte Carlo paths)
};
constexpr int kAccountingLines = 12;

static_assert(int(AccountingLine::DefaultWriteoff) + 1 == kAccountingLines, "kAccountingLines: every line");
constexpr const char* kAccountingLineKeys[kAccountingLines] = {
    "service_cost", "operating_lease_cost", "variable_lease_cost",
    "power",        "colocation",           "opex",
    "spot",         "depreciation",         "lease_amortization",
    "interest",     "disposal_loss",        "default_writeoff"};

// Where a line falls: inside EBITDA, between EBITDA and operating income, or below operating income.
enum class AccountingStage { Ebitda, Operating, Financing };
constexpr AccountingStage stageOf(AccountingLine l) {
    switch (l) {
    case AccountingLine::Depreciation:
    case AccountingLine::LeaseAmortization:
    case AccountingLine::DisposalLoss:
    case AccountingLine::DefaultWriteoff:
        return AccountingStage::Operating;
    case AccountingLine::Interest:
        return AccountingStage::Financing;
    default:
        return AccountingStage::Ebitda;
    }
}

// The pre-tax cash-view lines that are also expenses as booked, and the line they feed; the rest
// (capex, prepayment, resale: balance-sheet movements; every tax shield) are not. A lease moves
// its contract payments (MODEL.md 9); the disposal's gain or loss is worked out from the resale.
constexpr int kNotAnExpense = -1;
LEDGER_HD constexpr int accountingLineOf(CostLine l) {
    switch (l) {
    case CostLine::ContractPayments:
        return int(AccountingLine::ServiceCost);
    case CostLine::Power:
        return int(AccountingLine::Power);
    case CostLine::Colocation:
        return int(AccountingLine::Colocation);
    case CostLine::Opex:
        return int(AccountingLine::Opex);
    case CostLine::Replacement:
    case CostLine::Spot:
    case CostLine::Shortfall:
        return int(AccountingLine::Spot);
    default:
        return kNotAnExpense;
    }
}

enum class BalanceItem : int { NbvBook, RouAsset, LeaseLiability, PrepaidBalance, DeferredTaxLiability };
constexpr int kBalanceItems = 5;
static_assert(int(BalanceItem::DeferredTaxLiability) + 1 == kBalanceItems, "kBalanceItems: every item");
constexpr const char* kBalanceItemKeys[kBalanceItems] = {"nbv_book", "rou_asset", "lease_liability",
                                                         "prepaid_balance", "deferred_tax_liability"};

// One fiscal year of an item or an alternative in the accounting view.
struct AccountingYear {
    int year = 0;
    std::array<double, kAccountingLines> lines{};
    std::array<double, kBalanceItems> balance{}; // at the year end
    // MODEL.md 9's totals, set by closeYear from the lines.
    double ebitdaCost = 0.0;
    double operatingCost = 0.0; // EBITDA cost + depreciation + amortization + disposal loss + write-off
    double pretaxCost = 0.0;    // operating cost + interest
    double incomeTax = 0.0;     // -tau x pretax cost: a benefit while costs are positive
    double netIncomeImpact = 0.0;

    double& operator[](AccountingLine l) { return lines[std::size_t(l)]; }
    double operator[](AccountingLine l) const { return lines[std::size_t(l)]; }
    double& operator[](BalanceItem b) { return balance[std::size_t(b)]; }
    double operator[](BalanceItem b) const { return balance[std::size_t(b)]; }
};

// The totals of a year from its lines.
inline void closeYear(AccountingYear& y, double taxRate) {
    y.ebitdaCost = y.operatingCost = y.pretaxCost = 0.0;
    for (int l = 0; l < kAccountingLines; ++l) {
        const AccountingStage stage = stageOf(AccountingLine(l));
        const double v = y.lines[std::size_t(l)];
        y.ebitdaCost += stage == AccountingStage::Ebitda ? v : 0.0;
        y.operatingCost += stage != AccountingStage::Financing ? v : 0.0;
        y.pretaxCost += v;
    }
    y.incomeTax = -taxRate * y.pretaxCost;
    y.netIncomeImpact = -(y.pretaxCost + y.incomeTax);
}

// into += y, line by line and item by item (an alternative of its items); totals are closed after.
inline void addYear(AccountingYear& into, const AccountingYear& y) {
    for (int l = 0; l < kAccountingLines; ++l)
        into.lines[std::size_t(l)] += y.lines[std::size_t(l)];
    for (int b = 0; b < kBalanceItems; ++b)
        into.balance[std::size_t(b)] += y.balance[std::size_t(b)];
}

} // namespace ledger
