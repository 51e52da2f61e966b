#pragma once
// What a deterministic evaluation reports (DESIGN.md "evaluate --json" keys).
#include "calendar/Date.h"
#include "engine/AccountingLine.h"
#include "engine/CostLine.h"
#include "engine/LeaseResult.h"

#include <array>

#include <optional>
#include <string>
#include <vector>

namespace ledger {

struct AnnualRow {
    int year = 0;
    double cash = 0.0; // after-tax cost, undiscounted
    double committedGpuHours = 0.0;
    double usedGpuHours = 0.0;
    double depreciationBook = 0.0;
    double depreciationTax = 0.0;
    double nbvBook = 0.0; // after the year's last period
    double nbvTax = 0.0;
    // Fleets: what the GPUs would fetch at the year end (docs/model.md, display only; 0 when not held).
    double marketValue = 0.0;
    // The year's cash by cost line (CostLine's order); the lines the owner lists add up to `cash`.
    std::array<double, kCostLines> lineCash{};
    // With a demand, an alternative's year (MODEL.md 8), in H100-equivalent hours: the demand, its
    // capacity, the capacity left idle and the shortfall bought at spot.
    double demandH100Hours = 0.0;
    double capacityH100Hours = 0.0;
    double idleH100Hours = 0.0;
    double shortfallH100Hours = 0.0;
};

// With a demand: how an alternative meets it over the horizon, in H100-equivalent hours.
struct DemandServed {
    double demandH100Hours = 0.0;
    double capacityH100Hours = 0.0;
    double usedCapacityH100Hours = 0.0; // min(demand, capacity) per period
    double idleH100Hours = 0.0;         // capacity - used capacity
    double shortfallH100Hours = 0.0;    // demand - used capacity: bought at spot
};

// One cost line of an item or an alternative: its NPV and its undiscounted cash in the horizon.
struct LineAmount {
    CostLine line = CostLine::Capex;
    double npv = 0.0;
    double cash = 0.0;
};

struct MonthlyFlow {
    Date periodStart;
    double cash = 0.0;
    double presentValue = 0.0;
};

struct ItemResult {
    std::string id;
    std::string name;
    std::string kind; // "contract" or "fleet"
    double npvCost = 0.0;
    double totalCash = 0.0;
    double committedGpuHours = 0.0;
    double usedGpuHours = 0.0;
    double usedH100Hours = 0.0;                   // used GPU-hours x the SKU's performance index (H100 = 1)
    std::optional<double> lcoc;                   // none when the item delivers no used hours in the horizon
    std::optional<double> impliedPricePerGpuHour; // contracts
    std::optional<double> totalContractValue;     // contracts
    std::vector<AnnualRow> annual;
    std::vector<MonthlyFlow> monthly;
    std::vector<LineAmount> lines;          // the kind's lines (lineOwner), in CostLine's order
    std::vector<AccountingYear> accounting; // MODEL.md 9, by fiscal year (the annual rows' years)
};

struct AlternativeResult {
    std::string id;
    std::string name;
    std::vector<std::string> items;
    double npvCost = 0.0;
    double totalCash = 0.0;
    double usedGpuHours = 0.0;
    std::optional<double> lcoc;
    std::vector<AnnualRow> annual;
    std::vector<LineAmount> lines; // the lines of the kinds it holds (spot: spot's), in CostLine's order
    double usedH100Hours =
        0.0; // its items' (spot: those of the items it covers); with a demand, the demand's
    // With a demand (MODEL.md 8): its items as costed in it (their used share), and how it meets it.
    std::vector<ItemResult> itemCosts;
    std::optional<DemandServed> demand;
    std::vector<AccountingYear> accounting; // MODEL.md 9: its items' as costed in it, and its own spot
};

// Two alternatives deliver the same capacity when their used H100-equivalent hours differ by at
// most this share of the larger (MODEL.md 8): only then does NPV alone say which is cheaper.
constexpr double kCapacityTolerance = 0.01;
bool capacityMatched(const AlternativeResult& a, const AlternativeResult& b);

struct Comparison {
    std::string a;
    std::string b;
    double npvDifference = 0.0;                 // NPV_a - NPV_b
    std::optional<double> breakevenPriceFactor; // none when a has no contract price to scale
    bool capacityMatched = true;                // capacityMatched(a, b)
};

// Buy versus spot at a constant utilization (MODEL.md 7).
enum class BreakevenOutcome {
    Value,  // a utilization above which the alternative beats spot
    Never,  // spot is cheaper at any utilization
    Always, // the alternative is cheaper at any utilization
};
// "value", "never", "always": the words the JSON and the workbook use.
const char* toString(BreakevenOutcome o);

struct BreakevenUtilization {
    std::string alternative;
    BreakevenOutcome outcome = BreakevenOutcome::Value;
    std::optional<double> utilization; // with BreakevenOutcome::Value
};

// With a demand (MODEL.md 8): the multiple of the demand at which the alternative costs what spot does.
struct BreakevenDemand {
    std::string alternative;
    BreakevenOutcome outcome = BreakevenOutcome::Value; // Always: cheaper than spot even at no demand
    std::optional<double> factor;                       // with BreakevenOutcome::Value, in (0, 10]
};

struct UsefulLifeCase {
    int bookLifeYears = 0;
    double npvCost = 0.0;
    double bookDepreciation = 0.0; // within the horizon
    double bookProfitImpact = 0.0; // -(operating cost + book depreciation) + book gain on disposal, pre-tax
};

struct UsefulLifeSensitivity {
    std::string alternative;
    std::vector<UsefulLifeCase> cases;
};

struct EvaluationResult {
    std::string name;
    std::string currency;
    Date valuationDate;
    Date horizonEnd;
    int periods = 0;
    std::string spotCovers;
    std::vector<ItemResult> items;
    std::vector<AlternativeResult> alternatives; // the portfolio's, then spot (kSpotAlternativeId)
    std::vector<Comparison> comparisons;
    std::vector<BreakevenUtilization> breakevenUtilization; // without a demand
    std::vector<BreakevenDemand> breakevenDemand;           // with a demand
    std::vector<UsefulLifeSensitivity> usefulLife;
    std::vector<LeaseResult> leases; // the contracts that are leases, in the portfolio's order
    double taxRate = 0.0;            // tau: the accounting view's income tax
    int fiscalYearEndMonth = 12;     // MODEL.md 1: the years of every row end in this month
    bool hasDemand = false;          // every alternative meets the portfolio's demand (MODEL.md 8)
    std::string demandSku;           // with a demand

    const AlternativeResult* alternative(const std::string& id) const;
    const ItemResult* item(const std::string& id) const;
    // Alternatives from the lowest NPV cost up (ties keep the portfolio's order).
    std::vector<const AlternativeResult*> rankedByNpvCost() const;
    // The verdict's ranking: the alternatives that deliver the most capacity (within
    // kCapacityTolerance of the largest used H100-equivalent hours), from the lowest NPV cost up; an
    // alternative that delivers less is not cheaper, it buys less (MODEL.md 8).
    std::vector<const AlternativeResult*> rankedAtFullCapacity() const;
    // The others, in the portfolio's order: what each output names as delivering less.
    std::vector<const AlternativeResult*> shortOfCapacity() const;
    double mostUsedH100Hours() const;
    // True when no alternative has a cash flow at all (NPV cost, total cash and every year's cash are
    // 0), as when every contract and fleet ends before the valuation date. The ranking is then only
    // the portfolio's order, so every output says there is nothing to compare instead of naming a
    // cheapest alternative; deciding it here keeps the table, the JSON, the PDF and the window alike.
    bool nothingToCompare() const;
};

} // namespace ledger
