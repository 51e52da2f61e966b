#include "portfolio/SensitivityInputs.h"

#include "portfolio/Limits.h"

#include <charconv>
#include <cmath>

namespace ledger {

namespace {

// A factor above 10 or a shift beyond 100 points says no more than its bound, and keeps every moved
// input within what the engine evaluates to a finite number (a price of 10,000 x 10).
constexpr double kMaxFactor = 10.0;
constexpr double kMaxShift = 1.0;
constexpr double kMaxTrend = kMaxAbsGpuTrendPerYear; // market.gpu_price.trend_per_year's bounds

} // namespace

const std::vector<SensitivityInputInfo>& sensitivityInputs() {
    using enum SensitivityKind;
    using enum SensitivityScope;
    static const std::vector<SensitivityInputInfo> inputs = {
        {SensitivityInput::ContractPrices,
         "contract_prices",
         "Contract prices",
         Factor,
         {0.8, 1.2},
         0.0,
         kMaxFactor,
         Always},
        {SensitivityInput::GpuMarketPrices,
         "gpu_market_prices",
         "GPU market (spot) prices",
         Factor,
         {0.7, 1.3},
         0.0,
         kMaxFactor,
         Always},
        {SensitivityInput::GpuPriceTrend,
         "gpu_price_trend",
         "GPU price trend",
         PerYear,
         {-0.30, 0.0},
         -kMaxTrend,
         kMaxTrend,
         WithoutForwardCurve},
        {SensitivityInput::FleetCapex,
         "fleet_capex",
         "Fleet capex",
         Factor,
         {0.8, 1.2},
         0.0,
         kMaxFactor,
         Always},
        {SensitivityInput::PowerPrice,
         "power_price",
         "Power price",
         Factor,
         {0.7, 1.3},
         0.0,
         kMaxFactor,
         Always},
        {SensitivityInput::Utilization,
         "utilization",
         "Utilization",
         Points,
         {-0.10, 0.10},
         -kMaxShift,
         kMaxShift,
         WithoutDemand},
        {SensitivityInput::Demand, "demand", "Demand", Factor, {0.8, 1.2}, 0.0, kMaxFactor, WithDemand},
        {SensitivityInput::ResidualValue,
         "residual_value",
         "Residual value",
         Factor,
         {0.5, 1.5},
         0.0,
         kMaxFactor,
         Always},
        {SensitivityInput::DiscountRate,
         "discount_rate",
         "Discount rate",
         Points,
         {-0.03, 0.03},
         -kMaxShift,
         kMaxShift,
         Always},
        {SensitivityInput::TaxRate,
         "tax_rate",
         "Tax rate",
         Points,
         {-0.05, 0.05},
         -kMaxShift,
         kMaxShift,
         Always},
    };
    return inputs;
}

const SensitivityInputInfo* findSensitivityInput(std::string_view id) {
    for (const auto& info : sensitivityInputs())
        if (id == info.id)
            return &info;
    return nullptr;
}

const SensitivityInputInfo& sensitivityInput(SensitivityInput input) {
    for (const auto& info : sensitivityInputs())
        if (info.input == input)
            return info;
    return sensitivityInputs().front(); // unreachable: every enumerator is listed
}

bool sensitivityInputApplies(const SensitivityInputInfo& info, const Portfolio& p) {
    const bool hasDemand = p.demand.has_value();
    switch (info.scope) {
    case SensitivityScope::Always:
        return true;
    case SensitivityScope::WithoutDemand:
        return !hasDemand;
    case SensitivityScope::WithDemand:
        return hasDemand;
    case SensitivityScope::WithoutForwardCurve:
        return !p.market.gpuPrice.forwardCurve;
    }
    return true;
}

SensitivityRange sensitivityRangeOf(const Portfolio& p, const SensitivityInputInfo& info) {
    const auto it = p.sensitivity.find(info.id);
    return it == p.sensitivity.end() ? info.defaults : it->second;
}

std::string sensitivitySettingLabel(SensitivityKind kind, double value) {
    const double shown = (kind == SensitivityKind::Factor ? value : value * 100.0) + 0.0; // never "-0"
    // Ten significant digits with a point whatever the process's locale (std::to_chars, as every
    // number core formats: Validation's formatNumber).
    char digits[64];
    const auto end = std::to_chars(digits, digits + sizeof digits, shown, std::chars_format::general, 10).ptr;
    // Appended, not "x" + std::string (GCC 12 warns falsely on that).
    std::string label = kind == SensitivityKind::Factor                  ? "x"
                        : kind == SensitivityKind::Points && shown > 0.0 ? "+"
                                                                         : "";
    label.append(digits, end);
    label += kind == SensitivityKind::Factor ? "" : kind == SensitivityKind::PerYear ? "%/yr" : " pts";
    return label;
}

std::string sensitivityInputIds() {
    std::string out;
    for (const auto& info : sensitivityInputs())
        out += (out.empty() ? "" : ", ") + std::string(info.id);
    return out;
}

} // namespace ledger
