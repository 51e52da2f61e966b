#include "models/PriceSeriesFit.h"

#include "analytics/GpuPriceFit.h"
#include "data/PriceSeries.h"
#include "models/EditWords.h"
#include "models/PortfolioDocument.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <set>

namespace ledger::models {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString isoDate(const Date& d) {
    return q(formatIsoDate(d));
}

// "1 point", "5 points".
QString pointCount(int n) {
    return n == 1 ? QObject::tr("1 point") : QObject::tr("%1 points").arg(n);
}

// The day of the fit's last point.
Date lastDate(const OuFit& fit) {
    const auto& t = fit.observations.t;
    return addDays(fit.observations.origin, t.empty() ? 0L : long(std::lround(t.back() * 365.0)));
}

// The points a choice takes (every point of a series without tiers).
std::vector<DatedPrice> pointsOf(const PriceSeries& s, const TierChoice& c) {
    std::string why;
    return pointsOfTier(s, c.tier, &why).value_or(std::vector<DatedPrice>{});
}

QString fixed(const QLocale& l, double v, int decimals = 3) {
    return l.toString(v, 'f', decimals);
}

QString standardError(const QLocale& l, const std::optional<double>& se) {
    return se ? QObject::tr("standard error %1").arg(fixed(l, *se)) : QObject::tr("no standard error");
}

// ln 2 / kappa years in the unit that reads: days, months or years.
QString halfLife(const QLocale& l, double years) {
    if (years * 12.0 < 1.0)
        return QObject::tr("%1 days").arg(fixed(l, years * 365.0, 0));
    if (years < 1.0)
        return QObject::tr("%1 months").arg(fixed(l, years * 12.0, 1));
    return QObject::tr("%1 years").arg(fixed(l, years, 1));
}

// "h100-prices.csv, tier spot"; "h100-prices.csv" for a series without tiers.
QString seriesAndTier(const QString& seriesName, const TierChoice& c) {
    return c.tier ? QObject::tr("%1, tier %2").arg(seriesName, tierName(c)) : seriesName;
}

} // namespace

std::vector<TierChoice> tierChoices(const PriceSeries& s) {
    const std::vector<PriceTier> tiers = tiersOf(s);
    if (tiers.empty())
        return {TierChoice{std::nullopt, int(s.points.size())}};
    std::vector<TierChoice> choices;
    for (PriceTier t : tiers)
        choices.push_back(
            TierChoice{t, int(std::count_if(s.points.begin(), s.points.end(),
                                            [t](const PricePoint& p) { return p.tier == t; }))});
    return choices;
}

std::size_t defaultTierChoice(const std::vector<TierChoice>& choices) {
    const auto most =
        std::max_element(choices.begin(), choices.end(),
                         [](const TierChoice& a, const TierChoice& b) { return a.points < b.points; });
    return most == choices.end() ? 0 : std::size_t(most - choices.begin());
}

QString tierName(const TierChoice& c) {
    return c.tier ? q(std::string(toString(*c.tier))) : QObject::tr("prices");
}

QString tierChoiceLabel(const TierChoice& c) {
    const QString name = c.tier ? tierName(c) : QObject::tr("All points");
    return c.points < kMinCalibrationPoints
               ? QObject::tr("%1 (%2, too few to fit)").arg(name, pointCount(c.points))
               : QObject::tr("%1 (%2)").arg(name, pointCount(c.points));
}

PriceFitChart priceFitChart(const PriceSeries& s, const TierChoice& fitted, const std::optional<OuFit>& fit) {
    PriceFitChart chart;
    double highest = 0.0;
    bool first = true;
    for (const TierChoice& c : tierChoices(s)) {
        PriceFitChart::TierPoints tier{tierName(c), pointsOf(s, c)};
        for (const DatedPrice& p : tier.points) {
            chart.from = first ? p.date : std::min(chart.from, p.date);
            chart.to = first ? p.date : std::max(chart.to, p.date);
            highest = std::max(highest, p.price);
            first = false;
        }
        chart.tiers.push_back(std::move(tier));
    }
    if (first)
        return chart; // no point: nothing to show
    chart.to = addYears(chart.to, 1);
    chart.high = highest;
    if (!fit)
        return chart;
    std::set<Date> days;
    const long span = (chart.to - chart.from).days();
    for (int i = 0; i <= kBandSamples; ++i)
        days.insert(addDays(chart.from, long(std::lround(double(span) * i / kBandSamples))));
    for (const DatedPrice& p : pointsOf(s, fitted)) {
        days.insert(p.date);
        if (p.date > chart.from)
            days.insert(addDays(p.date, -1));
    }
    double p95 = 0.0;
    for (const Date& d : days) {
        const OuBand b = ouPriceBand(*fit, d);
        chart.band.push_back({d, b});
        chart.high = std::max(chart.high, b.median);
        p95 = std::max(p95, b.p95);
    }
    chart.high = std::max(chart.high, std::min(p95, 2.0 * highest));
    return chart;
}

QString noFitInWords(const QString& seriesName, const TierChoice& c, const std::string& why) {
    if (c.points < kMinCalibrationPoints) {
        const QString what =
            c.tier ? QObject::tr("The %1 tier of %2").arg(tierName(c), seriesName) : seriesName;
        return QObject::tr("%1 has %2; a fit needs at least %3, so only the points are shown.")
            .arg(what, pointCount(c.points))
            .arg(kMinCalibrationPoints);
    }
    return QObject::tr("%1: no fit (%2); only the points are shown.")
        .arg(seriesAndTier(seriesName, c), q(why));
}

QStringList fitInWords(const QString& seriesName, const TierChoice& c, const OuFit& fit,
                       const QLocale& locale) {
    const OuParameters& p = fit.parameters;
    const double years = fit.observations.t.empty() ? 0.0 : fit.observations.t.back();
    QStringList lines;
    lines << QObject::tr("Fitted to %1: %2 from %3 to %4 (%5 years).")
                 .arg(seriesAndTier(seriesName, c), pointCount(fit.points), isoDate(fit.observations.origin),
                      isoDate(lastDate(fit)), fixed(locale, years, 1));
    const double yearly = (std::exp(p.trendPerYear) - 1.0) * 100.0;
    lines << QObject::tr("Trend: %1 per year (%2): the trend line %3 about %4% a year.")
                 .arg(fixed(locale, p.trendPerYear), standardError(locale, fit.seTrend),
                      yearly < 0.0 ? QObject::tr("falls") : QObject::tr("rises"),
                      fixed(locale, std::abs(yearly), 1));
    if (fit.halfLifeYears)
        lines << QObject::tr("Reversion: %1 per year (%2): a deviation from the trend halves in %3.")
                     .arg(fixed(locale, p.reversionPerYear), standardError(locale, fit.seReversion),
                          halfLife(locale, *fit.halfLifeYears));
    else
        lines << QObject::tr("Reversion: %1 per year: no pull back to the trend (a random walk with drift).")
                     .arg(fixed(locale, p.reversionPerYear));
    lines << QObject::tr("Volatility: %1 per √year (%2).")
                 .arg(fixed(locale, p.volatility), standardError(locale, fit.seVolatility));
    for (const std::string& note : fit.notes)
        lines << QObject::tr("Note: %1.").arg(q(note));
    return lines;
}

QString applyFitInWords(const GpuPriceProcess& g) {
    return g.forwardCurve
               ? QObject::tr("The forward curve gives the trend: Apply the fit keeps it and sets the "
                             "GPU price reversion and volatility.")
               : QObject::tr("Apply the fit sets the GPU price trend, reversion and volatility.");
}

QString fitEditInWords(const GpuPriceProcess& before, const OuParameters& fitted, const QString& seriesName,
                       const TierChoice& c) {
    const auto change = [](const QString& what, double from, double to) {
        return QObject::tr("%1 %2 -> %3").arg(what, plainNumber(from), QString::number(to, 'g', 4));
    };
    QStringList changes;
    if (!before.forwardCurve)
        changes << change(QObject::tr("trend"), before.trendPerYear, fitted.trendPerYear);
    changes << change(QObject::tr("reversion"), before.reversionPerYear, fitted.reversionPerYear)
            << change(QObject::tr("volatility"), before.volatility, fitted.volatility);
    return (before.forwardCurve ? QObject::tr("GPU price fitted to %1 (the forward curve kept): %2")
                                : QObject::tr("GPU price fitted to %1: %2"))
        .arg(seriesAndTier(seriesName, c), changes.join(", "));
}

QString fitSource(const QString& seriesName, const TierChoice& c, const OuFit& fit, const QDate& day) {
    return QObject::tr("fitted to %1 (%2, %3 .. %4) on %5")
        .arg(seriesAndTier(seriesName, c), pointCount(fit.points), isoDate(fit.observations.origin),
             isoDate(lastDate(fit)), day.toString(Qt::ISODate));
}

PriceSeriesFit::PriceSeriesFit(QObject* parent)
    : QObject(parent) {
    take(data::bundledPriceSeries(), data::bundledPriceSeriesName(), true);
}

bool PriceSeriesFit::openSeries(const QString& path, QString* error) {
    auto s = data::loadPriceSeriesFile(path, error);
    if (!s)
        return false;
    take(std::move(*s), QFileInfo(path).fileName(), false);
    return true;
}

void PriceSeriesFit::useBundled() {
    take(data::bundledPriceSeries(), data::bundledPriceSeriesName(), true);
}

void PriceSeriesFit::take(PriceSeries s, const QString& name, bool bundled) {
    series_ = std::move(s);
    name_ = name;
    bundled_ = bundled;
    tiers_ = tierChoices(series_);
    tier_ = defaultTierChoice(tiers_);
    refit();
}

void PriceSeriesFit::setTierIndex(std::size_t i) {
    if (i >= tiers_.size() || i == tier_)
        return;
    tier_ = i;
    refit();
}

void PriceSeriesFit::refit() {
    why_.clear();
    fit_ = fitOuToSeries(series_, tier().tier, &why_);
    emit changed();
}

PriceFitChart PriceSeriesFit::chart() const {
    return priceFitChart(series_, tier(), fit_);
}

QStringList PriceSeriesFit::summary(const QLocale& locale) const {
    return fit_ ? fitInWords(name_, tier(), *fit_, locale) : QStringList{noFitInWords(name_, tier(), why_)};
}

bool PriceSeriesFit::apply(PortfolioDocument* doc, QString* error) const {
    if (!doc->hasPortfolio())
        return false;
    if (!fit_) {
        *error = noFitInWords(name_, tier(), why_);
        return false;
    }
    const GpuPriceProcess& before = doc->portfolio().market.gpuPrice;
    QString why;
    if (!doc->setGpuPriceFit(fit_->parameters, fitEditInWords(before, fit_->parameters, name_, tier()),
                             fitSource(name_, tier(), *fit_, QDate::currentDate()), &why)) {
        *error = tr("The fit was not applied: %1").arg(why);
        return false;
    }
    return true;
}

} // namespace ledger::models
