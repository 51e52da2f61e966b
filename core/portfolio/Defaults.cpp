#include "portfolio/Defaults.h"

#include <algorithm>

namespace ledger {

Date fleetEnd(const Fleet& f) {
    if (f.end)
        return *f.end;
    return addDays(addYears(f.inService, recoveryYears(f.bookDepreciation)), -1);
}

double fleetCapexPerGpu(const Fleet& f, const Sku& sku) {
    return f.capexPerGpu.value_or(sku.capexPerGpu);
}
double fleetItKwPerGpu(const Fleet& f, const Sku& sku) {
    return f.itKwPerGpu.value_or(sku.itKwPerGpu);
}
double fleetResidualFraction(const Fleet& f) {
    return f.residualFraction.value_or(f.bookDepreciation.salvageFraction);
}

int fiscalYearEndMonth(const Portfolio& p) {
    return p.assumptions.fiscalYearEndMonth.value_or(12);
}

int fiscalYear(const Date& d, int fiscalYearEndMonth) {
    return int(d.year()) + (int(d.month()) > fiscalYearEndMonth ? 1 : 0);
}

Date horizonEnd(const Portfolio& p) {
    if (p.assumptions.horizonEnd)
        return *p.assumptions.horizonEnd;
    Date latest = p.valuationDate;
    for (const auto& c : p.contracts)
        latest = std::max(latest, c.end);
    for (const auto& f : p.fleets)
        latest = std::max(latest, fleetEnd(f));
    return latest;
}

std::vector<Alternative> alternatives(const Portfolio& p) {
    if (p.alternatives)
        return *p.alternatives;
    std::vector<Alternative> out;
    for (const auto& c : p.contracts)
        out.push_back({c.id, c.name, {c.id}});
    for (const auto& f : p.fleets)
        out.push_back({f.id, f.name, {f.id}});
    return out;
}

} // namespace ledger
