#include "options/OptionVariants.h"

#include "calendar/DiscountCurve.h"
#include "portfolio/ContractTerms.h"
#include "portfolio/Defaults.h"

#include <algorithm>
#include <cmath>

namespace ledger {

double contractPriceOn(const Contract& c, const Date& d) {
    int years = 0;
    while (addYears(c.start, years + 1) <= d)
        ++years;
    return impliedPricePerGpuHour(c) * std::pow(1.0 + c.escalator, years);
}

namespace {

// GPUs from `from` to `to`: one tranche, or the contract's own schedule from `from` on.
Contract hoursOf(const Contract& c, const std::string& id, Date from, Date to) {
    Contract h = c;
    h.id = id;
    h.start = from;
    h.end = to;
    h.tranches = {{from, committedGpusOn(c, from)}};
    for (const Tranche& t : c.tranches)
        if (t.date > from && t.date <= to)
            h.tranches.push_back(t);
    h.options.clear();
    h.lease = {};
    h.deal.clear();
    h.prepayment = 0.0;
    h.escalator = 0.0;
    h.totalContractValue.reset();
    return h;
}

// The option's hours bought at market: no take-or-pay, no prepayment, no default, paid at the
// period's end; the price today is the SKU's market price x on-demand premium, the path adds e^X.
Contract atMarket(Contract h, const Portfolio& p, const SkuCatalog& catalog) {
    const Sku* sku = catalog.find(p, h.sku);
    h.name = h.name + " (at market)";
    h.pricePerGpuHour = sku->marketPricePerGpuHour * p.market.onDemandPremium;
    h.takeOrPay = 0.0;
    h.paymentTermsDays = 0;
    h.providerDefaultHazard = 0.0;
    h.recoveryRate = 0.0;
    h.defaultDate.reset();
    h.defaultDisruptionCostPerGpu.reset();
    h.replacementDelayMonths.reset();
    h.marketIndexed = true;
    return h;
}

// The tranche an extension or expansion adds, at the option's price (flat: the option states one).
Contract optionTranche(const Contract& c, const ContractOption& o, const std::string& id) {
    Date from, to;
    double gpus = 0.0, basePrice = 0.0;
    if (o.kind == OptionKind::Extend) {
        from = addDays(c.end, 1);
        to = *o.newEnd;
        gpus = o.gpus.value_or(c.tranches.back().gpus);
        basePrice = contractPriceOn(c, c.end);
    } else {
        from = *o.start;
        to = o.end.value_or(c.end);
        gpus = *o.gpus;
        basePrice = contractPriceOn(c, std::min(from, c.end));
    }
    Contract e = hoursOf(c, id, from, to);
    e.name = c.name + " (" + o.id + ")";
    e.tranches = {{from, gpus}};
    e.pricePerGpuHour = o.pricePerGpuHour ? *o.pricePerGpuHour : *o.priceFactor * basePrice;
    return e;
}

} // namespace

OptionVariants buildOptionVariants(const Portfolio& p, const SkuCatalog& catalog) {
    OptionVariants v;
    v.portfolio = p;
    Portfolio& d = v.portfolio;
    const std::vector<Alternative> written = alternatives(p);
    d.alternatives = written;
    const DiscountCurve curve(p.valuationDate, p.assumptions.discountRate);
    for (const Contract& c : p.contracts) {
        for (const ContractOption& o : c.options) {
            // The items each way, added once per option and shared by the alternatives holding c.
            std::vector<std::string> added, cut;
            std::string replaced; // terminate: the contract cut at the exercise date
            if (o.kind == OptionKind::Terminate) {
                Contract shortened = c;
                shortened.id = freeItemId(d, c.id + "." + o.id + ".until-exercise");
                shortened.end = o.exerciseDate;
                shortened.options.clear();
                // The price as the whole term sets it, not re-implied from a shorter term.
                shortened.pricePerGpuHour = impliedPricePerGpuHour(c);
                shortened.totalContractValue.reset();
                std::erase_if(shortened.tranches, [&](const Tranche& t) { return t.date > o.exerciseDate; });
                replaced = shortened.id;
                d.contracts.push_back(shortened);
                if (!p.demand) {
                    d.contracts.push_back(atMarket(hoursOf(c, freeItemId(d, c.id + "." + o.id + ".at-market"),
                                                           addDays(o.exerciseDate, 1), c.end),
                                                   p, catalog));
                    cut.push_back(d.contracts.back().id);
                }
            } else {
                d.contracts.push_back(optionTranche(c, o, freeItemId(d, c.id + "." + o.id)));
                added.push_back(d.contracts.back().id);
                if (!p.demand) {
                    Contract m = d.contracts.back();
                    m.id = freeItemId(d, c.id + "." + o.id + ".at-market");
                    m.name = c.name + " (" + o.id + ")";
                    d.contracts.push_back(atMarket(m, p, catalog));
                    cut.push_back(d.contracts.back().id);
                }
            }
            for (std::size_t a = 0; a < written.size(); ++a) {
                const Alternative& alt = written[a];
                if (std::find(alt.items.begin(), alt.items.end(), c.id) == alt.items.end())
                    continue;
                OptionCase oc;
                oc.optionId = o.id;
                oc.contractId = c.id;
                oc.alternativeId = alt.id;
                oc.kind = o.kind;
                oc.exerciseDate = o.exerciseDate;
                oc.provider = c.provider;
                oc.asWritten = int(a);
                Alternative without = alt, with = alt;
                without.id = freeItemId(d, alt.id + "|" + o.id + "|without");
                with.id = freeItemId(d, alt.id + "|" + o.id + "|with");
                if (o.kind == OptionKind::Terminate) {
                    std::replace(with.items.begin(), with.items.end(), c.id, replaced);
                    with.items.insert(with.items.end(), cut.begin(), cut.end());
                    oc.feeCost = (1.0 - p.assumptions.taxRate) * *o.fee * curve.factor(o.exerciseDate);
                } else {
                    without.items.insert(without.items.end(), cut.begin(), cut.end());
                    with.items.insert(with.items.end(), added.begin(), added.end());
                }
                // Without the option and nothing added, the alternative as written is the one.
                if (without.items == alt.items) {
                    oc.without = int(a);
                } else {
                    oc.without = int(d.alternatives->size());
                    d.alternatives->push_back(without);
                }
                oc.with = int(d.alternatives->size());
                d.alternatives->push_back(with);
                v.cases.push_back(oc);
            }
        }
    }
    return v;
}

} // namespace ledger
