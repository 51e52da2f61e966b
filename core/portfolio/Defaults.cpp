#include "portfolio/Defaults.h"

#include <algorithm>
#include <cmath>

namespace ledger {

Date fleetEnd(const Fleet& f) {
    if (f.end)
        return *f.end;
    return addDays(addYears(f.inService, recoveryYears(f.bookDepreciation)), -1);
}

int wholeDelayMonths(double months) {
    return int(std::floor(months + 0.5));
}

DeliveryDelayRange deliveryDelayRange(const Fleet& f, const Date& valuationDate) {
    if (!f.deliveryDelayMinMonths || !f.deliveryDelayMaxMonths || f.inService < valuationDate)
        return {};
    return {wholeDelayMonths(*f.deliveryDelayMinMonths), wholeDelayMonths(*f.deliveryDelayMaxMonths)};
}

int likeliestDeliveryDelay(const Fleet& f, const Date& valuationDate) {
    if (!f.deliveryDelayModeMonths || f.inService < valuationDate)
        return 0;
    return wholeDelayMonths(*f.deliveryDelayModeMonths);
}

Fleet deliveredLate(const Fleet& f, int months) {
    Fleet late = f;
    late.end = fleetEnd(f);
    late.inService = addMonths(f.inService, months);
    return late;
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

Date optionEnd(const Contract& c, const ContractOption& o) {
    switch (o.kind) {
    case OptionKind::Extend:
        return o.newEnd.value_or(c.end);
    case OptionKind::Expand:
        return o.end.value_or(c.end);
    case OptionKind::Terminate:
        return c.end;
    }
    return c.end;
}

Date horizonEnd(const Portfolio& p) {
    if (p.assumptions.horizonEnd)
        return *p.assumptions.horizonEnd;
    Date latest = p.valuationDate;
    for (const auto& c : p.contracts) {
        latest = std::max(latest, c.end);
        for (const auto& o : c.options)
            latest = std::max(latest, optionEnd(c, o));
    }
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

std::string freeItemId(const Portfolio& p, const std::string& base) {
    auto taken = [&](const std::string& id) {
        return std::any_of(p.contracts.begin(), p.contracts.end(),
                           [&](const auto& c) { return c.id == id; }) ||
               std::any_of(p.fleets.begin(), p.fleets.end(), [&](const auto& f) { return f.id == id; }) ||
               (p.alternatives && std::any_of(p.alternatives->begin(), p.alternatives->end(),
                                              [&](const auto& a) { return a.id == id; }));
    };
    std::string id = base;
    for (int n = 2; taken(id); ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

std::vector<Alternative> giveNewItemsAlternatives(Portfolio& p, const Portfolio& before) {
    std::vector<Alternative> added;
    if (!p.alternatives)
        return added;
    auto had = [&](const std::string& id) {
        return std::any_of(before.contracts.begin(), before.contracts.end(),
                           [&](const auto& c) { return c.id == id; }) ||
               std::any_of(before.fleets.begin(), before.fleets.end(),
                           [&](const auto& f) { return f.id == id; });
    };
    auto listed = [&](const std::string& id) {
        if (had(id))
            return true; // the user's own choice of what to compare, kept
        for (const auto& a : *p.alternatives)
            if (std::find(a.items.begin(), a.items.end(), id) != a.items.end())
                return true;
        return false;
    };
    std::vector<std::pair<std::string, std::string>> fresh;
    for (const auto& c : p.contracts)
        if (!listed(c.id))
            fresh.emplace_back(c.id, c.name);
    for (const auto& f : p.fleets)
        if (!listed(f.id))
            fresh.emplace_back(f.id, f.name);
    for (const auto& item : fresh) {
        const std::string& id = item.first; // not a structured binding: lambdas capture it
        const bool taken = std::any_of(p.alternatives->begin(), p.alternatives->end(),
                                       [&](const Alternative& a) { return a.id == id; });
        added.push_back({taken ? freeItemId(p, id) : id, item.second, {id}});
        p.alternatives->push_back(added.back());
    }
    return added;
}

} // namespace ledger
