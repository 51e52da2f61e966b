#include "engine/GpuTrend.h"

#include "calendar/DiscountCurve.h"

#include <algorithm>
#include <cmath>

namespace ledger {

double logForwardAt(const std::vector<double>& times, const std::vector<double>& logPrices, double t) {
    if (t <= times.front())
        return logPrices.front();
    if (t >= times.back())
        return logPrices.back();
    // The first point after t; its predecessor is at or before t.
    const auto after = std::upper_bound(times.begin(), times.end(), t);
    const std::size_t j = std::size_t(after - times.begin());
    const double w = (t - times[j - 1]) / (times[j] - times[j - 1]);
    return logPrices[j - 1] + w * (logPrices[j] - logPrices[j - 1]);
}

std::vector<double> gpuLogTrend(const Portfolio& p, const std::vector<double>& periodTimes) {
    const GpuPriceProcess& g = p.market.gpuPrice;
    std::vector<double> m(periodTimes.size());
    if (!g.forwardCurve) {
        for (std::size_t k = 0; k < m.size(); ++k)
            m[k] = g.trendPerYear * periodTimes[k];
        return m;
    }
    const DiscountCurve years(p.valuationDate, 0.0);
    std::vector<double> times, logs;
    for (const ForwardPoint& point : g.forwardCurve->points) {
        times.push_back(years.yearFraction(point.date));
        logs.push_back(std::log(point.price));
    }
    const double atStart = logForwardAt(times, logs, 0.0);
    for (std::size_t k = 0; k < m.size(); ++k)
        m[k] = logForwardAt(times, logs, periodTimes[k]) - atStart;
    return m;
}

} // namespace ledger
