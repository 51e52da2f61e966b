#pragma once
// The monthly period grid of MODEL.md section 1: period k = [t0 + k months, t0 + (k+1) months).
#include "calendar/Date.h"

#include <vector>

namespace ledger {

class PeriodGrid {
public:
    static constexpr int kMaxPeriods = 480;

    // Every month from 1900 to 2200 (portfolio/Limits.h): a lease's schedule runs to its end,
    // past any horizon (MODEL.md 9).
    static constexpr int kMaxLeasePeriods = 3700;

    // Covers valuation .. horizonEnd (inclusive). horizonEnd must not be before valuation.
    PeriodGrid(Date valuation, Date horizonEnd, int maxPeriods = kMaxPeriods);

    int size() const { return int(starts_.size()) - 1; }
    Date valuationDate() const { return starts_.front(); }
    Date horizonEnd() const { return horizonEnd_; }
    Date start(int k) const { return starts_[k]; }
    // Exclusive end of period k: the day its cash is dated.
    Date end(int k) const { return starts_[k + 1]; }
    // Last day of period k inside the analysis window (the horizon clips the final period).
    Date lastDay(int k) const;
    long daysInPeriod(int k) const { return (starts_[k + 1] - starts_[k]).days(); }
    // Index of the period containing d, or -1 when d is outside [t0, horizonEnd].
    int periodContaining(const Date& d) const;

private:
    std::vector<Date> starts_;
    Date horizonEnd_;
};

} // namespace ledger
