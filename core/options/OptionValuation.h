#pragma once
// "What is the flexibility worth?" (docs/model.md 17): each contract option valued by least-squares
// Monte Carlo on the engine's paths. The rule is fitted on paths of its own (numbered from
// kRegressionFirstPath, so no main path's numbers are reused and the value is not biased up by
// foresight) and then applied on the main paths [0, paths).
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/SimulationResult.h"
#include "options/ExerciseRule.h"
#include "options/OptionVariants.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ledger {

// The regression paths' first number: path m of the regression is path 2^62 + m (MODEL.md 6.1's
// counter, high word 0x40000000 + ...), a set no run of at most kMaxPaths main paths reaches.
constexpr std::int64_t kRegressionFirstPath = std::int64_t(1) << 62;

// Where exercising turns from worth it to not, along the GPU price index (the other factors at their
// expected values, no default): one point of the chart.
struct BoundaryPoint {
    double index = 0.0;          // e^X at the exercise date
    double expectedSaving = 0.0; // what exercising is expected to save there (negative: it costs)
};

enum class BoundarySide { Below, Above, Always, Never, Mixed };
const char* toString(BoundarySide s); // "below", "above", "always", "never", "mixed"

struct OptionResult {
    OptionCase option;
    double marketPricePerGpuHour = 0.0; // the contract SKU's market price today (the index's unit)
    // The deterministic run (MODEL.md 6): the alternative as written (without the option's period),
    // with the option's hours met the portfolio's way, and with the option exercised (fee included).
    double deterministicAsWritten = 0.0;
    double deterministicWithout = 0.0;
    double deterministicExercised = 0.0;
    bool exercisedOnDeterministicPath = false;

    // The Monte Carlo, when run.
    bool simulated = false;
    std::int64_t paths = 0;
    std::int64_t regressionPaths = 0;
    std::uint64_t seed = 0;
    double meanAsWritten = 0.0;
    DistributionSummary npvWithout;    // the alternative's NPV cost covering the option's period without it
    DistributionSummary npvWithOption; // ... holding the option, exercised by the rule
    double value = 0.0;                // mean of (without - with the option): the NPV of what it saves
    double valueStderr = 0.0;
    double exerciseProbability = 0.0;
    double intrinsicValue = 0.0; // exercise decided once, on the deterministic path
    double timeValue = 0.0;      // value - intrinsic value
    ExerciseRule rule;
    BoundarySide boundarySide = BoundarySide::Never;
    std::optional<double> boundaryIndex; // e^X where the rule turns
    std::optional<double> boundaryPrice; // the same as the SKU's market price per GPU-hour
    std::vector<BoundaryPoint> boundaryCurve;
    // Main paths whose expected cost of exercising is within 1e-9 of the NPV's size from zero: a
    // device whose last bits differ may decide them the other way.
    std::int64_t pathsNearBoundary = 0;
};

struct OptionValuationSettings {
    SimulationOptions simulation;     // paths, seed, device, threads of the main run
    std::int64_t regressionPaths = 0; // 0: as many as the main run
};

// The deterministic figures of every option (no Monte Carlo). The portfolio must have passed
// validatePortfolio().
std::vector<OptionResult> optionsOnDeterministicPath(const Portfolio& p, const SkuCatalog& catalog);

// What the fit on the regression paths gives one option: its rule, and the boundary read off it.
struct FittedOption {
    std::string optionId;
    ExerciseRule rule;
    BoundarySide boundarySide = BoundarySide::Never;
    std::optional<double> boundaryIndex, boundaryPrice;
    std::vector<BoundaryPoint> boundaryCurve;
};
// Every option's fit: made once, before a run split across machines (docs/scale-out.md), and shipped
// with its tasks so every shard applies the same rule.
struct FittedOptions {
    std::uint64_t seed = 0;
    std::int64_t regressionPaths = 0;
    std::vector<FittedOption> options; // in the portfolio's order of options
};
// The rules fitted on s.simulation.seed's regression paths (s.regressionPaths, or as many as
// s.simulation.paths). Throws SimulationRequestError.
FittedOptions fitOptions(const Portfolio& p, const SkuCatalog& catalog, const OptionValuationSettings& s);

// Per option and main path [first, first + paths), what the value is made of: the alternative's NPV
// cost without the option and as written, what exercising costs, and the rule's expected cost
// (exercised where below 0). Row-major by option: [option * paths + path - first].
struct OptionPaths {
    int options = 0;
    std::int64_t first = 0, paths = 0;
    std::vector<double> without, asWritten, cost, expected;
    OptionPaths(int options, std::int64_t first, std::int64_t paths);
    // Copies a shard's paths into these (which hold its range). Throws std::invalid_argument.
    void place(const OptionPaths& shard);
};
// Main paths [o.firstPath, o.firstPath + o.paths) under the fitted rules. Throws SimulationRequestError,
// and std::invalid_argument when the fit is of other options.
OptionPaths optionPaths(const Portfolio& p, const SkuCatalog& catalog, const FittedOptions& fit,
                        const SimulationOptions& o);
// Every option's result from all the main paths (first 0): what valueOptions reports, to the bit.
std::vector<OptionResult> summarizeOptions(const Portfolio& p, const SkuCatalog& catalog,
                                           const FittedOptions& fit, const OptionPaths& all);

// The most memory a valuation of the options on `paths` paths (main or regression) holds at once:
// the outcomes of the options' two ways, the market watched at the exercise dates, each option's
// states and values. 0 without options. What `slurm` asks a task's memory for.
std::uint64_t optionValuationBytes(const Portfolio& p, const SkuCatalog& catalog, std::int64_t paths);
// The option paths (OptionPaths) of `paths` paths: what a merge holds besides the outcomes.
std::uint64_t optionPathsBytes(const Portfolio& p, const SkuCatalog& catalog, std::int64_t paths);

// Every option valued by least-squares Monte Carlo: fitOptions, optionPaths on [0, paths),
// summarizeOptions. Throws SimulationRequestError.
std::vector<OptionResult> valueOptions(const Portfolio& p, const SkuCatalog& catalog,
                                       const OptionValuationSettings& s);

// The savings of one option on main paths [firstPath, firstPath + paths) under a given rule (each
// path's without - with the option): the share of a run another machine computes applies the same
// rule. Used by valueOptions and the tests.
std::vector<double> optionSavings(const OptionVariants& v, const SkuCatalog& catalog, std::size_t option,
                                  const ExerciseRule& rule, const SimulationOptions& o,
                                  std::int64_t* exercised);

} // namespace ledger
