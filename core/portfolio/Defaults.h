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

// A fleet's delivery delay in whole months (docs/model.md 12.14): the nearest whole month to a delay
// in months, floor(d + 0.5). The likeliest is the mode's (0 without a delay); the range, from the
// min's to the max's, is the delays a Monte Carlo path may draw. A fleet already in service at the
// valuation date is not delayed.
int wholeDelayMonths(double months);
struct DeliveryDelayRange {
    int first = 0;
    int last = 0;
    bool uncertain() const { return last > first; }
};
DeliveryDelayRange deliveryDelayRange(const Fleet& f, const Date& valuationDate);
int likeliestDeliveryDelay(const Fleet& f, const Date& valuationDate);
// The fleet delivered `months` late: in service that many months after in_service (the day of the
// month kept, or the month's last), its end the planned one.
Fleet deliveredLate(const Fleet& f, int months);
double fleetItKwPerGpu(const Fleet& f, const Sku& sku);
double fleetResidualFraction(const Fleet& f);
// The last day an option's hours run (docs/model.md 17): an extension's new end, an expansion's end,
// and for a termination the contract's end (the hours it gives up).
Date optionEnd(const Contract& c, const ContractOption& o);
// assumptions.horizon_end, or the latest end of any item or option.
Date horizonEnd(const Portfolio& p);
// 1..12, 12 (calendar years) when not given (MODEL.md 1).
int fiscalYearEndMonth(const Portfolio& p);
// The fiscal year a day belongs to, labelled by the calendar year it ends in (m = 6: 2026-07-01 is
// in FY2027).
int fiscalYear(const Date& d, int fiscalYearEndMonth);
// The file's alternatives, else one per item (contracts first, then fleets).
std::vector<Alternative> alternatives(const Portfolio& p);

// An id no contract, fleet or listed alternative uses: base, base-2, base-3, ...
std::string freeItemId(const Portfolio& p, const std::string& base);

// A portfolio that lists its alternatives compares only what they hold: each contract or fleet of p
// that `before` did not have (just imported) and no listed alternative holds gets an alternative of
// its own, named after it, with its id (or a free one). The alternatives added, in item order; none
// when p lists none (every item is then its own alternative, MODEL.md 2).
std::vector<Alternative> giveNewItemsAlternatives(Portfolio& p, const Portfolio& before);

} // namespace ledger
