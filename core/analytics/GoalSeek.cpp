#include "analytics/GoalSeek.h"

#include <boost/math/tools/toms748_solve.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace ledger {

namespace {

// Thrown through Boost's solver when f has no finite value: the solve ends there.
struct NotEvaluated {
    double x;
};

// f, each value kept: the solver returns a bracket, and its ends' values are then known.
class RecordedObjective {
public:
    explicit RecordedObjective(const GoalSeekObjective& f)
        : f_(f) {}

    double operator()(double x) {
        const std::optional<double> v = f_(x);
        if (!v || !std::isfinite(*v))
            throw NotEvaluated{x};
        seen_.emplace_back(x, *v);
        return *v;
    }

    std::optional<double> valueAt(double x) const {
        for (const auto& [at, v] : seen_)
            if (at == x)
                return v;
        return std::nullopt;
    }

    int evaluations() const { return int(seen_.size()); }

private:
    const GoalSeekObjective& f_;
    std::vector<std::pair<double, double>> seen_;
};

} // namespace

const char* toString(GoalSeekStatus s) {
    switch (s) {
    case GoalSeekStatus::Solved:
        return "solved";
    case GoalSeekStatus::NoSignChange:
        return "no_solution";
    case GoalSeekStatus::NotEvaluated:
        return "not_evaluated";
    case GoalSeekStatus::NotConverged:
        return "not_converged";
    case GoalSeekStatus::BadBracket:
        return "bad_bracket";
    }
    return "bad_bracket";
}

double goalSeekToleranceWidth(const GoalSeekTolerance& t, double lo, double hi, double x) {
    return std::max(t.relative * std::abs(x), t.ofBracket * (hi - lo));
}

GoalSeekResult goalSeek(const GoalSeekObjective& f, double lo, double hi, const GoalSeekTolerance& t) {
    GoalSeekResult r;
    r.lo = r.finalLo = lo;
    r.hi = r.finalHi = hi;
    if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi))
        return r; // BadBracket
    RecordedObjective g(f);
    auto solvedAt = [&](double x, double fx) {
        r.status = GoalSeekStatus::Solved;
        r.x = r.finalLo = r.finalHi = x;
        r.residual = fx;
        r.toleranceWidth = goalSeekToleranceWidth(t, lo, hi, x);
        r.evaluations = g.evaluations();
    };
    try {
        r.fLo = g(lo);
        if (*r.fLo == 0.0) {
            solvedAt(lo, 0.0);
            return r;
        }
        r.fHi = g(hi);
        if (*r.fHi == 0.0) {
            solvedAt(hi, 0.0);
            return r;
        }
        if ((*r.fLo > 0.0) == (*r.fHi > 0.0)) {
            r.status = GoalSeekStatus::NoSignChange;
            r.evaluations = g.evaluations();
            return r;
        }
        // The stopping rule on the bracket [a, b] the solver holds.
        auto narrow = [&](double a, double b) {
            return std::abs(b - a) <= goalSeekToleranceWidth(t, lo, hi, std::max(std::abs(a), std::abs(b)));
        };
        std::uintmax_t steps = std::uintmax_t(std::max(1, t.maxIterations));
        const auto [a, b] =
            boost::math::tools::toms748_solve(std::ref(g), lo, hi, *r.fLo, *r.fHi, narrow, steps);
        r.iterations = int(steps);
        r.finalLo = a;
        r.finalHi = b;
        // Every end the solver returns is a point it evaluated (the starting ends included).
        auto valueAt = [&](double x) {
            const std::optional<double> seen = g.valueAt(x);
            return seen ? *seen : g(x);
        };
        const double fa = valueAt(a);
        const double fb = valueAt(b);
        const bool aCloser = std::abs(fa) <= std::abs(fb);
        r.x = aCloser ? a : b;
        r.residual = aCloser ? fa : fb;
        r.toleranceWidth = goalSeekToleranceWidth(t, lo, hi, r.x);
        r.evaluations = g.evaluations();
        r.status = r.residual == 0.0 || narrow(a, b) ? GoalSeekStatus::Solved : GoalSeekStatus::NotConverged;
    } catch (const NotEvaluated& e) {
        r.status = GoalSeekStatus::NotEvaluated;
        r.failedAt = e.x;
        r.evaluations = g.evaluations();
    }
    return r;
}

} // namespace ledger
