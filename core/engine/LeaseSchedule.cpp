#include "engine/LeaseSchedule.h"

#include "calendar/PeriodGrid.h"
#include "engine/ContractSchedule.h"
#include "portfolio/Defaults.h"

#include <algorithm>
#include <cmath>

namespace ledger {

double LeaseSchedule::liabilityAfter(int k) const {
    if (const LeasePeriod* p = period(k))
        return p->closingLiability;
    return 0.0; // not commenced yet, or ended
}

double LeaseSchedule::rouAfter(int k) const {
    if (const LeasePeriod* p = period(k))
        return p->rouAsset;
    return 0.0;
}

LeaseSchedule buildLeaseSchedule(const Contract& c, const Date& valuation, int fiscalYearEndMonth) {
    LeaseSchedule s;
    s.classification = *c.lease.classification;
    s.incrementalBorrowingRate = *c.lease.incrementalBorrowingRate;
    s.measuredAt = std::max(c.start, valuation);
    if (c.end < valuation)
        return s;
    // The period grid continued to the contract's end: the same t0 + k months, so period k is the
    // horizon's period k; F_k and the prepaid balance from the contract's own day walk.
    const PeriodGrid grid(valuation, c.end, PeriodGrid::kMaxLeasePeriods);
    const ContractSchedule bills = buildContractSchedule(c, grid);
    s.firstPeriod = grid.periodContaining(s.measuredAt);
    const int K = grid.size();
    const double prepayment = c.prepayment;
    // Billed before t0 is 0 for a lease starting on or after t0: then the whole prepayment.
    s.prepaidAtMeasurement = prepayment * (bills.totalContractValue - bills.billedBeforeValuation);

    for (int k = s.firstPeriod; k < K; ++k) {
        LeasePeriod p;
        p.start = grid.start(k);
        p.fiscalYear = fiscalYear(p.start, fiscalYearEndMonth);
        const Date first = std::max(c.start, p.start);
        const Date last = std::min(c.end, grid.lastDay(k));
        p.activeDays = last < first ? 0.0 : double((last - first).days() + 1);
        p.billedAtFull = bills.billedAtFull[std::size_t(k)];
        p.payment = (1.0 - prepayment) * c.takeOrPay * p.billedAtFull;
        s.periods.push_back(p);
    }

    // The liability is the present value of the payments left, at j a month: from the last period
    // back, L_k = (L_{k+1} + P_k) / (1 + j), so it is exactly 0 after the last payment.
    const double j = std::pow(1.0 + s.incrementalBorrowingRate, 1.0 / 12.0) - 1.0;
    double after = 0.0, payments = 0.0, days = 0.0;
    for (auto it = s.periods.rbegin(); it != s.periods.rend(); ++it) {
        it->closingLiability = after;
        it->openingLiability = (after + it->payment) / (1.0 + j);
        it->interest = j * it->openingLiability;
        after = it->openingLiability;
        payments += it->payment;
        days += it->activeDays;
    }
    s.liabilityAtMeasurement = after;
    s.totalPayments = payments;
    s.rouAtMeasurement = s.liabilityAtMeasurement + s.prepaidAtMeasurement;

    // Finance: the ROU asset amortized straight-line over the active days. Operating: one
    // straight-line cost of every fixed payment and the prepaid balance, the ROU asset the
    // liability plus what has been paid ahead of that cost.
    const double straightLineTotal = payments + s.prepaidAtMeasurement;
    double daysSoFar = 0.0, paidSoFar = 0.0;
    for (std::size_t n = 0; n < s.periods.size(); ++n) {
        LeasePeriod& p = s.periods[n];
        daysSoFar += p.activeDays;
        paidSoFar += p.payment;
        const bool lastPeriod = n + 1 == s.periods.size();
        const double share = days > 0.0 ? p.activeDays / days : 0.0;
        const double left = days > 0.0 && !lastPeriod ? (days - daysSoFar) / days : 0.0;
        if (s.classification == LeaseClassification::Finance) {
            p.amortization = s.rouAtMeasurement * share;
            p.rouAsset = s.rouAtMeasurement * left;
        } else {
            p.straightLineCost = straightLineTotal * share;
            p.rouAsset = lastPeriod ? 0.0
                                    : p.closingLiability + s.prepaidAtMeasurement + paidSoFar -
                                          straightLineTotal * (daysSoFar / days);
        }
    }
    return s;
}

std::vector<LeaseYear> leaseYears(const LeaseSchedule& s) {
    std::vector<LeaseYear> out;
    for (const LeasePeriod& p : s.periods) {
        if (out.empty() || out.back().year != p.fiscalYear) {
            out.push_back({});
            out.back().year = p.fiscalYear;
            out.back().openingLiability = p.openingLiability;
        }
        LeaseYear& y = out.back();
        y.interest += p.interest;
        y.payment += p.payment;
        y.closingLiability = p.closingLiability;
        y.rouAsset = p.rouAsset;
        y.amortization += p.amortization;
        y.straightLineCost += p.straightLineCost;
    }
    return out;
}

LeaseMaturity leaseMaturity(const LeaseSchedule& s) {
    LeaseMaturity m;
    m.asAt = s.measuredAt;
    for (const LeasePeriod& p : s.periods) {
        if (m.payments.empty() || m.payments.back().first != p.fiscalYear)
            m.payments.emplace_back(p.fiscalYear, 0.0);
        m.payments.back().second += p.payment;
    }
    // In the liability's order: at a rate of 0 the imputed interest is exactly 0.
    m.total = s.totalPayments;
    m.liability = s.liabilityAtMeasurement;
    m.imputedInterest = m.total - m.liability;
    return m;
}

} // namespace ledger
