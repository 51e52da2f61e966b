#pragma once
// GPU SKUs a portfolio can name: its own first, then the app's bundled catalog (MODEL.md 2).
#include "portfolio/Portfolio.h"

#include <string>
#include <string_view>
#include <vector>

namespace ledger {

// The SKUs the portfolio's contracts, fleets and demand name, in the order they are first named.
std::vector<std::string> usedSkuIds(const Portfolio& p);

class SkuCatalog {
public:
    SkuCatalog() = default;
    explicit SkuCatalog(std::vector<Sku> bundled)
        : bundled_(std::move(bundled)) {}

    const std::vector<Sku>& bundled() const { return bundled_; }
    // The portfolio's own SKU with that id, else the bundled one, else nullptr.
    const Sku* find(const Portfolio& p, std::string_view id) const;

private:
    std::vector<Sku> bundled_;
};

} // namespace ledger
