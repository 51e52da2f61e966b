#pragma once
// Small portfolios built in code for the engine tests: every number they produce can be worked out
// by hand from MODEL.md.
#include "engine/CostLine.h"
#include "engine/DeterministicEngine.h"
#include "montecarlo/MonteCarloEngine.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"
#include "portfolio/Validation.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace ledger::testing {

inline Date day(int y, int m, int d) {
    return Date(y, m, d);
}

inline SkuCatalog testCatalog() {
    return SkuCatalog({Sku{"H100", "NVIDIA H100", 1.0, 2.0, 10000.0, 1.0, {}}});
}

inline Portfolio basePortfolio(Date t0, double rate, double tax) {
    Portfolio p;
    p.name = std::string("test");
    p.valuationDate = t0;
    p.assumptions.discountRate = rate;
    p.assumptions.taxRate = tax;
    return p;
}

inline Contract simpleContract(Date start, Date end, double gpus, double price) {
    // Strings are move-assigned: GCC 12 warns falsely (-Wrestrict) on assigning some literals.
    Contract c;
    c.id = std::string("c");
    c.name = std::string("contract");
    c.provider = std::string("Provider");
    c.sku = std::string("H100");
    c.start = start;
    c.end = end;
    c.tranches = {{start, gpus}};
    c.pricePerGpuHour = price;
    return c;
}

// 100 GPUs at 10,000 each (Bc = 1,000,000), 1 kW each, no running costs unless a test sets them.
inline Fleet simpleFleet(Date inService, Date end) {
    Fleet f;
    f.id = std::string("f");
    f.name = std::string("fleet");
    f.sku = std::string("H100");
    f.gpus = 100;
    f.inService = inService;
    f.end = end;
    f.pue = 1.0;
    f.powerPricePerMwh = 0.0;
    f.powerEscalator = 0.0;
    f.residualFraction = 0.0;
    f.bookDepreciation.method = DepreciationMethod::StraightLine;
    f.bookDepreciation.lifeYears = 5;
    f.taxDepreciation.method = DepreciationMethod::StraightLine;
    f.taxDepreciation.lifeYears = 5;
    return f;
}

// One contract and one fleet over 10 years, all stochastic factors on, alternatives rent and buy.
inline Portfolio stochasticPortfolio() {
    auto p = basePortfolio(day(2027, 1, 1), 0.08, 0.21);
    p.utilization = {{day(2027, 1, 1), 0.75}};
    auto c = simpleContract(day(2027, 1, 1), day(2036, 12, 31), 1000, 2.4);
    c.takeOrPay = 0.9;
    c.prepayment = 0.1;
    c.providerDefaultHazard = 0.05;
    c.recoveryRate = 0.4;
    auto f = simpleFleet(day(2027, 1, 1), day(2036, 12, 31));
    f.gpus = 1000;
    f.powerPricePerMwh = 70;
    f.idlePowerFraction = 0.3;
    f.residualFraction = 0.05;
    p.contracts = {c};
    p.fleets = {f};
    p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}, {"buy", "Buy", {"f"}}};
    p.market.utilization.volatility = 0.4;
    p.market.nextGeneration = NextGeneration{day(2028, 1, 1), day(2029, 1, 1), day(2031, 1, 1), 0.2, 0.5};
    p.market.correlation = {{{1.0, 0.4, 0.1}, {0.4, 1.0, 0.0}, {0.1, 0.0, 1.0}}};
    return p;
}

// The same without a shock: no hazard, no volatility, a fixed launch and drop. Every path is the
// deterministic run.
inline Portfolio shockFreePortfolio() {
    auto p = stochasticPortfolio();
    p.contracts[0].providerDefaultHazard = 0.0;
    p.market.gpuPrice.volatility = 0.0;
    p.market.utilization.volatility = 0.0;
    p.market.powerPrice.volatility = 0.0;
    p.market.nextGeneration = NextGeneration{day(2029, 1, 1), day(2029, 1, 1), day(2029, 1, 1), 0.3, 0.3};
    return p;
}

inline bool near(double a, double b, double rel = 1e-12) {
    return std::abs(a - b) <= rel * std::max(1.0, std::abs(b));
}

// A test portfolio must be valid.
inline void requireValid(const Portfolio& p) {
    if (const auto err = validatePortfolio(p, testCatalog()))
        qFatal("test portfolio invalid: %s", err->toString().c_str());
}

// A sample mean against its expectation: within k standard errors.
inline bool within(double value, double expected, double standardError, double k = 4.0) {
    return std::abs(value - expected) <= k * standardError;
}

// Validates (a test portfolio must be valid) and evaluates without the analytics.
inline EvaluationResult evaluate(const Portfolio& p) {
    requireValid(p);
    return evaluatePortfolio(p, testCatalog(), EvaluateOptions{false});
}

// A CPU run of `paths` paths from `seed` (threads 0: all cores).
inline SimulationOptions cpuOptions(std::int64_t paths, std::uint64_t seed, int threads = 0) {
    SimulationOptions o;
    o.paths = paths;
    o.seed = seed;
    o.device = ComputeDevice::Cpu;
    o.threads = threads;
    return o;
}

// Records one slot's flows in one period of a path (a sink of engine/PathFunction.h): the spot
// slot's last period gives back a path's market index, or its demand.
struct SlotPeriodSink {
    int slot, period;
    double amount = 0.0;
    void flowEither(int s, int k, bool, FlowKind line, FlowKind, double a, double df) {
        flow(s, k, line, a, df);
    }
    void flow(int s, int k, FlowKind, double a, double) {
        if (s == slot && k == period)
            amount += a;
    }
    void usage(int, int, double, double) {}
    void providerDefaulted(int, bool) {}
    void finish() {}
};

} // namespace ledger::testing
