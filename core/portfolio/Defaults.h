#pragma once
// Resolution of the defaults MODEL.md section 2 defines in terms of other fields.
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <vector>

namespace ledger {

// in_service + book life, less one day: the end date is inclusive, so the fleet serves exactly
// its life (docs/model.md).
Date fleetEnd(const Fleet& f);
double fleetCapexPerGpu(const Fleet& f, const Sku& sku);
double fleetItKwPerGpu(const Fleet& f, const Sku& sku);
double fleetResidualFraction(const Fleet& f);
// Explicit horizon, else the latest end date of any item.
Date horizonEnd(const Portfolio& p);
// The file's alternatives, else one per item (contracts first, then fleets).
std::vector<Alternative> alternatives(const Portfolio& p);

} // namespace ledger
