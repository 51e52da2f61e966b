#pragma once
// A demand (MODEL.md 8) read off what an alternative already uses: the window's "Add a demand"
// starts every alternative on the need the first one meets, so the verdict compares like with like.
#include "engine/EvaluationResult.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <cstddef>

namespace ledger {

// The SKU the demand is given in: H100-equivalent GPUs, the unit every capacity is counted in.
inline constexpr const char* kDemandFromCapacitySku = "H100";

// The used hours of alternative `alternative` of r (the evaluation of p) as a step curve of
// H100 GPUs: one point per year row of r, at the start of its first period (the valuation date,
// then 1 January, or the month's day of a mid-month valuation date), asking for gpus = used
// H100-equivalent hours of the year / perf(H100) / (24 x the days of the row's periods inside the
// horizon). The year's used H100-equivalent hours
// are its items' standalone used GPU-hours (r.items) times their SKUs' performance index. Over a
// year the demand so asks for exactly the hours the alternative uses; within a year it is their
// average, so months whose capacity is below that average fall short.
// Throws std::invalid_argument when the alternative, an item's SKU or H100 is unknown.
Demand demandFromAlternative(const Portfolio& p, const SkuCatalog& catalog, const EvaluationResult& r,
                             std::size_t alternative);

} // namespace ledger
