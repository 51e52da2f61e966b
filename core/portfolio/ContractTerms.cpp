#include "portfolio/ContractTerms.h"

namespace ledger {

double escalatedCommittedHours(const Contract& c) {
    double total = 0.0;
    forEachContractDay(c, [&](const Date&, double hours, double escalation) { total += hours * escalation; });
    return total;
}

double impliedPricePerGpuHour(const Contract& c, double escalatedHours) {
    if (c.totalContractValue)
        return *c.totalContractValue / escalatedHours;
    return c.pricePerGpuHour.value_or(0.0);
}

double impliedPricePerGpuHour(const Contract& c) {
    return impliedPricePerGpuHour(c, c.totalContractValue ? escalatedCommittedHours(c) : 0.0);
}

} // namespace ledger
