#include "data/SkuCatalogJson.h"

#include "data/ReferenceData.h"

namespace ledger::data {

SkuCatalog bundledSkuCatalog() {
    std::vector<Sku> skus;
    for (auto& entry : bundledGpuCatalog())
        skus.push_back(std::move(entry.sku));
    return SkuCatalog(std::move(skus));
}

} // namespace ledger::data
