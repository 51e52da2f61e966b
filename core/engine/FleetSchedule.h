#pragma once
// An owned fleet compiled onto the period grid (MODEL.md 4 and 5): energy, fixed costs and both
// depreciation schedules per period, the capex and the disposal.
#include "calendar/PeriodGrid.h"
#include "portfolio/Portfolio.h"

#include <vector>

namespace ledger {

struct FleetSchedule {
    double depreciableBase = 0.0; // Bc = gpus x capex x (1 + overhead)
    double itKw = 0.0;            // gpus x it_kw_per_gpu
    double residualValue = 0.0;   // R = Bc x residual_fraction
    Date inService;               // when it goes in service (and the capex is paid)
    Date end;                     // resolved inclusive end
    int capexPeriod = -1;         // period of the capex, -1 when sunk (before t0) or past the horizon
    int disposalPeriod = -1;      // period containing the end, -1 when outside the horizon
    double nbvBookAtDisposal = 0.0;
    double nbvTaxAtDisposal = 0.0;
    std::vector<double> gpuHours;       // gpus x active hours
    std::vector<double> mwhAtFullUse;   // energy if every GPU ran flat out: kW/1000 x hours x PUE
    std::vector<double> powerPrice;     // escalated price per MWh
    std::vector<double> fixedCost;      // colocation + opex, pre-tax
    std::vector<double> colocationCost; // its colocation part (the cost lines split them)
    std::vector<double> bookDepreciation;
    std::vector<double> taxDepreciation;
    std::vector<double> nbvBook; // after the period; 0 when the fleet is not held
    std::vector<double> nbvTax;
    // Expected resale value after the period while held: Bc declining geometrically to R at the end
    // (the decline residual_fraction already prices in), 0 when not held. Display only.
    std::vector<double> marketValue;
};

// fiscalYearEndMonth: tax years for MACRS and bonus (MODEL.md 5 v2), 12 for calendar years.
FleetSchedule buildFleetSchedule(const Fleet& f, const Sku& sku, const PeriodGrid& grid,
                                 int fiscalYearEndMonth = 12);

} // namespace ledger
