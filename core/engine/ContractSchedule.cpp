#include "engine/ContractSchedule.h"

#include "portfolio/ContractTerms.h"

namespace ledger {

ContractSchedule buildContractSchedule(const Contract& c, const PeriodGrid& grid, double priceFactor) {
    const int K = grid.size();
    ContractSchedule s;
    s.committedHours.assign(K, 0.0);
    s.billedAtFull.assign(K, 0.0);
    std::vector<double> escalatedHours(K, 0.0); // sum_d 24 G(d) (1+e)^y(d) per period
    double escalatedTotal = 0.0, escalatedBefore = 0.0;

    int k = 0;
    const Date t0 = grid.valuationDate();
    forEachContractDay(c, [&](const Date& d, double hours, double escalation) {
        const double weighted = hours * escalation;
        escalatedTotal += weighted;
        if (d < t0) {
            escalatedBefore += weighted;
            return;
        }
        if (d > grid.horizonEnd())
            return;
        while (d >= grid.end(k))
            ++k;
        s.committedHours[k] += hours;
        escalatedHours[k] += weighted;
    });

    // The price of MODEL.md 3.2, from the day sum of the same walk validation bounds (ContractTerms).
    s.pricePerGpuHour = impliedPricePerGpuHour(c, escalatedTotal) * priceFactor;
    s.totalContractValue =
        c.totalContractValue ? *c.totalContractValue * priceFactor : s.pricePerGpuHour * escalatedTotal;
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
