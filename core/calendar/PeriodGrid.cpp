#include "calendar/PeriodGrid.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ledger {

namespace {
std::string tooMany(int maxPeriods) {
    return "horizon covers more than " + std::to_string(maxPeriods) + " monthly periods";
}
} // namespace

PeriodGrid::PeriodGrid(Date valuation, Date horizonEnd, int maxPeriods)
    : horizonEnd_(horizonEnd) {
    if (horizonEnd < valuation)
        throw std::invalid_argument("horizon_end is before the valuation date");
    starts_.push_back(valuation);
    // Always step from t0 itself so end-of-month snapping never drifts (Jan 31, Feb 28, Mar 31, ...).
    for (int k = 1;; ++k) {
        Date next = addMonths(valuation, k);
        starts_.push_back(next);
        if (next > horizonEnd)
            break;
        if (k > maxPeriods)
            throw std::invalid_argument(tooMany(maxPeriods));
    }
    if (size() > maxPeriods)
        throw std::invalid_argument(tooMany(maxPeriods));
}

Date PeriodGrid::lastDay(int k) const {
    Date last = starts_[k + 1] - boost::gregorian::days(1);
    return std::min(last, horizonEnd_);
}

int PeriodGrid::periodContaining(const Date& d) const {
    if (d < starts_.front() || d > horizonEnd_)
        return -1;
    auto it = std::upper_bound(starts_.begin(), starts_.end(), d);
    return int(it - starts_.begin()) - 1;
}

} // namespace ledger
