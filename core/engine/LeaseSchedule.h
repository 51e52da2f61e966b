#pragma once
// A contract that is a lease (ASC 842, MODEL.md 9): its fixed payments, liability and right-of-use
// asset month by month from its measurement to its end, on the period grid continued past the
// horizon (a lease is measured on all its remaining payments), and what the 10-K note shows of it.
#include "calendar/Date.h"
#include "engine/LeaseResult.h"
#include "portfolio/Portfolio.h"

#include <vector>

namespace ledger {

struct LeasePeriod {
    Date start;                    // t0 + k months
    int fiscalYear = 0;            // the fiscal year it starts in
    double activeDays = 0.0;       // a_k: the contract's days in it
    double billedAtFull = 0.0;     // F_k (3.1)
    double payment = 0.0;          // P_k = (1 - prepayment) take_or_pay F_k, at the period's end
    double openingLiability = 0.0; // L_k
    double interest = 0.0;         // j L_k
    double closingLiability = 0.0; // L_{k+1} = L_k + interest - P_k
    double amortization = 0.0;     // finance: ROU_m0 a_k / A
    double straightLineCost = 0.0; // operating: (sum P + prepaid at m0) a_k / A
    double rouAsset = 0.0;         // at the period's end
};

struct LeaseSchedule {
    LeaseClassification classification = LeaseClassification::Operating;
    double incrementalBorrowingRate = 0.0;
    Date measuredAt;                     // max(start, t0)
    int firstPeriod = 0;                 // m0, counted from t0
    double liabilityAtMeasurement = 0.0; // L_m0
    double prepaidAtMeasurement = 0.0;   // the prepayment not yet drawn down at m0
    double rouAtMeasurement = 0.0;       // L_m0 + prepaid at m0
    double totalPayments = 0.0;          // summed from the last period back, as L_m0 is
    std::vector<LeasePeriod> periods;    // m0, m0 + 1, ... to the period holding the end

    // Period k counted from t0, or null before m0 and after the end.
    const LeasePeriod* period(int k) const {
        const int at = k - firstPeriod;
        return at >= 0 && at < int(periods.size()) ? &periods[std::size_t(at)] : nullptr;
    }
    // Whether it is measured (commences, or is already running at t0) by day d: a lease that begins
    // after the horizon is on no row, even when its first period is the horizon's last.
    bool commencesBy(const Date& d) const { return !periods.empty() && !(d < measuredAt); }
    // The balances after period k (k may lie before m0: nothing yet; after the end: nothing left).
    double liabilityAfter(int k) const;
    double rouAfter(int k) const;
};

// The contract must be a lease (isLease) of a validated portfolio. A lease that ended before t0 has
// no periods.
LeaseSchedule buildLeaseSchedule(const Contract& c, const Date& valuation, int fiscalYearEndMonth);

// The schedule by fiscal year, over its whole life.
std::vector<LeaseYear> leaseYears(const LeaseSchedule& s);

// The maturity table as at the measurement date.
LeaseMaturity leaseMaturity(const LeaseSchedule& s);

} // namespace ledger
