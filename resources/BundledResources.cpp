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

} // namespace ledger::resources
