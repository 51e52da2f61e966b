#include "portfolio/Depreciation.h"

#include <algorithm>
#include <array>

namespace ledger {

namespace {
// IRS Publication 946, table A-1 (half-year convention), percent of the basis.
constexpr std::array<double, 6> kMacrs5 = {20.00, 32.00, 19.20, 11.52, 11.52, 5.76};
constexpr std::array<double, 8> kMacrs7 = {14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46};

std::vector<double> methodSchedule(const DepreciationSpec& spec, double base, double salvage) {
    std::vector<double> out;
    switch (spec.method) {
    case DepreciationMethod::Macrs5:
        for (double pct : kMacrs5)
            out.push_back(base * pct / 100.0);
        return out;
    case DepreciationMethod::Macrs7:
        for (double pct : kMacrs7)
            out.push_back(base * pct / 100.0);
        return out;
    default:
        break;
    }
    const int life = spec.lifeYears.value_or(0);
    double accumulated = 0.0;
    for (int n = 1; n <= life; ++n) {
        double d = 0.0;
        switch (spec.method) {
        case DepreciationMethod::StraightLine:
            d = (base - salvage) / life;
            break;
        case DepreciationMethod::DecliningBalance: {
            const double db =
                std::min((base - accumulated) * spec.factor / life, base - salvage - accumulated);
            const double sl = (base - salvage - accumulated) / (life - n + 1);
            d = std::max(db, sl);
            break;
        }
        case DepreciationMethod::SumOfYearsDigits:
            d = (base - salvage) * (life - n + 1) * 2.0 / (double(life) * (life + 1));
            break;
        default:
            break;
        }
        accumulated += d;
        out.push_back(d);
    }
    return out;
}
} // namespace

std::string_view toString(DepreciationMethod m) {
    switch (m) {
    case DepreciationMethod::StraightLine:
        return "straight_line";
    case DepreciationMethod::DecliningBalance:
        return "declining_balance";
    case DepreciationMethod::SumOfYearsDigits:
        return "sum_of_years_digits";
    case DepreciationMethod::Macrs5:
        return "macrs_5";
    case DepreciationMethod::Macrs7:
        return "macrs_7";
    }
    return "straight_line";
}

std::optional<DepreciationMethod> depreciationMethodFromString(std::string_view s) {
    for (auto m :
         {DepreciationMethod::StraightLine, DepreciationMethod::DecliningBalance,
          DepreciationMethod::SumOfYearsDigits, DepreciationMethod::Macrs5, DepreciationMethod::Macrs7}) {
        if (toString(m) == s)
            return m;
    }
    return std::nullopt;
}

bool isMacrs(DepreciationMethod m) {
    return m == DepreciationMethod::Macrs5 || m == DepreciationMethod::Macrs7;
}

int recoveryYears(const DepreciationSpec& spec) {
    if (spec.method == DepreciationMethod::Macrs5)
        return 5;
    if (spec.method == DepreciationMethod::Macrs7)
        return 7;
    return spec.lifeYears.value_or(0);
}

std::vector<double> annualDepreciation(const DepreciationSpec& spec, double base) {
    const double bonus = spec.bonusFraction * base;
    const double remaining = base - bonus;
    const double salvage = isMacrs(spec.method) ? 0.0 : spec.salvageFraction * remaining;
    std::vector<double> out = methodSchedule(spec, remaining, salvage);
    if (bonus != 0.0) {
        if (out.empty())
            out.push_back(0.0);
        out.front() += bonus;
    }
    return out;
}

} // namespace ledger
