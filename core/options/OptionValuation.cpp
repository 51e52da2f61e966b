#include "options/OptionValuation.h"

#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "engine/PathFunction.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/PhiloxShocks.h"
#include "montecarlo/Statistics.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ledger {

const char* toString(BoundarySide s) {
    switch (s) {
    case BoundarySide::Below:
        return "below";
    case BoundarySide::Above:
        return "above";
    case BoundarySide::Always:
        return "always";
    case BoundarySide::Never:
        return "never";
    case BoundarySide::Mixed:
        return "mixed";
    }
    return "never";
}

namespace {

// The market on one path at each exercise period asked for (sorted, distinct).
struct Snapshot {
    double logIndex = 0.0, util = 0.0, power = 0.0;
    bool launched = false;
    std::uint64_t defaulted = 0; // bit j: provider j has defaulted
};

// Watches the path's market (engine/PathFunction.h) and stops it after the last period asked for; its
// flows are not wanted.
struct MarketWatchSink {
    static constexpr bool kWatchesMarket = true;
    const PathInputs* in = nullptr;
    const std::vector<int>* periods = nullptr;
    Snapshot* out = nullptr;
    std::size_t seen = 0;

    bool watch(int k, const MarketState<double>& m) {
        while (seen < periods->size() && (*periods)[seen] == k) {
            Snapshot& s = out[seen++];
            s.logIndex = m.logIndex;
            s.util = m.utilDeviation;
            s.power = m.powerDeviation;
            s.launched = in->periodTime[k] >= m.launch;
            for (int j = 0; j < in->providers; ++j)
                if (m.defaultAt[j] <= double(k))
                    s.defaulted |= std::uint64_t(1) << j;
        }
        return seen == periods->size();
    }
    void flow(int, int, FlowKind, double, double) {}
    template <class Mask> void flowEither(int, int, Mask, FlowKind, FlowKind, double, double) {}
    void usage(int, int, double, double) {}
    template <class Mask> void providerDefaulted(int, Mask) {}
    void finish() {}
};

// What every option's valuation shares: the portfolio with each option's two ways, compiled for the
// Monte Carlo, and where each option is decided.
struct Compiled {
    OptionVariants variants;
    CompiledPortfolio cp;
    std::vector<int> periods;          // the distinct exercise periods, ascending
    std::vector<std::size_t> periodOf; // per option: its place in periods
    std::vector<int> provider;         // per option: its provider's index

    Compiled(OptionVariants v, const SkuCatalog& catalog)
        : variants(std::move(v))
        , cp(variants.portfolio, catalog, monteCarloCompilation()) {
        for (const auto& c : variants.cases)
            periods.push_back(cp.grid().periodContaining(c.exerciseDate));
        std::vector<int> all = periods;
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        for (int k : periods)
            periodOf.push_back(std::size_t(std::lower_bound(all.begin(), all.end(), k) - all.begin()));
        periods = all;
        const auto& names = cp.providers();
        for (const auto& c : variants.cases)
            provider.push_back(int(std::lower_bound(names.begin(), names.end(), c.provider) - names.begin()));
    }

    ExerciseState state(const Snapshot* row, std::size_t option) const {
        const Snapshot& s = row[periodOf[option]];
        return {s.logIndex, s.util, s.power, s.launched, ((s.defaulted >> provider[option]) & 1u) != 0};
    }
};

// The market at the exercise periods of paths [first, first + n): n rows of periods.size() snapshots.
std::vector<Snapshot> watchPaths(const Compiled& c, std::uint64_t seed, std::int64_t first, std::int64_t n,
                                 int threads) {
    const std::size_t width = c.periods.size();
    std::vector<Snapshot> out(std::size_t(n) * width);
    const PathInputs& in = c.cp.inputs();
#pragma omp parallel for schedule(static) num_threads(std::max(1, threads))
    for (std::int64_t p = 0; p < n; ++p) {
        PhiloxShocks shocks(seed, std::uint64_t(first + p));
        MarketWatchSink sink{&in, &c.periods, out.data() + std::size_t(p) * width};
        simulatePath<double>(in, shocks, sink);
    }
    return out;
}

std::vector<Snapshot> watchDeterministicPath(const Compiled& c) {
    std::vector<Snapshot> out(c.periods.size());
    const PathInputs in = deterministicInputs(c.cp);
    DeterministicShocks shocks;
    MarketWatchSink sink{&in, &c.periods, out.data()};
    simulatePath<double>(in, shocks, sink);
    return out;
}

// Each path's cost of exercising (with, fee included, less without) of option `o`.
double exerciseCost(const PathOutcomes& run, const OptionCase& o, std::int64_t at) {
    return run.npv[std::size_t(o.with) * std::size_t(run.stride) + std::size_t(at)] + o.feeCost -
           run.npv[std::size_t(o.without) * std::size_t(run.stride) + std::size_t(at)];
}

// The rule's boundary along the index: the other factors at their expected values (no deviation), the
// next generation as on the deterministic path, no default.
void findBoundary(OptionResult& r, const std::vector<ExerciseState>& fitted, bool launchedOnDeterministic,
                  double marketPrice) {
    std::vector<double> levels(fitted.size());
    for (std::size_t i = 0; i < fitted.size(); ++i)
        levels[i] = fitted[i].logIndex;
    const double qs[] = {1, 99};
    const auto range = percentilesLinear(levels, qs);
    const double lo = std::exp(range[0]), hi = std::exp(range[1]);
    auto cost = [&](double index) {
        return r.rule.expectedCost({std::log(index), 0.0, 0.0, launchedOnDeterministic, false});
    };
    constexpr int kPoints = 101;
    int changes = 0;
    for (int i = 0; i < kPoints; ++i) {
        const double index = hi > lo ? lo + (hi - lo) * double(i) / (kPoints - 1) : lo;
        r.boundaryCurve.push_back({index, -cost(index)});
        if (i > 0 &&
            (r.boundaryCurve[i].expectedSaving > 0.0) != (r.boundaryCurve[i - 1].expectedSaving > 0.0)) {
            if (++changes == 1) {
                double a = r.boundaryCurve[i - 1].index, b = index;
                const bool exerciseAtA = cost(a) < 0.0;
                for (int step = 0; step < 200 && b - a > 1e-12 * b; ++step) {
                    const double mid = 0.5 * (a + b);
                    ((cost(mid) < 0.0) == exerciseAtA ? a : b) = mid;
                }
                r.boundaryIndex = 0.5 * (a + b);
                r.boundaryPrice = *r.boundaryIndex * marketPrice;
                r.boundarySide = exerciseAtA ? BoundarySide::Below : BoundarySide::Above;
            }
        }
    }
    if (changes > 1)
        r.boundarySide = BoundarySide::Mixed;
    if (changes == 0)
        r.boundarySide = cost(lo) < 0.0 ? BoundarySide::Always : BoundarySide::Never;
}

double marketPriceOf(const Portfolio& p, const SkuCatalog& catalog, const std::string& contractId) {
    for (const auto& c : p.contracts)
        if (c.id == contractId)
            if (const Sku* s = catalog.find(p, c.sku))
                return s->marketPricePerGpuHour;
    return 0.0;
}

void fillDeterministic(const OptionVariants& v, const SkuCatalog& catalog, std::vector<OptionResult>& out) {
    const CompiledPortfolio cp(v.portfolio, catalog);
    const auto npv = alternativeNpvCosts(cp);
    for (const auto& c : v.cases) {
        OptionResult r;
        r.option = c;
        r.marketPricePerGpuHour = marketPriceOf(v.portfolio, catalog, c.contractId);
        r.deterministicAsWritten = npv[std::size_t(c.asWritten)];
        r.deterministicWithout = npv[std::size_t(c.without)];
        r.deterministicExercised = npv[std::size_t(c.with)] + c.feeCost;
        r.exercisedOnDeterministicPath = r.deterministicExercised < r.deterministicWithout;
        out.push_back(r);
    }
}

} // namespace

std::vector<OptionResult> optionsOnDeterministicPath(const Portfolio& p, const SkuCatalog& catalog) {
    std::vector<OptionResult> out;
    const OptionVariants v = buildOptionVariants(p, catalog);
    if (!v.cases.empty())
        fillDeterministic(v, catalog, out);
    return out;
}

std::vector<double> optionSavings(const OptionVariants& v, const SkuCatalog& catalog, std::size_t option,
                                  const ExerciseRule& rule, const SimulationOptions& o,
                                  std::int64_t* exercised) {
    const Compiled c(v, catalog);
    std::string device;
    const PathOutcomes run = simulatePaths(c.cp, o, &device);
    const int threads = o.threads > 0 ? o.threads : defaultCpuThreads();
    const auto market = watchPaths(c, o.seed, o.firstPath, o.paths, threads);
    const OptionCase& oc = c.variants.cases[option];
    std::vector<double> savings(std::size_t(o.paths));
    std::int64_t count = 0;
    for (std::int64_t p = 0; p < o.paths; ++p) {
        const bool exercise =
            rule.exercises(c.state(market.data() + std::size_t(p) * c.periods.size(), option));
        count += exercise ? 1 : 0;
        savings[std::size_t(p)] = exercise ? -exerciseCost(run, oc, p) : 0.0;
    }
    if (exercised)
        *exercised = count;
    return savings;
}

std::uint64_t optionValuationBytes(const Portfolio& p, const SkuCatalog& catalog, std::int64_t paths) {
    const Compiled c(buildOptionVariants(p, catalog), catalog);
    if (c.variants.cases.empty())
        return 0;
    const std::uint64_t n = std::uint64_t(paths), options = c.variants.cases.size();
    return PathOutcomes::bytesFor(paths, c.cp.inputs()) + n * c.periods.size() * sizeof(Snapshot) +
           n * options * (4 * sizeof(double) + sizeof(ExerciseState) + sizeof(double));
}

std::uint64_t optionPathsBytes(const Portfolio& p, const SkuCatalog& catalog, std::int64_t paths) {
    return std::uint64_t(buildOptionVariants(p, catalog).cases.size()) * 4 * sizeof(double) *
           std::uint64_t(paths);
}

FittedOptions fitOptions(const Portfolio& p, const SkuCatalog& catalog, const OptionValuationSettings& s) {
    FittedOptions fit;
    const Compiled c(buildOptionVariants(p, catalog), catalog);
    const SimulationOptions& o = s.simulation;
    fit.seed = o.seed;
    fit.regressionPaths = s.regressionPaths > 0 ? s.regressionPaths : o.paths;
    if (c.variants.cases.empty())
        return fit;
    const int threads = o.threads > 0 ? o.threads : defaultCpuThreads();
    const std::size_t width = c.periods.size();
    SimulationOptions regression = o;
    regression.paths = fit.regressionPaths;
    regression.firstPath = kRegressionFirstPath;
    std::string device;
    const PathOutcomes run = simulatePaths(c.cp, regression, &device);
    const auto market = watchPaths(c, o.seed, regression.firstPath, regression.paths, threads);
    const auto deterministic = watchDeterministicPath(c);
    for (std::size_t i = 0; i < c.variants.cases.size(); ++i) {
        std::vector<ExerciseState> states(std::size_t(regression.paths));
        std::vector<double> cost(std::size_t(regression.paths));
        for (std::int64_t q = 0; q < regression.paths; ++q) {
            states[std::size_t(q)] = c.state(market.data() + std::size_t(q) * width, i);
            cost[std::size_t(q)] = exerciseCost(run, c.variants.cases[i], q);
        }
        // The boundary is read off the fitted rule over the regression paths' index levels.
        OptionResult r;
        r.rule = fitExerciseRule(states, cost);
        findBoundary(r, states, c.state(deterministic.data(), i).launched,
                     marketPriceOf(c.variants.portfolio, catalog, c.variants.cases[i].contractId));
        fit.options.push_back({c.variants.cases[i].optionId, r.rule, r.boundarySide, r.boundaryIndex,
                               r.boundaryPrice, r.boundaryCurve});
    }
    return fit;
}

OptionPaths::OptionPaths(int options_, std::int64_t first_, std::int64_t paths_)
    : options(options_)
    , first(first_)
    , paths(paths_)
    , without(std::size_t(options_) * std::size_t(paths_))
    , asWritten(without.size())
    , cost(without.size())
    , expected(without.size()) {}

void OptionPaths::place(const OptionPaths& shard) {
    if (shard.options != options || shard.first < first || shard.first + shard.paths > first + paths)
        throw std::invalid_argument("OptionPaths::place: the shard does not fit the run");
    for (int i = 0; i < options; ++i) {
        const std::size_t from = std::size_t(i) * std::size_t(shard.paths),
                          to = std::size_t(i) * std::size_t(paths) + std::size_t(shard.first - first);
        auto copy = [&](const std::vector<double>& source, std::vector<double>& target) {
            std::copy_n(source.begin() + std::ptrdiff_t(from), shard.paths,
                        target.begin() + std::ptrdiff_t(to));
        };
        copy(shard.without, without);
        copy(shard.asWritten, asWritten);
        copy(shard.cost, cost);
        copy(shard.expected, expected);
    }
}

OptionPaths optionPaths(const Portfolio& p, const SkuCatalog& catalog, const FittedOptions& fit,
                        const SimulationOptions& o) {
    const Compiled c(buildOptionVariants(p, catalog), catalog);
    if (fit.options.size() != c.variants.cases.size())
        throw std::invalid_argument("the exercise rules are of " + std::to_string(fit.options.size()) +
                                    " options; the portfolio has " + std::to_string(c.variants.cases.size()));
    OptionPaths out(int(c.variants.cases.size()), o.firstPath, o.paths);
    if (c.variants.cases.empty() || o.paths == 0)
        return out;
    const int threads = o.threads > 0 ? o.threads : defaultCpuThreads();
    const std::size_t width = c.periods.size();
    std::string device;
    const PathOutcomes run = simulatePaths(c.cp, o, &device);
    const auto market = watchPaths(c, o.seed, o.firstPath, o.paths, threads);
    const std::size_t n = std::size_t(o.paths), stride = std::size_t(run.stride);
    for (std::size_t i = 0; i < c.variants.cases.size(); ++i) {
        const OptionCase& oc = c.variants.cases[i];
        const ExerciseRule& rule = fit.options[i].rule;
        for (std::size_t q = 0; q < n; ++q) {
            const std::size_t at = i * n + q;
            out.without[at] = run.npv[std::size_t(oc.without) * stride + q];
            out.asWritten[at] = run.npv[std::size_t(oc.asWritten) * stride + q];
            out.cost[at] = exerciseCost(run, oc, std::int64_t(q));
            out.expected[at] = rule.expectedCost(c.state(market.data() + q * width, i));
        }
    }
    return out;
}

std::vector<OptionResult> summarizeOptions(const Portfolio& p, const SkuCatalog& catalog,
                                           const FittedOptions& fit, const OptionPaths& all) {
    if (all.first != 0)
        throw std::invalid_argument("summarizeOptions: the paths must start at path 0");
    std::vector<OptionResult> out;
    const OptionVariants v = buildOptionVariants(p, catalog);
    if (v.cases.empty())
        return out;
    if (fit.options.size() != v.cases.size() || all.options != int(v.cases.size()))
        throw std::invalid_argument("the exercise rules or option paths are of " +
                                    std::to_string(fit.options.size()) + " options; the portfolio has " +
                                    std::to_string(v.cases.size()));
    fillDeterministic(v, catalog, out);
    const std::size_t n = std::size_t(all.paths);
    for (std::size_t i = 0; i < v.cases.size(); ++i) {
        OptionResult& r = out[i];
        const FittedOption& f = fit.options[i];
        r.simulated = true;
        r.paths = all.paths;
        r.regressionPaths = fit.regressionPaths;
        r.seed = fit.seed;
        r.rule = f.rule;
        std::vector<double> without(n), with(n), savings(n), exerciseSavings(n);
        std::int64_t exercised = 0;
        double asWritten = 0.0;
        const double tolerance = 1e-9 * std::max(1.0, std::abs(r.deterministicWithout));
        for (std::size_t q = 0; q < n; ++q) {
            const std::size_t at = i * n + q;
            without[q] = all.without[at];
            asWritten += all.asWritten[at];
            const double cost = all.cost[at];
            const double expected = all.expected[at];
            const bool exercise = expected < 0.0;
            r.pathsNearBoundary += std::abs(expected) < tolerance ? 1 : 0;
            exercised += exercise ? 1 : 0;
            with[q] = exercise ? without[q] + cost : without[q];
            savings[q] = without[q] - with[q];
            exerciseSavings[q] = -cost;
        }
        r.meanAsWritten = asWritten / double(n);
        r.npvWithout = summarize(without);
        r.npvWithOption = summarize(with);
        const DistributionSummary saved = summarize(savings);
        r.value = saved.mean;
        r.valueStderr = saved.stderr_;
        r.exerciseProbability = double(exercised) / double(n);
        r.intrinsicValue = r.exercisedOnDeterministicPath ? summarize(exerciseSavings).mean : 0.0;
        r.timeValue = r.value - r.intrinsicValue;
        r.boundarySide = f.boundarySide;
        r.boundaryIndex = f.boundaryIndex;
        r.boundaryPrice = f.boundaryPrice;
        r.boundaryCurve = f.boundaryCurve;
    }
    return out;
}

std::vector<OptionResult> valueOptions(const Portfolio& p, const SkuCatalog& catalog,
                                       const OptionValuationSettings& s) {
    const FittedOptions fit = fitOptions(p, catalog, s);
    if (fit.options.empty())
        return {};
    SimulationOptions main = s.simulation;
    main.firstPath = 0;
    return summarizeOptions(p, catalog, fit, optionPaths(p, catalog, fit, main));
}

} // namespace ledger
