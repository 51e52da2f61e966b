// computeledger calibrate: the GPU market model (market.gpu_price) fitted to a price series by
// maximum likelihood (analytics/OuCalibration, docs/model.md 16): the estimates with their standard
// errors and the fit's summary, as text or as a `market` fragment plus a `fit` object; with --into
// FILE --out OUT, the portfolio FILE written to OUT with the fitted parameters.
#include "app/Commands.h"

#include "analytics/GpuPriceFit.h"
#include "analytics/OuCalibration.h"
#include "app/CommandSupport.h"
#include "data/PriceSeries.h"
#include "portfolio/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ledger::app {

namespace {

// The series argument that names the bundled series rather than a file.
const QString kBundled = QStringLiteral("bundled");
// The band is shown this many years after the last point, one row a year.
constexpr int kBandYears = 3;

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString fixed(double v) {
    return QString::number(v, 'f', 4);
}

QString fixedOr(const std::optional<double>& v, const QString& none = "-") {
    return v ? fixed(*v) : none;
}

QJsonValue orNull(const std::optional<double>& v) {
    return v ? QJsonValue(*v) : QJsonValue();
}

struct Calibration {
    QString seriesName; // as messages and the output name it
    bool bundled = false;
    std::optional<PriceTier> tier;
    OuFit fit;
};

std::vector<Date> bandDates(const OuFit& fit) {
    const Date last = addDays(fit.observations.origin, long(std::lround(fit.observations.t.back() * 365.0)));
    std::vector<Date> dates;
    for (int y = 0; y <= kBandYears; ++y)
        dates.push_back(addYears(last, y));
    return dates;
}

// What --into wrote (analytics/GpuPriceFit: the fitted trend, reversion and volatility; on a forward
// curve the curve stays and only the reversion and the volatility are set).
struct Written {
    QString file;
    bool forwardCurveKept = false;
};

QJsonObject calibrationJson(const Calibration& c, const std::optional<Written>& written) {
    const OuFit& f = c.fit;
    const OuParameters& p = f.parameters;
    QJsonArray band;
    for (const Date& d : bandDates(f)) {
        const OuBand b = ouPriceBand(f, d);
        band.append(
            QJsonObject{{"date", q(formatIsoDate(d))}, {"median", b.median}, {"p5", b.p5}, {"p95", b.p95}});
    }
    QJsonArray notes;
    for (const std::string& n : f.notes)
        notes.append(q(n));
    const Date last = addDays(f.observations.origin, long(std::lround(f.observations.t.back() * 365.0)));
    QJsonObject fit{
        {"series", c.seriesName},
        {"bundled", c.bundled},
        {"tier", c.tier ? QJsonValue(q(std::string(toString(*c.tier)))) : QJsonValue()},
        {"points", f.points},
        {"first_date", q(formatIsoDate(f.observations.origin))},
        {"last_date", q(formatIsoDate(last))},
        {"status", toString(f.status)},
        {"reversion_range", QJsonObject{{"min", f.options.minReversion}, {"max", f.options.maxReversion}}},
        {"level", p.level},
        {"standard_errors", QJsonObject{{"trend_per_year", orNull(f.seTrend)},
                                        {"reversion_per_year", orNull(f.seReversion)},
                                        {"volatility", orNull(f.seVolatility)},
                                        {"level", orNull(f.seLevel)}}},
        {"log_likelihood", orNull(f.logLikelihood)},
        {"aic", orNull(f.aic)},
        {"rms_standardized_residual", f.rmsStandardizedResidual},
        {"max_abs_standardized_residual", f.maxAbsStandardizedResidual},
        {"rms_log_error", f.rmsLogError},
        {"lag1_autocorrelation", f.lag1Autocorrelation},
        {"ljung_box_q1", f.ljungBoxQ1},
        {"ljung_box_p", f.ljungBoxP},
        {"half_life_years", orNull(f.halfLifeYears)},
        {"band", band},
        {"notes", notes},
    };
    QJsonObject root{
        {"market", QJsonObject{{"gpu_price", QJsonObject{{"trend_per_year", p.trendPerYear},
                                                         {"reversion_per_year", p.reversionPerYear},
                                                         {"volatility", p.volatility}}}}},
        {"fit", fit},
    };
    if (written)
        root["written"] =
            QJsonObject{{"file", written->file}, {"forward_curve_kept", written->forwardCurveKept}};
    return root;
}

QString calibrationText(const Calibration& c, const std::optional<Written>& written) {
    const OuFit& f = c.fit;
    const OuParameters& p = f.parameters;
    const auto& dates = bandDates(f);
    QString t;
    t += "Series:      " + c.seriesName + (c.bundled ? " (bundled)" : "") +
         (c.tier ? ", tier " + q(std::string(toString(*c.tier))) : QString()) + ": " +
         QString::number(f.points) + " points, " + q(formatIsoDate(f.observations.origin)) + " .. " +
         q(formatIsoDate(dates.front())) + "\n";
    t += "Model:       ln P(t) = a + b t + Y(t), Y an Ornstein-Uhlenbeck deviation (docs/model.md 16);\n"
         "             t in years (ACT/365) from " +
         q(formatIsoDate(f.observations.origin)) + "; the likelihood is conditional on the first point\n";
    const QString range = "[" + QString::number(f.options.minReversion) + ", " +
                          QString::number(f.options.maxReversion) + "] per year";
    switch (f.status) {
    case OuFitStatus::Interior:
        t += "Maximum:     inside the reversion's range searched, " + range + "\n";
        break;
    case OuFitStatus::AtLowerBound:
        t += "Maximum:     at the bottom of the reversion's range " + range +
             ": a random walk with drift (reversion 0)\n";
        break;
    case OuFitStatus::AtUpperBound:
        t += "Maximum:     at the top of the reversion's range " + range + "\n";
        break;
    case OuFitStatus::Degenerate:
        t += "Maximum:     none: the log prices lie on a line (volatility 0)\n";
        break;
    }
    t += "\n";
    t += QString("%1%2%3\n").arg("", -28).arg("estimate", 12).arg("std. error", 14);
    auto row = [&](const QString& name, double v, const std::optional<double>& se) {
        t += QString("%1%2%3\n").arg(name, -28).arg(fixed(v), 12).arg(fixedOr(se), 14);
    };
    row("trend_per_year (b)", p.trendPerYear, f.seTrend);
    row("reversion_per_year (kappa)", p.reversionPerYear, f.seReversion);
    row("volatility (sigma)", p.volatility, f.seVolatility);
    row("level a (ln price at t = 0)", p.level, f.seLevel);
    t += "\n";
    if (f.logLikelihood)
        t += "Log-likelihood " + fixed(*f.logLikelihood) + " over " + QString::number(f.points - 1) +
             " transitions, AIC " + fixed(*f.aic) + " (4 parameters)\n";
    t += "Standardized residuals: RMS " + fixed(f.rmsStandardizedResidual) + ", largest " +
         fixed(f.maxAbsStandardizedResidual) + ", lag-1 autocorrelation " + fixed(f.lag1Autocorrelation) +
         " (Ljung-Box Q(1) " + fixed(f.ljungBoxQ1) + ", p " + fixed(f.ljungBoxP) + ")\n";
    t += "One-step error: RMS " + fixed(f.rmsLogError) + " in log price\n";
    t += "Half-life:   " +
         (f.halfLifeYears ? fixed(*f.halfLifeYears) + " years" : QString("none (no reversion)")) + "\n";
    t += "Fitted price, median (5% .. 95%), given the last point:\n";
    for (const Date& d : dates) {
        const OuBand b = ouPriceBand(f, d);
        t += "  " + q(formatIsoDate(d)) + "  " + fixed(b.median) + "  (" + fixed(b.p5) + " .. " +
             fixed(b.p95) + ")\n";
    }
    for (const std::string& n : f.notes)
        t += "Note: " + q(n) + "\n";
    if (written)
        t +=
            "Wrote " + written->file +
            (written->forwardCurveKept
                 ? ": its forward curve is kept (it stands in place of the trend); reversion_per_year and "
                   "volatility are set from the fit\n"
                 : ": market.gpu_price trend_per_year, reversion_per_year and volatility set from the fit\n");
    return t;
}

// The portfolio FILE with the fit in market.gpu_price, written to OUT.
std::optional<Written> writeInto(const Calibration& c, const QString& file, const QString& outPath,
                                 const QString& seriesPath, QString* error) {
    const OpenedPortfolio opened = openPortfolio(file);
    if (!opened.ok())
        return std::nullopt;
    Portfolio p = opened.portfolio();
    const Written w{outPath, applyOuFit(p.market.gpuPrice, c.fit.parameters)};
    if (const auto invalid = validatePortfolio(p, opened.catalog)) {
        *error = "computeledger calibrate: the fit does not go into " + file + ": " + q(invalid->toString());
        return std::nullopt;
    }
    const QStringList inputs = seriesPath == kBundled ? QStringList() : QStringList{seriesPath};
    if (!savePortfolioOutput(p, outPath, file, opened.load, inputs, error))
        return std::nullopt;
    return w;
}

} // namespace

int calibrateCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("calibrate", "subcommand");
    parser.addPositionalArgument("SERIES", "a price series CSV, or the word bundled");
    parser.addOption({"tier", "fit the points of this tier", "TIER"});
    parser.addOption({"json", "print the market.gpu_price fragment and the fit as JSON"});
    parser.addOption({"into", "a portfolio to take the fitted parameters", "FILE"});
    parser.addOption({"out", "where to write that portfolio", "OUT"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return userError("computeledger calibrate: expected one SERIES (a CSV file or the word bundled)");
    if (parser.isSet("into") != parser.isSet("out"))
        return userError("computeledger calibrate: --into FILE and --out OUT go together");
    Calibration c;
    if (parser.isSet("tier") && !(c.tier = data::priceTierFromText(parser.value("tier"), &error)))
        return userError("computeledger calibrate: --tier: " + error);
    std::optional<PriceSeries> series;
    if (pos[1] == kBundled) {
        c.seriesName = data::bundledPriceSeriesName();
        c.bundled = true;
        series = data::bundledPriceSeries();
    } else {
        c.seriesName = pos[1];
        if (!(series = data::loadPriceSeriesFile(pos[1], &error)))
            return userError(error);
    }
    std::string why;
    const auto fit = fitOuToSeries(*series, c.tier, &why);
    if (!fit)
        return userError(c.seriesName + ": " + q(why));
    c.fit = *fit;
    std::optional<Written> written;
    if (parser.isSet("into")) {
        written = writeInto(c, parser.value("into"), parser.value("out"), pos[1], &error);
        if (!written)
            return error.isEmpty() ? kUserError : userError(error);
    }
    if (parser.isSet("json"))
        out() << QJsonDocument(calibrationJson(c, written)).toJson(QJsonDocument::Indented);
    else
        out() << calibrationText(c, written);
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
