#pragma once
// The market model's and the SKUs' fields as tables (portfolio/ItemFields.h): what the window's
// market and SKU editors show and how a typed edit reaches the portfolio ("market.gpu_price.volatility",
// "skus[0].capex_per_gpu"). Their files are read and checked by data/PortfolioJson and validation;
// these tables carry no bounds of their own, validation's market and SKU checks give every message.
#include "portfolio/ItemFields.h"

#include <vector>

namespace ledger {

// market.gpu_price, market.next_generation, market.power_price, market.utilization and the premiums,
// paths from the portfolio's root. The next generation's fields exist only while it is modelled: an
// edit of one without it is refused, the editor offers to add it first.
const std::vector<ItemField<Portfolio>>& marketFields();

// A SKU's figures: name, performance index, market price, capex, kW and its source (notes).
const std::vector<ItemField<Sku>>& skuFields();

// The portfolio's own SKUs as a list of items ("skus[i]") for typed edits; not an engine item kind,
// so forEachItemKind does not visit it.
template <> struct ItemKindInfo<Sku> {
    static constexpr const char* list = "skus";
    static std::vector<Sku>& items(Portfolio& p) { return p.skus; }
    static const std::vector<Sku>& items(const Portfolio& p) { return p.skus; }
    static const std::vector<ItemField<Sku>>& fields() { return skuFields(); }
};

// The smallest eigenvalue of a symmetric correlation matrix: above 0 when it is positive definite,
// what the market editor shows beside its grid.
double smallestEigenvalue(const CorrelationMatrix& r);

} // namespace ledger
