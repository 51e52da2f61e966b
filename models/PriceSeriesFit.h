#pragma once
// The market editor's price series and its fit (docs/model.md 16, docs/gui.md "Market model"): which
// series (the bundled H100 one, or a user's CSV read as `calibrate` reads it) and which of its tiers,
// the OU fit of that tier (analytics/OuCalibration), what the chart shows (each tier's points, the
// fitted median and its 5-95% band, ouPriceBand's), the fit in words, and "Apply the fit":
// market.gpu_price set as `calibrate --into` sets it (analytics/GpuPriceFit), one undoable edit
// named in words. No widget reads a number here that it then computes with.
#include "analytics/OuCalibration.h"
#include "analytics/PriceSeries.h"
#include "portfolio/Portfolio.h"

#include <QDate>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>
#include <vector>

namespace ledger::models {

class PortfolioDocument;

// A tier a fit can take, with its number of points; a series without tiers has one: all its points.
struct TierChoice {
    std::optional<PriceTier> tier;
    int points = 0;
};
// The series' tiers in order of first appearance (tiersOf), each with its count.
std::vector<TierChoice> tierChoices(const PriceSeries& s);
// The one a series opens on: the first of those with the most points.
std::size_t defaultTierChoice(const std::vector<TierChoice>& choices);
// The tier as the file names it ("reserved-1y"), or "prices" for a series without tiers.
QString tierName(const TierChoice& c);
// As the drop-down lists it: "on-demand (5 points)", "reserved-1y (4 points, too few to fit)".
QString tierChoiceLabel(const TierChoice& c);

// What the chart draws: every tier's points, and with a fit its median and 5-95% band on days from
// the series' first point to a year after its last.
struct PriceFitChart {
    struct TierPoints {
        QString name; // tierName
        std::vector<DatedPrice> points;
    };
    struct BandPoint {
        Date date;
        OuBand band; // ouPriceBand(fit, date)
    };
    std::vector<TierPoints> tiers;
    std::vector<BandPoint> band; // in date order; empty without a fit
    Date from, to;               // the days shown
    // The price axis' top: the highest point and median, and the band's up to twice the highest
    // point (a fit of a wild tier has a p95 far above anything observed; the chart clips it).
    double high = 0.0;
};
// The band is drawn on kBandSamples + 1 evenly spaced days, and on each fitted point's day and the
// day before (where the band, conditioned on the latest point, pinches to that point's price).
inline constexpr int kBandSamples = 240;
PriceFitChart priceFitChart(const PriceSeries& s, const TierChoice& fitted, const std::optional<OuFit>& fit);

// Why a tier has no fit, in a sentence: "The reserved-1y tier of h100-prices.csv has 4 points; a fit
// needs at least 5, so only its points are shown." (or the fit's own reason).
QString noFitInWords(const QString& seriesName, const TierChoice& c, const std::string& why);
// The fit in sentences a finance reader reads, one a line: what was fitted, the trend, reversion and
// volatility each with its standard error and what it means, then the fit's notes.
QStringList fitInWords(const QString& seriesName, const TierChoice& c, const OuFit& fit,
                       const QLocale& locale);
// What Apply sets on this market model: "Apply the fit sets the GPU price trend, reversion and
// volatility." or, with a forward curve, that it keeps the curve and sets the other two.
QString applyFitInWords(const GpuPriceProcess& g);
// The undo text: "GPU price fitted to h100-prices.csv, tier spot: trend -0.15 -> -0.3521,
// reversion 1 -> 3.412, volatility 0.3 -> 0.4517" (the fitted values to four digits).
QString fitEditInWords(const GpuPriceProcess& before, const OuParameters& fitted, const QString& seriesName,
                       const TierChoice& c);
// The source each field set cites: "fitted to h100-prices.csv, tier spot (5 points, 2025-01-01 ..
// 2026-06-25) on 2026-12-02".
QString fitSource(const QString& seriesName, const TierChoice& c, const OuFit& fit, const QDate& day);

// The editor's state: a series, the tier chosen and its fit, refitted when either changes.
class PriceSeriesFit : public QObject {
    Q_OBJECT
public:
    explicit PriceSeriesFit(QObject* parent = nullptr); // the bundled series on its default tier

    // A user's CSV (data::loadPriceSeriesFile). A file the reader refuses changes nothing and sets
    // *error to its one line naming the file and the row.
    bool openSeries(const QString& path, QString* error);
    void useBundled();

    const PriceSeries& series() const { return series_; }
    const QString& seriesName() const { return name_; } // the file's name; the bundled one's
    bool isBundled() const { return bundled_; }
    const std::vector<TierChoice>& tiers() const { return tiers_; }
    std::size_t tierIndex() const { return tier_; }
    void setTierIndex(std::size_t i);
    const TierChoice& tier() const { return tiers_[tier_]; }

    const std::optional<OuFit>& fit() const { return fit_; } // of the chosen tier
    PriceFitChart chart() const;
    // fitInWords, or noFitInWords as the only line.
    QStringList summary(const QLocale& locale) const;
    // Sets market.gpu_price from the fit as one undoable edit of doc. Refused (false, *error) when
    // there is no fit, or when the portfolio would not validate: "The fit was not applied:
    // market.gpu_price.volatility: 7.39 is above 2".
    bool apply(PortfolioDocument* doc, QString* error) const;

signals:
    void changed(); // another series or tier, and its fit

private:
    void take(PriceSeries s, const QString& name, bool bundled);
    void refit();

    PriceSeries series_;
    QString name_;
    bool bundled_ = true;
    std::vector<TierChoice> tiers_;
    std::size_t tier_ = 0;
    std::optional<OuFit> fit_;
    std::string why_; // no fit: the fit's reason
};

} // namespace ledger::models
