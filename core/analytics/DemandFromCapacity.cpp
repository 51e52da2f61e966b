#include "analytics/DemandFromCapacity.h"

#include "calendar/Date.h"
#include "calendar/PeriodGrid.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace ledger {

namespace {

// The performance index of the item's SKU: H100-equivalent hours per GPU-hour.
double perfOfItem(const Portfolio& p, const SkuCatalog& catalog, const std::string& id) {
    std::string sku;
    for (const auto& c : p.contracts)
        if (c.id == id)
            sku = c.sku;
    for (const auto& f : p.fleets)
        if (f.id == id)
            sku = f.sku;
    const Sku* found = sku.empty() ? nullptr : catalog.find(p, sku);
    if (!found)
        throw std::invalid_argument("demandFromAlternative: item \"" + id + "\" has no known SKU");
    return found->perfIndex;
}

} // namespace

Demand demandFromAlternative(const Portfolio& p, const SkuCatalog& catalog, const EvaluationResult& r,
                             std::size_t alternative) {
    if (alternative >= r.alternatives.size())
        throw std::invalid_argument("demandFromAlternative: no alternative " + std::to_string(alternative));
    const Sku* h100 = catalog.find(p, kDemandFromCapacitySku);
    if (!h100 || !(h100->perfIndex > 0.0))
        throw std::invalid_argument("demandFromAlternative: no H100 SKU to give the demand in");
    const AlternativeResult& a = r.alternatives[alternative];
    std::vector<double> used(a.annual.size(), 0.0);
    for (const std::string& id : a.items) {
        const ItemResult* item = r.item(id);
        if (!item)
            throw std::invalid_argument("demandFromAlternative: no item \"" + id + "\" in the evaluation");
        const double perf = perfOfItem(p, catalog, id);
        for (std::size_t y = 0; y < used.size() && y < item->annual.size(); ++y)
            used[y] += item->annual[y].usedGpuHours * perf;
    }
    // A year row holds the periods that start in it (MODEL.md 1): its days run from its first
    // period's start to its last period's end, clipped to the horizon, which need not be 1 January
    // to 31 December when the valuation date is mid-month.
    const PeriodGrid grid(r.valuationDate, r.horizonEnd);
    Demand d;
    d.sku = h100->id;
    for (std::size_t y = 0; y < a.annual.size(); ++y) {
        const int year = a.annual[y].year;
        std::optional<Date> from;
        long days = 0;
        for (int k = 0; k < grid.size(); ++k) {
            if (int(grid.start(k).year()) != year)
                continue;
            if (!from)
                from = grid.start(k);
            days += (grid.lastDay(k) - grid.start(k)).days() + 1;
        }
        if (!from || days <= 0)
            continue; // a year row with no period holds no hours to ask for
        d.curve.push_back({*from, used[y] / h100->perfIndex / (24.0 * double(days))});
    }
    return d;
}

} // namespace ledger
