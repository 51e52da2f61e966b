#pragma once
// XNPV discounting: DF(d) = (1 + r)^(-days/365), the Excel/LibreOffice XNPV convention.
#include "calendar/Date.h"

#include <cmath>

namespace ledger {

class DiscountCurve {
public:
    DiscountCurve(Date valuation, double annualRate)
        : valuation_(valuation)
        , rate_(annualRate) {}

    double yearFraction(const Date& d) const { return double((d - valuation_).days()) / 365.0; }
    double factor(const Date& d) const { return std::pow(1.0 + rate_, -yearFraction(d)); }
    Date valuationDate() const { return valuation_; }
    double rate() const { return rate_; }

private:
    Date valuation_;
    double rate_;
};

} // namespace ledger
