#include "analytics/OuCalibration.h"

#include "portfolio/Validation.h"

#include <Eigen/Dense>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/tools/minima.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

namespace ledger {

namespace {

constexpr int kParameters = 4;
// The profile is scanned on this many points, evenly in ln kappa, before Brent refines the best.
constexpr int kGridPoints = 48;
// A maximum within this distance of an end of the range (in ln kappa) is that end.
constexpr double kAtBound = 1e-5;
// A likelihood within this of the range's end's is that end's (a likelihood ratio of 1 + 1e-6).
constexpr double kPlateau = 1e-6;
// The log prices lie on a line when no OLS residual exceeds this (relative to the largest |x|).
constexpr double kLineTolerance = 1e-12;

std::string oneDecimal(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}

double yearsFrom(const Date& origin, const Date& d) {
    return double((d - origin).days()) / 365.0;
}

// One transition's pieces at kappa: the decay e^(-kappa dt), 1 minus it, and q.
struct Step {
    double decay, oneMinusDecay, q;
};
Step step(double kappa, double dt) {
    return {std::exp(-kappa * dt), -std::expm1(-kappa * dt), ouStepVariance(kappa, dt)};
}

// e_i = x_{i+1} - a - b t_{i+1} - decay_i (x_i - a - b t_i), i = 0 .. n-2.
std::vector<double> residuals(const OuObservations& o, const OuParameters& p) {
    std::vector<double> e;
    for (std::size_t i = 0; i + 1 < o.x.size(); ++i) {
        const double decay = std::exp(-p.reversionPerYear * (o.t[i + 1] - o.t[i]));
        const double y0 = o.x[i] - p.level - p.trendPerYear * o.t[i];
        const double y1 = o.x[i + 1] - p.level - p.trendPerYear * o.t[i + 1];
        e.push_back(y1 - decay * y0);
    }
    return e;
}

// The OLS line through (t, x), and whether every point lies on it.
struct Line {
    double level = 0.0, slope = 0.0;
    bool exact = false;
};
Line olsLine(const OuObservations& o) {
    const auto n = Eigen::Index(o.t.size());
    Eigen::MatrixXd design(n, 2);
    Eigen::VectorXd x(n);
    double scale = 1.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        design(i, 0) = 1.0;
        design(i, 1) = o.t[std::size_t(i)];
        x(i) = o.x[std::size_t(i)];
        scale = std::max(scale, std::abs(x(i)));
    }
    const Eigen::Vector2d beta = design.colPivHouseholderQr().solve(x);
    const double worst = (x - design * beta).cwiseAbs().maxCoeff();
    return {beta(0), beta(1), worst <= kLineTolerance * scale};
}

double negativeLogLikelihood(const OuObservations& o, const Eigen::Vector4d& theta) {
    return -ouLogLikelihood(o, {theta(0), theta(1), std::exp(theta(2)), std::exp(theta(3))});
}

// The Hessian of the negative log-likelihood in the free coordinates of theta (central differences).
Eigen::MatrixXd hessian(const OuObservations& o, const Eigen::Vector4d& theta, const std::vector<int>& free) {
    const auto k = Eigen::Index(free.size());
    Eigen::MatrixXd h(k, k);
    auto at = [&](int i, double di, int j, double dj) {
        Eigen::Vector4d moved = theta;
        moved(i) += di;
        moved(j) += dj;
        return negativeLogLikelihood(o, moved);
    };
    const double f0 = negativeLogLikelihood(o, theta);
    for (Eigen::Index r = 0; r < k; ++r) {
        const int i = free[std::size_t(r)];
        const double hi = 1e-4 * std::max(1.0, std::abs(theta(i)));
        h(r, r) = (at(i, hi, i, 0.0) - 2.0 * f0 + at(i, -hi, i, 0.0)) / (hi * hi);
        for (Eigen::Index c = 0; c < r; ++c) {
            const int j = free[std::size_t(c)];
            const double hj = 1e-4 * std::max(1.0, std::abs(theta(j)));
            h(r, c) = h(c, r) =
                (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) /
                (4.0 * hi * hj);
        }
    }
    return h;
}

void setStandardErrors(OuFit& fit) {
    const OuParameters& p = fit.parameters;
    // ln 0 = -infinity, e^-infinity = 0: the random walk at the lower end, where a does not enter.
    const Eigen::Vector4d theta(p.level, p.trendPerYear, std::log(p.reversionPerYear),
                                std::log(p.volatility));
    const bool kappaFree = fit.status == OuFitStatus::Interior;
    const bool walk = fit.status == OuFitStatus::AtLowerBound;
    const std::vector<int> free = kappaFree ? std::vector<int>{0, 1, 2, 3}
                                  : walk    ? std::vector<int>{1, 3}
                                            : std::vector<int>{0, 1, 3};
    const Eigen::MatrixXd h = hessian(fit.observations, theta, free);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(h);
    if (eigen.info() != Eigen::Success || !(eigen.eigenvalues().minCoeff() > 0.0)) {
        fit.notes.push_back("the log-likelihood is not curved in every direction at the maximum: these "
                            "points do not determine the parameters, and no standard error is given");
        return;
    }
    const Eigen::MatrixXd cov = h.inverse();
    auto se = [&](int coordinate) {
        const auto r = Eigen::Index(std::find(free.begin(), free.end(), coordinate) - free.begin());
        return std::sqrt(cov(r, r));
    };
    if (!walk)
        fit.seLevel = se(0);
    fit.seTrend = se(1);
    fit.seVolatility = p.volatility * se(3);
    if (kappaFree)
        fit.seReversion = p.reversionPerYear * se(2);
    else
        fit.notes.push_back(walk ? "no pull back to a trend line is seen: the reversion is 0 (a random "
                                   "walk with drift, whose level is its first point) and has no "
                                   "standard error; the others' hold it at 0"
                                 : "the reversion is at the top of the range searched: it has no "
                                   "standard error, and the others' hold it fixed");
}

void setResidualStatistics(OuFit& fit) {
    const OuObservations& o = fit.observations;
    const OuParameters& p = fit.parameters;
    const std::vector<double> e = residuals(o, p);
    const auto m = double(e.size());
    std::vector<double> u;
    double squares = 0.0;
    for (std::size_t i = 0; i < e.size(); ++i) {
        squares += e[i] * e[i];
        const double sd = p.volatility * std::sqrt(ouStepVariance(p.reversionPerYear, o.t[i + 1] - o.t[i]));
        u.push_back(sd > 0.0 ? e[i] / sd : 0.0);
    }
    fit.rmsLogError = std::sqrt(squares / m);
    if (fit.status == OuFitStatus::Degenerate)
        return;
    double sumU = 0.0, sumU2 = 0.0;
    for (double v : u) {
        sumU += v;
        sumU2 += v * v;
        fit.maxAbsStandardizedResidual = std::max(fit.maxAbsStandardizedResidual, std::abs(v));
    }
    fit.rmsStandardizedResidual = std::sqrt(sumU2 / m);
    const double mean = sumU / m;
    double num = 0.0, den = 0.0;
    for (std::size_t i = 0; i < u.size(); ++i) {
        den += (u[i] - mean) * (u[i] - mean);
        if (i > 0)
            num += (u[i] - mean) * (u[i - 1] - mean);
    }
    fit.lag1Autocorrelation = den > 0.0 ? num / den : 0.0;
    fit.ljungBoxQ1 = m * (m + 2.0) * fit.lag1Autocorrelation * fit.lag1Autocorrelation / (m - 1.0);
    fit.ljungBoxP = boost::math::cdf(complement(boost::math::chi_squared(1.0), fit.ljungBoxQ1));
}

} // namespace

const char* toString(OuFitStatus s) {
    switch (s) {
    case OuFitStatus::Interior:
        return "interior";
    case OuFitStatus::AtLowerBound:
        return "lower_bound";
    case OuFitStatus::AtUpperBound:
        return "upper_bound";
    case OuFitStatus::Degenerate:
        return "degenerate";
    }
    return "?";
}

OuObservations ouObservations(const std::vector<DatedPrice>& points) {
    OuObservations o;
    if (points.empty())
        return o;
    o.origin = points.front().date;
    for (const DatedPrice& p : points) {
        o.t.push_back(yearsFrom(o.origin, p.date));
        o.x.push_back(std::log(p.price));
    }
    return o;
}

double ouStepVariance(double kappa, double dt) {
    return kappa == 0.0 ? dt : -std::expm1(-2.0 * kappa * dt) / (2.0 * kappa);
}

double ouLogLikelihood(const OuObservations& o, const OuParameters& p) {
    const std::vector<double> e = residuals(o, p);
    if (!(p.volatility > 0.0)) {
        const bool onTheLine = std::all_of(e.begin(), e.end(), [](double r) { return r == 0.0; });
        return (onTheLine ? 1.0 : -1.0) * std::numeric_limits<double>::infinity();
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < e.size(); ++i) {
        const double v =
            p.volatility * p.volatility * ouStepVariance(p.reversionPerYear, o.t[i + 1] - o.t[i]);
        sum += -0.5 * std::log(2.0 * std::numbers::pi * v) - e[i] * e[i] / (2.0 * v);
    }
    return sum;
}

OuProfile ouProfile(const OuObservations& o, double kappa) {
    // Without reversion the level does not enter (a random walk from the first point): a = x_0.
    const bool walk = kappa == 0.0;
    const auto m = Eigen::Index(o.x.size()) - 1;
    Eigen::MatrixXd design(m, walk ? 1 : 2);
    Eigen::VectorXd y(m);
    double sumLogQ = 0.0;
    for (Eigen::Index i = 0; i < m; ++i) {
        const auto j = std::size_t(i);
        const Step s = step(kappa, o.t[j + 1] - o.t[j]);
        const double w = 1.0 / std::sqrt(s.q);
        design(i, design.cols() - 1) = w * (o.t[j + 1] - s.decay * o.t[j]);
        if (!walk)
            design(i, 0) = w * s.oneMinusDecay;
        y(i) = w * (o.x[j + 1] - s.decay * o.x[j]);
        sumLogQ += std::log(s.q);
    }
    const Eigen::VectorXd beta = design.colPivHouseholderQr().solve(y);
    const double sigma2 = (y - design * beta).squaredNorm() / double(m);
    OuProfile profile;
    profile.parameters = {walk ? o.x.front() : beta(0), beta(design.cols() - 1), kappa, std::sqrt(sigma2)};
    profile.logLikelihood =
        -0.5 * double(m) * (std::log(2.0 * std::numbers::pi * sigma2) + 1.0) - 0.5 * sumLogQ;
    return profile;
}

std::optional<OuFit> fitOu(const std::vector<DatedPrice>& points, std::string* error,
                           const OuFitOptions& options) {
    if (int(points.size()) < kMinCalibrationPoints) {
        *error = "a fit needs at least " + std::to_string(kMinCalibrationPoints) + " points; got " +
                 std::to_string(points.size());
        return std::nullopt;
    }
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!(points[i].price > 0.0) || !std::isfinite(points[i].price)) {
            *error = "point " + std::to_string(i + 1) + ": the price must be above 0";
            return std::nullopt;
        }
        if (i > 0 && !(points[i - 1].date < points[i].date)) {
            *error = "point " + std::to_string(i + 1) + ": " + formatIsoDate(points[i].date) +
                     " is not after the point before it";
            return std::nullopt;
        }
    }
    if (!(0.0 < options.minReversion && options.minReversion < options.maxReversion)) {
        *error = "the reversion's range must be 0 < min < max";
        return std::nullopt;
    }
    OuFit fit;
    fit.observations = ouObservations(points);
    fit.options = options;
    fit.points = int(points.size());
    const OuObservations& o = fit.observations;

    if (const Line line = olsLine(o); line.exact) {
        // Every point on the trend line: no deviation to estimate a reversion or a volatility from.
        fit.status = OuFitStatus::Degenerate;
        fit.parameters = {line.level, line.slope, 1.0, 0.0};
        fit.halfLifeYears = std::numbers::ln2;
        fit.notes.push_back("the log prices lie on a line: the volatility is 0 and the reversion is not "
                            "determined (1 per year is reported; with no volatility it has no effect)");
        setResidualStatistics(fit);
        return fit;
    }

    const double lo = std::log(options.minReversion), hi = std::log(options.maxReversion);
    auto cost = [&](double u) { return -ouProfile(o, std::exp(u)).logLikelihood; };
    std::vector<double> grid(kGridPoints), costs(kGridPoints);
    for (int i = 0; i < kGridPoints; ++i) {
        grid[i] = lo + (hi - lo) * i / (kGridPoints - 1);
        costs[i] = cost(grid[i]);
    }
    const auto best = int(std::min_element(costs.begin(), costs.end()) - costs.begin());
    const double from = grid[std::max(best - 1, 0)], to = grid[std::min(best + 1, kGridPoints - 1)];
    const auto [u, c] =
        boost::math::tools::brent_find_minima(cost, from, to, std::numeric_limits<double>::digits / 2);
    const double bestU = c <= costs[best] ? u : grid[best];
    const double bestCost = std::min(c, costs[best]);
    // At an end of the range, or on a plateau that reaches it (the likelihood no higher inside than
    // there): the points do not tell this kappa from the end's.
    double kappa = std::exp(bestU);
    fit.status = OuFitStatus::Interior;
    if (bestU - lo < kAtBound || costs.front() <= bestCost + kPlateau) {
        // No pull back to a line is seen: the random walk with drift, kappa's limit 0 (MODEL.md 6
        // allows it), rather than a kappa of 1e-4 whose level a would run off to mimic a curve.
        fit.status = OuFitStatus::AtLowerBound;
        kappa = 0.0;
    } else if (hi - bestU < kAtBound || costs.back() <= bestCost + kPlateau) {
        fit.status = OuFitStatus::AtUpperBound;
        kappa = options.maxReversion;
    }
    const OuProfile profile = ouProfile(o, kappa);
    fit.parameters = profile.parameters;
    fit.logLikelihood = profile.logLikelihood;
    fit.aic = 2.0 * kParameters - 2.0 * profile.logLikelihood;
    if (kappa > 0.0)
        fit.halfLifeYears = std::numbers::ln2 / kappa;
    const double span = o.t.back();
    if (fit.status != OuFitStatus::AtLowerBound && kappa * span < kShortSpan)
        fit.notes.push_back("the points span " + oneDecimal(kappa * span) +
                            " reversion times (reversion x years); below " + formatNumber(kShortSpan) +
                            " the reversion comes out too high and the trend's standard error too small");
    setStandardErrors(fit);
    setResidualStatistics(fit);
    return fit;
}

std::optional<OuFit> fitOuToSeries(const PriceSeries& s, std::optional<PriceTier> tier, std::string* error,
                                   const OuFitOptions& options) {
    const auto points = pointsOfTier(s, tier, error);
    if (!points)
        return std::nullopt;
    if (int(points->size()) < kMinCalibrationPoints) {
        const std::string of = tier ? " of tier " + std::string(toString(*tier)) : std::string();
        *error = "a fit needs at least " + std::to_string(kMinCalibrationPoints) + " points" +
                 (tier ? " of one tier" : "") + "; the series has " + std::to_string(points->size()) + of;
        return std::nullopt;
    }
    return fitOu(*points, error, options);
}

OuBand ouPriceBand(const OuFit& fit, const Date& d) {
    const OuObservations& o = fit.observations;
    const OuParameters& p = fit.parameters;
    const double t = yearsFrom(o.origin, d);
    // The latest point dated on or before d; the first before the first.
    const auto after = std::upper_bound(o.t.begin(), o.t.end(), t);
    const std::size_t j = after == o.t.begin() ? 0 : std::size_t(after - o.t.begin()) - 1;
    const double dt = std::abs(t - o.t[j]);
    const double deviation = o.x[j] - p.level - p.trendPerYear * o.t[j];
    const double mean = p.level + p.trendPerYear * t + deviation * std::exp(-p.reversionPerYear * dt);
    const double sd = p.volatility * std::sqrt(ouStepVariance(p.reversionPerYear, dt));
    const double z = boost::math::quantile(boost::math::normal(), 0.95);
    return {std::exp(mean), std::exp(mean - z * sd), std::exp(mean + z * sd)};
}

} // namespace ledger
