#pragma once
// A contract compiled onto the period grid (MODEL.md 3): committed hours and the amount billed at
// full commitment per period, the total contract value and the (possibly implied) price.
#include "calendar/PeriodGrid.h"
#include "portfolio/Portfolio.h"

#include <vector>

namespace ledger {

struct ContractSchedule {
    double pricePerGpuHour = 0.0;       // p0: given, or implied from the total contract value
    double totalContractValue = 0.0;    // over the whole term, also before t0
    double billedBeforeValuation = 0.0; // billed at full commitment before t0
    double prepaymentAmount = 0.0;      // prepayment x TCV, paid on the start date
    std::vector<double> committedHours; // H_k
    std::vector<double> billedAtFull;   // sum_d 24 G(d) p(d), before take-or-pay / utilization
    std::vector<Date> cashDates;        // period end + payment terms
};

// priceFactor scales the contract's prices (the breakeven analysis of MODEL.md 7).
ContractSchedule buildContractSchedule(const Contract& c, const PeriodGrid& grid, double priceFactor = 1.0);

} // namespace ledger
