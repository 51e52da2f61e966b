#pragma once
// A lease as the evaluation reports it (MODEL.md 9): its schedule by fiscal year and the maturity
// table of the 10-K lease note (engine/LeaseSchedule.h works them out).
#include "calendar/Date.h"

#include <string>
#include <utility>
#include <vector>

namespace ledger {

// One fiscal year of a lease's schedule.
struct LeaseYear {
    int year = 0;
    double openingLiability = 0.0; // at the year's first period
    double interest = 0.0;
    double payment = 0.0;
    double closingLiability = 0.0; // after its last period
    double rouAsset = 0.0;         // at its end
    double amortization = 0.0;     // finance
    double straightLineCost = 0.0; // operating: the fixed part's
};
// The maturity table of the lease note, as at the measurement date: the undiscounted fixed payments
// by fiscal year, their total, and the imputed interest that takes the total to the liability.
struct LeaseMaturity {
    Date asAt;
    std::vector<std::pair<int, double>> payments; // (fiscal year, payments)
    double total = 0.0;
    double imputedInterest = 0.0; // total - liability
    double liability = 0.0;       // L_m0
};
struct LeaseResult {
    std::string contract;
    std::string classification; // "operating" or "finance"
    double incrementalBorrowingRate = 0.0;
    Date measuredAt; // max(start, t0)
    double liabilityAtMeasurement = 0.0;
    double rouAtMeasurement = 0.0;
    double prepaidAtMeasurement = 0.0;
    std::vector<LeaseYear> years; // from the measurement to the lease's end, past the horizon too
    LeaseMaturity maturity;
};

} // namespace ledger
