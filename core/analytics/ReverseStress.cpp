#include "analytics/ReverseStress.h"

#include "analytics/Sensitivity.h"
#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "portfolio/Defaults.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ledger {

namespace {

// The mean of every utilization point the tornado's shift moves (an empty portfolio curve is 1.0).
double meanUtilization(const Portfolio& p) {
    double sum = 0.0;
    int n = 0;
    auto add = [&](const UtilizationCurve& curve) {
        for (const auto& pt : curve) {
            sum += pt.value;
            ++n;
        }
    };
    if (p.utilization.empty()) {
        sum += 1.0;
        ++n;
    }
    add(p.utilization);
    for (const auto& c : p.contracts)
        if (c.utilization)
            add(*c.utilization);
    for (const auto& f : p.fleets)
        if (f.utilization)
            add(*f.utilization);
    return sum / n;
}

// One input's gap, each setting evaluated once (the scan's cell ends are the solver's ends).
class GapOfSetting {
public:
    GapOfSetting(const Portfolio& p, const SkuCatalog& catalog, std::size_t winner, std::size_t runnerUp,
                 SensitivityInput input)
        : p_(p)
        , catalog_(catalog)
        , winner_(winner)
        , runnerUp_(runnerUp)
        , input_(input) {}

    double operator()(double x) {
        const auto it = seen_.find(x);
        if (it != seen_.end())
            return it->second;
        const double g = verdictGap(p_, catalog_, winner_, runnerUp_, input_, x);
        seen_.emplace(x, g);
        return g;
    }

    int evaluations() const { return int(seen_.size()); }

private:
    const Portfolio& p_;
    const SkuCatalog& catalog_;
    std::size_t winner_, runnerUp_;
    SensitivityInput input_;
    std::map<double, double> seen_;
};

// The flip nearest the base on the side towards `bound`: the first cell of the outward scan whose far
// end has a gap of 0 or below, solved there. None when the gap stays above 0 up to the bound.
std::optional<GoalSeekResult> flipTowards(GapOfSetting& gap, double base, double bound,
                                          const GoalSeekTolerance& tolerance, double* gapAtBound) {
    *gapAtBound = gap(base);
    if (*gapAtBound <= 0.0) { // the two cost the same as given: no move at all flips it
        GoalSeekResult atBase;
        atBase.status = GoalSeekStatus::Solved;
        atBase.lo = atBase.hi = atBase.finalLo = atBase.finalHi = atBase.x = base;
        atBase.fLo = atBase.fHi = atBase.residual = *gapAtBound;
        return atBase;
    }
    if (bound == base)
        return std::nullopt;
    double previous = base;
    for (int k = kReverseStressScanSteps - 1; k >= 0; --k) {
        const double x = k == 0 ? bound : base + (bound - base) * std::ldexp(1.0, -k);
        const double g = gap(x);
        *gapAtBound = g;
        if (g <= 0.0) {
            const double lo = std::min(previous, x), hi = std::max(previous, x);
            GoalSeekResult r =
                goalSeek([&](double s) { return std::optional<double>(gap(s)); }, lo, hi, tolerance);
            if (r.status == GoalSeekStatus::Solved || r.status == GoalSeekStatus::NotConverged)
                return r;
        }
        previous = x;
    }
    return std::nullopt;
}

} // namespace

double moveScale(const Portfolio& p, SensitivityInput input) {
    double v = 1.0;
    switch (input) {
    case SensitivityInput::GpuPriceTrend:
        v = p.market.gpuPrice.trendPerYear;
        break;
    case SensitivityInput::Utilization:
        v = meanUtilization(p);
        break;
    case SensitivityInput::DiscountRate:
        v = p.assumptions.discountRate;
        break;
    case SensitivityInput::TaxRate:
        v = p.assumptions.taxRate;
        break;
    default:
        break; // a factor: relative to x1
    }
    return v == 0.0 ? 1.0 : std::abs(v);
}

double verdictGap(const Portfolio& p, const SkuCatalog& catalog, std::size_t winner, std::size_t runnerUp,
                  SensitivityInput input, double setting) {
    Portfolio moved = p;
    applySensitivitySetting(input, moved, catalog, setting);
    const CompiledPortfolio cp(moved, catalog);
    const auto npv = alternativeNpvCosts(cp);
    return npv[runnerUp] - npv[winner];
}

ReverseStress reverseStress(const Portfolio& p, const SkuCatalog& catalog, std::size_t winner,
                            std::size_t runnerUp, const GoalSeekTolerance& tolerance) {
    ReverseStress s;
    const auto alts = alternatives(p);
    auto idOf = [&](std::size_t i) { return i < alts.size() ? alts[i].id : std::string(kSpotAlternativeId); };
    s.winner = idOf(winner);
    s.runnerUp = idOf(runnerUp);
    s.winnerIndex = winner;
    s.runnerUpIndex = runnerUp;
    {
        const CompiledPortfolio cp(p, catalog);
        const auto npv = alternativeNpvCosts(cp);
        s.baseGap = npv[runnerUp] - npv[winner];
        ++s.evaluations;
    }
    std::vector<VerdictFlip> flips, steady;
    for (const auto& info : sensitivityInputs()) {
        if (!sensitivityInputApplies(info, p))
            continue;
        VerdictFlip f;
        f.id = info.id;
        f.input = info.name;
        f.kind = info.kind;
        f.base = std::clamp(noMoveSetting(p, info.input), info.min, info.max);
        f.min = info.min;
        f.max = info.max;
        f.scale = moveScale(p, info.input);
        GapOfSetting gap(p, catalog, winner, runnerUp, info.input);
        const auto down = flipTowards(gap, f.base, info.min, tolerance, &f.gapAtMin);
        const auto up = flipTowards(gap, f.base, info.max, tolerance, &f.gapAtMax);
        s.evaluations += gap.evaluations();
        const GoalSeekResult* best = nullptr;
        for (const auto* side : {&down, &up}) {
            if (*side && (!best || std::abs((*side)->x - f.base) < std::abs(best->x - f.base)))
                best = &**side;
        }
        if (best) {
            f.flipAt = best->x;
            f.move = std::abs(best->x - f.base) / f.scale;
            f.residual = best->residual;
            f.bracketLo = best->lo;
            f.bracketHi = best->hi;
            f.iterations = best->iterations;
            flips.push_back(std::move(f));
        } else {
            steady.push_back(std::move(f));
        }
    }
    std::stable_sort(flips.begin(), flips.end(),
                     [](const auto& a, const auto& b) { return a.move < b.move; });
    s.inputs = std::move(flips);
    s.inputs.insert(s.inputs.end(), steady.begin(), steady.end());
    return s;
}

} // namespace ledger
