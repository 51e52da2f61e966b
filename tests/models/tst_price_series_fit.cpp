// The market editor's price series and its fit (models/PriceSeriesFit), on fixtures/three-tiers.csv:
// the 48 synthetic on-demand points of tests/app/fixtures/synthetic-prices.csv, six wild reserved-1y
// points (2 and 10 a month apart) and three spot points. The tiers and their counts, the chart's
// points by tier and its band (ouPriceBand's on every day drawn, a point's price on its day), the fit
// in words with its numbers, a tier too short to fit, a file the reader refuses (nothing changes),
// and Apply: market.gpu_price's three values as one undo step named in words, citing the series; with
// a forward curve the trend kept; a fit the portfolio does not take refused.
#include "analytics/OuCalibration.h"
#include "data/PriceSeries.h"
#include "models/PortfolioDocument.h"
#include "models/PriceSeriesFit.h"
#include "portfolio/Validation.h"

#include <QDate>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace ledger;
using namespace ledger::models;

namespace {

const QString kFixtures = QStringLiteral(LEDGER_MODELS_FIXTURES);
const QString kThreeTiers = kFixtures + "/three-tiers.csv";
const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);

PriceSeries threeTiers() {
    QString error;
    const auto s = data::loadPriceSeriesFile(kThreeTiers, &error);
    if (!s)
        qFatal("%s", qPrintable(error));
    return *s;
}

// The fit the library makes of a tier, to compare the model's with.
OuFit libraryFit(PriceTier tier) {
    std::string why;
    const auto fit = fitOuToSeries(threeTiers(), tier, &why);
    if (!fit)
        qFatal("%s", why.c_str());
    return *fit;
}

// The bundled example and the fixture's series on its default tier (on-demand), as the editor opens them.
struct Opened {
    PortfolioDocument doc{PortfolioDocument::bundledCatalog()};
    PriceSeriesFit model;
    Opened() {
        QString error;
        if (!doc.openBundledExample(&error) || !model.openSeries(kThreeTiers, &error))
            qFatal("%s", qPrintable(error));
    }
};

QString lastUndo(PortfolioDocument& doc) {
    return doc.undoStack()->text(doc.undoStack()->index() - 1);
}

} // namespace

class PriceSeriesFitTest : public QObject {
    Q_OBJECT
private slots:
    void theTiersWithTheirCounts() {
        const auto choices = tierChoices(threeTiers());
        QCOMPARE(int(choices.size()), 3);
        QCOMPARE(tierChoiceLabel(choices[0]), QString("on-demand (48 points)"));
        QCOMPARE(tierChoiceLabel(choices[1]), QString("reserved-1y (6 points)"));
        QCOMPARE(tierChoiceLabel(choices[2]), QString("spot (3 points, too few to fit)"));
        QCOMPARE(defaultTierChoice(choices), std::size_t(0));
        // A series without tiers is one choice, all its points.
        QString error;
        const auto plain = data::readPriceSeriesCsv("date,price\n2026-01-01,2.5\n", "plain.csv", &error);
        QVERIFY2(plain, qPrintable(error));
        const auto one = tierChoices(*plain);
        QCOMPARE(int(one.size()), 1);
        QVERIFY(!one[0].tier);
        QCOMPARE(tierChoiceLabel(one[0]), QString("All points (1 point, too few to fit)"));
    }

    // Every tier's points; the band on the days from the first point to a year after the last, each
    // ouPriceBand's, pinched to the point's price on a fitted point's day.
    void theChartIsThePointsAndTheBand() {
        Opened x;
        PriceSeriesFit& model = x.model;
        QCOMPARE(model.seriesName(), QString("three-tiers.csv"));
        QVERIFY(!model.isBundled());
        QCOMPARE(model.tierIndex(), std::size_t(0));
        QVERIFY(model.fit());
        const OuFit fit = libraryFit(PriceTier::OnDemand);
        QCOMPARE(model.fit()->parameters.volatility, fit.parameters.volatility);
        const PriceFitChart c = model.chart();
        QCOMPARE(int(c.tiers.size()), 3);
        QCOMPARE(c.tiers[0].name, QString("on-demand"));
        QCOMPARE(c.tiers[1].name, QString("reserved-1y"));
        QCOMPARE(c.tiers[2].name, QString("spot"));
        QCOMPARE(int(c.tiers[0].points.size()), 48);
        QCOMPARE(int(c.tiers[1].points.size()), 6);
        QCOMPARE(int(c.tiers[2].points.size()), 3);
        QCOMPARE(c.tiers[2].points[1].date, Date(2024, 9, 1));
        QCOMPARE(c.tiers[2].points[1].price, 1.90);
        QCOMPARE(c.from, Date(2022, 1, 1));
        QCOMPARE(c.to, Date(2026, 12, 18)); // a year after the last point, 2025-12-18
        // 241 evenly spaced days, and each of the 48 points' days and the day before (but the first's):
        // 241 + 48 + 47 less the days both lists hold.
        QVERIFY(int(c.band.size()) > 241 && int(c.band.size()) <= 241 + 48 + 47);
        QCOMPARE(c.band.front().date, c.from);
        QCOMPARE(c.band.back().date, c.to);
        for (std::size_t i = 0; i < c.band.size(); ++i) {
            if (i > 0)
                QVERIFY(c.band[i - 1].date < c.band[i].date);
            const OuBand b = ouPriceBand(fit, c.band[i].date);
            QCOMPARE(c.band[i].band.median, b.median);
            QCOMPARE(c.band[i].band.p5, b.p5);
            QCOMPARE(c.band[i].band.p95, b.p95);
        }
        const auto at = [&](const Date& d) {
            const auto it =
                std::find_if(c.band.begin(), c.band.end(), [&](const auto& b) { return b.date == d; });
            return it == c.band.end() ? OuBand{} : it->band;
        };
        // 2022-03-15 at 4.0570: the band is the point; the day before, the point before conditions it.
        const OuBand onPoint = at(Date(2022, 3, 15));
        QVERIFY(std::abs(onPoint.median / 4.0570 - 1.0) < 1e-12);
        QCOMPARE(onPoint.p5, onPoint.median);
        QCOMPARE(onPoint.p95, onPoint.median);
        const OuBand dayBefore = at(Date(2022, 3, 14));
        QVERIFY(dayBefore.p5 < dayBefore.median && dayBefore.median < dayBefore.p95);
        // The axis' top: the highest price (the wild tier's 10.00) and the medians, the band up to
        // twice the highest price.
        double median = 0.0, p95 = 0.0;
        for (const auto& b : c.band) {
            median = std::max(median, b.band.median);
            p95 = std::max(p95, b.band.p95);
        }
        QCOMPARE(c.high, std::max({10.0, median, std::min(p95, 20.0)}));
    }

    void theFitInWords() {
        Opened x;
        PriceSeriesFit& model = x.model;
        const QStringList lines = model.summary(kEnglish);
        QCOMPARE(lines.value(0),
                 QString("Fitted to three-tiers.csv, tier on-demand: 48 points from 2022-01-01 "
                         "to 2025-12-18 (4.0 years)."));
        // The CLI's estimates (-0.2281, 2.7123, 0.3233; standard errors 0.0533, 1.3258, 0.0373) to
        // three decimals; e^-0.2281 - 1 = -20.4%; ln 2 / 2.7123 years = 3.1 months.
        QCOMPARE(lines.value(1),
                 QString("Trend: -0.228 per year (standard error 0.053): the trend line falls about "
                         "20.4% a year."));
        QCOMPARE(lines.value(2),
                 QString("Reversion: 2.712 per year (standard error 1.326): a deviation from the "
                         "trend halves in 3.1 months."));
        QCOMPARE(lines.value(3), QString("Volatility: 0.323 per √year (standard error 0.037)."));
        QCOMPARE(lines.mid(4),
                 QStringList{"Note: the points span 10.8 reversion times (reversion x years); below 30 "
                             "the reversion comes out too high and the trend's standard error too "
                             "small."});
        // Shown in the locale's digits.
        QCOMPARE(model.summary(QLocale(QLocale::German, QLocale::Germany)).value(3),
                 QString("Volatility: 0,323 per √year (standard error 0,037)."));
    }

    // Fewer points than a fit needs: said with the count needed, only the points drawn, no Apply.
    void aTierTooShortShowsItsPointsOnly() {
        Opened x;
        PriceSeriesFit& model = x.model;
        QSignalSpy changed(&model, &PriceSeriesFit::changed);
        model.setTierIndex(2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(tierName(model.tier()), QString("spot"));
        QVERIFY(!model.fit());
        QCOMPARE(model.summary(kEnglish),
                 QStringList{"The spot tier of three-tiers.csv has 3 points; a fit needs at least 5, so only "
                             "the points are shown."});
        const PriceFitChart c = model.chart();
        QCOMPARE(int(c.tiers.size()), 3);
        QVERIFY(c.band.empty());
        QCOMPARE(c.high, 10.0);
        QString error;
        QVERIFY(!model.apply(&x.doc, &error));
        QCOMPARE(error, model.summary(kEnglish).front());
        QCOMPARE(x.doc.undoStack()->count(), 0);
    }

    // A bad row: the reader's one line naming the file and the row; the series shown stays.
    void aFileTheReaderRefusesChangesNothing() {
        Opened x;
        PriceSeriesFit& model = x.model;
        QSignalSpy changed(&model, &PriceSeriesFit::changed);
        const QString bad = kFixtures + "/bad-row.csv";
        QString error;
        QVERIFY(!model.openSeries(bad, &error));
        QCOMPARE(error, bad + " row 4: price_per_gpu_hour must be > 0, got -1");
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.seriesName(), QString("three-tiers.csv"));
        QCOMPARE(int(model.tiers().size()), 3);
        QVERIFY(model.fit());
        model.useBundled();
        QCOMPARE(changed.count(), 1);
        QVERIFY(model.isBundled());
        QCOMPARE(model.seriesName(), data::bundledPriceSeriesName());
    }

    // The three values as one undo step in words, each citing the series; one undo restores them
    // and their sources.
    void applyTheFitIsOneUndoStep() {
        Opened x;
        PortfolioDocument& doc = x.doc;
        PriceSeriesFit& model = x.model;
        QString error;
        const GpuPriceProcess before = doc.portfolio().market.gpuPrice;
        const auto sourcesBefore = doc.portfolio().sources;
        QCOMPARE(before.trendPerYear, -0.15);
        QCOMPARE(before.reversionPerYear, 1.0);
        QCOMPARE(before.volatility, 0.30);
        QCOMPARE(applyFitInWords(before),
                 QString("Apply the fit sets the GPU price trend, reversion and volatility."));
        QVERIFY2(model.apply(&doc, &error), qPrintable(error));
        const OuParameters fitted = libraryFit(PriceTier::OnDemand).parameters;
        const GpuPriceProcess& g = doc.portfolio().market.gpuPrice;
        QCOMPARE(g.trendPerYear, fitted.trendPerYear);
        QCOMPARE(g.reversionPerYear, fitted.reversionPerYear);
        QCOMPARE(g.volatility, fitted.volatility);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(
            lastUndo(doc),
            QString(
                "GPU price fitted to three-tiers.csv, tier on-demand: trend -0.15 -> -0.2281, reversion 1 -> "
                "2.712, volatility 0.3 -> 0.3233"));
        const QString source =
            "fitted to three-tiers.csv, tier on-demand (48 points, 2022-01-01 .. 2025-12-18) on " +
            QDate::currentDate().toString(Qt::ISODate);
        for (const char* path : {"market.gpu_price.trend_per_year", "market.gpu_price.reversion_per_year",
                                 "market.gpu_price.volatility"})
            QCOMPARE(QString::fromStdString(doc.portfolio().sources.at(path)), source);
        doc.undoStack()->undo();
        QCOMPARE(doc.portfolio().market.gpuPrice.trendPerYear, -0.15);
        QCOMPARE(doc.portfolio().market.gpuPrice.reversionPerYear, 1.0);
        QCOMPARE(doc.portfolio().market.gpuPrice.volatility, 0.30);
        QVERIFY(doc.portfolio().sources == sourcesBefore);
    }

    // On a forward curve the curve gives the trend: it stays, and the trend field with it.
    void aForwardCurveKeepsTheTrend() {
        Opened x;
        PortfolioDocument& doc = x.doc;
        QString error;
        QVERIFY2(doc.setCurve(kForwardCurvePath, {{Date(2027, 1, 1), 5.0}, {Date(2029, 1, 1), 3.5}},
                              "GPU price forward curve: 2 points", &error),
                 qPrintable(error));
        const auto curve = doc.portfolio().market.gpuPrice.forwardCurve;
        QVERIFY(curve);
        QCOMPARE(applyFitInWords(doc.portfolio().market.gpuPrice),
                 QString("The forward curve gives the trend: Apply the fit keeps it and sets the GPU price "
                         "reversion and volatility."));
        QVERIFY2(x.model.apply(&doc, &error), qPrintable(error));
        const OuParameters fitted = libraryFit(PriceTier::OnDemand).parameters;
        const GpuPriceProcess& g = doc.portfolio().market.gpuPrice;
        QCOMPARE(g.trendPerYear, -0.15);
        QCOMPARE(g.reversionPerYear, fitted.reversionPerYear);
        QCOMPARE(g.volatility, fitted.volatility);
        QVERIFY(g.forwardCurve == curve);
        QVERIFY(!doc.portfolio().sources.count("market.gpu_price.trend_per_year"));
        QCOMPARE(lastUndo(doc),
                 QString("GPU price fitted to three-tiers.csv, tier on-demand (the forward curve "
                         "kept): reversion 1 -> 2.712, volatility 0.3 -> 0.3233"));
    }

    // The wild tier's volatility is above what a portfolio takes: refused with validation's
    // message, nothing changed.
    void aFitThePortfolioDoesNotTakeIsRefused() {
        Opened x;
        PortfolioDocument& doc = x.doc;
        PriceSeriesFit& model = x.model;
        QString error;
        model.setTierIndex(1);
        QVERIFY(model.fit());
        const double volatility = model.fit()->parameters.volatility;
        QCOMPARE(std::round(volatility * 1e4) / 1e4, 8.0128); // the CLI's estimate
        QVERIFY(!model.apply(&doc, &error));
        QCOMPARE(error, QString("The fit was not applied: market.gpu_price.volatility: %1 is above 2")
                            .arg(QString::fromStdString(formatNumber(volatility))));
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(doc.portfolio().market.gpuPrice.volatility, 0.30);
    }
};

QTEST_GUILESS_MAIN(PriceSeriesFitTest)
#include "tst_price_series_fit.moc"
