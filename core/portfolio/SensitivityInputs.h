#pragma once
// The inputs of the tornado (MODEL.md 7), declared once: each one's id (its key under the file's
// "sensitivity" and its .cledger row), its name, what its two settings mean, their defaults and
// bounds. The tornado (analytics/Sensitivity.cpp), validation, the file readers and writers and the
// window's table all read this list; the labels ("x0.8", "-10 pts", "-30%/yr") come from the kind
// and the value.
#include "portfolio/Portfolio.h"

#include <string>
#include <string_view>
#include <vector>

namespace ledger {

enum class SensitivityInput {
    ContractPrices,
    GpuMarketPrices,
    GpuPriceTrend,
    FleetCapex,
    PowerPrice,
    Utilization,
    Demand,
    ResidualValue,
    DiscountRate,
    TaxRate,
};

// What a setting's number means.
enum class SensitivityKind {
    Factor, // the input multiplied by it: 0.8 is "x0.8"
    Points, // a share or a rate shifted by it: -0.1 is "-10 pts"
    PerYear // the input set to it, a rate per year: -0.3 is "-30%/yr"
};

// Where an input moves something: utilization curves are not used with a demand (MODEL.md 8),
// so the demand takes the utilization's place in the tornado then; the trend is not used on a
// forward curve (docs/model.md 12.2), which a scenario moves instead.
enum class SensitivityScope { Always, WithoutDemand, WithDemand, WithoutForwardCurve };

struct SensitivityInputInfo {
    SensitivityInput input;
    const char* id;   // "contract_prices"
    const char* name; // "Contract prices"
    SensitivityKind kind;
    SensitivityRange defaults;
    double min; // the bounds of both settings
    double max;
    SensitivityScope scope;
};

// Every input, in the tornado's order before it sorts by swing (the order ties keep).
const std::vector<SensitivityInputInfo>& sensitivityInputs();
// The input of an id, or nullptr.
const SensitivityInputInfo* findSensitivityInput(std::string_view id);
const SensitivityInputInfo& sensitivityInput(SensitivityInput input);
// Whether the tornado moves this input in p (its demand, its forward curve).
bool sensitivityInputApplies(const SensitivityInputInfo& info, const Portfolio& p);
// The portfolio's setting of an input: the user's, else the default.
SensitivityRange sensitivityRangeOf(const Portfolio& p, const SensitivityInputInfo& info);
// A setting as the tornado names it: "x0.8", "+10 pts", "-30%/yr" (at most ten significant digits).
std::string sensitivitySettingLabel(SensitivityKind kind, double value);
// The ids, comma separated, for messages.
std::string sensitivityInputIds();

} // namespace ledger
