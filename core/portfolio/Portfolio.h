#pragma once
// The portfolio as the user wrote it (MODEL.md section 2). Optional fields keep "not given" apart
// from "given as the default" so a file round-trips exactly; defaults are resolved when compiling.
#include "calendar/Date.h"
#include "portfolio/Depreciation.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

struct Sku {
    std::string id;
    std::string name;
    double perfIndex = 1.0;             // relative performance, H100 = 1.0
    double marketPricePerGpuHour = 0.0; // today's market (spot / on-demand) rental price
    double capexPerGpu = 0.0;           // purchase price per GPU incl. its system share
    double itKwPerGpu = 0.0;            // IT power per GPU incl. its system share
    std::string notes;                  // where the figures come from (extension, docs/file-format.md)
};

struct UtilizationPoint {
    Date date;
    double value = 1.0;
};
// A step function: the value of the latest point dated on or before a day (1.0 when empty).
using UtilizationCurve = std::vector<UtilizationPoint>;

// The need every alternative is costed as meeting (MODEL.md 8): GPUs of one SKU by date, a step
// curve like the tranches (the latest point dated on or before a day; none before the first).
struct DemandPoint {
    Date date;
    double gpus = 0.0;
    bool operator==(const DemandPoint&) const = default;
};
struct Demand {
    std::string sku;
    std::vector<DemandPoint> curve;
};

struct Tranche {
    Date date;
    double gpus = 0.0;
    bool operator==(const Tranche&) const = default;
};

// ASC 842 (MODEL.md 9): how a contract that is a lease is booked. The classification is the user's
// judgement (dedicated GPUs the customer directs are likely a lease); the app does the arithmetic.
enum class LeaseClassification { Operating, Finance };
std::string_view toString(LeaseClassification c);
std::optional<LeaseClassification> leaseClassificationFromString(std::string_view s);

// A contract's `lease` object: both given for a lease, both absent for a service contract
// (validation refuses one without the other).
struct LeaseTerms {
    std::optional<LeaseClassification> classification;
    std::optional<double> incrementalBorrowingRate; // a year, in (-0.5, 1]
};

// A right the customer holds on a contract, exercisable on one date (docs/model.md 17): extend the
// last tranche's GPUs (or `gpus`) to new_end, add `gpus` from start to end, or end the contract on the
// exercise date for a fee. Which fields each kind takes: its table's takenBy (portfolio/OptionTerms.h).
enum class OptionKind { Extend, Expand, Terminate };
std::string_view toString(OptionKind k);
std::optional<OptionKind> optionKindFromString(std::string_view s);

struct ContractOption {
    std::string id; // unique among the portfolio's options; reports name it
    OptionKind kind = OptionKind::Extend;
    Date exerciseDate;
    std::optional<Date> newEnd;            // extend: the contract's new last day
    std::optional<Date> start;             // expand: the added GPUs' first day
    std::optional<Date> end;               // expand: their last day (default: the contract's end)
    std::optional<double> gpus;            // extend: default the last tranche's; expand: required
    std::optional<double> pricePerGpuHour; // extend, expand: the price, or
    std::optional<double> priceFactor;     // x the contract's price on its last day (extend) or on start
    std::optional<int> leadTimeDays;       // expand: start at least this long after the exercise (0)
    std::optional<double> fee;             // terminate: paid on the exercise date, deductible
    std::string notes;
};

struct Contract {
    std::string id;
    std::string name;
    std::string provider;
    std::string sku;
    Date start;
    Date end; // inclusive
    std::vector<Tranche> tranches;
    std::optional<double> pricePerGpuHour;
    std::optional<double> totalContractValue; // when given, the price is implied (MODEL.md 3.2)
    double escalator = 0.0;
    double takeOrPay = 1.0;
    double prepayment = 0.0;
    int paymentTermsDays = 0;
    double providerDefaultHazard = 0.0;
    double recoveryRate = 0.0;
    // A stress (docs/model.md 12.7): the provider defaults on this day, on the deterministic run and
    // on every Monte Carlo path; the earliest of a provider's contracts' dates applies.
    std::optional<Date> defaultDate;
    // What a default costs beyond the price of the hours (docs/model.md 12.7): a one-off per GPU
    // committed in the default's period (migration, re-validation), and the months before replacement
    // capacity is in place, when the lost hours are bought at spot with market.scarcity_premium.
    // Absent: 0, as before.
    std::optional<double> defaultDisruptionCostPerGpu;
    std::optional<double> replacementDelayMonths;
    std::optional<UtilizationCurve> utilization;
    std::string notes;
    std::string deal; // the deal library id it was added from (add-deal), empty otherwise
    LeaseTerms lease;
    std::vector<ContractOption> options; // docs/model.md 17
    // Not in any file: the hours an option's valuation buys at market instead (core/options): billed
    // at the price x e^X_k of the path, never defaulted (engine/ItemKinds.h).
    bool marketIndexed = false;
    bool isLease() const { return lease.classification.has_value(); }
};

struct Fleet {
    std::string id;
    std::string name;
    std::string sku;
    double gpus = 0.0;
    Date inService;
    std::optional<Date> end; // inclusive; default in_service + book life
    std::optional<double> capexPerGpu;
    double overheadFraction = 0.0;
    std::optional<double> itKwPerGpu;
    double pue = 1.0;
    double powerPricePerMwh = 0.0;
    double powerEscalator = 0.0;
    double idlePowerFraction = 1.0;
    double colocationPerKwMonth = 0.0;
    double opexFractionPerYear = 0.0;
    std::optional<double> residualFraction; // default: book salvage fraction
    // Uncertainty of the price paid and of the resale (docs/model.md 12.13): capex per GPU is
    // Triangular(min, capex per GPU, max) on a Monte Carlo path (both given or neither); the resale R
    // takes a lognormal factor of mean 1 with this volatility, on top of the market's surprise.
    std::optional<double> capexMinPerGpu;
    std::optional<double> capexMaxPerGpu;
    std::optional<double> residualVolatility;
    // A delivery delay in months (docs/model.md 12.14): Triangular(min, mode, max), all three given or
    // none; the fleet goes in service that many whole months (the nearest) after in_service, its end
    // unchanged. The deterministic run takes the mode's.
    std::optional<double> deliveryDelayMinMonths;
    std::optional<double> deliveryDelayModeMonths;
    std::optional<double> deliveryDelayMaxMonths;
    DepreciationSpec bookDepreciation;
    DepreciationSpec taxDepreciation;
    std::optional<UtilizationCurve> utilization;
    std::string notes;
};

// The id of the alternative every portfolio is compared with: buying its hours at spot
// (MODEL.md 6.2; no alternative of the portfolio may take it).
inline constexpr const char* kSpotAlternativeId = "spot";

struct Alternative {
    std::string id;
    std::string name;
    std::vector<std::string> items;
};

struct Assumptions {
    double discountRate = 0.0;
    double taxRate = 0.0;
    std::optional<Date> horizonEnd;
    // MODEL.md 1 (v2): the month fiscal years end in, 1..12 (default 12: calendar years); annual rows
    // and tax years are fiscal years.
    std::optional<int> fiscalYearEndMonth;
};

// Ornstein-Uhlenbeck factor parameters (MODEL.md section 6).
struct OuProcess {
    double reversionPerYear = 0.0;
    double volatility = 0.0;
};

// A forward curve of the GPU rental price (extension, docs/model.md 12.2): prices on dates, per
// GPU-hour of a named SKU or an index level; only their ratios matter. It replaces the linear trend.
struct ForwardPoint {
    Date date;
    double price = 0.0;
    bool operator==(const ForwardPoint&) const = default;
};
struct ForwardCurve {
    std::optional<std::string> sku; // what the prices are of; none: an index level
    std::vector<ForwardPoint> points;
    bool operator==(const ForwardCurve&) const = default;
};

struct GpuPriceProcess {
    double trendPerYear = -0.15; // not used with a forward curve
    double reversionPerYear = 1.0;
    double volatility = 0.30;
    std::optional<ForwardCurve> forwardCurve;
};

struct NextGeneration {
    Date launchEarliest;
    Date launchMode;
    Date launchLatest;
    double priceDropMin = 0.0;
    double priceDropMax = 0.0;
};

using CorrelationMatrix = std::array<std::array<double, 3>, 3>;

struct MarketModel {
    GpuPriceProcess gpuPrice;
    std::optional<NextGeneration> nextGeneration;
    OuProcess utilization{2.0, 0.0};
    OuProcess powerPrice{0.8, 0.20};
    // With a demand, the demand's uncertainty: its log deviation is an OU process on Z2 (MODEL.md 8).
    OuProcess demand{2.0, 0.0};
    CorrelationMatrix correlation{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
    double replacementPremium = 1.0;
    double onDemandPremium = 1.0;
    // During a contract's replacement_delay_months after a default, spot hours cost this much more
    // than the on-demand premium says: large capacity is not for sale at list price in a hurry.
    double scarcityPremium = 1.0;
    // Extension (docs/model.md): which alternative's used hours the spot alternative buys.
    std::optional<std::string> spotCovers;
};

// A tornado input's low and high setting (MODEL.md 7), as the user set it; what the numbers mean
// (a factor, a shift in points, a rate per year) is the input's kind (portfolio/SensitivityInputs.h).
struct SensitivityRange {
    double low = 0.0;
    double high = 0.0;
    bool operator==(const SensitivityRange&) const = default;
};

struct SimulationSettings {
    std::int64_t paths = 100000;
    std::uint64_t seed = 20260101;
};

// One input changed by a scenario: where (an input path, portfolio/InputPath.h: a JSON Pointer
// whose array steps may be id=VALUE) and the value as JSON text ("4.5", "\"2028-06-30\"", an array
// of curve points; "null" removes the input, so its default applies). Core holds the text; the data
// layer reads it as the file reader reads that input, with the file's messages.
struct ScenarioOverride {
    std::string path;
    std::string valueJson;
    bool operator==(const ScenarioOverride&) const = default;
};

// A named set of overrides on the portfolio, the base case (docs/file-format.md, "Scenarios").
struct Scenario {
    std::string name;
    std::string description;
    std::string source;
    std::vector<ScenarioOverride> overrides;
    bool operator==(const Scenario&) const = default;
};

struct Portfolio {
    std::string name;
    std::string notes;
    std::string currency = "USD";
    Date valuationDate;
    Assumptions assumptions;
    std::vector<Sku> skus;
    UtilizationCurve utilization;
    std::vector<Contract> contracts;
    std::vector<Fleet> fleets;
    std::optional<std::vector<Alternative>> alternatives;
    std::optional<Demand> demand; // MODEL.md 8: when given, every alternative meets it
    MarketModel market;
    SimulationSettings simulation;
    // Where each assumption comes from, keyed by its JSON path (e.g. "contracts[0].price_per_gpu_hour"):
    // the audit trail a report prints. Extension (docs/file-format.md).
    std::map<std::string, std::string> sources;
    // The tornado's low and high settings the user set, keyed by input id ("contract_prices"); an
    // input not here takes its default (portfolio/SensitivityInputs.h). Extension (docs/file-format.md).
    std::map<std::string, SensitivityRange> sensitivity;
    // Named scenarios, each a list of overrides of this base case. Extension (docs/file-format.md).
    std::vector<Scenario> scenarios;
};

// Utilization on day d of a step curve (MODEL.md 2: latest point dated <= d; 1.0 before any point).
double utilizationOn(const UtilizationCurve& curve, const Date& d);

// Whether any contract carries an option (docs/model.md 17): what values them, and what a sharded
// run must fit their rules for.
inline bool hasContractOptions(const Portfolio& p) {
    for (const Contract& c : p.contracts)
        if (!c.options.empty())
            return true;
    return false;
}

} // namespace ledger
