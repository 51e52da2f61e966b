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
// 1..12, 12 (calendar years) when not given (MODEL.md 1).
int fiscalYearEndMonth(const Portfolio& p);
// The fiscal year a day belongs to, labelled by the calendar year it ends in (m = 6: 2026-07-01 is
// in FY2027).
int fiscalYear(const Date& d, int fiscalYearEndMonth);
// The file's alternatives, else one per item (contracts first, then fleets).
std::vector<Alternative> alternatives(const Portfolio& p);

} // namespace ledger
