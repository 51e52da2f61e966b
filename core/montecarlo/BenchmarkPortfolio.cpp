#include "montecarlo/BenchmarkPortfolio.h"

#include <algorithm>

namespace ledger {

Portfolio benchmarkPortfolio(int months) {
    months = std::clamp(months, 1, 480);
    Portfolio p;
    p.name = std::string("Benchmark");
    p.valuationDate = Date(2027, 1, 1);
    const Date end = addDays(addMonths(p.valuationDate, months), -1);
    p.assumptions.discountRate = 0.09;
    p.assumptions.taxRate = 0.21;
    p.assumptions.horizonEnd = end;
    Sku sku;
    sku.id = std::string("BENCH");
    sku.name = std::string("Benchmark GPU");
    sku.perfIndex = 1.0;
    sku.marketPricePerGpuHour = 2.5;
    sku.capexPerGpu = 30000;
    sku.itKwPerGpu = 1.4;
    p.skus = {sku};
    p.utilization = {{p.valuationDate, 0.8}};

    Contract a;
    a.id = std::string("rent-a");
    a.name = std::string("Contract A");
    a.provider = std::string("Provider A");
    a.sku = sku.id;
    a.start = p.valuationDate;
    a.end = end;
    a.tranches = {{a.start, 10000}};
    a.pricePerGpuHour = 2.4;
    a.prepayment = 0.1;
    a.takeOrPay = 0.9;
    a.providerDefaultHazard = 0.03;
    a.recoveryRate = 0.4;
    Contract b = a;
    b.id = std::string("rent-b");
    b.name = std::string("Contract B");
    b.provider = std::string("Provider B");
    b.tranches = {{b.start, 5000}};
    b.prepayment = 0.0;
    b.providerDefaultHazard = 0.05;
    p.contracts = {a, b};

    Fleet f;
    f.id = std::string("own");
    f.name = std::string("Owned");
    f.sku = sku.id;
    f.gpus = 15000;
    f.inService = p.valuationDate;
    f.end = end;
    f.overheadFraction = 0.15;
    f.pue = 1.25;
    f.powerPricePerMwh = 70;
    f.powerEscalator = 0.02;
    f.idlePowerFraction = 0.35;
    f.colocationPerKwMonth = 130;
    f.opexFractionPerYear = 0.03;
    f.residualFraction = 0.1;
    f.bookDepreciation.method = DepreciationMethod::StraightLine;
    f.bookDepreciation.lifeYears = 6;
    f.taxDepreciation.method = DepreciationMethod::Macrs5;
    p.fleets = {f};
    p.alternatives = std::vector<Alternative>{{std::string("rent"), std::string("Rent"), {a.id, b.id}},
                                              {std::string("buy"), std::string("Buy"), {f.id}}};

    p.market.utilization.volatility = 0.3;
    const Date mid = addMonths(p.valuationDate, std::max(1, months / 2));
    p.market.nextGeneration =
        NextGeneration{addMonths(p.valuationDate, std::max(0, months / 4)), mid,
                       addMonths(p.valuationDate, std::max(1, 3 * months / 4)), 0.2, 0.4};
    p.market.correlation = {{{1.0, 0.3, 0.0}, {0.3, 1.0, 0.1}, {0.0, 0.1, 1.0}}};
    return p;
}

} // namespace ledger
