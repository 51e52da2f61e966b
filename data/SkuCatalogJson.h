#pragma once
// The GPU SKUs any portfolio can name by id: the bundled catalog (data/ReferenceData.h) as lookups.
#include "portfolio/SkuCatalog.h"

namespace ledger::data {

// A broken bundled file is a build defect: it throws.
SkuCatalog bundledSkuCatalog();

} // namespace ledger::data
