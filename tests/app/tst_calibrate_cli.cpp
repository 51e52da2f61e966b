// computeledger prices and calibrate (issue 22): the bundled series listed with its sources, the fit
// of a series printed as the market.gpu_price fragment with the same numbers the library computes,
// a portfolio written with the fitted parameters that evaluates (a forward curve kept), and the
// refusals, each one line naming the file, the row or the tier.
#include "CliRun.h"
#include "analytics/OuCalibration.h"
#include "data/PriceSeries.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ledger;

namespace {

const QString kSeries = QStringLiteral(FIXTURES "/synthetic-prices.csv");
const QString kExample = QStringLiteral(EXAMPLE_JSON);

using ledger::testing::Run;
using ledger::testing::run;

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll()).object();
}

void writeJson(const QString& path, const QJsonObject& o) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(QJsonDocument(o).toJson());
}

QJsonObject withoutGpuPrice(QJsonObject portfolio) {
    QJsonObject market = portfolio["market"].toObject();
    market.remove("gpu_price");
    portfolio["market"] = market;
    return portfolio;
}

// The fit the library makes of the fixture, to compare the command's numbers with.
OuFit fixtureFit() {
    QString error;
    const auto series = data::loadPriceSeriesFile(kSeries, &error);
    std::string why;
    const auto fit = series ? fitOuToSeries(*series, std::nullopt, &why) : std::nullopt;
    if (!fit)
        qFatal("fixture: %s %s", qPrintable(error), why.c_str());
    return *fit;
}

} // namespace

class CalibrateCliTest : public QObject {
    Q_OBJECT
private slots:
    void pricesListsTheBundledSeries() {
        const Run r = run({"prices"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.out.contains(
                "2024-10-15    2.99    on-demand           H100 SXM                    "
                "https://neighborhoodsf.com/Wikis/Neighborhood+Notes/Published/H100+rental+prices+(%24+per+"
                "GPU-hour)\n"),
            qPrintable(r.out));
        QVERIFY(r.out.contains("2026-03-05  1.6021    marketplace-median"));
        QVERIFY(r.out.contains("2023-07-01    8.00 e  on-demand"));
        QVERIFY(r.out.contains("Points of the series by tier: on-demand 29, spot 24, reserved-1y 14, "
                               "marketplace-median 2."));
        QVERIFY(r.out.contains("2024-01-01    3.49    on-demand           H100 SXM (Lambda 8x)        "
                               "https://github.com/ccir-index/ccir-site/blob/"));
        QVERIFY(r.err.isEmpty());
        const Run spot = run({"prices", "--tier", "spot", "--json"});
        QCOMPARE(spot.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(spot.out.toUtf8()).object();
        QCOMPARE(o["series"].toString(), QString("h100-prices.csv"));
        const QJsonArray points = o["points"].toArray();
        QCOMPARE(points.size(), 24);
        const QJsonObject p = points[0].toObject();
        for (const char* key :
             {"date", "price_per_gpu_hour", "tier", "sku", "source", "date_read", "estimate", "note"})
            QVERIFY2(p.contains(key), key);
        QCOMPARE(p["price_per_gpu_hour"].toDouble(), 1.50);
        QCOMPARE(p["date"].toString(), QString("2023-09-23"));
        QCOMPARE(p["sku"].toString(), QString("H100 SXM5 (DataCrunch 1x)"));
        QCOMPARE(p["date_read"].toString(), QString("2026-12-03"));
        const QJsonObject last = points[23].toObject();
        QCOMPARE(last["price_per_gpu_hour"].toDouble(), 2.42);
        QCOMPARE(last["date"].toString(), QString("2026-06-25"));
        const Run bad = run({"prices", "--tier", "retail"});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.err,
                 QString("computeledger prices: --tier: \"retail\" is not one of on-demand, reserved-1y, "
                         "spot, marketplace-median\n"));
    }

    // The fragment and the fit carry exactly what the library computes.
    void calibrateJsonHasTheFragmentAndTheFit() {
        const Run r = run({"calibrate", kSeries, "--json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.keys(), (QStringList{"fit", "market"}));
        const QJsonObject g = o["market"].toObject()["gpu_price"].toObject();
        QCOMPARE(g.keys(), (QStringList{"reversion_per_year", "trend_per_year", "volatility"}));
        const OuFit f = fixtureFit();
        QCOMPARE(g["trend_per_year"].toDouble(), f.parameters.trendPerYear);
        QCOMPARE(g["reversion_per_year"].toDouble(), f.parameters.reversionPerYear);
        QCOMPARE(g["volatility"].toDouble(), f.parameters.volatility);
        const QJsonObject fit = o["fit"].toObject();
        for (const char* key : {"series",
                                "bundled",
                                "tier",
                                "points",
                                "first_date",
                                "last_date",
                                "status",
                                "reversion_range",
                                "level",
                                "standard_errors",
                                "log_likelihood",
                                "aic",
                                "rms_standardized_residual",
                                "max_abs_standardized_residual",
                                "rms_log_error",
                                "lag1_autocorrelation",
                                "ljung_box_q1",
                                "ljung_box_p",
                                "half_life_years",
                                "band",
                                "notes"})
            QVERIFY2(fit.contains(key), key);
        QCOMPARE(fit["points"].toInt(), 48);
        QCOMPARE(fit["status"].toString(), QString("interior"));
        QCOMPARE(fit["first_date"].toString(), QString("2022-01-01"));
        QCOMPARE(fit["last_date"].toString(), QString("2025-12-18"));
        QCOMPARE(fit["log_likelihood"].toDouble(), *f.logLikelihood);
        QCOMPARE(fit["aic"].toDouble(), 8.0 - 2.0 * *f.logLikelihood);
        const QJsonObject se = fit["standard_errors"].toObject();
        QCOMPARE(se["trend_per_year"].toDouble(), *f.seTrend);
        QCOMPARE(se["reversion_per_year"].toDouble(), *f.seReversion);
        QCOMPARE(se["volatility"].toDouble(), *f.seVolatility);
        // The band starts at the last point, where it is the point's price.
        const QJsonObject first = fit["band"].toArray()[0].toObject();
        QCOMPARE(first["median"].toDouble(), 1.2356);
        QCOMPARE(first["p5"].toDouble(), first["p95"].toDouble());
        // The text shows the same estimates.
        const Run text = run({"calibrate", kSeries});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QString("trend_per_year (b)%1%2\n")
                                       .arg(QString::number(f.parameters.trendPerYear, 'f', 4), 22)
                                       .arg(QString::number(*f.seTrend, 'f', 4), 14)),
                 qPrintable(text.out));
    }

    // The portfolio comes back as `convert` writes it, but for market.gpu_price, and evaluates; a
    // document too.
    void calibrateIntoWritesAPortfolioThatEvaluates() {
        QTemporaryDir dir;
        const QString out = dir.filePath("calibrated.json");
        const Run r = run({"calibrate", kSeries, "--into", kExample, "--out", out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Wrote " + out +
                               ": market.gpu_price trend_per_year, reversion_per_year and "
                               "volatility set from the fit\n"));
        const QJsonObject written = readJson(out);
        const QJsonObject g = written["market"].toObject()["gpu_price"].toObject();
        const OuFit f = fixtureFit();
        QCOMPARE(g["trend_per_year"].toDouble(), f.parameters.trendPerYear);
        QCOMPARE(g["reversion_per_year"].toDouble(), f.parameters.reversionPerYear);
        QCOMPARE(g["volatility"].toDouble(), f.parameters.volatility);
        const QString converted = dir.filePath("converted.json");
        QCOMPARE(run({"convert", kExample, converted}).exitCode, 0);
        QCOMPARE(withoutGpuPrice(written), withoutGpuPrice(readJson(converted)));
        const Run evaluated = run({"evaluate", out, "--json"});
        QCOMPARE(evaluated.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(evaluated.out.toUtf8()).object()["alternatives"].toArray().size(),
                 3);
        const QString document = dir.filePath("calibrated.cledger");
        QCOMPARE(run({"calibrate", kSeries, "--json", "--into", out, "--out", document}).exitCode, 0);
        QCOMPARE(run({"evaluate", document}).exitCode, 0);
    }

    // On a forward curve the curve stays in place of the trend: only the reversion and the volatility.
    void aForwardCurveIsKept() {
        QTemporaryDir dir;
        QJsonObject portfolio = readJson(kExample);
        QJsonObject market = portfolio["market"].toObject();
        const QJsonObject curve{{"sku", "H100"},
                                {"points", QJsonArray{QJsonObject{{"date", "2027-01-01"}, {"price", 2.35}},
                                                      QJsonObject{{"date", "2029-01-01"}, {"price", 1.60}}}}};
        market["gpu_price"] =
            QJsonObject{{"forward_curve", curve}, {"reversion_per_year", 1.0}, {"volatility", 0.3}};
        portfolio["market"] = market;
        const QString in = dir.filePath("curve.json"), out = dir.filePath("out.json");
        writeJson(in, portfolio);
        const Run r = run({"calibrate", kSeries, "--into", in, "--out", out, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject reply = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(reply["written"].toObject()["forward_curve_kept"].toBool(), true);
        const QJsonObject g = readJson(out)["market"].toObject()["gpu_price"].toObject();
        QCOMPARE(g.keys(), (QStringList{"forward_curve", "reversion_per_year", "volatility"}));
        QCOMPARE(g["forward_curve"].toObject(), curve);
        const OuFit f = fixtureFit();
        QCOMPARE(g["reversion_per_year"].toDouble(), f.parameters.reversionPerYear);
        QCOMPARE(g["volatility"].toDouble(), f.parameters.volatility);
        const Run text = run({"calibrate", kSeries, "--into", in, "--out", out});
        QVERIFY(text.out.contains("Wrote " + out +
                                  ": its forward curve is kept (it stands in place of the trend); "
                                  "reversion_per_year and volatility are set from the fit\n"));
        QCOMPARE(run({"evaluate", out}).exitCode, 0);
    }

    // The bundled 1-year tier (14 points, 2024-07-01 .. 2026-06-25) fits inside the reversion's
    // range, and its parameters go into a portfolio that evaluates.
    void theBundledReservedTierFits() {
        const Run r = run({"calibrate", "bundled", "--tier", "reserved-1y", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject fit = o["fit"].toObject();
        QCOMPARE(fit["bundled"].toBool(), true);
        QCOMPARE(fit["tier"].toString(), QString("reserved-1y"));
        QCOMPARE(fit["points"].toInt(), 14);
        QCOMPARE(fit["first_date"].toString(), QString("2024-07-01"));
        QCOMPARE(fit["last_date"].toString(), QString("2026-06-25"));
        QCOMPARE(fit["status"].toString(), QString("interior"));
        const QJsonObject g = o["market"].toObject()["gpu_price"].toObject();
        QCOMPARE(QString::number(g["trend_per_year"].toDouble(), 'f', 4), QString("0.1382"));
        QCOMPARE(QString::number(g["reversion_per_year"].toDouble(), 'f', 4), QString("5.2860"));
        QCOMPARE(QString::number(g["volatility"].toDouble(), 'f', 4), QString("0.3956"));
        const Run text = run({"calibrate", "bundled", "--tier", "reserved-1y"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Series:      h100-prices.csv (bundled), tier reserved-1y: 14 points, "
                                   "2024-07-01 .. 2026-06-25\n"),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains("volatility (sigma)                0.3956        0.0868\n"),
                 qPrintable(text.out));
        QTemporaryDir dir;
        const QString out = dir.filePath("reserved.json");
        QCOMPARE(
            run({"calibrate", "bundled", "--tier", "reserved-1y", "--into", kExample, "--out", out}).exitCode,
            0);
        QCOMPARE(run({"evaluate", out}).exitCode, 0);
    }

    void refusalsAreOneLine() {
        QTemporaryDir dir;
        const QString out = dir.filePath("never.json");
        struct Case {
            QStringList args;
            QString err;
        };
        const QString badCsv = dir.filePath("bad.csv");
        QFile f(badCsv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("date,price_per_gpu_hour\n2026-01-01,2\n2026-02-01,-1\n");
        f.close();
        const std::vector<Case> cases{
            {{"calibrate", "bundled"},
             "h100-prices.csv: the series holds 4 tiers (29 on-demand, 24 spot, 14 reserved-1y, 2 "
             "marketplace-median), which differ in level: choose one with --tier"},
            {{"calibrate", "bundled", "--tier", "marketplace-median", "--into", kExample, "--out", out},
             "h100-prices.csv: a fit needs at least 5 points of one tier; the series has 2 of tier "
             "marketplace-median"},
            {{"calibrate", "bundled", "--tier", "marketplace-median"},
             "h100-prices.csv: a fit needs at least 5 points of one tier; the series has 2 of tier "
             "marketplace-median"},
            {{"calibrate", badCsv}, badCsv + " row 3: price_per_gpu_hour must be > 0, got -1"},
            {{"calibrate", kSeries, "--tier", "spot"}, kSeries + ": the series has no point of tier spot"},
            {{"calibrate", kSeries, "--into", kExample},
             "computeledger calibrate: --into FILE and --out OUT go together"},
            {{"calibrate"}, "computeledger calibrate: expected one SERIES (a CSV file or the word bundled)"},
            // 29 on-demand points of several baskets, two of them AWS list prices a day apart: the
            // reversion at the top of the range and a volatility the file refuses.
            {{"calibrate", "bundled", "--tier", "on-demand", "--into", kExample, "--out", out},
             "computeledger calibrate: the fit does not go into " + kExample +
                 ": market.gpu_price.volatility: 3.2242171057114097 is above 2"},
        };
        for (const Case& c : cases) {
            const Run r = run(c.args);
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.err, c.err + "\n");
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
            QVERIFY(!QFile::exists(out));
        }
        // The series is an input: never the output.
        const Run over = run({"calibrate", badCsv, "--into", kExample, "--out", badCsv});
        QCOMPARE(over.exitCode, 1);
        const Run overSeries = run({"calibrate", kSeries, "--into", kExample, "--out", kSeries});
        QCOMPARE(overSeries.exitCode, 1);
        QVERIFY2(overSeries.err.contains("is an input of this command"), qPrintable(overSeries.err));
    }
};

QTEST_GUILESS_MAIN(CalibrateCliTest)
#include "tst_calibrate_cli.moc"
