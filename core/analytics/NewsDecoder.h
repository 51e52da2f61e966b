#pragma once
// The "news decoder" (MODEL.md 3.2): a headline gives two of a total contract value, a first-year
// price and a GPU count over a term, and the decoder solves the third; or it gives a facility's power
// ("5 GW of AI factories"), which stands for the GPUs of a SKU. With a SKU it also says the megawatts.
#include "calendar/Date.h"
#include "portfolio/Validation.h"

#include <optional>

namespace ledger {

// What decodeDeal solves. TCV = first-year price x GPUs x 24 x sum over the term's days of
// (1 + escalator)^(full years since start): linear in each of the three, so any one follows
// exactly from the other two.
enum class DealUnknown {
    Gpus,               // from the value and the price: the headline's usual question
    PricePerGpuHour,    // from the value and the GPUs
    TotalContractValue, // from the GPUs and the price
    Money,              // neither the value nor the price is given: only the GPUs' power, no term
};

struct DealTerms {
    double totalContractValue = 0.0;
    Date start;
    Date end;                     // inclusive
    double pricePerGpuHour = 0.0; // in the first year; escalated on each anniversary of start
    double escalator = 0.0;
    double itKwPerGpu = 0.0; // 0 when no SKU is named: no MW figure
    double pue = 0.0;        // facility energy / IT energy, 1..5; 0: no facility figure
    double gpus = 0.0;       // constant over the term
    // Stands for gpus when given: the facility's IT share (facility / PUE) over itKwPerGpu.
    std::optional<double> facilityMegawatts = std::nullopt;
    // The figure decodeDeal solves: its field above is not read (nor, for Gpus, facilityMegawatts).
    DealUnknown unknown = DealUnknown::Gpus;
};

struct DecodedDeal {
    long days = 0;
    double totalContractValue = 0.0;     // given or solved
    double pricePerGpuHour = 0.0;        // the first year's, given or solved
    double averagePricePerGpuHour = 0.0; // escalated price averaged over the term's days
    double gpuHours = 0.0;
    double gpus = 0.0; // constant GPU count over the term
    double itMegawatts = 0.0;
    double facilityMegawatts = 0.0; // IT megawatts x PUE: what a headline's "GW of AI factories" counts
    double annualSpend = 0.0;       // the value spread evenly over the term: TCV x 365 / days
};

// The smallest price the decoder divides by: below it the implied GPU count leaves what a double holds.
constexpr double kMinDecodePricePerGpuHour = 1e-4;
// The largest facility power read: a fleet's largest GPU count at its largest kW per GPU and a PUE
// of 5 (50,000 GW); beyond it a headline is a typo, and the GPUs stay far from overflow.
constexpr double kMaxFacilityMegawatts = kMaxGpus * kMaxItKwPerGpu * 5.0 / 1000.0;

// The first term outside what decodeDeal computes finitely, named by its option ("tcv", "start",
// "end", "price", "gpus", "facility_mw", "escalator", "pue", "it_kw_per_gpu"), with the same bounds
// as a contract and a fleet (portfolio/Limits.h); the unknown's field is not checked. Then a solved
// price or contract value outside those bounds ("the implied price 1.8e-13 is outside ...": a dollar
// for 100 million GPUs, which would print as 0.0000), with an empty path: no one option is at fault.
// A GPU count solved from the value and the price has no bound, as it never had (the smallest price
// keeps it finite).
std::optional<ValidationError> validateDealTerms(const DealTerms& t);

// t must have passed validateDealTerms().
DecodedDeal decodeDeal(const DealTerms& t);

} // namespace ledger
