#include "analytics/Sensitivity.h"

#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "portfolio/Defaults.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace ledger {

namespace {

double difference(const Portfolio& p, const SkuCatalog& catalog, std::size_t a, std::size_t b) {
    CompiledPortfolio cp(p, catalog);
    const auto npv = alternativeNpvCosts(cp);
    return npv[a] - npv[b];
}

// Copies every SKU the portfolio uses into it, so its figures can be moved without touching the catalog.
void ownSkus(Portfolio& p, const SkuCatalog& catalog) {
    auto own = [&](const std::string& id) {
        for (const auto& s : p.skus)
            if (s.id == id)
                return;
        if (const Sku* s = catalog.find(p, id))
            p.skus.push_back(*s);
    };
    for (const auto& c : p.contracts)
        own(c.sku);
    for (const auto& f : p.fleets)
        own(f.sku);
    if (p.demand)
        own(p.demand->sku);
}

struct Input {
    std::string name, lowLabel, highLabel;
    std::function<void(Portfolio&, bool high)> apply;
};

// With a demand the utilization curves are not used (MODEL.md 8): the demand moves instead.
Input demandInput() {
    return {"Demand", "x0.8", "x1.2", [](Portfolio& p, bool h) {
                for (auto& point : p.demand->curve)
                    point.gpus *= h ? 1.2 : 0.8;
            }};
}

std::vector<Input> inputs(const SkuCatalog& catalog) {
    auto scaleContracts = [](Portfolio& p, double f) {
        for (auto& c : p.contracts) {
            if (c.pricePerGpuHour)
                *c.pricePerGpuHour *= f;
            if (c.totalContractValue)
                *c.totalContractValue *= f;
        }
    };
    return {
        {"Contract prices", "x0.8", "x1.2", [=](Portfolio& p, bool h) { scaleContracts(p, h ? 1.2 : 0.8); }},
        {"GPU market (spot) prices", "x0.7", "x1.3",
         [&catalog](Portfolio& p, bool h) {
             ownSkus(p, catalog);
             for (auto& s : p.skus)
                 s.marketPricePerGpuHour *= h ? 1.3 : 0.7;
         }},
        {"GPU price trend", "-30%/yr", "0%/yr",
         [](Portfolio& p, bool h) { p.market.gpuPrice.trendPerYear = h ? 0.0 : -0.30; }},
        {"Fleet capex", "x0.8", "x1.2",
         [&catalog](Portfolio& p, bool h) {
             for (auto& f : p.fleets) {
                 const Sku* s = catalog.find(p, f.sku);
                 f.capexPerGpu = fleetCapexPerGpu(f, *s) * (h ? 1.2 : 0.8);
             }
         }},
        {"Power price", "x0.7", "x1.3",
         [](Portfolio& p, bool h) {
             for (auto& f : p.fleets)
                 f.powerPricePerMwh *= h ? 1.3 : 0.7;
         }},
        {"Utilization", "-10 pts", "+10 pts",
         [](Portfolio& p, bool h) {
             auto shift = [h](UtilizationCurve& curve) {
                 if (curve.empty())
                     curve.push_back({Date(1900, 1, 1), 1.0});
                 for (auto& pt : curve)
                     pt.value = std::clamp(pt.value + (h ? 0.1 : -0.1), 0.0, 1.0);
             };
             shift(p.utilization);
             for (auto& c : p.contracts)
                 if (c.utilization)
                     shift(*c.utilization);
             for (auto& f : p.fleets)
                 if (f.utilization)
                     shift(*f.utilization);
         }},
        {"Residual value", "x0.5", "x1.5",
         [](Portfolio& p, bool h) {
             for (auto& f : p.fleets)
                 f.residualFraction = std::min(1.0, fleetResidualFraction(f) * (h ? 1.5 : 0.5));
         }},
        {"Discount rate", "-3 pts", "+3 pts",
         [](Portfolio& p, bool h) {
             p.assumptions.discountRate = std::max(-0.99, p.assumptions.discountRate + (h ? 0.03 : -0.03));
         }},
        {"Tax rate", "-5 pts", "+5 pts",
         [](Portfolio& p, bool h) {
             p.assumptions.taxRate = std::clamp(p.assumptions.taxRate + (h ? 0.05 : -0.05), 0.0, 1.0);
         }},
    };
}

} // namespace

Sensitivity npvDifferenceSensitivity(const Portfolio& p, const SkuCatalog& catalog, std::size_t a,
                                     std::size_t b) {
    Sensitivity s;
    const auto alts = alternatives(p);
    auto idOf = [&](std::size_t i) { return i < alts.size() ? alts[i].id : std::string(kSpotAlternativeId); };
    s.a = idOf(a);
    s.b = idOf(b);
    s.base = difference(p, catalog, a, b);
    auto list = inputs(catalog);
    if (p.demand)
        for (auto& input : list)
            if (input.name == "Utilization")
                input = demandInput();
    for (const auto& input : list) {
        Portfolio low = p, high = p;
        input.apply(low, false);
        input.apply(high, true);
        s.bars.push_back({input.name, input.lowLabel, input.highLabel, difference(low, catalog, a, b),
                          difference(high, catalog, a, b)});
    }
    std::stable_sort(s.bars.begin(), s.bars.end(), [](const auto& x, const auto& y) {
        return std::abs(x.high - x.low) > std::abs(y.high - y.low);
    });
    return s;
}

} // namespace ledger
