#pragma once
// The "news decoder" (MODEL.md 3.2): a headline gives a total contract value and a term; with an
// assumed price it implies how many GPUs and how many megawatts the deal is.
#include "calendar/Date.h"
#include "portfolio/Validation.h"

#include <optional>

namespace ledger {

struct DealTerms {
    double totalContractValue = 0.0;
    Date start;
    Date end; // inclusive
    double pricePerGpuHour = 0.0;
    double escalator = 0.0;
    double itKwPerGpu = 0.0; // 0 when no SKU is named: no MW figure
    double pue = 0.0;        // facility energy / IT energy, 1..5; 0: no facility figure
};

struct DecodedDeal {
    long days = 0;
    double averagePricePerGpuHour = 0.0; // escalated price averaged over the term's days
    double gpuHours = 0.0;
    double gpus = 0.0; // constant GPU count over the term
    double itMegawatts = 0.0;
    double facilityMegawatts = 0.0; // IT megawatts x PUE: what a headline's "GW of AI factories" counts
    double annualSpend = 0.0;       // the value spread evenly over the term: TCV x 365 / days
};

// The smallest price the decoder divides by: below it the implied GPU count leaves what a double holds.
constexpr double kMinDecodePricePerGpuHour = 1e-4;

// The first term outside what decodeDeal computes finitely (named by its option: "tcv", "start",
// "end", "price", "escalator", "pue"), with the same bounds as a contract and a fleet (portfolio/Limits.h).
std::optional<ValidationError> validateDealTerms(const DealTerms& t);

// t must have passed validateDealTerms().
DecodedDeal decodeDeal(const DealTerms& t);

} // namespace ledger
