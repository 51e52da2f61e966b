#pragma once
// What a Monte Carlo run reports (MODEL.md 6.2; DESIGN.md "simulation" keys).
#include "engine/CostLine.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ledger {

struct DistributionSummary {
    double mean = 0.0, std = 0.0, stderr_ = 0.0, min = 0.0, max = 0.0;
    double p1 = 0.0, p5 = 0.0, p10 = 0.0, p25 = 0.0, p50 = 0.0, p75 = 0.0, p90 = 0.0, p95 = 0.0, p99 = 0.0;
    double cvar95 = 0.0; // mean of the outcomes at or above p95
};

// Every figure of a summary by the key the JSON, the CSV and the workbook use, in their order; and
// the percentiles among them (percent, field): the one list each is declared in.
struct SummaryStatistic {
    const char* key;   // in evaluate --json, the CSV tables and the workbook
    const char* label; // in words, where a reader reads it (the PDF)
    double DistributionSummary::*value;
};
inline constexpr SummaryStatistic kSummaryStatistics[] = {
    {"mean", "Mean", &DistributionSummary::mean},
    {"std", "Standard deviation", &DistributionSummary::std},
    {"stderr", "Standard error of the mean", &DistributionSummary::stderr_},
    {"min", "Lowest path", &DistributionSummary::min},
    {"max", "Highest path", &DistributionSummary::max},
    {"p1", "P1 (1st percentile)", &DistributionSummary::p1},
    {"p5", "P5", &DistributionSummary::p5},
    {"p10", "P10", &DistributionSummary::p10},
    {"p25", "P25", &DistributionSummary::p25},
    {"p50", "P50 (median)", &DistributionSummary::p50},
    {"p75", "P75", &DistributionSummary::p75},
    {"p90", "P90", &DistributionSummary::p90},
    {"p95", "P95", &DistributionSummary::p95},
    {"p99", "P99", &DistributionSummary::p99},
    {"cvar95", "CVaR 95% (mean of the worst 5%)", &DistributionSummary::cvar95}};
struct SummaryPercentile {
    double percent;
    double DistributionSummary::*value;
};
inline constexpr SummaryPercentile kSummaryPercentileFields[] = {
    {1, &DistributionSummary::p1},   {5, &DistributionSummary::p5},   {10, &DistributionSummary::p10},
    {25, &DistributionSummary::p25}, {50, &DistributionSummary::p50}, {75, &DistributionSummary::p75},
    {90, &DistributionSummary::p90}, {95, &DistributionSummary::p95}, {99, &DistributionSummary::p99}};

// Percentiles of one year's figure over the paths: the cumulative cash cost at the year's end (the
// fan), or the year's EBITDA or pre-tax cost as booked (MODEL.md 9).
struct FanPoint {
    int year = 0;
    double p5 = 0.0, p50 = 0.0, p95 = 0.0;
};

struct ConvergencePoint {
    std::int64_t paths = 0;
    double mean = 0.0;
    double halfWidth95 = 0.0; // 1.96 std / sqrt(paths)
};

// Counts of the NPV cost in equal bins over [low, high] (the same range for every alternative).
struct Histogram {
    double low = 0.0, high = 0.0;
    std::vector<std::int64_t> counts;
};

// A cost line's mean NPV over the run's paths; the means of an alternative's lines add up to the
// mean of its NPV cost.
struct LineMean {
    CostLine line = CostLine::Capex;
    double mean = 0.0;
};

struct AlternativeSimulation {
    std::string id;
    DistributionSummary npvCost;
    std::optional<DistributionSummary> lcoc; // over the paths with used hours; none when no path has any
    std::vector<FanPoint> annualCumulative;
    // MODEL.md 9, by fiscal year on the same paths (SimulationOptions::accounting; empty otherwise).
    std::vector<FanPoint> ebitdaCost, pretaxCost;
    std::vector<ConvergencePoint> convergence;
    Histogram npvHistogram;
    double probCheapest =
        0.0; // share of paths where this alternative has the lowest NPV cost (ties: the first)
    std::vector<LineMean> lines; // the lines of the kinds it holds (spot: spot's), in CostLine's order
};

struct ProbabilityCheaper {
    std::string a, b;
    double p = 0.0; // share of paths where a's NPV cost < b's
};

struct ProviderDefaults {
    std::string provider;
    double fraction = 0.0; // share of paths where the provider defaulted within the horizon
};

struct SimulationResult {
    std::int64_t paths = 0;
    std::uint64_t seed = 0;
    std::string device; // "cpu" or "gpu: <name>"
    int threads = 0;
    double seconds = 0.0;     // the whole run: compile, paths, statistics
    double pathSeconds = 0.0; // the paths alone (what `bench` divides by)
    bool cancelled = false;
    std::int64_t fanPathsRunAgain = 0; // for the fan's exact percentiles (a CPU run keeping buckets)
    std::vector<AlternativeSimulation> alternatives; // the portfolio's, then spot
    std::vector<ProbabilityCheaper> probCheaper;
    std::vector<ProviderDefaults> defaults;
};

} // namespace ledger
