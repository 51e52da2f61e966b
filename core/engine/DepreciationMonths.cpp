#include "engine/DepreciationMonths.h"

namespace ledger {

DepreciationMonths::DepreciationMonths(const DepreciationSpec& spec, double base, int serviceMonth,
                                       int disposalMonth, int fiscalYearEndMonth)
    : service_(serviceMonth)
    , disposal_(disposalMonth)
    , shift_(12 - fiscalYearEndMonth) {
    if (isMacrs(spec.method)) {
        taxYears_ = true;
        byTaxYear_ = annualDepreciation(spec, base);
        return;
    }
    // The method on (1 - bonus) of the base, salvage scaled alike (MODEL.md 5), and the bonus apart.
    DepreciationSpec method = spec;
    method.bonusFraction = 0.0;
    by12Months_ = annualDepreciation(method, base * (1.0 - spec.bonusFraction));
    if (spec.bonusFraction != 0.0)
        byTaxYear_ = {spec.bonusFraction * base};
}

int DepreciationMonths::taxYear(int month) const {
    return (month + shift_) / 12;
}

int DepreciationMonths::positionInYear(int month) const {
    return (month + shift_) % 12;
}

double DepreciationMonths::at(int month) const {
    if (month < service_ || (disposal_ >= 0 && month > disposal_))
        return 0.0;
    double amount = 0.0;
    const int j = month - service_;
    if (j / 12 < int(by12Months_.size()))
        amount += by12Months_[std::size_t(j / 12)] / 12.0;
    const int n = taxYear(month) - taxYear(service_) + 1; // tax year n of the schedule
    const int last = int(byTaxYear_.size());
    if (n < 1 || n > last)
        return amount;
    const bool disposalYear = disposal_ >= 0 && taxYear(month) == taxYear(disposal_);
    // Placed in service and sold in one tax year: no MACRS and no bonus (the IRS rule).
    if (disposal_ >= 0 && taxYear(disposal_) == taxYear(service_))
        return amount;
    const double d = byTaxYear_[std::size_t(n - 1)];
    if (n == 1)
        return amount + d / double(12 - positionInYear(service_)); // over year 1's months in service
    if (disposalYear && n == last)
        return amount + d / double(positionInYear(disposal_) + 1); // the table's half year, in full
    // A whole year, or the year of a disposal before the table's last: D_n x months held / 12.
    return amount + d / 12.0;
}

} // namespace ledger
