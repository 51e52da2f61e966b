#pragma once
// Goal seek (docs/model.md 11.8): the x in a bracket [lo, hi] at which an objective f is 0, f being a
// target's residual ("NPV of A minus NPV of B") as one input takes the value x. The root finder is
// TOMS Algorithm 748 (Alefeld, Potra and Shi, ACM TOMS 21(3), 1995), the bracketing successor of
// Brent's method, as Boost.Math implements it (boost::math::tools::toms748_solve): it keeps a
// bracket across which f changes sign and narrows it by cubic, quadratic and secant steps with a
// bisection whenever they do not halve it, so it cannot leave the bracket and converges where f is
// continuous (to the jump where f is not). No input, no portfolio: the caller binds x to an input
// (data/GoalSeekInput.h, analytics/ReverseStress.h).
#include <functional>
#include <optional>
#include <string>

namespace ledger {

// When the bracket is narrow enough: its width at most `relative` of the larger |end|, or at most
// `ofBracket` of the starting bracket's width (for a root at or near 0, where a relative width is
// never reached). f exactly 0 at a point ends it too.
struct GoalSeekTolerance {
    double relative = 1e-12;
    double ofBracket = 1e-15;
    int maxIterations = 200; // TOMS 748 steps (function evaluations) after the two ends
};

enum class GoalSeekStatus {
    Solved,       // f is 0 at x, or changes sign across a bracket within the tolerance
    NoSignChange, // f(lo) and f(hi) have the same sign (neither 0): no solution in [lo, hi] is sought
    NotEvaluated, // f has no finite value at failedAt (the objective says why, or it is not finite)
    NotConverged, // maxIterations ran out first; x is the better end of the last bracket
    BadBracket,   // lo and hi not finite, or lo not below hi
};

// "solved", "no_solution", "not_evaluated", "not_converged", "bad_bracket": the JSON's words.
const char* toString(GoalSeekStatus s);

// The target's residual at x; nullopt where the caller cannot evaluate it (it keeps why).
using GoalSeekObjective = std::function<std::optional<double>(double)>;

struct GoalSeekResult {
    GoalSeekStatus status = GoalSeekStatus::BadBracket;
    double lo = 0.0, hi = 0.0;   // the bracket searched
    std::optional<double> fLo;   // f at its ends, where evaluated
    std::optional<double> fHi;   //
    double x = 0.0;              // Solved (NotConverged): the end of the final bracket with the smaller |f|
    double residual = 0.0;       // f(x)
    double finalLo = 0.0;        // the final bracket
    double finalHi = 0.0;        //
    int iterations = 0;          // TOMS 748's steps after the two ends
    int evaluations = 0;         // every evaluation of f, the ends included
    double toleranceWidth = 0.0; // the width the final bracket had to reach at x
    double failedAt = 0.0;       // NotEvaluated: where
};

// Solves f(x) = 0 in [lo, hi]. f is evaluated at lo and hi first; a 0 there is the solution.
GoalSeekResult goalSeek(const GoalSeekObjective& f, double lo, double hi, const GoalSeekTolerance& t = {});

// The width the final bracket must reach around x (the stopping rule above).
double goalSeekToleranceWidth(const GoalSeekTolerance& t, double lo, double hi, double x);

} // namespace ledger
