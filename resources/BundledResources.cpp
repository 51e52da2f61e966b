#include "resources/BundledResources.h"

namespace ledger::resources {

QString examplePortfolioPath() {
    return QStringLiteral(":/examples/meta-coreweave.json");
}
QString skuCatalogPath() {
    return QStringLiteral(":/catalog/skus.json");
}
QString dealLibraryPath() {
    return QStringLiteral(":/deals/deals.json");
}
QString h100PriceSeriesPath() {
    return QStringLiteral(":/market/h100-prices.csv");
}

} // namespace ledger::resources
