#pragma once
// The flat, pointer-only view of a compiled portfolio that the path function reads. Plain data so
// that it can be copied to a GPU as is (device pointers replacing host pointers).
namespace ledger {

constexpr int kMaxProviders = 64;

struct PathInputs {
    int periods = 0;
    int items = 0;
    int providers = 0;
    int years = 0;
    int alternatives = 0; // the portfolio's, then spot (the last)
    double taxRate = 0.0;

    // Market factors (MODEL.md 6); OU steps precomputed: decay = e^(-kappa dt), scale = sigma sqrt(...).
    double gpuTrend = 0.0, gpuDecay = 1.0, gpuScale = 0.0;
    double utilDecay = 1.0, utilScale = 0.0;
    double powerDecay = 1.0, powerScale = 0.0;
    bool utilStochastic = false;
    bool hasNextGeneration = false;
    double launchEarliest = 0.0, launchMode = 0.0, launchLatest = 0.0; // years from t0
    double dropMin = 0.0, dropMax = 0.0;
    double cholesky[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1}; // row-major lower triangle L of the correlation
    double replacementPremium = 1.0;
    double onDemandPremium = 1.0;
    double providerHazard[kMaxProviders] = {};

    // Per period.
    const double* periodEndDf = nullptr;
    const double* periodTime = nullptr;   // t_k = k / 12
    const double* baseLogIndex = nullptr; // the market log-index with no shocks (mbar of MODEL.md 6)
    const int* periodYear = nullptr;      // 0-based calendar year of the period start

    // Per item.
    const int* kind = nullptr;          // 0 contract, 1 fleet
    const int* provider = nullptr;      // contracts: index into the sorted provider names
    const int* upfrontPeriod = nullptr; // period of the capex or prepayment, -1 when none in the horizon
    const int* prepaidPeriod = nullptr; // contracts: -1 prepaid before t0, else period, or `periods` if never
    const int* disposalPeriod = nullptr; // fleets: -1 when the disposal is outside the horizon
    const unsigned char* coveredBySpot = nullptr;
    const double* perfIndex = nullptr;
    const double* marketPrice = nullptr; // SKU market price per GPU-hour today
    const double* takeOrPay = nullptr;
    const double* payShare = nullptr; // 1 - prepayment
    const double* idleFraction = nullptr;
    const double* upfrontAmount = nullptr;
    const double* upfrontDf = nullptr;
    const double* residualValue = nullptr;
    const double* nbvTaxAtDisposal = nullptr;
    const double* prepaymentFraction = nullptr;
    const double* totalContractValue = nullptr;
    const double* recoveryRate = nullptr;

    // Which alternatives each slot (items, then spot) belongs to: slotAlternatives[offsets[s] ..
    // offsets[s+1]).
    const int* slotAlternativeOffsets = nullptr;
    const int* slotAlternatives = nullptr;

    // Per item and period, index k * items + i.
    const double* hours = nullptr;            // committed GPU-hours
    const double* baseUtil = nullptr;         // u_k
    const double* expNegLogitUtil = nullptr;  // e^-logit(clamp(u_k)) = (1 - c) / c
    const double* cashDf = nullptr;           // DF at the period's cash date (payment terms)
    const double* billedAtFull = nullptr;     // contracts
    const double* cumulativeBilled = nullptr; // contracts: billed at full commitment before period k
    const double* mwhAtFullUse = nullptr;     // fleets
    const double* powerPrice = nullptr;       // fleets
    const double* fixedCost = nullptr;        // fleets
    const double* taxDepreciation = nullptr;  // fleets
};

} // namespace ledger
