#include "engine/FleetSchedule.h"

#include "calendar/DiscountCurve.h"
#include "engine/DepreciationMonths.h"
#include "portfolio/Defaults.h"

#include <algorithm>
#include <cmath>

namespace ledger {

FleetSchedule buildFleetSchedule(const Fleet& f, const Sku& sku, const PeriodGrid& grid,
                                 int fiscalYearEndMonth) {
    const int K = grid.size();
    FleetSchedule s;
    s.depreciableBase = f.gpus * fleetCapexPerGpu(f, sku) * (1.0 + f.overheadFraction);
    s.itKw = f.gpus * fleetItKwPerGpu(f, sku);
    s.residualValue = s.depreciableBase * fleetResidualFraction(f);
    s.inService = f.inService;
    s.end = fleetEnd(f);
    for (auto* v : {&s.gpuHours, &s.mwhAtFullUse, &s.powerPrice, &s.fixedCost, &s.colocationCost,
                    &s.bookDepreciation, &s.taxDepreciation, &s.nbvBook, &s.nbvTax, &s.marketValue})
        v->assign(K, 0.0);

    const Date t0 = grid.valuationDate();
    if (s.end < t0)
        return s; // disposed of before the valuation date: nothing left to value

    const int serviceMonth = monthIndex(f.inService);
    if (f.inService >= t0 && f.inService <= grid.horizonEnd())
        s.capexPeriod = grid.periodContaining(f.inService);
    s.disposalPeriod = grid.periodContaining(s.end);
    // The month the sale is booked in: its period's (each period books the month it starts in).
    const int disposalMonth =
        s.disposalPeriod >= 0 ? monthIndex(grid.start(s.disposalPeriod)) : monthIndex(s.end);
    const DepreciationMonths book(f.bookDepreciation, s.depreciableBase, serviceMonth, disposalMonth,
                                  fiscalYearEndMonth);
    const DepreciationMonths tax(f.taxDepreciation, s.depreciableBase, serviceMonth, disposalMonth,
                                 fiscalYearEndMonth);

    // Depreciation taken before t0 is sunk but lowers the NBV carried into the horizon.
    double accBook = 0.0, accTax = 0.0;
    for (int month = serviceMonth; month < monthIndex(t0); ++month) {
        accBook += book.at(month);
        accTax += tax.at(month);
    }

    const DiscountCurve years(t0, 0.0);
    const double opexPerMonth = f.opexFractionPerYear * s.depreciableBase / 12.0;
    for (int k = 0; k < K; ++k) {
        if (s.disposalPeriod >= 0 && k > s.disposalPeriod)
            break;
        const Date first = std::max(grid.start(k), f.inService);
        const Date last = std::min(grid.lastDay(k), s.end);
        const long activeDays = last >= first ? (last - first).days() + 1 : 0;
        const double share = double(activeDays) / double(grid.daysInPeriod(k));
        const double hours = 24.0 * double(activeDays);
        s.gpuHours[k] = f.gpus * hours;
        s.mwhAtFullUse[k] = s.itKw / 1000.0 * hours * f.pue;
        s.powerPrice[k] =
            f.powerPricePerMwh * std::pow(1.0 + f.powerEscalator, years.yearFraction(grid.start(k)));
        s.fixedCost[k] = (f.colocationPerKwMonth * s.itKw + opexPerMonth) * share;
        s.colocationCost[k] = f.colocationPerKwMonth * s.itKw * share;

        s.bookDepreciation[k] = book.at(monthIndex(grid.start(k)));
        s.taxDepreciation[k] = tax.at(monthIndex(grid.start(k)));
        accBook += s.bookDepreciation[k];
        accTax += s.taxDepreciation[k];
        const bool held = f.inService <= grid.lastDay(k);
        if (k == s.disposalPeriod) {
            s.nbvBookAtDisposal = s.depreciableBase - accBook;
            s.nbvTaxAtDisposal = s.depreciableBase - accTax;
        } else if (held) {
            s.nbvBook[k] = s.depreciableBase - accBook;
            s.nbvTax[k] = s.depreciableBase - accTax;
            const double life = double((s.end - f.inService).days()) + 1.0;
            const double age = std::clamp(double((grid.end(k) - f.inService).days()) / life, 0.0, 1.0);
            const double residual = fleetResidualFraction(f);
            s.marketValue[k] = s.depreciableBase * (residual > 0.0 ? std::pow(residual, age) : 1.0 - age);
        }
    }
    return s;
}

} // namespace ledger
