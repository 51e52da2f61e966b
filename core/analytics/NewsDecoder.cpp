#include "analytics/NewsDecoder.h"

#include <cmath>

namespace ledger {

namespace {

std::optional<ValidationError> outside(const char* name, double v, double lo, double hi, bool loIncluded) {
    const bool ok = std::isfinite(v) && (loIncluded ? v >= lo : v > lo) && v <= hi;
    return ok ? std::nullopt
              : std::optional<ValidationError>(
                    ValidationError{name, formatNumber(v) + " is outside " + (loIncluded ? "[" : "(") +
                                              formatNumber(lo) + ", " + formatNumber(hi) + "]"});
}

std::optional<ValidationError> outsideYears(const char* name, const Date& d) {
    return d.year() >= kFirstSupportedYear && d.year() <= kLastSupportedYear
               ? std::nullopt
               : std::optional<ValidationError>(
                     ValidationError{name, formatIsoDate(d) + " is outside the supported years " +
                                               std::to_string(kFirstSupportedYear) + ".." +
                                               std::to_string(kLastSupportedYear)});
}

// The GPUs, given or standing in a facility's power, and their bounds; the facility's GPUs need the
// kW each draws and a PUE to be counted.
std::optional<ValidationError> checkGpus(const DealTerms& t) {
    if (!t.facilityMegawatts)
        return outside("gpus", t.gpus, 0.0, kMaxGpus, false);
    if (auto e = outside("facility_mw", *t.facilityMegawatts, 0.0, kMaxFacilityMegawatts, false))
        return e;
    if (auto e = outside("it_kw_per_gpu", t.itKwPerGpu, 0.0, kMaxItKwPerGpu, false))
        return e;
    return outside("pue", t.pue, 1.0, 5.0, true); // a fleet's bounds
}

// A solved figure outside what it could have been given as: the message names the figure, not an option.
std::optional<ValidationError> checkSolved(const char* what, double v, double lo, double hi,
                                           bool loIncluded) {
    auto e = outside(what, v, lo, hi, loIncluded);
    if (e)
        *e = ValidationError{"", "the implied " + e->path + " " + e->message};
    return e;
}

} // namespace

std::optional<ValidationError> validateDealTerms(const DealTerms& t) {
    if (t.unknown == DealUnknown::Money) {
        if (auto e = checkGpus(t))
            return e;
        // Power is all it says: a SKU's kW per GPU and a PUE for the facility.
        if (auto e = outside("it_kw_per_gpu", t.itKwPerGpu, 0.0, kMaxItKwPerGpu, false))
            return e;
        return outside("pue", t.pue, 1.0, 5.0, true);
    }
    if (t.unknown != DealUnknown::TotalContractValue)
        if (auto e = outside("tcv", t.totalContractValue, 0.0, kMaxContractValue, false))
            return e;
    if (t.unknown != DealUnknown::PricePerGpuHour)
        if (auto e =
                outside("price", t.pricePerGpuHour, kMinDecodePricePerGpuHour, kMaxPricePerGpuHour, true))
            return e;
    if (t.unknown != DealUnknown::Gpus)
        if (auto e = checkGpus(t))
            return e;
    if (auto e = outside("escalator", t.escalator, -1.0, 1.0, false))
        return e;
    if (t.pue != 0.0)
        if (auto e = outside("pue", t.pue, 1.0, 5.0, true)) // a fleet's bounds
            return e;
    if (auto e = outsideYears("start", t.start))
        return e;
    if (auto e = outsideYears("end", t.end))
        return e;
    if (t.end < t.start)
        return ValidationError{"end", formatIsoDate(t.end) + " is before start " + formatIsoDate(t.start)};
    if (t.unknown == DealUnknown::PricePerGpuHour)
        return checkSolved("price", decodeDeal(t).pricePerGpuHour, kMinDecodePricePerGpuHour,
                           kMaxPricePerGpuHour, true);
    if (t.unknown == DealUnknown::TotalContractValue)
        return checkSolved("contract value", decodeDeal(t).totalContractValue, 0.0, kMaxContractValue, false);
    return std::nullopt;
}

DecodedDeal decodeDeal(const DealTerms& t) {
    DecodedDeal d;
    // Power first: a facility's power is all its IT share (facility / PUE) in GPUs of the SKU.
    if (t.unknown != DealUnknown::Gpus && t.facilityMegawatts) {
        d.facilityMegawatts = *t.facilityMegawatts;
        d.itMegawatts = *t.facilityMegawatts / t.pue;
        d.gpus = d.itMegawatts * 1000.0 / t.itKwPerGpu;
    } else if (t.unknown != DealUnknown::Gpus) {
        d.gpus = t.gpus;
        d.itMegawatts = d.gpus * t.itKwPerGpu / 1000.0;
        d.facilityMegawatts = d.itMegawatts * t.pue;
    }
    if (t.unknown == DealUnknown::Money)
        return d;
    double escalationSum = 0.0;
    for (Date day = t.start; day <= t.end; day += boost::gregorian::days(1)) {
        escalationSum += std::pow(1.0 + t.escalator, fullYearsBetween(t.start, day));
        ++d.days;
    }
    if (d.days == 0)
        return d;
    // One GPU's hours over the term, each weighted by its day's price over the first year's: the
    // value is price x GPUs x this, so each of the three is the value's share of the other two.
    const double escalatedHoursPerGpu = 24.0 * escalationSum;
    switch (t.unknown) {
    case DealUnknown::Gpus:
        if (t.pricePerGpuHour <= 0.0)
            return d;
        d.totalContractValue = t.totalContractValue;
        d.pricePerGpuHour = t.pricePerGpuHour;
        // The first decoder's arithmetic, kept to the last digit.
        d.averagePricePerGpuHour = t.pricePerGpuHour * escalationSum / double(d.days);
        d.gpuHours = t.totalContractValue / d.averagePricePerGpuHour;
        d.gpus = t.totalContractValue / (24.0 * double(d.days) * d.averagePricePerGpuHour);
        d.itMegawatts = d.gpus * t.itKwPerGpu / 1000.0;
        d.facilityMegawatts = d.itMegawatts * t.pue;
        break;
    case DealUnknown::PricePerGpuHour:
        d.totalContractValue = t.totalContractValue;
        d.pricePerGpuHour = t.totalContractValue / (d.gpus * escalatedHoursPerGpu);
        break;
    case DealUnknown::TotalContractValue:
        d.pricePerGpuHour = t.pricePerGpuHour;
        d.totalContractValue = t.pricePerGpuHour * d.gpus * escalatedHoursPerGpu;
        break;
    case DealUnknown::Money:
        break;
    }
    if (t.unknown != DealUnknown::Gpus) {
        d.averagePricePerGpuHour = d.pricePerGpuHour * escalationSum / double(d.days);
        d.gpuHours = d.gpus * 24.0 * double(d.days);
    }
    d.annualSpend = d.totalContractValue * 365.0 / double(d.days);
    return d;
}

} // namespace ledger
