#pragma once
// What a fit of the GPU price (analytics/OuCalibration, docs/model.md 16) sets in a portfolio, for
// every front end that writes one (`computeledger calibrate --into`, the window's "Apply the fit"):
// market.gpu_price's trend_per_year, reversion_per_year and volatility from the fitted b, kappa and
// sigma. A forward curve stands in place of the trend (docs/model.md 12.2) and a file does not take
// both: with one, the curve stays and only the reversion and the volatility are set.
#include "analytics/OuCalibration.h"
#include "portfolio/Portfolio.h"

#include <string>
#include <vector>

namespace ledger {

// The fields applyOuFit sets on g, by their paths ("market.gpu_price.volatility"), in the market
// table's order: the trend only without a forward curve.
std::vector<std::string> ouFitFields(const GpuPriceProcess& g);

// Sets those fields from the fit. True when a forward curve was kept (the trend left as it was).
// The portfolio is not validated here: the caller checks it as a file is (a fit's volatility of 7
// is above the bound a portfolio takes).
bool applyOuFit(GpuPriceProcess& g, const OuParameters& fitted);

} // namespace ledger
