#pragma once
// A depreciation spec's amount for each calendar month (MODEL.md 5 v2). MACRS, and the bonus part of
// any method, follow tax years: the IRS tables are amounts per tax year with the half-year
// convention built in, and bonus depreciation is taken in the tax year the property is placed in
// service. Straight line, declining balance and sum of the years' digits keep their depreciation
// years of 12 months from the in-service month.
#include "portfolio/Depreciation.h"

#include <vector>

namespace ledger {

class DepreciationMonths {
public:
    // Months are monthIndex() values (year x 12 + month - 1). disposalMonth: the month the fleet is
    // sold in, or -1 when it is held past the schedule; fiscalYearEndMonth 1..12 (12: calendar tax
    // years).
    DepreciationMonths(const DepreciationSpec& spec, double base, int serviceMonth, int disposalMonth,
                       int fiscalYearEndMonth = 12);

    // The deduction of calendar month `month` (0 before service, after disposal and after the
    // schedule).
    double at(int month) const;

private:
    int taxYear(int month) const;        // a number that counts tax years
    int positionInYear(int month) const; // 0 for the tax year's first month

    bool taxYears_ = false;          // MACRS: the whole schedule by tax year
    std::vector<double> byTaxYear_;  // MACRS: D_n (bonus in D_1); otherwise the bonus alone, D_1
    std::vector<double> by12Months_; // the rest: 12-month years from the in-service month
    int service_ = 0, disposal_ = -1, shift_ = 0;
};

} // namespace ledger
