#pragma once
// The demand of MODEL.md 8 on the period grid: D_k, the H100-equivalent hours period k needs.
#include "calendar/PeriodGrid.h"
#include "portfolio/Portfolio.h"

#include <vector>

namespace ledger {

// Per period: the sum over its days inside [t0, horizon end] of 24 x gpus(d) (the latest curve
// point dated on or before d, none before the first), times perf. The day sum is
// the one a contract's committed hours take (ContractSchedule), so a demand of a contract's GPUs needs
// exactly its capacity.
std::vector<double> demandHours(const Demand& d, double perfIndex, const PeriodGrid& grid);

} // namespace ledger
