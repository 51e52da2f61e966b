#include "portfolio/SkuCatalog.h"

#include <algorithm>

namespace ledger {

const Sku* SkuCatalog::find(const Portfolio& p, std::string_view id) const {
    for (const auto& s : p.skus) {
        if (s.id == id)
            return &s;
    }
    for (const auto& s : bundled_) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

std::vector<std::string> usedSkuIds(const Portfolio& p) {
    std::vector<std::string> out;
    auto add = [&](const std::string& id) {
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    };
    for (const auto& c : p.contracts)
        add(c.sku);
    for (const auto& f : p.fleets)
        add(f.sku);
    if (p.demand)
        add(p.demand->sku);
    return out;
}

} // namespace ledger
