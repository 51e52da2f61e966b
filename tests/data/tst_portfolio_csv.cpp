// CSV import and export of contracts and fleets: spreadsheet shapes, one message per bad row that
// names the row and column, nothing imported on any error, and the same shape back.
#include "data/Csv.h"
#include "data/PortfolioCsv.h"
#include "data/PortfolioJson.h"
#include "data/SkuCatalogJson.h"
#include "resources/BundledResources.h"

#include <QTest>

using namespace ledger;
using namespace ledger::data;

namespace {

Portfolio example() {
    const auto load = loadPortfolioJsonFile(resources::examplePortfolioPath(), bundledSkuCatalog());
    return *load.portfolio;
}

const QByteArray kContracts =
    "id,name,provider,sku,start,end,tranches,price_per_gpu_hour,escalator,payment_terms_days\r\n"
    "nb,\"Nebius, "
    "Vineland\",Nebius,H100,2027-01-01,2031-12-31,2027-01-01:5000;2027-07-01:8000,2.35,0.02,30\r\n"
    "ir,IREN Childress,IREN,GB300,2027-03-01,2032-02-29,2027-03-01:20000,5.1,,45\r\n";

QString importError(const QByteArray& csv) {
    Portfolio p = example();
    const QByteArray before = writePortfolioJson(p);
    QString error;
    if (importCsv(p, csv, "deal.csv", bundledSkuCatalog(), &error))
        return "(imported)";
    if (writePortfolioJson(p) != before)
        return "(changed the portfolio on error)";
    return error;
}

} // namespace

class PortfolioCsvTest : public QObject {
    Q_OBJECT
private slots:
    void rfc4180Parsing() {
        CsvTable t;
        QString error;
        QVERIFY(parseCsv("\xEF\xBB\xBF"
                         "a,b,c\r\n1,\"x, \"\"quoted\"\"\",\"two\nlines\"\n\n3,4,5",
                         &t, &error));
        QCOMPARE(t.header, QStringList({"a", "b", "c"}));
        QCOMPARE(int(t.rows.size()), 2);
        QCOMPARE(t.rows[0], QStringList({"1", "x, \"quoted\"", "two\nlines"}));
        QCOMPARE(t.lineOfRow[0], 2);
        QCOMPARE(t.lineOfRow[1], 5); // the quoted line break and the blank line count as rows
        QVERIFY(!parseCsv("a,b\n1,\"open", &t, &error));
        QCOMPARE(error, QString("row 2: a quoted field is not closed"));
        QVERIFY(!parseCsv("a,b\n1,\"x\"y", &t, &error));
        QCOMPARE(error, QString("row 2: text after a closing quote"));
        QCOMPARE(csvLine({"plain", "with,comma", "say \"hi\""}),
                 QByteArray("plain,\"with,comma\",\"say \"\"hi\"\"\"\r\n"));
    }

    void importsContractsWithTrancheCells() {
        Portfolio p = example();
        QString error;
        CsvKind kind;
        QVERIFY2(importCsv(p, kContracts, "deal.csv", bundledSkuCatalog(), &error, &kind), qPrintable(error));
        QCOMPARE(kind, CsvKind::Contracts);
        QCOMPARE(int(p.contracts.size()), 4);
        const Contract& nb = p.contracts[2];
        QCOMPARE(nb.name, std::string("Nebius, Vineland"));
        QCOMPARE(int(nb.tranches.size()), 2);
        QCOMPARE(nb.tranches[1].gpus, 8000.0);
        QCOMPARE(*nb.pricePerGpuHour, 2.35);
        QCOMPARE(nb.escalator, 0.02);
        QCOMPARE(nb.takeOrPay, 1.0);             // absent column: the default
        QCOMPARE(p.contracts[3].escalator, 0.0); // empty cell: the default
        QCOMPARE(p.contracts[3].paymentTermsDays, 45);
    }

    void importsTranchesAsRepeatedRows() {
        Portfolio p = example();
        QString error;
        const QByteArray csv = "id,name,provider,sku,start,end,price_per_gpu_hour,tranche_date,tranche_gpus\n"
                               "nb,Nebius,Nebius,H100,2027-01-01,2031-12-31,2.35,2027-01-01,5000\n"
                               "nb,,,,,,,2027-07-01,8000\n"
                               "nb,Nebius,,,,,2.35,2028-01-01,9000\n";
        QVERIFY2(importCsv(p, csv, "deal.csv", bundledSkuCatalog(), &error), qPrintable(error));
        QCOMPARE(int(p.contracts.back().tranches.size()), 3);
        QCOMPARE(p.contracts.back().tranches[2].gpus, 9000.0);
        // The same number written alike on both rows is no conflict, however it is written.
        Portfolio q = example();
        const QByteArray sameText =
            "id,name,provider,sku,start,end,price_per_gpu_hour,tranche_date,tranche_gpus\n"
            "nb,Nebius,Nebius,H100,2027-01-01,2031-12-31,2.40,2027-01-01,5000\n"
            "nb,,,,,,2.40,2027-07-01,8000\n";
        QVERIFY2(importCsv(q, sameText, "deal.csv", bundledSkuCatalog(), &error), qPrintable(error));
        const QByteArray conflicting =
            "id,name,provider,sku,start,end,price_per_gpu_hour,tranche_date,tranche_gpus\n"
            "nb,Nebius,Nebius,H100,2027-01-01,2031-12-31,2.35,2027-01-01,5000\n"
            "nb,,,,,,2.40,2027-07-01,8000\n";
        QCOMPARE(importError(conflicting),
                 QString("deal.csv: row 3, column price_per_gpu_hour: differs from row 2 for "
                         "\"nb\" (a repeated row only adds a tranche)"));
    }

    void badRowsNameRowAndColumnAndImportNothing() {
        QByteArray csv = kContracts;
        csv.replace("2.35", "\"2,40\"");
        QCOMPARE(importError(csv),
                 QString("deal.csv: row 2, column price_per_gpu_hour: \"2,40\" is not a number"));
        csv = kContracts;
        csv.replace("2032-02-29", "2032-02-30");
        QCOMPARE(importError(csv),
                 QString("deal.csv: row 3, column end: \"2032-02-30\" is not a date YYYY-MM-DD"));
        csv = kContracts;
        csv.replace("2031-12-31", "2026-06-30");
        QCOMPARE(importError(csv),
                 QString("deal.csv: row 2, column end: 2026-06-30 is before start 2027-01-01"));
        csv = kContracts;
        csv.replace("IREN Childress,IREN,GB300", "IREN Childress,IREN,GB400");
        QCOMPARE(
            importError(csv),
            QString("deal.csv: row 3, column sku: no SKU \"GB400\" in the portfolio or the bundled catalog"));
        csv = kContracts;
        csv.replace("nb,", "cw-2025,");
        QCOMPARE(importError(csv),
                 QString("deal.csv: row 2, column id: \"cw-2025\" is already in the portfolio"));
        csv = kContracts;
        csv.replace("escalator,", "escalatr,");
        QCOMPARE(importError(csv), QString("deal.csv: row 1, column escalatr: unknown column"));
        csv = kContracts;
        csv.replace("2027-07-01:8000", "2027-07-01=8000");
        QCOMPARE(importError(csv),
                 QString("deal.csv: row 2, column tranches: \"2027-07-01=8000\" is not date:gpus"));
        csv = kContracts;
        csv.replace(",2.35,", ",,");
        QCOMPARE(importError(csv),
                 QString("deal.csv: row 2, column price_per_gpu_hour: missing (give price_per_gpu_hour "
                         "or total_contract_value)"));
        QCOMPARE(
            importError("id,name\nx,y\n"),
            QString("deal.csv: row 1: not a contracts file (with a provider column), a fleets file (with an "
                    "in_service column) nor a demand file (with date and gpus columns)"));
        QCOMPARE(importError(""), QString("deal.csv: the file is empty (expected a header row)"));
    }

    // MODEL.md 8: a demand plan kept in a spreadsheet (sku, date, gpus), the same shape back.
    void importsAndExportsADemand() {
        Portfolio p = example();
        p.demand.reset(); // the example's own, replaced by the file's below
        const QByteArray csv = "date,gpus,sku\r\n2026-01-01,400000,H100\r\n2027-01-01,\"650,000\",H100\r\n";
        QString error;
        QVERIFY(!importCsv(p, csv, "demand.csv", bundledSkuCatalog(), &error));
        QCOMPARE(error, QString("demand.csv: row 3, column gpus: \"650,000\" is not a number"));
        QVERIFY(!p.demand);
        const QByteArray good = "date,gpus,sku\r\n2026-01-01,400000,H100\r\n2027-01-01,650000.5,H100\r\n";
        CsvKind kind = CsvKind::Contracts;
        QVERIFY2(importCsv(p, good, "demand.csv", bundledSkuCatalog(), &error, &kind), qPrintable(error));
        QCOMPARE(kind, CsvKind::Demand);
        QCOMPARE(p.demand->sku, std::string("H100"));
        QCOMPARE(int(p.demand->curve.size()), 2);
        QCOMPARE(p.demand->curve[1].gpus, 650000.5);
        const QByteArray out = exportDemandCsv(p);
        QCOMPARE(out, QByteArray("sku,date,gpus\r\nH100,2026-01-01,4e+05\r\nH100,2027-01-01,650000.5\r\n"));
        Portfolio back = example();
        QVERIFY2(importCsv(back, out, "demand.csv", bundledSkuCatalog(), &error), qPrintable(error));
        QCOMPARE(writePortfolioJson(back), writePortfolioJson(p));

        // Validation's messages at the row they come from; nothing changes.
        const Portfolio before = p;
        QVERIFY(!importCsv(p, "sku,date,gpus\r\nH100,2026-01-01,5\r\nH100,2025-01-01,6\r\n", "d.csv",
                           bundledSkuCatalog(), &error));
        QCOMPARE(
            error,
            QString("d.csv: row 3, column date: 2025-01-01 is not after demand.curve[0].date 2026-01-01"));
        QVERIFY(
            !importCsv(p, "sku,date,gpus\r\nH100,2026-01-01,-5\r\n", "d.csv", bundledSkuCatalog(), &error));
        QCOMPARE(error, QString("d.csv: row 2, column gpus: -5 is below 0"));
        QVERIFY(
            !importCsv(p, "sku,date,gpus\r\nH900,2026-01-01,5\r\n", "d.csv", bundledSkuCatalog(), &error));
        QCOMPARE(
            error,
            QString("d.csv: row 2, column sku: no SKU \"H900\" in the portfolio or the bundled catalog"));
        QVERIFY(!importCsv(p, "sku,date,gpus\r\nH100,2026-01-01,5\r\nB200,2027-01-01,6\r\n", "d.csv",
                           bundledSkuCatalog(), &error));
        QCOMPARE(
            error,
            QString(
                "d.csv: row 3, column sku: \"B200\" differs from row 2's \"H100\" (a demand is of one SKU)"));
        QVERIFY(!importCsv(p, "sku,date,gpus,notes\r\n", "d.csv", bundledSkuCatalog(), &error));
        QCOMPARE(error,
                 QString("d.csv: row 1, column notes: unknown column in a demand file (sku, date, gpus)"));
        QCOMPARE(writePortfolioJson(p), writePortfolioJson(before));

        // Without a demand export writes the header alone, and importing that removes a demand, so
        // a folder exported from a portfolio without one brings none back.
        Portfolio none = example();
        none.demand.reset();
        QCOMPARE(exportDemandCsv(none), QByteArray("sku,date,gpus\r\n"));
        QVERIFY2(importCsv(p, exportDemandCsv(none), "demand.csv", bundledSkuCatalog(), &error, &kind),
                 qPrintable(error));
        QCOMPARE(kind, CsvKind::Demand);
        QVERIFY(!p.demand);
    }

    void exportThenImportGivesTheSameItems() {
        const Portfolio p = example();
        Portfolio empty = p;
        empty.contracts.clear();
        empty.fleets.clear();
        empty.alternatives.reset();
        empty.market.spotCovers.reset();
        QString error;
        QVERIFY2(importCsv(empty, exportFleetsCsv(p), "fleets.csv", bundledSkuCatalog(), &error),
                 qPrintable(error));
        QVERIFY2(importCsv(empty, exportContractsCsv(p), "contracts.csv", bundledSkuCatalog(), &error),
                 qPrintable(error));
        empty.alternatives = p.alternatives;
        empty.market.spotCovers = p.market.spotCovers;
        QCOMPARE(writePortfolioJson(empty), writePortfolioJson(p));
        QVERIFY(
            exportContractsCsv(p).startsWith("id,name,provider,sku,start,end,tranches,price_per_gpu_hour,"));
        QVERIFY(exportContractsCsv(p).contains(",1.42e+10,")); // shortest exact form, no thousands separators
    }

    void importsFleets() {
        Portfolio p = example();
        QString error;
        QByteArray csv = exportFleetsCsv(p);
        csv.replace("own-gb300", "own-b");
        csv.replace("own-vr200", "own-c");
        QVERIFY2(importCsv(p, csv, "fleets.csv", bundledSkuCatalog(), &error), qPrintable(error));
        QCOMPARE(int(p.fleets.size()), 4);
        csv.replace("1.2,", "0.5,"); // pue
        Portfolio q = example();
        QVERIFY(!importCsv(q, csv, "fleets.csv", bundledSkuCatalog(), &error));
        QCOMPARE(error, QString("fleets.csv: row 2, column pue: 0.5 is below 1"));
        QCOMPARE(int(q.fleets.size()), 2);
    }

    // OWASP's rule for CSV injection, undone exactly: escape(s) = "'" + s when s (after any leading ')
    // starts with = + - @ TAB or CR; unescape takes off only a ' that escape could have put there.
    void formulaLikeTextIsEscapedReversibly() {
        const std::vector<std::pair<QString, QString>> cases = {
            {"=1+2+cmd|' /C calc'!A0", "'=1+2+cmd|' /C calc'!A0"},
            {"+x", "'+x"},
            {"-x", "'-x"},
            {"@x", "'@x"},
            {"\tx", "'\tx"},
            {"\rx", "'\rx"},
            {"'=x", "''=x"},
            {"''-x", "'''-x"},
            {"'plain", "'plain"},
            {"'", "'"},
            {"plain", "plain"},
            {"x=1", "x=1"},
            {" =x", " =x"}, // a space first: no spreadsheet reads a formula
            {"", ""},
        };
        for (const auto& [text, cell] : cases) {
            QCOMPARE(csvEscapeText(text), cell);
            QCOMPARE(csvUnescapeText(cell), text);
        }
        // What a person typed without the ' reads as typed; so does a ' that escapes nothing.
        QCOMPARE(csvUnescapeText("=x"), QString("=x"));
        QCOMPARE(csvUnescapeText("'plain"), QString("'plain"));
        QCOMPARE(csvUnescapeText("''=x"), QString("'=x"));
    }

    void exportEscapesTextCellsNotNumbersAndImportReadsThemBack() {
        Portfolio p = example();
        p.contracts[0].name = "=1+2+cmd|' /C calc'!A0";
        p.contracts[0].provider = "+x";
        p.contracts[0].escalator = -0.15;
        p.contracts[1].name = "-x";
        p.contracts[1].notes = "@x";
        p.fleets[0].name = "'=x";
        p.fleets[0].powerEscalator = -0.15;
        p.fleets[1].name = "'plain";
        const QByteArray contracts = exportContractsCsv(p), fleets = exportFleetsCsv(p);
        CsvTable c, f;
        QString error;
        QVERIFY(parseCsv(contracts, &c, &error));
        QVERIFY(parseCsv(fleets, &f, &error));
        auto at = [](const CsvTable& t, std::size_t row, const char* column) {
            return t.rows.at(row).at(t.header.indexOf(column));
        };
        QCOMPARE(at(c, 0, "name"), QString("'=1+2+cmd|' /C calc'!A0"));
        QCOMPARE(at(c, 0, "provider"), QString("'+x"));
        QCOMPARE(at(c, 0, "escalator"), QString("-0.15")); // a number: no '
        QCOMPARE(at(c, 1, "name"), QString("'-x"));
        QCOMPARE(at(c, 1, "notes"), QString("'@x"));
        QCOMPARE(at(f, 0, "name"), QString("''=x"));
        QCOMPARE(at(f, 0, "power_escalator"), QString("-0.15"));
        QCOMPARE(at(f, 1, "name"), QString("'plain"));
        // The bytes themselves: the name cell needs no quotes, the negative number stays bare.
        QVERIFY(contracts.contains("\r\ncw-2025,'=1+2+cmd|' /C calc'!A0,'+x,GB300,"));
        QVERIFY(contracts.contains(",-0.15,"));

        // import(export(p)) is p, and exports the same bytes again.
        Portfolio back = p;
        back.contracts.clear();
        back.fleets.clear();
        back.alternatives.reset();
        back.market.spotCovers.reset();
        QVERIFY2(importCsv(back, fleets, "fleets.csv", bundledSkuCatalog(), &error), qPrintable(error));
        QVERIFY2(importCsv(back, contracts, "contracts.csv", bundledSkuCatalog(), &error), qPrintable(error));
        QCOMPARE(back.contracts[0].name, std::string("=1+2+cmd|' /C calc'!A0"));
        QCOMPARE(back.contracts[0].provider, std::string("+x"));
        QCOMPARE(back.contracts[0].escalator, -0.15);
        QCOMPARE(back.contracts[1].name, std::string("-x"));
        QCOMPARE(back.contracts[1].notes, std::string("@x"));
        QCOMPARE(back.fleets[0].name, std::string("'=x"));
        QCOMPARE(back.fleets[1].name, std::string("'plain"));
        back.alternatives = p.alternatives;
        back.market.spotCovers = p.market.spotCovers;
        QCOMPARE(writePortfolioJson(back), writePortfolioJson(p));
        QCOMPARE(exportContractsCsv(back), contracts);
        QCOMPARE(exportFleetsCsv(back), fleets);
    }

    void importReadsUnescapedFormulaTextAsTyped() {
        // A file a person wrote, without the ': each text is taken as typed, and exported escaped.
        Portfolio p = example();
        QString error;
        QVERIFY2(importCsv(p,
                           "id,name,provider,sku,start,end,tranches,price_per_gpu_hour\n"
                           "=id,=SUM(A1:A2),''@x,H100,2027-01-01,2031-12-31,2027-01-01:5000,2.35\n",
                           "deal.csv", bundledSkuCatalog(), &error),
                 qPrintable(error));
        QCOMPARE(p.contracts.back().id, std::string("=id"));
        QCOMPARE(p.contracts.back().name, std::string("=SUM(A1:A2)"));
        QCOMPARE(p.contracts.back().provider, std::string("'@x")); // ''@x is the escaped form of '@x
        QVERIFY(exportContractsCsv(p).contains("\r\n'=id,'=SUM(A1:A2),''@x,H100,"));
    }

    void quotedSpacesAreKeptUnquotedOnesTrimmed() {
        CsvTable t;
        QString error;
        QVERIFY2(parseCsv(" a ,\" b \",c\r\n x ,\" Meta \",\"\t\"\r\n", &t, &error), qPrintable(error));
        QCOMPARE(t.header, QStringList({"a", "b", "c"})); // header names are trimmed, quoted or not
        QCOMPARE(t.rows[0], QStringList({"x", " Meta ", "\t"}));
        // The writer quotes whatever white space the reader would otherwise trim.
        QCOMPARE(csvLine({" Meta ", "tab\t", "\xc2\xa0nbsp", "in side"}),
                 QByteArray("\" Meta \",\"tab\t\",\"\xc2\xa0nbsp\",in side\r\n"));

        Portfolio p = example();
        QVERIFY2(importCsv(p,
                           "id,name,provider,sku,start,end,tranches,price_per_gpu_hour\n"
                           "nb,\" Meta \",  Nebius  ,H100,2027-01-01,2031-12-31,2027-01-01:5000,\" 2.35 \"\n",
                           "deal.csv", bundledSkuCatalog(), &error),
                 qPrintable(error));
        QCOMPARE(p.contracts.back().name, std::string(" Meta "));
        QCOMPARE(p.contracts.back().provider, std::string("Nebius"));
        QCOMPARE(*p.contracts.back().pricePerGpuHour, 2.35); // a number ignores spaces, quoted or not
        QVERIFY(exportContractsCsv(p).contains("\r\nnb,\" Meta \",Nebius,H100,"));
    }
};

QTEST_GUILESS_MAIN(PortfolioCsvTest)
#include "tst_portfolio_csv.moc"
