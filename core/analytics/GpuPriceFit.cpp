#include "analytics/GpuPriceFit.h"

namespace ledger {

std::vector<std::string> ouFitFields(const GpuPriceProcess& g) {
    std::vector<std::string> fields;
    if (!g.forwardCurve)
        fields.push_back("market.gpu_price.trend_per_year");
    fields.push_back("market.gpu_price.reversion_per_year");
    fields.push_back("market.gpu_price.volatility");
    return fields;
}

bool applyOuFit(GpuPriceProcess& g, const OuParameters& fitted) {
    const bool curveKept = g.forwardCurve.has_value();
    if (!curveKept)
        g.trendPerYear = fitted.trendPerYear;
    g.reversionPerYear = fitted.reversionPerYear;
    g.volatility = fitted.volatility;
    return curveKept;
}

} // namespace ledger
