// The workbook an auditor recalculates (issue 20): LibreOffice opens each report workbook with
// recalculation forced on load (libxlsxwriter stores 0 as every formula's result, so an
// unrecalculated file would prove nothing: the test also asserts the results are not those zeros),
// exports every sheet as CSV, and each formula's value must equal the app's number to 1e-9
// relative: each alternative's XNPV over its dated cash against its NPV cost, their SUM against its
// total cash, and the per-item SUMIFS totals of the annual and monthly tables against the item's
// figures. Driven by soffice, so the sanitizer pass skips it (label "libreoffice").
#include "data/Csv.h"
#include "data/PortfolioJson.h"
#include "data/SkuCatalogJson.h"
#include "resources/BundledResources.h"
#include "ui/report/ReportContent.h"
#include "ui/report/ReportFiles.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace ledger;
using namespace ledger::report;

namespace {

// Recalculate an OOXML file on load, always (Calc's "Formula > Recalculation on file load").
const char* kForceRecalc = R"(<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
)";

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

data::CsvTable readCsv(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("LibreOffice wrote no %s", qPrintable(path));
    data::CsvTable t;
    QString error;
    if (!data::parseCsv(f.readAll(), &t, &error))
        qFatal("%s: %s", qPrintable(path), qPrintable(error));
    return t;
}

double number(const QString& cell) {
    bool ok = false;
    const double v = cell.toDouble(&ok);
    if (!ok)
        qFatal("not a number: \"%s\"", qPrintable(cell));
    return v;
}

// The rows below a sheet's "total (formulas)" row, by item: its columns' values.
std::map<QString, QStringList> totalsBlock(const data::CsvTable& t) {
    std::map<QString, QStringList> out;
    bool below = false;
    for (const auto& row : t.rows) {
        if (!row.isEmpty() && row[0] == "total (formulas)")
            below = true;
        else if (below && !row.isEmpty() && !row[0].isEmpty())
            out[row[0]] = row;
    }
    return out;
}

struct Case {
    QString name;
    QString file;
};

} // namespace

class WorkbookRecalcTest : public QObject {
    Q_OBJECT

private slots:
    void formulasRecalculateToTheAppsNumbers() {
        const QString soffice = QStandardPaths::findExecutable("soffice");
        QVERIFY2(!soffice.isEmpty(),
                 "soffice (libreoffice-calc-nogui, installed by installer/install-deps.sh)");
        const SkuCatalog catalog = data::bundledSkuCatalog();
        const QString reference = QStringLiteral(LEDGER_REFERENCE_PORTFOLIOS);
        const std::vector<Case> cases = {
            {"example", resources::examplePortfolioPath()},    {"leases", reference + "/leases.json"},
            {"demand", reference + "/demand_rent_buy.json"},   {"fiscal", reference + "/fiscal_june.json"},
            {"contracts", reference + "/contracts_edge.json"}, {"fleets", reference + "/fleets_edge.json"}};
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("profile/user"));
        QFile xcu(dir.filePath("profile/user/registrymodifications.xcu"));
        QVERIFY(xcu.open(QIODevice::WriteOnly));
        xcu.write(kForceRecalc);
        xcu.close();
        std::map<QString, ReportContent> contents;
        QStringList files;
        for (const Case& c : cases) {
            const auto load = data::loadPortfolioJsonFile(c.file, catalog);
            QVERIFY2(load.portfolio, qPrintable(c.file));
            contents[c.name] = buildReportContent(*load.portfolio, catalog, std::nullopt, c.file);
            const QString xlsx = dir.filePath(c.name + ".xlsx");
            QString error;
            QVERIFY2(writeXlsxReport(contents[c.name], reportTables(contents[c.name]), xlsx, &error),
                     qPrintable(error));
            files << xlsx;
        }
        // Every sheet of every workbook as CSV (filter option 12 = -1: all sheets, NAME-SHEET.csv),
        // cell contents as stored, not as formatted (option 9 = false): full precision.
        QProcess lo;
        lo.setProcessChannelMode(QProcess::MergedChannels);
        lo.start(
            soffice,
            QStringList{"-env:UserInstallation=" + QUrl::fromLocalFile(dir.filePath("profile")).toString(),
                        "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                        "--outdir", dir.filePath("csv")} +
                files);
        QVERIFY(lo.waitForFinished(240000));
        QVERIFY2(lo.exitCode() == 0, lo.readAll().constData());

        for (const Case& c : cases) {
            const ReportContent& content = contents[c.name];
            const EvaluationResult& r = content.evaluation;
            const QString base = dir.filePath("csv/" + c.name + "-");
            // npv_recomputed: a discount-rate row, an empty row, the header, one row per alternative.
            const data::CsvTable npv = readCsv(base + "npv_recomputed.csv");
            QCOMPARE(npv.rows.size(), 2 + r.alternatives.size());
            QCOMPARE(npv.rows[1].value(3), QString("npv_cost_by_xnpv"));
            for (std::size_t a = 0; a < r.alternatives.size(); ++a) {
                const QStringList& row = npv.rows[2 + a];
                const AlternativeResult& alt = r.alternatives[a];
                const QString what = c.name + " " + QString::fromStdString(alt.id);
                QCOMPARE(row[0], QString::fromStdString(alt.id));
                QVERIFY2(near(number(row[3]), alt.npvCost), qPrintable(what + " XNPV " + row[3]));
                QVERIFY2(alt.npvCost == 0.0 || number(row[3]) != 0.0,
                         qPrintable(what + ": not recalculated"));
                QVERIFY2(std::abs(number(row[4])) <= 1e-9 * std::max(1.0, std::abs(alt.npvCost)),
                         qPrintable(what + " difference " + row[4]));
                QVERIFY2(near(number(row[6]), alt.totalCash), qPrintable(what + " SUM " + row[6]));
            }
            // The per-item totals of the annual and monthly tables.
            const auto annual = totalsBlock(readCsv(base + "annual_summary.csv"));
            const auto monthly = totalsBlock(readCsv(base + "monthly_cashflows.csv"));
            QCOMPARE(annual.size(), r.items.size());
            QCOMPARE(monthly.size(), r.items.size());
            for (const ItemResult& item : r.items) {
                const QString id = QString::fromStdString(item.id);
                const QString what = c.name + " " + id;
                QVERIFY2(annual.count(id) && monthly.count(id), qPrintable(what));
                double book = 0.0, tax = 0.0, monthlyCash = 0.0;
                for (const auto& y : item.annual) {
                    book += y.depreciationBook;
                    tax += y.depreciationTax;
                }
                for (const auto& m : item.monthly)
                    monthlyCash += m.cash;
                const QStringList& y = annual.at(id);
                QVERIFY2(near(number(y[2]), item.totalCash), qPrintable(what + " annual cash " + y[2]));
                QVERIFY2(near(number(y[3]), item.committedGpuHours), qPrintable(what + " committed"));
                QVERIFY2(near(number(y[4]), item.usedGpuHours), qPrintable(what + " used"));
                QVERIFY2(near(number(y[5]), book), qPrintable(what + " book depreciation"));
                QVERIFY2(near(number(y[6]), tax), qPrintable(what + " tax depreciation"));
                QVERIFY2(item.totalCash == 0.0 || number(y[2]) != 0.0,
                         qPrintable(what + ": not recalculated"));
                const QStringList& m = monthly.at(id);
                QVERIFY2(near(number(m[2]), monthlyCash), qPrintable(what + " monthly cash " + m[2]));
                QVERIFY2(near(number(m[3]), item.npvCost), qPrintable(what + " present value " + m[3]));
            }
            // The Assumptions sheet holds the inputs with their sources.
            const data::CsvTable inputs = readCsv(base + "Assumptions.csv");
            QCOMPARE(inputs.header.value(5), QString("source"));
            QVERIFY2(inputs.rows.size() > 10, qPrintable(c.name));
        }
    }
};

QTEST_MAIN(WorkbookRecalcTest)
#include "tst_workbook_recalc.moc"
