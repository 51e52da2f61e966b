#include "analytics/Sensitivity.h"

#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "portfolio/Defaults.h"
#include "portfolio/SensitivityInputs.h"

#include <algorithm>
#include <cmath>

namespace ledger {

namespace {

double difference(const Portfolio& p, const SkuCatalog& catalog, std::size_t a, std::size_t b) {
    CompiledPortfolio cp(p, catalog);
    const auto npv = alternativeNpvCosts(cp);
    return npv[a] - npv[b];
}

// Copies every SKU the portfolio uses into it, so its figures can be moved without touching the catalog.
void ownSkus(Portfolio& p, const SkuCatalog& catalog) {
    for (const std::string& id : usedSkuIds(p)) {
        const bool own = std::any_of(p.skus.begin(), p.skus.end(), [&](const Sku& s) { return s.id == id; });
        if (const Sku* s = own ? nullptr : catalog.find(p, id))
            p.skus.push_back(*s);
    }
}

void scaleContracts(Portfolio& p, double f) {
    for (auto& c : p.contracts) {
        if (c.pricePerGpuHour)
            *c.pricePerGpuHour *= f;
        if (c.totalContractValue)
            *c.totalContractValue *= f;
    }
}

void shiftUtilization(Portfolio& p, double points) {
    auto shift = [points](UtilizationCurve& curve) {
        if (curve.empty())
            curve.push_back({Date(1900, 1, 1), 1.0});
        for (auto& pt : curve)
            pt.value = std::clamp(pt.value + points, 0.0, 1.0);
    };
    shift(p.utilization);
    for (auto& c : p.contracts)
        if (c.utilization)
            shift(*c.utilization);
    for (auto& f : p.fleets)
        if (f.utilization)
            shift(*f.utilization);
}

} // namespace

void applySensitivitySetting(SensitivityInput input, Portfolio& p, const SkuCatalog& catalog, double x) {
    switch (input) {
    case SensitivityInput::ContractPrices:
        scaleContracts(p, x);
        return;
    case SensitivityInput::GpuMarketPrices:
        ownSkus(p, catalog);
        for (auto& s : p.skus)
            s.marketPricePerGpuHour *= x;
        return;
    case SensitivityInput::GpuPriceTrend:
        p.market.gpuPrice.trendPerYear = x;
        return;
    case SensitivityInput::FleetCapex:
        for (auto& f : p.fleets) {
            const Sku* s = catalog.find(p, f.sku);
            f.capexPerGpu = fleetCapexPerGpu(f, *s) * x;
            // A capex range moves with its likeliest value (docs/model.md 12.13).
            if (f.capexMinPerGpu && f.capexMaxPerGpu) {
                *f.capexMinPerGpu *= x;
                *f.capexMaxPerGpu *= x;
            }
        }
        return;
    case SensitivityInput::PowerPrice:
        for (auto& f : p.fleets)
            f.powerPricePerMwh *= x;
        return;
    case SensitivityInput::Utilization:
        shiftUtilization(p, x);
        return;
    case SensitivityInput::Demand:
        for (auto& point : p.demand->curve)
            point.gpus *= x;
        return;
    case SensitivityInput::ResidualValue:
        for (auto& f : p.fleets)
            f.residualFraction = std::min(1.0, fleetResidualFraction(f) * x);
        return;
    case SensitivityInput::DiscountRate:
        p.assumptions.discountRate = std::max(-0.99, p.assumptions.discountRate + x);
        return;
    case SensitivityInput::TaxRate:
        p.assumptions.taxRate = std::clamp(p.assumptions.taxRate + x, 0.0, 1.0);
        return;
    }
}

double noMoveSetting(const Portfolio& p, SensitivityInput input) {
    if (input == SensitivityInput::GpuPriceTrend)
        return p.market.gpuPrice.trendPerYear;
    return sensitivityInput(input).kind == SensitivityKind::Factor ? 1.0 : 0.0;
}

Sensitivity npvDifferenceSensitivity(const Portfolio& p, const SkuCatalog& catalog, std::size_t a,
                                     std::size_t b) {
    Sensitivity s;
    const auto alts = alternatives(p);
    auto idOf = [&](std::size_t i) { return i < alts.size() ? alts[i].id : std::string(kSpotAlternativeId); };
    s.a = idOf(a);
    s.b = idOf(b);
    s.base = difference(p, catalog, a, b);
    for (const auto& info : sensitivityInputs()) {
        if (!sensitivityInputApplies(info, p))
            continue;
        const SensitivityRange range = sensitivityRangeOf(p, info);
        Portfolio low = p, high = p;
        applySensitivitySetting(info.input, low, catalog, range.low);
        applySensitivitySetting(info.input, high, catalog, range.high);
        s.bars.push_back({info.name, sensitivitySettingLabel(info.kind, range.low),
                          sensitivitySettingLabel(info.kind, range.high), difference(low, catalog, a, b),
                          difference(high, catalog, a, b), info.id});
    }
    std::stable_sort(s.bars.begin(), s.bars.end(), [](const auto& x, const auto& y) {
        return std::abs(x.high - x.low) > std::abs(y.high - y.low);
    });
    return s;
}

} // namespace ledger
