#pragma once
// Where the bundled files live inside the binary (Qt resource paths).
#include <QString>

namespace ledger::resources {

// The example portfolio a newcomer sees first (public Meta-CoreWeave deals, labelled assumptions).
QString examplePortfolioPath();
QString skuCatalogPath();
QString dealLibraryPath();

} // namespace ledger::resources
