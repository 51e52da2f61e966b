// The readers and writers that walk the field tables (portfolio/ItemFields.h): a contract and a
// fleet with every field away from its default come back field for field from JSON, from a .cledger
// document and from CSV, and a typed edit (PortfolioEdit.h) sets each field as the file reader
// reads it, with the file reader's messages.
#include "data/CledgerDocument.h"
#include "data/PortfolioCsv.h"
#include "data/PortfolioEdit.h"
#include "data/PortfolioJson.h"
#include "data/SkuCatalogJson.h"
#include "portfolio/ItemFields.h"
#include "resources/BundledResources.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ledger;
using namespace ledger::data;

namespace {

Date day(int y, int m, int d) {
    return Date(y, m, d);
}

Portfolio example() {
    return *loadPortfolioJsonFile(resources::examplePortfolioPath(), bundledSkuCatalog()).portfolio;
}

// Every field given, none at its default; the second contract implies its price from a value.
Portfolio richPortfolio() {
    Portfolio p = example();
    p.alternatives.reset();
    p.market.spotCovers.reset();
    Contract c;
    c.id = std::string("rich-c");
    c.name = std::string("Rich contract");
    c.provider = std::string("Rich provider");
    c.sku = std::string("H100");
    c.start = day(2027, 2, 1);
    c.end = day(2029, 1, 31);
    c.tranches = {{day(2027, 2, 1), 100}, {day(2028, 2, 1), 150}};
    c.pricePerGpuHour = 2.5;
    c.escalator = 0.03;
    c.takeOrPay = 0.8;
    c.prepayment = 0.1;
    c.paymentTermsDays = 45;
    c.providerDefaultHazard = 0.02;
    c.recoveryRate = 0.4;
    c.defaultDate = day(2028, 6, 15);
    c.notes = std::string("from the term sheet");
    Contract v = c;
    v.id = std::string("rich-v");
    v.pricePerGpuHour.reset();
    v.totalContractValue = 5.5e6;
    p.contracts = {c, v};
    Fleet f;
    f.id = std::string("rich-f");
    f.name = std::string("Rich fleet");
    f.sku = std::string("H100");
    f.gpus = 250;
    f.inService = day(2027, 3, 1);
    f.end = day(2031, 2, 28);
    f.capexPerGpu = 30000;
    f.overheadFraction = 0.12;
    f.itKwPerGpu = 1.4;
    f.pue = 1.25;
    f.powerPricePerMwh = 70;
    f.powerEscalator = 0.02;
    f.idlePowerFraction = 0.3;
    f.colocationPerKwMonth = 150;
    f.opexFractionPerYear = 0.03;
    f.residualFraction = 0.1;
    f.bookDepreciation = {DepreciationMethod::DecliningBalance, 5, 0.05, 1.5, 0.0};
    f.taxDepreciation = {DepreciationMethod::StraightLine, 7, 0.02, 1.75, 0.4};
    f.notes = std::string("from the purchase order");
    p.fleets = {f};
    return p;
}

template <class Item>
void compareItems(const std::vector<Item>& got, const std::vector<Item>& want, const char* how) {
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        for (const auto& f : ItemKindInfo<Item>::fields()) {
            const std::string what =
                std::string(how) + ": " + ItemKindInfo<Item>::list + "[" + std::to_string(i) + "]." + f.key;
            QVERIFY2(f.access.get(got[i]) == f.access.get(want[i]), what.c_str());
        }
    }
}

void compareAll(const Portfolio& got, const Portfolio& want, const char* how) {
    compareItems(got.contracts, want.contracts, how);
    compareItems(got.fleets, want.fleets, how);
}

QString editError(const Portfolio& p, const QString& path, const QJsonValue& value) {
    QString error;
    if (withValue(p, path, value, bundledSkuCatalog(), &error))
        return "(accepted)";
    return error;
}

} // namespace

class FieldTablesTest : public QObject {
    Q_OBJECT
private slots:
    void everyFieldSurvivesJson() {
        const Portfolio p = richPortfolio();
        const auto load = readPortfolioJson(writePortfolioJson(p), "rich.json", bundledSkuCatalog());
        QVERIFY2(load.ok(), qPrintable(load.error));
        compareAll(*load.portfolio, p, "json");
    }

    void everyFieldSurvivesTheDocument() {
        QTemporaryDir dir;
        const QString file = dir.filePath("rich.cledger");
        QString error;
        const Portfolio p = richPortfolio();
        QVERIFY2(savePortfolioFile(p, file, &error), qPrintable(error));
        const auto load = loadPortfolioFile(file, bundledSkuCatalog());
        QVERIFY2(load.ok(), qPrintable(load.error));
        compareAll(*load.portfolio, p, "cledger");
    }

    void everyFieldSurvivesCsv() {
        const Portfolio p = richPortfolio();
        Portfolio back = p;
        back.contracts.clear();
        back.fleets.clear();
        QString error;
        QVERIFY2(importCsv(back, exportContractsCsv(p), "c.csv", bundledSkuCatalog(), &error),
                 qPrintable(error));
        QVERIFY2(importCsv(back, exportFleetsCsv(p), "f.csv", bundledSkuCatalog(), &error),
                 qPrintable(error));
        compareAll(back, p, "csv");
        // The header is the table's keys, in its order.
        QVERIFY(exportContractsCsv(p).startsWith("id,name,provider,sku,start,end,tranches,price_per_gpu_hour,"
                                                 "total_contract_value,escalator,take_or_pay,"));
        QVERIFY(exportFleetsCsv(p).contains(
            ",residual_fraction,capex_min_per_gpu,capex_max_per_gpu,"
            "residual_volatility,delivery_delay_min_months,delivery_delay_mode_months,"
            "delivery_delay_max_months,book_depreciation.method,"
            "book_depreciation.life_years,"));
    }

    void anEditSetsTheTypedField() {
        const Portfolio p = richPortfolio();
        QString error;
        auto next =
            withValue(p, "fleets[0].book_depreciation.method", "macrs_5", bundledSkuCatalog(), &error);
        QVERIFY2(next, qPrintable(error));
        QVERIFY(next->fleets[0].bookDepreciation.method == DepreciationMethod::Macrs5);
        QCOMPARE(valueAt(*next, "fleets[0].book_depreciation.method").toString(), QString("macrs_5"));
        // Leaving a field out restores its default (MODEL.md 2: take-or-pay 1, escalator 0).
        next = withValues(p,
                          {{"contracts[0].take_or_pay", QJsonValue(QJsonValue::Undefined)},
                           {"contracts[0].escalator", QJsonValue(QJsonValue::Undefined)}},
                          bundledSkuCatalog(), &error);
        QVERIFY2(next, qPrintable(error));
        QCOMPARE(next->contracts[0].takeOrPay, 1.0);
        QCOMPARE(next->contracts[0].escalator, 0.0);
        QVERIFY(valueAt(*next, "contracts[1].price_per_gpu_hour").isUndefined());
        QCOMPARE(valueAt(*next, "contracts[0].payment_terms_days").toInteger(), 45);
        QCOMPARE(valueAt(*next, "assumptions.discount_rate").toDouble(), p.assumptions.discountRate);
        // A price replacing a contract value: one change, checked once.
        next = withValues(p,
                          {{"contracts[1].total_contract_value", QJsonValue(QJsonValue::Undefined)},
                           {"contracts[1].price_per_gpu_hour", 3.0}},
                          bundledSkuCatalog(), &error);
        QVERIFY2(next, qPrintable(error));
        QCOMPARE(*next->contracts[1].pricePerGpuHour, 3.0);
        QVERIFY(!next->contracts[1].totalContractValue);
    }

    // Each field the editor shows set to the value it holds changes nothing.
    void everyFieldReadsBackAsItIsSet() {
        const Portfolio p = richPortfolio();
        const QByteArray before = writePortfolioJson(p);
        auto check = [&](const QString& path) {
            QString error;
            const auto next = withValue(p, path, valueAt(p, path), bundledSkuCatalog(), &error);
            QVERIFY2(next, qPrintable(path + ": " + error));
            QVERIFY2(writePortfolioJson(*next) == before, qPrintable(path));
        };
        for (const auto& f : contractFields())
            check(QString("contracts[0].") + f.key);
        for (const auto& f : fleetFields())
            check(QString("fleets[0].") + f.key);
        for (const auto& f : portfolioFields())
            check(QString(f.key));
    }

    void aBadEditSpeaksAsTheFileReader() {
        const Portfolio p = richPortfolio();
        QCOMPARE(editError(p, "contracts[0].escalator", "high"),
                 QString("contracts[0].escalator: expected a number, got a string"));
        QCOMPARE(editError(p, "fleets[0].book_depreciation.method", "sideways"),
                 QString("fleets[0].book_depreciation.method: \"sideways\" is not one of straight_line, "
                         "declining_balance, sum_of_years_digits, macrs_5, macrs_7"));
        QCOMPARE(editError(p, "contracts[0].payment_terms_days", 4000),
                 QString("contracts[0].payment_terms_days: 4000 is outside 0..3650"));
        QCOMPARE(editError(p, "contracts[0].payment_terms_days", 4.5),
                 QString("contracts[0].payment_terms_days: expected a whole number, got 4.5"));
        QCOMPARE(editError(p, "fleets[0].pue", 0.5), QString("fleets[0].pue: 0.5 is below 1"));
        QCOMPARE(editError(p, "fleets[0].in_service", QJsonValue(QJsonValue::Undefined)),
                 QString("fleets[0].in_service: missing"));
        QCOMPARE(editError(p, "contracts[0].start", "2027-02-30"),
                 QString("contracts[0].start: \"2027-02-30\" is not a real date in the form YYYY-MM-DD"));
        QCOMPARE(editError(p, "contracts[0].colour", "red"), QString("contracts[0].colour: no such field"));
        QCOMPARE(editError(p, "contracts[7].name", "x"), QString("contracts[7].name: no such field"));
        const QJsonObject alternative{{"id", "a"}, {"name", "A"}, {"items", 3}};
        QCOMPARE(editError(p, "alternatives", QJsonArray{alternative}),
                 QString("alternatives[0].items: expected an array, got a number"));
    }
};

QTEST_GUILESS_MAIN(FieldTablesTest)
#include "tst_field_tables.moc"
