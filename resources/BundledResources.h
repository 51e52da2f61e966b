#pragma once
// Where the bundled files live inside the binary (Qt resource paths).
#include <QString>

namespace ledger::resources {

// The example portfolio a newcomer sees first (public Meta-CoreWeave deals, labelled assumptions).
QString examplePortfolioPath();
QString skuCatalogPath();
QString dealLibraryPath();
// Dated H100 rental prices by tier, each with its source (docs/file-format.md, "Price series").
QString h100PriceSeriesPath();

} // namespace ledger::resources
