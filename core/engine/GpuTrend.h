#pragma once
// The GPU market log-index's trend by period (MODEL.md 6, extended in docs/model.md 12.2): the linear
// trend `trend_per_year x t_k`, or on a forward curve F `m_k = ln(F(t_k) / F(t_0))`, ln F interpolated
// linearly in time between the curve's points and flat before the first and after the last. The
// next generation's jump and the OU noise come on top of it as before.
#include "portfolio/Portfolio.h"

#include <vector>

namespace ledger {

// ln F at t (years from the valuation date) from the points' times and log prices, in date order.
double logForwardAt(const std::vector<double>& times, const std::vector<double>& logPrices, double t);

// m_k for each period time t_k (years from the valuation date).
std::vector<double> gpuLogTrend(const Portfolio& p, const std::vector<double>& periodTimes);

} // namespace ledger
