#include "engine/DemandSchedule.h"

namespace ledger {

std::vector<double> demandHours(const Demand& d, double perfIndex, const PeriodGrid& grid) {
    std::vector<double> out(std::size_t(grid.size()), 0.0);
    std::size_t next = 0; // the first curve point after the day
    double gpus = 0.0;
    for (int k = 0; k < grid.size(); ++k) {
        double hours = 0.0;
        for (Date day = grid.start(k); day <= grid.lastDay(k); day = addDays(day, 1)) {
            while (next < d.curve.size() && d.curve[next].date <= day)
                gpus = d.curve[next++].gpus;
            hours += 24.0 * gpus;
        }
        out[std::size_t(k)] = hours * perfIndex;
    }
    return out;
}

} // namespace ledger
