#include "analytics/NewsDecoder.h"

#include <cmath>

namespace ledger {

std::optional<ValidationError> validateDealTerms(const DealTerms& t) {
    auto number = [](const char* name, double v, double lo, double hi, bool loIncluded) {
        const bool ok = std::isfinite(v) && (loIncluded ? v >= lo : v > lo) && v <= hi;
        return ok ? std::nullopt
                  : std::optional<ValidationError>(
                        ValidationError{name, formatNumber(v) + " is outside " + (loIncluded ? "[" : "(") +
                                                  formatNumber(lo) + ", " + formatNumber(hi) + "]"});
    };
    auto date = [](const char* name, const Date& d) {
        return d.year() >= kFirstSupportedYear && d.year() <= kLastSupportedYear
                   ? std::nullopt
                   : std::optional<ValidationError>(
                         ValidationError{name, formatIsoDate(d) + " is outside the supported years " +
                                                   std::to_string(kFirstSupportedYear) + ".." +
                                                   std::to_string(kLastSupportedYear)});
    };
    if (auto e = number("tcv", t.totalContractValue, 0.0, kMaxContractValue, false))
        return e;
    if (auto e = number("price", t.pricePerGpuHour, kMinDecodePricePerGpuHour, kMaxPricePerGpuHour, true))
        return e;
    if (auto e = number("escalator", t.escalator, -1.0, 1.0, false))
        return e;
    if (t.pue != 0.0)
        if (auto e = number("pue", t.pue, 1.0, 5.0, true)) // a fleet's bounds
            return e;
    if (auto e = date("start", t.start))
        return e;
    if (auto e = date("end", t.end))
        return e;
    if (t.end < t.start)
        return ValidationError{"end", formatIsoDate(t.end) + " is before start " + formatIsoDate(t.start)};
    return std::nullopt;
}

DecodedDeal decodeDeal(const DealTerms& t) {
    DecodedDeal d;
    double escalationSum = 0.0;
    for (Date day = t.start; day <= t.end; day += boost::gregorian::days(1)) {
        escalationSum += std::pow(1.0 + t.escalator, fullYearsBetween(t.start, day));
        ++d.days;
    }
    if (d.days == 0 || t.pricePerGpuHour <= 0.0)
        return d;
    d.averagePricePerGpuHour = t.pricePerGpuHour * escalationSum / double(d.days);
    d.gpuHours = t.totalContractValue / d.averagePricePerGpuHour;
    d.gpus = t.totalContractValue / (24.0 * double(d.days) * d.averagePricePerGpuHour);
    d.itMegawatts = d.gpus * t.itKwPerGpu / 1000.0;
    d.facilityMegawatts = d.itMegawatts * t.pue;
    d.annualSpend = t.totalContractValue * 365.0 / double(d.days);
    return d;
}

} // namespace ledger
