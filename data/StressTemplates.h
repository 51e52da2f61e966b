#pragma once
// Built-in stress scenarios a user adds in one click and then edits (docs/file-format.md,
// "Scenarios"): each made for the portfolio at hand as ordinary overrides of its inputs, so what a
// template does is written in the file like any other scenario.
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QString>

#include <optional>
#include <vector>

namespace ledger::data {

enum class StressKind {
    GpuPriceCollapse,      // the GPU price trend at -40% a year
    NextGenerationEarly,   // the next generation a year early, with a 60% price drop
    DemandAt60,            // the demand (without one, utilization) at 60% of plan
    PowerPricePlus50,      // every owned fleet's power price +50%
    CapexPlus25,           // every owned fleet's capex per GPU +25%
    DeliverySixMonthsLate, // every owned fleet still to be delivered goes in service 6 months later
    RatesPlus300bp,        // the discount rate and every lease's borrowing rate +3 points
    ProviderDefault,       // "<provider> defaults on <date>": needs both (providerDefaultScenario)
};

struct StressTemplate {
    StressKind kind;
    const char* name;        // the scenario's name: "GPU price collapse"
    const char* description; // what it does, in a sentence
};

const std::vector<StressTemplate>& stressTemplates();

// The template's scenario for this portfolio, or nullopt and *error when the portfolio has nothing
// it moves ("no owned fleet: there is no power price to raise"). ProviderDefault needs a provider
// and a date: here it is refused, with providerDefaultScenario it is made.
std::optional<Scenario> stressScenario(const Portfolio& p, StressKind kind, const SkuCatalog& catalog,
                                       QString* error);

// ProviderDefault: the named provider defaults on `date` (docs/model.md 12.7), on the deterministic
// run and on every Monte Carlo path: each of its contracts' default_date set to it. Nullopt and
// *error for a provider no contract has (naming those there are) or a date outside
// [valuation_date, horizon end].
std::optional<Scenario> providerDefaultScenario(const Portfolio& p, const std::string& provider,
                                                const Date& date, QString* error);

} // namespace ledger::data
