#include "analytics/NewsDecoder.h"

#include <cmath>

namespace ledger {

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
    return d;
}

} // namespace ledger
