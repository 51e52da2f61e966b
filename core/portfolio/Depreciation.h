#pragma once
// Depreciation methods of MODEL.md section 5, each with the spreadsheet or IRS table it must match.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

enum class DepreciationMethod { StraightLine, DecliningBalance, SumOfYearsDigits, Macrs5, Macrs7 };

std::string_view toString(DepreciationMethod m);
std::optional<DepreciationMethod> depreciationMethodFromString(std::string_view s);
bool isMacrs(DepreciationMethod m);

struct DepreciationSpec {
    DepreciationMethod method = DepreciationMethod::StraightLine;
    std::optional<int> lifeYears; // required except for MACRS (whose life is in its table)
    double salvageFraction = 0.0; // of the depreciable base; MACRS ignores it
    double factor = 2.0;          // declining balance only
    double bonusFraction = 0.0;   // US bonus depreciation, added to year 1
};

// Recovery period in years (MACRS: 5 or 7; otherwise the given life).
int recoveryYears(const DepreciationSpec& spec);

// Annual amounts D_1..D_N for a depreciable base. Bonus depreciation is added to D_1 and the method
// runs on the remaining (1 - bonus) share, salvage scaled alike.
std::vector<double> annualDepreciation(const DepreciationSpec& spec, double base);

} // namespace ledger
