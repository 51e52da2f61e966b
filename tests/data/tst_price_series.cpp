// The price series on disk (data/PriceSeries, docs/file-format.md "Price series"): the bundled H100
// series parses with its tiers and the research's points, a series of date and price alone is
// enough, and every bad file is refused with one line naming the file and the row.
#include "analytics/OuCalibration.h"
#include "data/PriceSeries.h"

#include <QTest>

#include <algorithm>

using namespace ledger;
using namespace ledger::data;

namespace {

QString refusal(const QByteArray& csv) {
    QString error;
    if (readPriceSeriesCsv(csv, "s.csv", &error))
        return "(accepted)";
    return error;
}

} // namespace

class PriceSeriesTest : public QObject {
    Q_OBJECT
private slots:
    void theBundledSeriesParses() {
        const PriceSeries s = bundledPriceSeries();
        QCOMPARE(s.points.size(), std::size_t(69));
        // Tiers in the order they first appear (DataCrunch's spot from September 2023).
        QCOMPARE(tiersOf(s), (std::vector<PriceTier>{PriceTier::OnDemand, PriceTier::Spot,
                                                     PriceTier::Reserved1y, PriceTier::MarketplaceMedian}));
        auto count = [&](PriceTier t) {
            return int(std::count_if(s.points.begin(), s.points.end(),
                                     [&](const PricePoint& p) { return p.tier == t; }));
        };
        QCOMPARE(count(PriceTier::OnDemand), 29);
        QCOMPARE(count(PriceTier::Spot), 24);
        QCOMPARE(count(PriceTier::Reserved1y), 14);
        QCOMPARE(count(PriceTier::MarketplaceMedian), 2);
        auto find = [&](const Date& d, PriceTier t) {
            for (const PricePoint& p : s.points)
                if (p.date == d && p.tier == t)
                    return p;
            qFatal("no point");
        };
        const PricePoint oct2024 = find(Date(2024, 10, 15), PriceTier::OnDemand);
        QCOMPARE(oct2024.price, 2.99);
        QVERIFY(!oct2024.estimate);
        const PricePoint peak = find(Date(2023, 7, 1), PriceTier::OnDemand);
        QCOMPARE(peak.price, 8.0);
        QVERIFY(peak.estimate);
        QCOMPARE(find(Date(2025, 10, 15), PriceTier::Reserved1y).price, 1.70);
        QCOMPARE(find(Date(2026, 3, 15), PriceTier::Reserved1y).price, 2.35);
        QCOMPARE(find(Date(2026, 3, 5), PriceTier::MarketplaceMedian).price, 1.6021);
        QCOMPARE(find(Date(2026, 3, 6), PriceTier::MarketplaceMedian).price, 1.735);
        QCOMPARE(find(Date(2026, 6, 25), PriceTier::Spot).price, 2.42);
        // The AWS cut, before and after: 98.32 / 8 and about 55.04 / 8 per GPU-hour.
        QCOMPARE(find(Date(2025, 6, 14), PriceTier::OnDemand).price, 12.29);
        QCOMPARE(find(Date(2025, 6, 15), PriceTier::OnDemand).price, 6.88);
        // Archived price lists (CCIR's panel): Lambda's 8x H100 SXM on-demand, DataCrunch's spot,
        // DigitalOcean's 12-month commitment.
        const PricePoint lambda = find(Date(2024, 1, 1), PriceTier::OnDemand);
        QCOMPARE(lambda.price, 3.49);
        QCOMPARE(lambda.sku, std::string("H100 SXM (Lambda 8x)"));
        QCOMPARE(find(Date(2026, 4, 1), PriceTier::OnDemand).price, 3.99);
        QCOMPARE(find(Date(2023, 9, 23), PriceTier::Spot).price, 1.50);
        QCOMPARE(find(Date(2026, 1, 7), PriceTier::Spot).price, 0.995);
        QCOMPARE(find(Date(2025, 4, 26), PriceTier::Reserved1y).price, 1.99);
        QCOMPARE(find(Date(2026, 6, 14), PriceTier::Reserved1y).price, 2.50);
        // The first 12 points were read on 2026-12-01, the 57 from the panel on 2026-12-03.
        for (const PricePoint& p : s.points)
            QVERIFY(*p.dateRead == Date(2026, 12, 1) || *p.dateRead == Date(2026, 12, 3));
        QCOMPARE(int(std::count_if(s.points.begin(), s.points.end(),
                                   [](const PricePoint& p) { return *p.dateRead == Date(2026, 12, 3); })),
                 57);
        // Two marketplace medians: three short of a fit.
        std::string error;
        QVERIFY(!fitOuToSeries(s, PriceTier::MarketplaceMedian, &error));
        QCOMPARE(error, std::string("a fit needs at least 5 points of one tier; the series has 2 of tier "
                                    "marketplace-median"));
        // Fourteen 1-year points, 2024-07-01 .. 2026-06-25: the maximum lies inside the range.
        const auto reserved = fitOuToSeries(s, PriceTier::Reserved1y, &error);
        QVERIFY2(reserved, error.c_str());
        QCOMPARE(reserved->points, 14);
        QCOMPARE(reserved->status, OuFitStatus::Interior);
        QCOMPARE(QString::number(reserved->parameters.trendPerYear, 'f', 4), QString("0.1382"));
        QCOMPARE(QString::number(reserved->parameters.reversionPerYear, 'f', 4), QString("5.2860"));
        QCOMPARE(QString::number(reserved->parameters.volatility, 'f', 4), QString("0.3956"));
    }

    // date and price alone (the short name of price_per_gpu_hour): one series without tiers, in file
    // order, which a fit takes whole.
    void aSeriesNeedsOnlyDatesAndPrices() {
        QString error;
        const auto s = readPriceSeriesCsv("date,price\n2026-01-01,2.5\n2026-02-01,2.4\n2026-03-01,2.6\n"
                                          "2026-04-01,2.2\n2026-05-01,2.3\n2026-06-01,2.1\n",
                                          "s.csv", &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->points.size(), std::size_t(6));
        QVERIFY(!s->points[0].tier && !s->points[0].estimate && s->points[0].source.empty());
        QCOMPARE(s->points[3].price, 2.2);
        std::string why;
        QVERIFY(fitOuToSeries(*s, std::nullopt, &why));
        // Quoted cells with commas, CRLF, a byte-order mark, and estimate yes.
        const auto full = readPriceSeriesCsv("\xEF\xBB\xBF"
                                             "date,price_per_gpu_hour,tier,estimate,note\r\n"
                                             "2026-01-01,2.5,spot,yes,\"a, b\"\r\n",
                                             "s.csv", &error);
        QVERIFY2(full, qPrintable(error));
        QVERIFY(full->points[0].estimate && full->points[0].tier == PriceTier::Spot);
        QCOMPARE(full->points[0].note, std::string("a, b"));
    }

    void tooFewPointsAreNamed() {
        QString error;
        const auto s = readPriceSeriesCsv("date,price\n2026-01-01,2.5\n2026-02-01,2.4\n2026-03-01,2.6\n",
                                          "s.csv", &error);
        QVERIFY(s);
        std::string why;
        QVERIFY(!fitOuToSeries(*s, std::nullopt, &why));
        QCOMPARE(why, std::string("a fit needs at least 5 points; the series has 3"));
    }

    void badFilesNameTheRow() {
        // The header is row 1: the third line is row 3.
        QCOMPARE(refusal("date,price_per_gpu_hour\n2026-01-01,2\n2026-02-01,-1\n"),
                 QString("s.csv row 3: price_per_gpu_hour must be > 0, got -1"));
        QCOMPARE(refusal("date,price_per_gpu_hour\n2026-01-01,0\n"),
                 QString("s.csv row 2: price_per_gpu_hour must be > 0, got 0"));
        QCOMPARE(refusal("date,price\n2026-01-01,2,40\n"), QString("s.csv row 2: 3 cells, the header has 2"));
        QCOMPARE(refusal("date,price\n2026-01-01,\"2,40\"\n"),
                 QString("s.csv row 2: price \"2,40\" is not a number"));
        QCOMPARE(refusal("date,price\n2026-01-01,\n"), QString("s.csv row 2: price is missing"));
        QCOMPARE(refusal("date,price\n2026-02-30,2\n"),
                 QString("s.csv row 2: date \"2026-02-30\" is not a date YYYY-MM-DD"));
        QCOMPARE(refusal("date,price\n01/02/2026,2\n"),
                 QString("s.csv row 2: date \"01/02/2026\" is not a date YYYY-MM-DD"));
        QCOMPARE(refusal("date,price\n1800-01-01,2\n"),
                 QString("s.csv row 2: date 1800-01-01 is outside the years 1900..2200"));
        QCOMPARE(refusal("date,price,tier\n2026-01-01,2,retail\n"),
                 QString("s.csv row 2: tier \"retail\" is not one of on-demand, reserved-1y, spot, "
                         "marketplace-median"));
        QCOMPARE(
            refusal("date,price,tier\n2026-01-01,2,\n"),
            QString(
                "s.csv row 2: tier is missing (one of on-demand, reserved-1y, spot, marketplace-median)"));
        QCOMPARE(refusal("date,price,estimate\n2026-01-01,2,maybe\n"),
                 QString("s.csv row 2: estimate \"maybe\" is not yes or no"));
        QCOMPARE(refusal("date,price,date_read\n2026-01-01,2,soon\n"),
                 QString("s.csv row 2: date_read \"soon\" is not a date YYYY-MM-DD"));
    }

    // Within a tier dates increase; across tiers they need not.
    void unsortedDatesNameBothRows() {
        QCOMPARE(refusal("date,price\n2026-03-01,2\n2026-02-01,2\n"),
                 QString("s.csv row 3: date 2026-02-01 is not after 2026-03-01 (row 2), the previous point; "
                         "dates must increase"));
        QCOMPARE(
            refusal("date,price,tier\n2026-03-01,2,spot\n2026-01-01,2,on-demand\n2026-03-01,2,spot\n"),
            QString("s.csv row 4: date 2026-03-01 is not after 2026-03-01 (row 2), the previous point of "
                    "tier spot; dates must increase within a tier"));
        QCOMPARE(refusal("date,price,tier\n2026-03-01,2,spot\n2026-01-01,2,on-demand\n"),
                 QString("(accepted)"));
    }

    void badHeadersAreNamed() {
        QCOMPARE(
            refusal("date,cost\n2026-01-01,2\n"),
            QString("s.csv: unknown column \"cost\" (the columns are date, price_per_gpu_hour, tier, sku, "
                    "source, date_read, estimate, note)"));
        QCOMPARE(refusal("date,tier\n2026-01-01,spot\n"),
                 QString("s.csv: no column price_per_gpu_hour (a series needs date and price_per_gpu_hour)"));
        QCOMPARE(refusal("price\n2\n"),
                 QString("s.csv: no column date (a series needs date and price_per_gpu_hour)"));
        QCOMPARE(refusal("date,price,date\n2026-01-01,2,2026-01-01\n"),
                 QString("s.csv: the column \"date\" appears twice"));
        QCOMPARE(refusal("date,price,price_per_gpu_hour\n2026-01-01,2,2\n"),
                 QString("s.csv: give the column price_per_gpu_hour or its short name price, not both"));
        QCOMPARE(refusal("date,price\n"), QString("s.csv: no points (the header row alone)"));
        QCOMPARE(refusal("date,price\n2026-01-01,\"2\n"),
                 QString("s.csv row 2: a quoted field is not closed"));
        QString error;
        QVERIFY(!loadPriceSeriesFile("/no/such/series.csv", &error));
        QVERIFY2(error.startsWith("/no/such/series.csv: "), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(PriceSeriesTest)
#include "tst_price_series.moc"
