#include "analytics/DealContract.h"

#include "analytics/NewsDecoder.h"
#include "portfolio/Validation.h"

#include <algorithm>
#include <cmath>

namespace ledger {

namespace {

std::string joined(const std::vector<std::string>& v, const char* separator) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty())
            out.append(separator);
        out.append(s);
    }
    return out;
}

bool idTaken(const Portfolio& p, const std::string& id) {
    return std::any_of(p.contracts.begin(), p.contracts.end(),
                       [&](const Contract& c) { return c.id == id; }) ||
           std::any_of(p.fleets.begin(), p.fleets.end(), [&](const Fleet& f) { return f.id == id; }) ||
           (p.alternatives && std::any_of(p.alternatives->begin(), p.alternatives->end(),
                                          [&](const Alternative& a) { return a.id == id; }));
}

} // namespace

std::size_t addDealAsContract(Portfolio& p, const Deal& deal, const SkuCatalog& catalog) {
    std::string id = deal.id;
    for (int n = 2; idTaken(p, id); ++n)
        id = deal.id + "-" + std::to_string(n);
    const Sku* sku = catalog.find(p, deal.sku);
    const double price = sku ? sku->marketPricePerGpuHour : 0.0;
    const DecodedDeal decoded = decodeDeal({deal.totalContractValue, deal.start, deal.end, price, 0.0, 0.0});

    Contract c;
    c.id = id;
    c.name = deal.title;
    c.provider = deal.provider;
    c.sku = deal.sku;
    c.start = deal.start;
    c.end = deal.end;
    c.totalContractValue = deal.totalContractValue;
    c.deal = deal.id;
    c.tranches = {{deal.start, std::max(1.0, std::round(decoded.gpus))}};
    c.notes = "From the deal library (" + deal.id + "). Public: " + joined(deal.facts, ", ") +
              ". Assumed, to set: " + joined(deal.assumptions, ", ") +
              "; the one tranche is the constant GPU count " + "the value implies at " + deal.sku +
              "'s market price of " + formatNumber(price) + " per GPU-hour. " + deal.notes;
    p.contracts.push_back(c);
    const std::size_t index = p.contracts.size() - 1;
    const std::string path = "contracts[" + std::to_string(index) + "].";
    const std::string sources = joined(deal.sources, " ; ");
    for (const auto& field : deal.facts)
        p.sources[path + field] = "Public (" + deal.title + "): " + sources;
    for (const auto& field : deal.assumptions)
        p.sources[path + field] = "Assumption to set (" + deal.title + ")";
    if (p.alternatives)
        p.alternatives->push_back({id, deal.title, {id}});
    return index;
}

const Contract* contractFromDeal(const Portfolio& p, const std::string& dealId) {
    const auto at = std::find_if(p.contracts.begin(), p.contracts.end(),
                                 [&](const Contract& c) { return !dealId.empty() && c.deal == dealId; });
    return at == p.contracts.end() ? nullptr : &*at;
}

std::string dealAlreadyInMessage(const Deal& deal, const Contract& in) {
    return "the deal \"" + deal.id + "\" is already in the portfolio as contract \"" + in.id +
           "\"; it is added once (edit that contract to change its terms)";
}

} // namespace ledger
