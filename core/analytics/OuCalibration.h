#pragma once
// Calibration of the GPU market model (docs/model.md 16, an extension of the model's 12.2): maximum
// likelihood of the log-price Ornstein-Uhlenbeck model on irregularly dated prices,
//
//     x(t) = ln P(t) = a + b t + Y(t),   dY = -kappa Y dt + sigma dW,
//
// t in years (ACT/365) from the first point. The likelihood is exact on any spacing, conditional on
// the first point:
//
//     Y_{i+1} | Y_i ~ N(Y_i e^(-kappa dt_i), sigma^2 q_i),   q_i = (1 - e^(-2 kappa dt_i)) / (2 kappa)
//
// (kappa -> 0: q_i = dt_i). For a fixed kappa, a and b enter the one-step residuals linearly
// (generalized least squares with weights 1 / q_i) and sigma^2 is their weighted mean square, so they
// are profiled out and the profile log-likelihood is maximized over kappa on a bounded range, by a
// grid and then Brent's method (Boost.Math brent_find_minima). Standard errors come from the numerical
// Hessian of the full log-likelihood in (a, b, ln kappa, ln sigma) and the delta method.
// b, kappa and sigma are MODEL.md 6's trend_per_year, reversion_per_year and volatility.
#include "analytics/PriceSeries.h"

#include <optional>
#include <string>
#include <vector>

namespace ledger {

// Four parameters need at least four transitions, one per parameter: five points, the first
// conditioned on.
inline constexpr int kMinCalibrationPoints = 5;

// Below this many reversion times in the span (kappa T, the fitted kappa), the reversion's estimate
// is biased upward and the trend's standard error too small: with kappa 1 over five years (kappa T
// about 13) it is 0.6 of the trend's spread across datasets, with kappa T about 45, 0.9
// (docs/model.md 16.4, tst_core_ou_calibration). A fit below it says so.
inline constexpr double kShortSpan = 30.0;

struct OuParameters {
    double level = 0.0;            // a: the trend line's log price at the first point
    double trendPerYear = 0.0;     // b
    double reversionPerYear = 1.0; // kappa, per year
    double volatility = 0.0;       // sigma, per sqrt(year)
};

// The points as the likelihood reads them: t_i in years from the first point (its date `origin`),
// x_i = ln P_i.
struct OuObservations {
    Date origin;
    std::vector<double> t;
    std::vector<double> x;
};
OuObservations ouObservations(const std::vector<DatedPrice>& points);

// (1 - e^(-2 kappa dt)) / (2 kappa), and dt at kappa = 0: the variance of a step per sigma^2.
double ouStepVariance(double kappa, double dt);

// The log-likelihood of x_1 .. x_{n-1} given x_0 (the sum of the n - 1 transition densities). With
// sigma 0: plus infinity when every one-step residual is 0, else minus infinity.
double ouLogLikelihood(const OuObservations& obs, const OuParameters& p);

// For a fixed kappa: a and b by generalized least squares, sigma^2 = the weighted mean square of the
// one-step residuals, and the log-likelihood there (the largest at this kappa).
struct OuProfile {
    OuParameters parameters;
    double logLikelihood = 0.0;
};
OuProfile ouProfile(const OuObservations& obs, double kappa);

enum class OuFitStatus {
    Interior,     // the likelihood's maximum over kappa lies inside the search range
    AtLowerBound, // at the lowest reversion searched (or on a plateau reaching it): the points show no
                  // pull back to a line; the random walk with drift is reported (kappa 0, a = x_0)
    AtUpperBound, // at the highest (or on a plateau reaching it): deviations die out between points
    Degenerate,   // the log prices lie on a line: volatility 0, the reversion not identified
};
// "interior", "lower_bound", "upper_bound", "degenerate": the JSON's words.
const char* toString(OuFitStatus s);

// The range searched for kappa. A maximum at either end, or on a plateau of the likelihood that
// reaches it (within 1e-6), is reported at that end.
struct OuFitOptions {
    double minReversion = 1e-4; // per year
    double maxReversion = 50.0; // per year
};

struct OuFit {
    OuObservations observations;
    OuParameters parameters;
    OuFitStatus status = OuFitStatus::Interior;
    OuFitOptions options;
    // Standard errors; none where the curvature does not give one (the notes say why).
    std::optional<double> seLevel, seTrend, seReversion, seVolatility;
    // What a reader must know about this fit: a degenerate series, an end of the range, too short a
    // span (kappa T below kShortSpan), standard errors not given.
    std::vector<std::string> notes;
    int points = 0;
    std::optional<double> logLikelihood; // none when degenerate (unbounded)
    std::optional<double> aic;           // 2 x 4 - 2 logLikelihood
    // The one-step residuals e_i = x_{i+1} - E[x_{i+1} | x_i], standardized by their model standard
    // deviation sigma sqrt(q_i) (all 0 when degenerate).
    double rmsStandardizedResidual = 0.0;    // 1 at the maximum, by construction of sigma
    double maxAbsStandardizedResidual = 0.0; //
    double rmsLogError = 0.0;                // the RMS of e_i itself, in log points
    double lag1Autocorrelation = 0.0;        // of the standardized residuals, mean removed
    double ljungBoxQ1 = 0.0;                 // m (m + 2) r1^2 / (m - 1), m residuals
    double ljungBoxP = 1.0;                  // P(chi^2_1 > Q)
    std::optional<double> halfLifeYears;     // ln 2 / kappa; none at kappa 0
};

// Fits. nullopt and *error set when there are too few points or they are unusable (a price not
// above 0, dates not increasing).
std::optional<OuFit> fitOu(const std::vector<DatedPrice>& points, std::string* error,
                           const OuFitOptions& options = {});

// Fits the points of one tier of a series (pointsOfTier); the messages name the tier.
std::optional<OuFit> fitOuToSeries(const PriceSeries& s, std::optional<PriceTier> tier, std::string* error,
                                   const OuFitOptions& options = {});

// The fitted price's median and 5% and 95% quantiles on day d: the model's law of x(t) given the
// latest point dated on or before d (before the first point: the first, backwards, as a stationary OU
// is reversible in time), with the fitted parameters taken as known:
//     mean = a + b t + (x_j - a - b t_j) e^(-kappa |t - t_j|),   var = sigma^2 q(|t - t_j|)
//     median = e^mean,  p5, p95 = e^(mean -/+ 1.6449 sqrt(var))
struct OuBand {
    double median = 0.0;
    double p5 = 0.0;
    double p95 = 0.0;
};
OuBand ouPriceBand(const OuFit& fit, const Date& d);

} // namespace ledger
