// The JSON portfolio reader and writer (MODEL.md 2): every kind of bad input gets one message that
// names the file, the JSON path and the problem; valid files round-trip exactly.
#include "data/MessageText.h"
#include "data/PortfolioJson.h"
#include "data/SkuCatalogJson.h"
#include "resources/BundledResources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ledger;
using namespace ledger::data;

namespace {

const char* kValid = R"({
  "format": "computeledger-portfolio", "version": 1,
  "name": "Valid", "currency": "USD", "valuation_date": "2026-01-01",
  "assumptions": { "discount_rate": 0.09, "tax_rate": 0.21 },
  "contracts": [
    { "id": "cw", "name": "CoreWeave", "provider": "CoreWeave", "sku": "H100",
      "start": "2026-01-01", "end": "2028-12-31",
      "tranches": [ { "date": "2026-01-01", "gpus": 1000 } ], "price_per_gpu_hour": 2.4 },
    { "id": "nb", "name": "Nebius", "provider": "Nebius", "sku": "H100",
      "start": "2026-01-01", "end": "2027-12-31",
      "tranches": [ { "date": "2026-01-01", "gpus": 500 } ], "price_per_gpu_hour": 2.1 }
  ],
  "fleets": [
    { "id": "own", "name": "Owned", "sku": "H100", "gpus": 1000, "in_service": "2026-01-01",
      "pue": 1.25, "power_price_per_mwh": 70, "power_escalator": 0.02,
      "book_depreciation": { "method": "straight_line", "life_years": 5 },
      "tax_depreciation": { "method": "macrs_5" } }
  ],
  "alternatives": [ { "id": "rent", "name": "Rent", "items": ["cw", "nb"] },
                    { "id": "buy", "name": "Buy", "items": ["own"] } ]
})";

QJsonObject valid() {
    return QJsonDocument::fromJson(kValid).object();
}

// Applies an edit at a JSON path of objects and array indices, e.g. {"contracts", 1, "end"}.
using Edit = std::function<void(QJsonObject&)>;

QJsonObject edited(const Edit& edit) {
    QJsonObject o = valid();
    edit(o);
    return o;
}

template <class F> void inArray(QJsonObject& o, const QString& key, int i, F f) {
    QJsonArray a = o[key].toArray();
    QJsonObject item = a[i].toObject();
    f(item);
    a[i] = item;
    o[key] = a;
}

QString errorFor(const QByteArray& bytes) {
    const auto load = readPortfolioJson(bytes, "deal.json", bundledSkuCatalog());
    return load.ok() ? QString("(accepted)") : load.error;
}

QString errorFor(const QJsonObject& o) {
    return errorFor(QJsonDocument(o).toJson());
}

} // namespace

class PortfolioJsonTest : public QObject {
    Q_OBJECT
private slots:
    void validFileIsAccepted() { QCOMPARE(errorFor(valid()), QString("(accepted)")); }

    void unknownKey() {
        auto o = edited(
            [](QJsonObject& o) { inArray(o, "contracts", 1, [](QJsonObject& c) { c["escalatr"] = 0.03; }); });
        QCOMPARE(errorFor(o), QString("deal.json: contracts[1].escalatr: unknown key"));
        o = edited([](QJsonObject& o) { o["horizon"] = "2030-01-01"; });
        QCOMPARE(errorFor(o), QString("deal.json: horizon: unknown key"));
    }

    void endBeforeStart() {
        auto o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["end"] = "2025-06-30"; });
        });
        QCOMPARE(errorFor(o), QString("deal.json: contracts[0].end: 2025-06-30 is before start 2026-01-01"));
    }

    void valueBelowRange() {
        auto o =
            edited([](QJsonObject& o) { inArray(o, "fleets", 0, [](QJsonObject& f) { f["pue"] = 0.5; }); });
        QCOMPARE(errorFor(o), QString("deal.json: fleets[0].pue: 0.5 is below 1"));
        o = edited([](QJsonObject& o) { inArray(o, "fleets", 0, [](QJsonObject& f) { f["gpus"] = -5; }); });
        QCOMPARE(errorFor(o), QString("deal.json: fleets[0].gpus: -5 must be above 0"));
        o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["take_or_pay"] = 1.2; });
        });
        QCOMPARE(errorFor(o), QString("deal.json: contracts[0].take_or_pay: 1.2 is above 1"));
    }

    void wrongType() {
        auto o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["price_per_gpu_hour"] = "2,40"; });
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: contracts[0].price_per_gpu_hour: expected a number, got a string"));
        o = edited([](QJsonObject& o) { o["contracts"] = QJsonObject(); });
        QCOMPARE(errorFor(o), QString("deal.json: contracts: expected an array, got an object"));
        o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["payment_terms_days"] = 30.5; });
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: contracts[0].payment_terms_days: expected a whole number, got 30.5"));
    }

    void missingKey() {
        auto o =
            edited([](QJsonObject& o) { inArray(o, "fleets", 0, [](QJsonObject& f) { f.remove("pue"); }); });
        QCOMPARE(errorFor(o), QString("deal.json: fleets[0].pue: missing"));
        o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c.remove("price_per_gpu_hour"); });
        });
        QCOMPARE(errorFor(o), QString("deal.json: contracts[0].price_per_gpu_hour: missing (give "
                                      "price_per_gpu_hour or total_contract_value)"));
    }

    void impossibleDate() {
        auto o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["start"] = "2026-02-30"; });
        });
        QCOMPARE(
            errorFor(o),
            QString(
                "deal.json: contracts[0].start: \"2026-02-30\" is not a real date in the form YYYY-MM-DD"));
        o = edited([](QJsonObject& o) { o["valuation_date"] = "01/01/2026"; });
        QCOMPARE(
            errorFor(o),
            QString("deal.json: valuation_date: \"01/01/2026\" is not a real date in the form YYYY-MM-DD"));
    }

    void nonFiniteNumber() {
        QByteArray bytes = kValid;
        bytes.replace("\"price_per_gpu_hour\": 2.4", "\"price_per_gpu_hour\": 1e400");
        QCOMPARE(errorFor(bytes), QString("deal.json: line 8, column 90: JSON syntax error: illegal number"));
    }

    void syntaxErrorNamesLineAndColumn() {
        QByteArray bytes = kValid;
        bytes.replace("\"tax_rate\": 0.21 }", "\"tax_rate\": 0.21, }");
        QVERIFY2(errorFor(bytes).startsWith("deal.json: line 4, column "), qPrintable(errorFor(bytes)));
    }

    void duplicateKeysAreRefused() {
        // Qt keeps the last of two equal keys and other readers the first: neither is what the
        // author meant, so the file is refused at the second one, named by path, line and column.
        QByteArray bytes = kValid;
        bytes.replace("\"price_per_gpu_hour\": 2.1 }",
                      "\"price_per_gpu_hour\": 2.1, \"price_per_gpu_hour\": 1.9 }");
        QCOMPARE(errorFor(bytes),
                 QString("deal.json: contracts[1].price_per_gpu_hour: line 11, column 89: the key "
                         "appears twice in the same object; keep one"));
        bytes = kValid;
        bytes.replace("\"name\": \"Valid\",", "\"name\": \"Valid\", \"na\\u006de\": \"Other\",");
        QCOMPARE(errorFor(bytes),
                 QString("deal.json: name: line 3, column 20: the key appears twice in the same "
                         "object; keep one"));
        bytes = kValid;
        bytes.replace("\"method\": \"macrs_5\" }", "\"method\": \"macrs_5\", \"method\": \"macrs_5\" }");
        QCOMPARE(errorFor(bytes),
                 QString("deal.json: fleets[0].tax_depreciation.method: line 17, column 50: the "
                         "key appears twice in the same object; keep one"));
        // Qt accepts a raw line break inside a string; RFC 8259 does not, and neither do we (issue 13):
        // it is named where it stands, before the duplicate after it.
        QCOMPARE(
            errorFor(QByteArray("{\"name\": \"a\nb\",\n\"x\": 1, \"x\": 2}")),
            QString("deal.json: line 1, column 12: a raw control character (U+000A) inside a string; JSON "
                    "allows it only escaped (\\u000A)"));
        QCOMPARE(
            errorFor(QByteArray("{\"name\": \"a\0b\"}", 15)),
            QString("deal.json: line 1, column 12: a raw control character (U+0000) inside a string; JSON "
                    "allows it only escaped (\\u0000)"));
        // Escaped, the same characters are fine (and the reader goes on to the next problem).
        QCOMPARE(
            errorFor(QByteArray("{\"name\": \"a\\nb\\u0000\", \"x\": 1, \"x\": 2}")),
            QString("deal.json: x: line 1, column 32: the key appears twice in the same object; keep one"));
        // Found in review: a long key above deep nesting once cost memory quadratic in the depth.
        const QByteArray longKey(1 << 20, 'k');
        const QByteArray deep = "{\"" + longKey + "\": " + QByteArray(1000, '[') + "{\"d\": 1, \"d\": 2}" +
                                QByteArray(1000, ']') + "}";
        const QString deepError = errorFor(deep);
        QVERIFY(deepError.startsWith("deal.json: " + QString(longKey) + "[0][0]"));
        QVERIFY2(deepError.endsWith("[0].d: line 1, column " + QString::number(longKey.size() + 1000 + 15) +
                                    ": the key appears twice in the same object; keep one"),
                 qPrintable(deepError.right(120)));
        // The same key in sibling objects, and key-like text inside strings, are no duplicates.
        bytes = kValid;
        bytes.replace("\"name\": \"Rent\"", "\"name\": \"{\\\"id\\\": [\\\"id\\\", \\\"rent\\\"]}\"");
        QCOMPARE(errorFor(bytes), QString("(accepted)"));
    }

    void messagesStayOnOneLine() {
        // A value or key the user wrote with a line break is quoted escaped: the message is one line.
        auto o = edited([](QJsonObject& o) {
            inArray(o, "fleets", 0, [](QJsonObject& f) {
                f["book_depreciation"] = QJsonObject{{"method", "straight\nline"}, {"life_years", 5}};
            });
        });
        const QString error = errorFor(o);
        QVERIFY2(error.startsWith("deal.json: fleets[0].book_depreciation.method: \"straight\\nline\""),
                 qPrintable(error));
        QVERIFY(!error.contains('\n'));
        o = edited([](QJsonObject& o) { o["bad\tkey\r\n"] = 1; });
        QCOMPARE(errorFor(o), QString("deal.json: bad\\tkey\\r\\n: unknown key"));
        QCOMPARE(oneLine(QString("a\u0007b\u2028c\u0085d")), QString("a\\u0007b\\u2028c\\u0085d"));
    }

    void duplicateIds() {
        auto o = edited(
            [](QJsonObject& o) { inArray(o, "contracts", 1, [](QJsonObject& c) { c["id"] = "cw"; }); });
        QCOMPARE(errorFor(o),
                 QString("deal.json: contracts[1].id: \"cw\" is used by another contract or fleet"));
        o = edited(
            [](QJsonObject& o) { inArray(o, "alternatives", 1, [](QJsonObject& a) { a["id"] = "rent"; }); });
        QCOMPARE(errorFor(o), QString("deal.json: alternatives[1].id: \"rent\" is used twice"));
    }

    void danglingReferences() {
        auto o = edited([](QJsonObject& o) {
            inArray(o, "alternatives", 0, [](QJsonObject& a) { a["items"] = QJsonArray{"cw", "nope"}; });
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: alternatives[0].items[1]: no contract or fleet has id \"nope\""));
        o = edited(
            [](QJsonObject& o) { inArray(o, "fleets", 0, [](QJsonObject& f) { f["sku"] = "H300"; }); });
        QCOMPARE(
            errorFor(o),
            QString("deal.json: fleets[0].sku: no SKU \"H300\" in the portfolio or the bundled catalog"));
    }

    void trancheOutsideTheTerm() {
        auto o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) {
                c["tranches"] = QJsonArray{QJsonObject{{"date", "2026-01-01"}, {"gpus", 10}},
                                           QJsonObject{{"date", "2029-01-01"}, {"gpus", 20}}};
            });
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: contracts[0].tranches[1].date: 2029-01-01 is outside the contract "
                         "term 2026-01-01 .. 2028-12-31"));
    }

    void horizonWithinFortyYears() {
        auto o = edited([](QJsonObject& o) {
            o["assumptions"] = QJsonObject{{"discount_rate", 0.09}, {"horizon_end", "2066-01-01"}};
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: assumptions.horizon_end: 2066-01-01 is more than 40 years after "
                         "valuation_date 2026-01-01"));
        o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["end"] = "2070-12-31"; });
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: contracts[0].end: 2070-12-31 puts the horizon more than 40 years "
                         "after valuation_date 2026-01-01"));
    }

    void priceAndValueAreExclusive() {
        auto o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["total_contract_value"] = 1e9; });
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: contracts[0].total_contract_value: give either price_per_gpu_hour "
                         "or total_contract_value, not both"));
    }

    void badCorrelationMatrices() {
        auto withCorrelation = [](QJsonArray m) {
            return edited([m](QJsonObject& o) { o["market"] = QJsonObject{{"correlation", m}}; });
        };
        QCOMPARE(
            errorFor(withCorrelation({QJsonArray{1, 0.5, 0}, QJsonArray{0.4, 1, 0}, QJsonArray{0, 0, 1}})),
            QString("deal.json: market.correlation[0][1]: 0.5 differs from [1][0] 0.4 (the matrix must be "
                    "symmetric)"));
        QCOMPARE(errorFor(withCorrelation({QJsonArray{0.9, 0, 0}, QJsonArray{0, 1, 0}, QJsonArray{0, 0, 1}})),
                 QString("deal.json: market.correlation[0][0]: 0.9 is not 1 (a correlation matrix has a unit "
                         "diagonal)"));
        QCOMPARE(errorFor(withCorrelation(
                     {QJsonArray{1, 0.9, -0.9}, QJsonArray{0.9, 1, 0.9}, QJsonArray{-0.9, 0.9, 1}})),
                 QString("deal.json: market.correlation: the matrix is not positive definite"));
        QCOMPARE(errorFor(withCorrelation({QJsonArray{1, 0}, QJsonArray{0, 1}})),
                 QString("deal.json: market.correlation: expected 3 rows (gpu_price, utilization, "
                         "power_price), got 2"));
    }

    void datesStayInSupportedYears() {
        auto o = edited([](QJsonObject& o) { o["valuation_date"] = "9990-01-01"; });
        QCOMPARE(errorFor(o),
                 QString("deal.json: valuation_date: 9990-01-01 is outside the supported years 1900..2200"));
        o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["end"] = "9999-12-30"; });
        });
        QCOMPARE(
            errorFor(o),
            QString("deal.json: contracts[0].end: 9999-12-30 is outside the supported years 1900..2200"));
    }

    void providersAreLimited() {
        auto o = edited([](QJsonObject& o) {
            QJsonArray contracts;
            for (int i = 0; i < 65; ++i) {
                QJsonObject c = o["contracts"].toArray()[0].toObject();
                c["id"] = QString("c%1").arg(i);
                c["provider"] = QString("P%1").arg(i, 2, 10, QChar('0'));
                contracts.append(c);
            }
            o["contracts"] = contracts;
            o.remove("alternatives");
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: contracts[64].provider: \"P64\" is provider number 65; a portfolio "
                         "may have at most 64"));
    }

    void emptyItemUtilizationIsRefused() {
        auto o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["utilization"] = QJsonArray(); });
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: contracts[0].utilization: is empty (leave it out to use the "
                         "portfolio's utilization)"));
    }

    void bookDepreciationHasNoBonus() {
        auto o = edited([](QJsonObject& o) {
            inArray(o, "fleets", 0, [](QJsonObject& f) {
                f["book_depreciation"] =
                    QJsonObject{{"method", "straight_line"}, {"life_years", 5}, {"bonus_fraction", 0.5}};
            });
        });
        QCOMPARE(errorFor(o),
                 QString("deal.json: fleets[0].book_depreciation.bonus_fraction: bonus depreciation is a "
                         "tax rule (docs/model.md, \"5.2 Bonus depreciation\"); book depreciation has none"));
    }

    void formatAndVersion() {
        auto o = edited([](QJsonObject& o) { o["version"] = 2; });
        QCOMPARE(errorFor(o), QString("deal.json: version: 2 is newer than this version of ComputeLedger "
                                      "reads (1); update the app"));
        o = edited([](QJsonObject& o) { o["format"] = "something-else"; });
        QCOMPARE(errorFor(o),
                 QString("deal.json: format: \"something-else\" is not \"computeledger-portfolio\""));
        QCOMPARE(errorFor(QByteArray("[1, 2]")),
                 QString("deal.json: expected a JSON object at the top level"));
    }

    void missingFileAndDirectory() {
        QTemporaryDir dir;
        const auto catalog = bundledSkuCatalog();
        QCOMPARE(loadPortfolioJsonFile(dir.filePath("none.json"), catalog).error,
                 dir.filePath("none.json") + ": no such file");
        QCOMPARE(loadPortfolioJsonFile(dir.path(), catalog).error,
                 dir.path() + ": is a directory, not a portfolio file");
    }

    void roundTripIsExact() {
        QFile f(resources::examplePortfolioPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto catalog = bundledSkuCatalog();
        for (const QByteArray& source : {f.readAll(), QByteArray(kValid)}) {
            const auto first = readPortfolioJson(source, "in.json", catalog);
            QVERIFY2(first.ok(), qPrintable(first.error));
            const QByteArray written = writePortfolioJson(*first.portfolio);
            const auto second = readPortfolioJson(written, "out.json", catalog);
            QVERIFY2(second.ok(), qPrintable(second.error));
            QCOMPARE(writePortfolioJson(*second.portfolio), written);
        }
        // A factor given with a method that ignores it still round-trips.
        auto withFactor = edited([](QJsonObject& o) {
            inArray(o, "fleets", 0, [](QJsonObject& f) {
                f["tax_depreciation"] =
                    QJsonObject{{"method", "straight_line"}, {"life_years", 3}, {"factor", 1.5}};
            });
        });
        const auto factor = readPortfolioJson(QJsonDocument(withFactor).toJson(), "f.json", catalog);
        QVERIFY(factor.ok());
        QCOMPARE(readPortfolioJson(writePortfolioJson(*factor.portfolio), "f.json", catalog)
                     .portfolio->fleets[0]
                     .taxDepreciation.factor,
                 1.5);
        // Doubles survive bit for bit, including ones with no short decimal form.
        auto o = edited([](QJsonObject& o) {
            inArray(o, "contracts", 0, [](QJsonObject& c) { c["price_per_gpu_hour"] = 0.1 + 0.2; });
        });
        const auto loaded = readPortfolioJson(QJsonDocument(o).toJson(), "x.json", catalog);
        QVERIFY(loaded.ok());
        const auto again = readPortfolioJson(writePortfolioJson(*loaded.portfolio), "x.json", catalog);
        QCOMPARE(*again.portfolio->contracts[0].pricePerGpuHour, 0.1 + 0.2);
    }

    // Issue 19: the tornado's settings, saved with the portfolio. Read strictly (a known input, both
    // settings, numbers), checked by validation, and written as held: nothing when none is set,
    // so a file without them is written as before.
    void sensitivitySettings() {
        const auto catalog = bundledSkuCatalog();
        auto with = [](const QJsonValue& v) { return edited([v](QJsonObject& o) { o["sensitivity"] = v; }); };
        const QJsonObject ranges{{"contract_prices", QJsonObject{{"low", 0.5}, {"high", 1.5}}},
                                 {"gpu_price_trend", QJsonObject{{"low", -0.45}, {"high", 0.1 + 0.2}}},
                                 {"utilization", QJsonObject{{"low", 0.05}, {"high", -0.05}}}};
        const auto load = readPortfolioJson(QJsonDocument(with(ranges)).toJson(), "s.json", catalog);
        QVERIFY2(load.ok(), qPrintable(load.error));
        const auto& read = load.portfolio->sensitivity;
        QCOMPARE(read.size(), std::size_t(3));
        QCOMPARE(read.at("contract_prices"), (SensitivityRange{0.5, 1.5}));
        QCOMPARE(read.at("gpu_price_trend").high, 0.1 + 0.2); // bit for bit
        QCOMPARE(read.at("utilization"), (SensitivityRange{0.05, -0.05}));
        const QByteArray written = writePortfolioJson(*load.portfolio);
        QCOMPARE(QJsonDocument::fromJson(written).object()["sensitivity"].toObject(), ranges);
        const auto again = readPortfolioJson(written, "s.json", catalog);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.portfolio->sensitivity, read);
        QCOMPARE(writePortfolioJson(*again.portfolio), written);

        // None set: no section written.
        const auto plain = readPortfolioJson(kValid, "v.json", catalog);
        QVERIFY(
            !QJsonDocument::fromJson(writePortfolioJson(*plain.portfolio)).object().contains("sensitivity"));

        QCOMPARE(errorFor(with(QJsonObject{{"contract_price", QJsonObject{{"low", 0.5}, {"high", 1.5}}}})),
                 QString("deal.json: sensitivity.contract_price: unknown key"));
        QCOMPARE(errorFor(with(QJsonObject{{"tax_rate", QJsonObject{{"low", -0.05}}}})),
                 QString("deal.json: sensitivity.tax_rate.high: missing"));
        QCOMPARE(errorFor(with(
                     QJsonObject{{"tax_rate", QJsonObject{{"low", -0.05}, {"high", 0.05}, {"mid", 0}}}})),
                 QString("deal.json: sensitivity.tax_rate.mid: unknown key"));
        QCOMPARE(errorFor(with(QJsonObject{{"tax_rate", QJsonObject{{"low", "-5%"}, {"high", 0.05}}}})),
                 QString("deal.json: sensitivity.tax_rate.low: expected a number, got a string"));
        QCOMPARE(errorFor(with(QJsonObject{{"contract_prices", QJsonObject{{"low", -1}, {"high", 1.2}}}})),
                 QString("deal.json: sensitivity.contract_prices.low: -1 is below 0"));
        QCOMPARE(errorFor(with(QJsonArray{})),
                 QString("deal.json: sensitivity: expected an object, got an array"));
        QVERIFY(errorFor(with(QJsonObject{}))
                    .startsWith(
                        "deal.json: sensitivity: is empty (give the settings of one of contract_prices, "));
    }

    // issue 22: a forward curve replaces the trend; written without trend_per_year, read back to the
    // bit; points named by their position in a message; given with the trend, refused.
    void forwardCurveRoundTripsAndIsChecked() {
        QJsonObject o = valid();
        QJsonObject market{
            {"gpu_price",
             QJsonObject{
                 {"forward_curve",
                  QJsonObject{
                      {"sku", "H100"},
                      {"points", QJsonArray{QJsonObject{{"date", "2026-01-01"}, {"price", 2.35}},
                                            QJsonObject{{"date", "2027-06-30"}, {"price", 0.1 + 0.2}}}}}},
                 {"volatility", 0.3}}}};
        o["market"] = market;
        const auto load = readPortfolioJson(QJsonDocument(o).toJson(), "deal.json", bundledSkuCatalog());
        QVERIFY2(load.ok(), qPrintable(load.error));
        const auto& curve = load.portfolio->market.gpuPrice.forwardCurve;
        QVERIFY(curve);
        QCOMPARE(curve->sku, std::optional<std::string>("H100"));
        QCOMPARE(curve->points.size(), std::size_t(2));
        QCOMPARE(curve->points[1].date, Date(2027, 6, 30));
        QCOMPARE(curve->points[1].price, 0.1 + 0.2);
        const QByteArray written = writePortfolioJson(*load.portfolio);
        const QJsonObject gpu =
            QJsonDocument::fromJson(written).object()["market"].toObject()["gpu_price"].toObject();
        QVERIFY(!gpu.contains("trend_per_year"));
        QVERIFY(gpu.contains("forward_curve"));
        const auto again = readPortfolioJson(written, "again.json", bundledSkuCatalog());
        QVERIFY(again.ok());
        QCOMPARE(again.portfolio->market.gpuPrice.forwardCurve, curve);
        QCOMPARE(writePortfolioJson(*again.portfolio), written);

        QJsonObject both = o;
        QJsonObject m = both["market"].toObject(), g = m["gpu_price"].toObject();
        g["trend_per_year"] = -0.2;
        m["gpu_price"] = g;
        both["market"] = m;
        QCOMPARE(errorFor(both),
                 QString("deal.json: market.gpu_price: give either trend_per_year or forward_curve, "
                         "not both: the curve replaces the trend"));
        g.remove("trend_per_year");
        QJsonObject c = g["forward_curve"].toObject();
        c["points"] = QJsonArray{QJsonObject{{"date", "2026-01-01"}, {"price", 2.0}},
                                 QJsonObject{{"date", "2026-01-01"}, {"price", 1.0}}};
        g["forward_curve"] = c;
        m["gpu_price"] = g;
        both["market"] = m;
        QCOMPARE(errorFor(both),
                 QString("deal.json: market.gpu_price.forward_curve.points[1].date: 2026-01-01 is not "
                         "after market.gpu_price.forward_curve.points[0].date 2026-01-01"));
        c["points"] = QJsonArray{QJsonObject{{"date", "2026-01-01"}, {"price", -1.0}}};
        c["unit"] = "USD";
        g["forward_curve"] = c;
        m["gpu_price"] = g;
        both["market"] = m;
        QCOMPARE(errorFor(both), QString("deal.json: market.gpu_price.forward_curve.unit: unknown key"));
        c.remove("unit");
        g["forward_curve"] = c;
        m["gpu_price"] = g;
        both["market"] = m;
        QCOMPARE(errorFor(both),
                 QString("deal.json: market.gpu_price.forward_curve.points[0].price: -1 must be above 0"));
    }
};

QTEST_GUILESS_MAIN(PortfolioJsonTest)
#include "tst_portfolio_json.moc"
