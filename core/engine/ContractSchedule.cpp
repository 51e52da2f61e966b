#include "engine/ContractSchedule.h"

#include <cmath>

namespace ledger {

ContractSchedule buildContractSchedule(const Contract& c, const PeriodGrid& grid, double priceFactor) {
    const int K = grid.size();
    ContractSchedule s;
    s.committedHours.assign(K, 0.0);
    s.billedAtFull.assign(K, 0.0);
    std::vector<double> escalatedHours(K, 0.0); // sum_d 24 G(d) (1+e)^y(d) per period
    double escalatedTotal = 0.0, escalatedBefore = 0.0;

    std::size_t tranche = 0;
    double gpus = 0.0;
    int years = 0;
    Date nextAnniversary = addYears(c.start, 1);
    double escalation = 1.0;
    int k = 0;
    const Date t0 = grid.valuationDate();
    for (Date d = c.start; d <= c.end; d += boost::gregorian::days(1)) {
        while (tranche < c.tranches.size() && c.tranches[tranche].date <= d)
            gpus = c.tranches[tranche++].gpus;
        while (nextAnniversary <= d) {
            ++years;
            nextAnniversary = addYears(c.start, years + 1);
            escalation = std::pow(1.0 + c.escalator, years);
        }
        const double hours = 24.0 * gpus;
        const double weighted = hours * escalation;
        escalatedTotal += weighted;
        if (d < t0) {
            escalatedBefore += weighted;
            continue;
        }
        if (d > grid.horizonEnd())
            continue;
        while (d >= grid.end(k))
            ++k;
        s.committedHours[k] += hours;
        escalatedHours[k] += weighted;
    }

    if (c.totalContractValue) {
        s.pricePerGpuHour = *c.totalContractValue / escalatedTotal * priceFactor;
        s.totalContractValue = *c.totalContractValue * priceFactor;
    } else {
        s.pricePerGpuHour = c.pricePerGpuHour.value_or(0.0) * priceFactor;
        s.totalContractValue = s.pricePerGpuHour * escalatedTotal;
    }
    for (int i = 0; i < K; ++i)
        s.billedAtFull[i] = s.pricePerGpuHour * escalatedHours[i];
    s.billedBeforeValuation = s.pricePerGpuHour * escalatedBefore;
    s.prepaymentAmount = c.prepayment * s.totalContractValue;
    s.cashDates.reserve(K);
    for (int i = 0; i < K; ++i)
        s.cashDates.push_back(addDays(grid.end(i), c.paymentTermsDays));
    return s;
}

} // namespace ledger
