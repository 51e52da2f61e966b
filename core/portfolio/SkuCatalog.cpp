#include "portfolio/SkuCatalog.h"

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

} // namespace ledger
