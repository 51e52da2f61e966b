// Calibration of the market model (analytics/OuCalibration, docs/model.md 16): the likelihood by
// hand on three points, the profile as the maximum over a, b and sigma at a fixed kappa, the fit on
// synthetic OU data of known parameters (estimates within 3 standard errors, the standard errors as
// large as the estimates' spread), the degenerate log-linear series, the ends of the reversion's
// range, the fitted band, and what a fit sets in the market model (analytics/GpuPriceFit).
#include "analytics/GpuPriceFit.h"
#include "analytics/OuCalibration.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

using namespace ledger;

namespace {

const Date kStart(2026, 1, 1);

std::vector<DatedPrice> series(const std::vector<Date>& dates, const std::vector<double>& logPrices) {
    std::vector<DatedPrice> out;
    for (std::size_t i = 0; i < dates.size(); ++i)
        out.push_back({dates[i], std::exp(logPrices[i])});
    return out;
}

// `points` dates from kStart, each 15 to 46 days after the one before (a month on average).
std::vector<Date> irregularDates(std::mt19937_64& rng, int points, int minGap = 15, int maxGap = 46) {
    std::uniform_int_distribution<int> gap(minGap, maxGap);
    std::vector<Date> dates{kStart};
    while (int(dates.size()) < points)
        dates.push_back(addDays(dates.back(), gap(rng)));
    return dates;
}

// x(t) = a + b t + Y(t), Y by the exact OU transition from its stationary law.
std::vector<DatedPrice> simulate(std::mt19937_64& rng, const OuParameters& p,
                                 const std::vector<Date>& dates) {
    std::normal_distribution<double> z;
    const double k = p.reversionPerYear, s = p.volatility;
    double y = s / std::sqrt(2.0 * k) * z(rng), tPrev = 0.0;
    std::vector<double> x;
    for (const Date& d : dates) {
        const double t = double((d - kStart).days()) / 365.0;
        if (!x.empty())
            y = y * std::exp(-k * (t - tPrev)) + s * std::sqrt(ouStepVariance(k, t - tPrev)) * z(rng);
        x.push_back(p.level + p.trendPerYear * t + y);
        tPrev = t;
    }
    return series(dates, x);
}

struct Sample {
    std::vector<double> estimate, se;
    int within3 = 0;
    void add(double value, double truth, const std::optional<double>& stderror) {
        estimate.push_back(value);
        se.push_back(stderror.value_or(0.0));
        within3 += stderror && std::abs(value - truth) <= 3.0 * *stderror;
    }
    double coverage() const { return double(within3) / double(estimate.size()); }
    double spread() const {
        double mean = 0.0, squares = 0.0;
        for (double v : estimate)
            mean += v / double(estimate.size());
        for (double v : estimate)
            squares += (v - mean) * (v - mean);
        return std::sqrt(squares / double(estimate.size() - 1));
    }
    double meanSe() const {
        double mean = 0.0;
        for (double v : se)
            mean += v / double(se.size());
        return mean;
    }
};

struct Samples {
    Sample trend, reversion, volatility;
    int flaggedShort = 0; // fits that say their span is short
};

Samples fitMany(const OuParameters& truth, int datasets, int points, std::uint64_t seed) {
    Samples s;
    for (int k = 0; k < datasets; ++k) {
        std::mt19937_64 rng(seed + std::uint64_t(k));
        const auto data = simulate(rng, truth, irregularDates(rng, points));
        std::string error;
        const auto fit = fitOu(data, &error);
        if (!fit)
            qFatal("%s", error.c_str());
        s.trend.add(fit->parameters.trendPerYear, truth.trendPerYear, fit->seTrend);
        s.reversion.add(fit->parameters.reversionPerYear, truth.reversionPerYear, fit->seReversion);
        s.volatility.add(fit->parameters.volatility, truth.volatility, fit->seVolatility);
        s.flaggedShort += std::any_of(fit->notes.begin(), fit->notes.end(), [](const std::string& n) {
            return n.find("reversion times") != std::string::npos;
        });
    }
    return s;
}

QByteArray describe(const char* what, const Sample& s) {
    return QByteArray(what) + ": coverage " + QByteArray::number(s.coverage()) + ", mean SE " +
           QByteArray::number(s.meanSe()) + ", spread " + QByteArray::number(s.spread());
}

} // namespace

class OuCalibrationTest : public QObject {
    Q_OBJECT
private slots:
    // Yearly points, kappa = ln 2 (decay 1/2 a year), sigma^2 = 8/3 ln 2 (step variance
    // sigma^2 (1 - 1/4) / (2 ln 2) = 1), deviations Y = 0, 1, 0.5 from the line 0.1 - 0.2 t: the
    // residuals are 1 - 0 / 2 = 1 and 0.5 - 1 / 2 = 0, so ln L = 2 (-ln(2 pi) / 2) - 1 / 2.
    void threePointLikelihoodByHand() {
        const std::vector<Date> dates{kStart, Date(2027, 1, 1), Date(2028, 1, 1)};
        const OuObservations o = ouObservations(series(dates, {0.1 + 0.0, 0.1 - 0.2 + 1.0, 0.1 - 0.4 + 0.5}));
        QCOMPARE(o.t, (std::vector<double>{0.0, 1.0, 2.0}));
        const OuParameters p{0.1, -0.2, std::numbers::ln2, std::sqrt(8.0 / 3.0 * std::numbers::ln2)};
        const double byHand = -std::log(2.0 * std::numbers::pi) - 0.5; // -2.3378770664093453
        QVERIFY(std::abs(ouLogLikelihood(o, p) - byHand) < 1e-14);
        QVERIFY(std::abs(byHand - -2.3378770664093453) < 1e-15);
        // The step variance and its kappa -> 0 limit.
        QCOMPARE(ouStepVariance(std::numbers::ln2, 1.0), 0.375 / std::numbers::ln2);
        QCOMPARE(ouStepVariance(0.0, 0.5), 0.5);
        QVERIFY(std::abs(ouStepVariance(1e-9, 0.5) - 0.5) < 1e-9);
        // Without reversion, a random walk: residuals 1 - 0 and 0.5 - 1, variance sigma^2 x 1 year.
        const OuParameters walk{0.1, -0.2, 0.0, 1.0};
        QVERIFY(std::abs(ouLogLikelihood(o, walk) -
                         (-std::log(2.0 * std::numbers::pi) - (1.0 + 0.25) / 2.0)) < 1e-14);
    }

    // At a fixed kappa the profile's a, b and sigma maximize the likelihood: its value is the full
    // log-likelihood there, and a step in any of them lowers it (kappa 0: the level is the first point).
    void theProfileIsTheMaximumAtItsKappa() {
        std::mt19937_64 rng(7);
        const auto data = simulate(rng, {std::log(2.5), -0.15, 1.0, 0.3}, irregularDates(rng, 25));
        const OuObservations o = ouObservations(data);
        for (double kappa : {0.0, 0.05, 0.3, 1.0, 7.0}) {
            const OuProfile pr = ouProfile(o, kappa);
            if (kappa == 0.0)
                QCOMPARE(pr.parameters.level, o.x.front());
            QVERIFY(std::abs(pr.logLikelihood - ouLogLikelihood(o, pr.parameters)) < 1e-10);
            for (int which = 0; which < 3; ++which)
                for (double h : {-1e-3, 1e-3}) {
                    OuParameters q = pr.parameters;
                    (which == 0 ? q.level : which == 1 ? q.trendPerYear : q.volatility) += h;
                    // Without reversion the level does not enter: the first point is the walk's start.
                    if (kappa == 0.0 && which == 0)
                        QCOMPARE(ouLogLikelihood(o, q), pr.logLikelihood);
                    else
                        QVERIFY2(ouLogLikelihood(o, q) < pr.logLikelihood,
                                 qPrintable(QString::number(kappa)));
                }
        }
    }

    void tooFewPointsAreRefused() {
        std::string error;
        const std::vector<Date> dates{kStart, Date(2026, 2, 1), Date(2026, 3, 1), Date(2026, 4, 1)};
        QVERIFY(!fitOu(series(dates, {0.0, 0.1, 0.0, 0.2}), &error));
        QCOMPARE(error, std::string("a fit needs at least 5 points; got 4"));
        PriceSeries s;
        for (const Date& d : dates)
            s.points.push_back({d, 2.0, PriceTier::Reserved1y, "H100", "", {}, false, ""});
        s.points.push_back({Date(2026, 5, 1), 2.0, PriceTier::Spot, "H100", "", {}, false, ""});
        QVERIFY(!fitOuToSeries(s, PriceTier::Reserved1y, &error));
        QCOMPARE(error, std::string("a fit needs at least 5 points of one tier; the series has 4 of tier "
                                    "reserved-1y"));
        QVERIFY(!fitOuToSeries(s, std::nullopt, &error));
        QCOMPARE(error,
                 std::string("the series holds 2 tiers (4 reserved-1y, 1 spot), which differ in level: "
                             "choose one with --tier"));
        QVERIFY(!fitOuToSeries(s, PriceTier::OnDemand, &error));
        QCOMPARE(error, std::string("the series has no point of tier on-demand"));
    }

    // P = 2.5 e^(-0.15 t): no deviation at all. Volatility 0, the trend the slope, no NaN.
    void aLogLinearSeriesHasNoVolatility() {
        std::mt19937_64 rng(3);
        const auto dates = irregularDates(rng, 12);
        std::vector<double> x;
        for (const Date& d : dates)
            x.push_back(std::log(2.5) - 0.15 * double((d - kStart).days()) / 365.0);
        std::string error;
        const auto fit = fitOu(series(dates, x), &error);
        QVERIFY(fit);
        QVERIFY(fit->status == OuFitStatus::Degenerate);
        QVERIFY(fit->parameters.volatility < 1e-6);
        QVERIFY(std::abs(fit->parameters.trendPerYear - -0.15) < 1e-9);
        QVERIFY(std::abs(fit->parameters.level - std::log(2.5)) < 1e-9);
        QCOMPARE(fit->parameters.reversionPerYear, 1.0);
        QVERIFY(!fit->logLikelihood && !fit->aic && !fit->seTrend && !fit->seVolatility);
        QCOMPARE(fit->notes.size(), std::size_t(1));
        for (double v : {fit->rmsStandardizedResidual, fit->lag1Autocorrelation, fit->ljungBoxQ1,
                         fit->ljungBoxP, fit->rmsLogError, *fit->halfLifeYears})
            QVERIFY(std::isfinite(v));
        QVERIFY(fit->rmsLogError < 1e-12);
        const OuBand band = ouPriceBand(*fit, Date(2030, 1, 1));
        QVERIFY(std::abs(band.median / (2.5 * std::exp(-0.15 * 1461.0 / 365.0)) - 1.0) < 1e-9);
        QCOMPARE(band.p5, band.median);
        QCOMPARE(band.p95, band.median);
    }

    // 200 datasets of 60 points a month apart on average (about five years) with a reversion of 6 a
    // year (kappa T about 30): the trend and the volatility within 3 standard errors in at least 95%
    // of them, and the mean standard error within 20% of the estimates' spread.
    void syntheticDataRecoverTrendAndVolatility() {
        const OuParameters truth{std::log(2.5), -0.15, 6.0, 0.30};
        const Samples s = fitMany(truth, 200, 60, 20261201);
        qInfo() << describe("trend", s.trend) << describe("volatility", s.volatility)
                << describe("reversion", s.reversion);
        QVERIFY2(s.trend.coverage() >= 0.95, describe("trend", s.trend));
        QVERIFY2(s.volatility.coverage() >= 0.95, describe("volatility", s.volatility));
        QVERIFY2(std::abs(s.trend.meanSe() / s.trend.spread() - 1.0) < 0.2, describe("trend", s.trend));
        QVERIFY2(std::abs(s.volatility.meanSe() / s.volatility.spread() - 1.0) < 0.2,
                 describe("volatility", s.volatility));
        QVERIFY2(s.reversion.coverage() >= 0.95, describe("reversion", s.reversion));
    }

    // Over twenty years (240 points, kappa 2: kappa T 40) the reversion is determined too: its
    // standard error within 20% of its spread.
    void aLongSpanDeterminesTheReversion() {
        const OuParameters truth{std::log(2.5), -0.15, 2.0, 0.30};
        const Samples s = fitMany(truth, 200, 240, 9);
        qInfo() << describe("reversion", s.reversion) << describe("trend", s.trend);
        QVERIFY2(s.reversion.coverage() >= 0.95, describe("reversion", s.reversion));
        QVERIFY2(std::abs(s.reversion.meanSe() / s.reversion.spread() - 1.0) < 0.2,
                 describe("reversion", s.reversion));
        QVERIFY2(std::abs(s.trend.meanSe() / s.trend.spread() - 1.0) < 0.2, describe("trend", s.trend));
        QVERIFY2(s.trend.coverage() >= 0.95, describe("trend", s.trend));
    }

    // MODEL.md 6's default market (kappa 1) over five years: a span of about five reversion times.
    // The volatility is still right; the reversion comes out high (on average more than twice the
    // truth) and the trend's standard error too small, which nine fits in ten say.
    void aShortSpanIsFlagged() {
        const OuParameters truth{std::log(2.5), -0.15, 1.0, 0.30};
        const Samples s = fitMany(truth, 200, 60, 20261201);
        QVERIFY2(s.volatility.coverage() >= 0.95, describe("volatility", s.volatility));
        QVERIFY2(std::abs(s.volatility.meanSe() / s.volatility.spread() - 1.0) < 0.2,
                 describe("volatility", s.volatility));
        double meanKappa = 0.0;
        for (double k : s.reversion.estimate)
            meanKappa += k / double(s.reversion.estimate.size());
        QVERIFY2(meanKappa > 1.5, qPrintable(QString::number(meanKappa)));
        QVERIFY2(s.trend.meanSe() < 0.8 * s.trend.spread(), describe("trend", s.trend));
        QVERIFY2(s.flaggedShort >= 180, qPrintable(QString::number(s.flaggedShort)));
    }

    // Yearly points alternating about the line: the deviations die out before the next point, so the
    // fit is at the top of the range, without a standard error for the reversion.
    void alternatingDeviationsAreAtTheUpperBound() {
        std::vector<Date> dates;
        std::vector<double> x;
        for (int i = 0; i < 8; ++i) {
            dates.push_back(Date(2020 + i, 1, 1));
            x.push_back(1.0 - 0.1 * double((dates.back() - dates.front()).days()) / 365.0 +
                        (i % 2 == 0 ? 0.05 : -0.05));
        }
        std::string error;
        const auto fit = fitOu(series(dates, x), &error);
        QVERIFY(fit);
        QVERIFY(fit->status == OuFitStatus::AtUpperBound);
        QCOMPARE(fit->parameters.reversionPerYear, 50.0);
        QVERIFY(!fit->seReversion && fit->seTrend && fit->seVolatility);
        QVERIFY(fit->lag1Autocorrelation < -0.5);
    }

    // Deviations that grow (e^t): no pull back at all, the fit is at the bottom of the range.
    void growingDeviationsAreAtTheLowerBound() {
        std::vector<Date> dates;
        std::vector<double> x;
        for (int i = 0; i < 24; ++i) {
            dates.push_back(addDays(kStart, 76 * i));
            const double t = 76.0 * i / 365.0;
            x.push_back(0.5 - 0.2 * t + 0.01 * std::exp(t));
        }
        std::string error;
        const auto fit = fitOu(series(dates, x), &error);
        QVERIFY(fit);
        QVERIFY(fit->status == OuFitStatus::AtLowerBound);
        QCOMPARE(fit->parameters.reversionPerYear, 0.0);
        QVERIFY(!fit->seReversion && fit->seTrend && !fit->halfLifeYears);
        // The random walk's trend is the mean drift, its level the first point.
        QCOMPARE(fit->parameters.level, x.front());
        QVERIFY(std::abs(fit->parameters.trendPerYear - (x.back() - x.front()) / (76.0 * 23 / 365.0)) <
                1e-12);
    }

    // The band given the latest point: the point itself on its date, the closed form after it, and
    // the stationary band far out.
    void theBandFollowsTheConditionalLaw() {
        std::mt19937_64 rng(11);
        const auto data = simulate(rng, {std::log(2.5), -0.15, 1.0, 0.30}, irregularDates(rng, 30));
        std::string error;
        const auto fit = fitOu(data, &error);
        QVERIFY(fit && fit->status == OuFitStatus::Interior);
        const OuParameters& p = fit->parameters;
        const DatedPrice& last = data.back();
        const OuBand atLast = ouPriceBand(*fit, last.date);
        QVERIFY(std::abs(atLast.median / last.price - 1.0) < 1e-12);
        QCOMPARE(atLast.p5, atLast.median);
        const Date later = addDays(last.date, 365);
        const double tLast = double((last.date - kStart).days()) / 365.0, t = tLast + 1.0;
        const double mean =
            p.level + p.trendPerYear * t +
            (std::log(last.price) - p.level - p.trendPerYear * tLast) * std::exp(-p.reversionPerYear);
        const double sd = p.volatility *
                          std::sqrt((1.0 - std::exp(-2.0 * p.reversionPerYear)) / (2.0 * p.reversionPerYear));
        const OuBand b = ouPriceBand(*fit, later);
        QVERIFY(std::abs(std::log(b.median) - mean) < 1e-12);
        QVERIFY(std::abs(std::log(b.p95) - (mean + 1.6448536269514722 * sd)) < 1e-12);
        QVERIFY(std::abs(std::log(b.p5) - (mean - 1.6448536269514722 * sd)) < 1e-12);
        // Between two points the earlier one conditions; before the first, the first does.
        const OuBand between = ouPriceBand(*fit, addDays(data[3].date, 1));
        QVERIFY(between.p5 < between.median && between.median < between.p95);
        QVERIFY(std::abs(std::log(between.median / data[3].price)) < 0.01);
        const OuBand before = ouPriceBand(*fit, addDays(kStart, -30));
        QVERIFY(before.p5 < before.median && before.median < before.p95);
        // Far out, the stationary band about the trend line.
        const Date far(2080, 1, 1);
        const double tFar = double((far - kStart).days()) / 365.0;
        const OuBand f = ouPriceBand(*fit, far);
        QVERIFY(std::abs(std::log(f.median) - (p.level + p.trendPerYear * tFar)) < 1e-12);
        QVERIFY(std::abs(std::log(f.p95 / f.median) -
                         1.6448536269514722 * p.volatility / std::sqrt(2.0 * p.reversionPerYear)) < 1e-12);
    }

    // The fit's trend, reversion and volatility go into market.gpu_price; a forward curve stays, and
    // then the trend does too (the file does not take both).
    void aFitSetsTheGpuPriceProcess() {
        const OuParameters fitted{0.9, -0.2, 2.5, 0.4};
        GpuPriceProcess g{-0.15, 1.0, 0.30, std::nullopt};
        QCOMPARE(ouFitFields(g), (std::vector<std::string>{"market.gpu_price.trend_per_year",
                                                           "market.gpu_price.reversion_per_year",
                                                           "market.gpu_price.volatility"}));
        QVERIFY(!applyOuFit(g, fitted));
        QCOMPARE(g.trendPerYear, -0.2);
        QCOMPARE(g.reversionPerYear, 2.5);
        QCOMPARE(g.volatility, 0.4);
        const ForwardCurve curve{std::string("H100"), {{Date(2027, 1, 1), 2.0}, {Date(2028, 1, 1), 1.6}}};
        GpuPriceProcess onCurve{-0.15, 1.0, 0.30, curve};
        QCOMPARE(ouFitFields(onCurve), (std::vector<std::string>{"market.gpu_price.reversion_per_year",
                                                                 "market.gpu_price.volatility"}));
        QVERIFY(applyOuFit(onCurve, fitted));
        QCOMPARE(onCurve.trendPerYear, -0.15);
        QCOMPARE(onCurve.reversionPerYear, 2.5);
        QCOMPARE(onCurve.volatility, 0.4);
        QVERIFY(onCurve.forwardCurve == curve);
    }
};

QTEST_GUILESS_MAIN(OuCalibrationTest)
#include "tst_ou_calibration.moc"
