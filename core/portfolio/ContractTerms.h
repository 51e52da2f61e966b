#pragma once
// What a contract's own terms imply before any grid or market: the escalated committed hours of the
// whole term and, from a total contract value, the price (MODEL.md 3.2). Validation bounds the
// implied price; the engine's schedule bills at it.
#include "portfolio/Portfolio.h"

#include <cmath>

namespace ledger {

// Every day of the term in order with its committed hours 24 G(d) and its escalation (1+e)^y(d):
// the one walk behind the escalated hours here and the engine's schedule (ContractSchedule.cpp).
template <class F> void forEachContractDay(const Contract& c, F&& f) {
    std::size_t tranche = 0;
    double gpus = 0.0;
    int years = 0;
    Date nextAnniversary = addYears(c.start, 1);
    double escalation = 1.0;
    for (Date d = c.start; d <= c.end; d += boost::gregorian::days(1)) {
        while (tranche < c.tranches.size() && c.tranches[tranche].date <= d)
            gpus = c.tranches[tranche++].gpus;
        while (nextAnniversary <= d) {
            ++years;
            nextAnniversary = addYears(c.start, years + 1);
            escalation = std::pow(1.0 + c.escalator, years);
        }
        f(d, 24.0 * gpus, escalation);
    }
}

// G(d): the GPUs committed on day d, the last tranche dated on or before it (0 outside the term).
inline double committedGpusOn(const Contract& c, Date d) {
    if (d < c.start || d > c.end)
        return 0.0;
    double gpus = 0.0;
    for (const Tranche& t : c.tranches)
        if (t.date <= d)
            gpus = t.gpus;
    return gpus;
}

// sum_d 24 G(d) (1 + escalator)^y(d) over every day of the term, in day order.
double escalatedCommittedHours(const Contract& c);

// p0: the given price, or TCV / escalatedCommittedHours(c) (infinite when nothing is committed).
double impliedPricePerGpuHour(const Contract& c);
// The same, given escalatedCommittedHours(c) already summed (the engine sums it on its own walk).
double impliedPricePerGpuHour(const Contract& c, double escalatedHours);

} // namespace ledger
