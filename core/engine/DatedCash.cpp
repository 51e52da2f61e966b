#include "engine/DatedCash.h"

#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "engine/PathFunction.h"

#include <map>

namespace ledger {

namespace {

// The shock-free path's flows per slot and date. Which date a flow is paid on follows from its kind
// (engine/ItemKinds.h discounts each kind on this date): the discount factor alone would not say it.
struct DatedSink {
    const CompiledPortfolio& cp;
    const Portfolio& p;
    std::vector<std::map<Date, double>> bySlot;

    Date dateOf(int slot, int k, FlowKind kind) const {
        switch (kind) {
        case FlowKind::ContractBilling:
            return cp.contractSchedule(slot).cashDates[std::size_t(k)];
        case FlowKind::Prepayment:
            return p.contracts[std::size_t(cp.portfolioItem(slot))].start;
        case FlowKind::Capex:
            return cp.fleetSchedule(slot).inService; // delivered at its likeliest delay
        default: // replacement, recovery, fleet operating, resale, spot, shortfall: at the period's end
            return cp.grid().end(k);
        }
    }
    void flow(int slot, int k, FlowKind kind, double amount, double) {
        bySlot[std::size_t(slot)][dateOf(slot, k, kind)] += amount;
    }
    void flowEither(int slot, int k, bool mask, FlowKind where, FlowKind other, double amount, double df) {
        flow(slot, k, mask ? where : other, amount, df);
    }
    void usage(int, int, double, double) {}
    void providerDefaulted(int, bool) {}
    void finish() {}
};

} // namespace

std::vector<std::vector<DatedCash>> datedCashByAlternative(const Portfolio& p, const SkuCatalog& catalog) {
    // The compilation the alternatives' NPV costs come from (engine/DeterministicEngine.cpp): with a
    // demand each item as costed in its alternative, without one each item once.
    CompileOptions options;
    options.standalone = !p.demand;
    const CompiledPortfolio cp(p, catalog, options);
    const PathInputs in = deterministicInputs(cp);
    DatedSink sink{cp, p, std::vector<std::map<Date, double>>(std::size_t(pathSlots(in)))};
    DeterministicShocks shocks;
    simulatePath<double>(in, shocks, sink);

    auto collect = [&](const std::vector<int>& slots) {
        std::map<Date, double> sum{{p.valuationDate, 0.0}};
        for (int s : slots)
            for (const auto& [date, amount] : sink.bySlot[std::size_t(s)])
                sum[date] += amount;
        std::vector<DatedCash> out;
        out.reserve(sum.size());
        for (const auto& [date, amount] : sum)
            out.push_back({date, amount});
        return out;
    };
    std::vector<std::vector<DatedCash>> out;
    out.reserve(cp.alternatives().size() + 1);
    for (std::size_t a = 0; a < cp.alternatives().size(); ++a) {
        std::vector<int> slots = cp.alternativeItems(int(a));
        if (cp.hasDemand())
            slots.push_back(shortfallSlot(in, int(a)));
        out.push_back(collect(slots));
    }
    out.push_back(collect({in.items})); // spot
    return out;
}

} // namespace ledger
