#pragma once
// docs/model.md 17: the holder's rule, Longstaff-Schwartz. On its own paths, the cost an exercise adds
// (after tax, discounted: the alternative with the option exercised less without it) is regressed on
// functions of the market at the exercise date; a path then exercises where the fitted cost is below
// zero. The rule is its coefficients: fitted once, it decides the same on any machine and any share
// of a run's paths.
#include <string>
#include <vector>

namespace ledger {

// The market at the exercise date on one path (engine/PathFunction.h's MarketState, for one option).
struct ExerciseState {
    double logIndex = 0.0;       // X: the GPU price index is e^X
    double utilDeviation = 0.0;  // the utilization's (with a demand: the demand's) log deviation
    double powerDeviation = 0.0; // the power price's log deviation
    bool launched = false;       // the next generation has launched
    bool defaulted = false;      // the option's provider has defaulted
};

// The regression's functions, in a fixed order; a fit keeps those whose factor moves on its paths.
enum class ExerciseBasis {
    Constant,
    Index,        // e^X
    IndexSquared, // e^2X
    IndexCubed,   // e^3X
    Util,         // the utilization's or demand's deviation
    UtilSquared,
    UtilIndex, // its product with e^X
    Power,     // the power price's deviation
    PowerSquared,
    PowerIndex,
    Launched, // 1 once the next generation has launched
    LaunchedIndex,
    Defaulted, // 1 once the provider has defaulted
    DefaultedIndex,
};
constexpr int kExerciseBasisCount = 14;
const char* basisName(ExerciseBasis b); // "index", "index_squared", ... (the JSON's names)
double basisValue(ExerciseBasis b, const ExerciseState& s);

struct ExerciseRule {
    std::vector<ExerciseBasis> basis;
    std::vector<double> coefficients; // one per basis function
    // The expected cost exercising adds, given the state (negative: exercise).
    double expectedCost(const ExerciseState& s) const;
    bool exercises(const ExerciseState& s) const { return expectedCost(s) < 0.0; }
};

// Least squares of `cost` (one per path) on the basis functions of `states` that vary there. Throws
// std::invalid_argument when fewer paths than functions are given.
ExerciseRule fitExerciseRule(const std::vector<ExerciseState>& states, const std::vector<double>& cost);

} // namespace ledger
