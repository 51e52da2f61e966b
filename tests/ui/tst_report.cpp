// The report outputs as a reader checks them: the CSV numbers are the ones `evaluate --json` prints,
// the PDF's text holds the verdict and every KPI, the workbook holds numbers (not text), files are
// replaced only on success, and the export dialog writes what it is asked for.
#include "data/Csv.h"
#include "data/EvaluationJson.h"
#include "data/PortfolioJson.h"
#include "data/Scenarios.h"
#include "data/SimulationJson.h"
#include "data/SkuCatalogJson.h"
#include "data/StressTemplates.h"
#include "engine/DeterministicEngine.h"
#include "models/MoneyFormat.h"
#include "models/OptionText.h"
#include "models/PortfolioDocument.h"
#include "models/ReverseStressText.h"
#include "models/SimulationController.h"
#include "montecarlo/MonteCarloEngine.h"
#include "resources/BundledResources.h"
#include "ui/charts/LedgerCharts.h"
#include "ui/report/ExportReportDialog.h"
#include "ui/report/PdfReport.h"
#include "ui/report/ReportExport.h"
#include "ui/report/ReportFiles.h"
#include "ui/report/ReportTables.h"
#include "ui/tabs/OverviewTab.h"

#include <QBarSet>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QHorizontalStackedBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ledger;
using namespace ledger::report;

namespace {

struct Fixture {
    SkuCatalog catalog = data::bundledSkuCatalog();
    Portfolio portfolio;
    SimulationResult simulation;
    ReportContent content;

    Fixture() {
        portfolio = *data::loadPortfolioJsonFile(resources::examplePortfolioPath(), catalog).portfolio;
        SimulationOptions o;
        o.paths = 3000;
        o.seed = 77;
        o.device = ComputeDevice::Cpu;
        o.accounting = true; // as `report --simulate` runs it
        simulation = simulatePortfolio(portfolio, catalog, o);
        content = buildReportContent(portfolio, catalog, simulation, "meta-coreweave.json");
    }
};

const Fixture& fixture() {
    static const Fixture f;
    return f;
}

data::CsvTable readCsv(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    data::CsvTable t;
    QString error;
    if (!data::parseCsv(f.readAll(), &t, &error))
        qFatal("%s: %s", qPrintable(path), qPrintable(error));
    return t;
}

// tests/data/portfolios/options.json: a take-or-pay contract with an extension, an expansion and a
// termination option.
Portfolio optionsPortfolio(const SkuCatalog& catalog) {
    return *data::loadPortfolioJsonFile(QFINDTESTDATA("../data/portfolios/options.json"), catalog).portfolio;
}

// Its report with a CPU run of `paths` paths.
ReportContent optionsReport(const Portfolio& p, const SkuCatalog& catalog, std::int64_t paths,
                            std::uint64_t seed) {
    SimulationOptions o;
    o.paths = paths;
    o.seed = seed;
    o.device = ComputeDevice::Cpu;
    return buildReportContent(p, catalog, simulatePortfolio(p, catalog, o), "options.json");
}

// The workbook's sheet names in order, as Python prints a list: "['report', ..., 'options']".
QString workbookSheetNames(const QString& xlsx) {
    QProcess sheets;
    sheets.start(QStandardPaths::findExecutable("python3"),
                 {"-c",
                  "import sys, zipfile, re\n"
                  "z = zipfile.ZipFile(sys.argv[1])\n"
                  "print(re.findall(r'<sheet name=\"([^\"]+)\"', z.read('xl/workbook.xml').decode()))\n",
                  xlsx});
    if (!sheets.waitForFinished(30000))
        qFatal("python3 did not read %s", qPrintable(xlsx));
    return QString::fromUtf8(sheets.readAllStandardOutput());
}

QString millions(double v) {
    return QLocale(QLocale::English).toString(v / 1e6, 'f', 1);
}

// Exactly the text QJsonDocument writes for the value (what `evaluate --json` prints).
QString jsonText(const QJsonValue& v) {
    const QByteArray b = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(b.mid(1, b.size() - 2));
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private slots:
    void csvAnnualSummaryEqualsEvaluateJson() {
        const auto& f = fixture();
        QTemporaryDir dir;
        QString error;
        QVERIFY2(writeCsvReport(reportTables(f.content), dir.path(), &error), qPrintable(error));
        const auto t = readCsv(dir.filePath("annual_summary.csv"));
        QCOMPARE(t.header, QStringList({"item", "year", "cash", "committed_gpu_hours", "used_gpu_hours",
                                        "depreciation_book", "depreciation_tax", "nbv_book", "nbv_tax"}));
        const QJsonObject json = data::evaluationToJson(f.content.evaluation);
        std::size_t row = 0;
        int compared = 0;
        for (const QJsonValue& item : json["items"].toArray()) {
            for (const QJsonValue& year : item.toObject()["annual"].toArray()) {
                const QStringList& cells = t.rows.at(row++);
                QCOMPARE(cells[0], item.toObject()["id"].toString());
                QCOMPARE(cells[1], QString::number(year.toObject()["year"].toInt()));
                const QStringList keys = {"cash",
                                          "committed_gpu_hours",
                                          "used_gpu_hours",
                                          "depreciation_book",
                                          "depreciation_tax",
                                          "nbv_book",
                                          "nbv_tax"};
                for (int k = 0; k < keys.size(); ++k) {
                    // The same text, hence the same double, as the JSON.
                    QCOMPARE(cells[k + 2], jsonText(year.toObject()[keys[k]]));
                    QCOMPARE(cells[k + 2].toDouble(), year.toObject()[keys[k]].toDouble());
                    ++compared;
                }
            }
        }
        QCOMPARE(row, t.rows.size());
        QVERIFY(compared > 100);
    }

    // accounting: every line, total and balance of every alternative and item by fiscal year as the
    // JSON's accounting[] holds them, text for text; lease_maturity: the note's table, its total less
    // the imputed interest equal to the liability (the example's Vera Rubin lease).
    void csvAccountingEqualsEvaluateJson() {
        const auto& f = fixture();
        QTemporaryDir dir;
        QString error;
        QVERIFY2(writeCsvReport(reportTables(f.content), dir.path(), &error), qPrintable(error));
        const auto t = readCsv(dir.filePath("accounting.csv"));
        const QJsonObject json = data::evaluationToJson(f.content.evaluation);
        QCOMPARE(t.header.mid(0, 4), QStringList({"owner", "owner_type", "statement", "line"}));
        int compared = 0;
        for (const QJsonValue& entry : json["accounting"].toArray()) {
            const QJsonObject o = entry.toObject();
            const bool item = o.contains("item");
            const QString owner = o[item ? "item" : "alternative"].toString();
            const QJsonArray years = o["years"].toArray();
            QCOMPARE(t.header.size(), 4 + years.size());
            for (const QStringList& cells : t.rows) {
                if (cells[0] != owner || cells[1] != (item ? "item" : "alternative"))
                    continue;
                for (qsizetype y = 0; y < years.size(); ++y) {
                    QCOMPARE(t.header[4 + y], QString::number(years[y].toObject()["year"].toInt()));
                    QCOMPARE(cells[4 + y], jsonText(years[y].toObject()[cells[3]]));
                    ++compared;
                }
            }
        }
        QVERIFY(compared > 500);
        const auto m = readCsv(dir.filePath("lease_maturity.csv"));
        QCOMPARE(m.header, QStringList({"contract", "as_at", "entry", "year", "amount"}));
        double payments = 0.0, total = 0.0, interest = 0.0, liability = 0.0;
        for (const QStringList& cells : m.rows) {
            QCOMPARE(cells[0], QString("cw-2026"));
            QCOMPARE(cells[1], QString("2027-01-01"));
            (cells[2] == "payment"            ? payments
             : cells[2] == "total"            ? total
             : cells[2] == "imputed_interest" ? interest
                                              : liability) += cells[4].toDouble();
        }
        QVERIFY(std::abs(payments - total) <= 1e-6 * total);
        QVERIFY(std::abs(total + interest - liability) <= 1e-6 * total);
        QVERIFY(interest < 0.0 && liability > 1e10);
        // simulation_accounting: the simulation's percentiles, year by year, as the JSON has them.
        const auto s = readCsv(dir.filePath("simulation_accounting.csv"));
        QCOMPARE(s.header, QStringList({"alternative", "year", "metric", "p5", "p50", "p95"}));
        const QJsonObject sim = data::simulationToJson(f.simulation);
        std::size_t at = 0;
        for (const QJsonValue& a : sim["alternatives"].toArray())
            for (const QJsonValue& y : a.toObject()["accounting"].toArray())
                for (const char* metric : {"ebitda_cost", "pretax_cost"}) {
                    const QStringList& cells = s.rows.at(at++);
                    QCOMPARE(cells[0], a.toObject()["id"].toString());
                    QCOMPARE(cells[1], QString::number(y.toObject()["year"].toInt()));
                    QCOMPARE(cells[2], QString(metric));
                    QCOMPARE(cells[4], jsonText(y.toObject()[metric].toObject()["p50"]));
                }
        QCOMPARE(at, s.rows.size());
        QVERIFY(at > 30);
    }

    // cost_lines: every line of every alternative and item, its NPV, cash and yearly cash as the
    // JSON's lines[] and annual lines{} hold them, text for text.
    void csvCostLinesEqualEvaluateJson() {
        const auto& f = fixture();
        QTemporaryDir dir;
        QString error;
        QVERIFY2(writeCsvReport(reportTables(f.content), dir.path(), &error), qPrintable(error));
        const auto t = readCsv(dir.filePath("cost_lines.csv"));
        const QJsonObject json = data::evaluationToJson(f.content.evaluation);
        const QJsonArray years = json["alternatives"].toArray()[0].toObject()["annual"].toArray();
        QCOMPARE(t.header.mid(0, 5), QStringList({"owner", "owner_type", "line", "npv", "cash"}));
        QCOMPARE(t.header.size(), 5 + years.size());
        QCOMPARE(t.header[5], QString::number(years[0].toObject()["year"].toInt()));
        std::size_t row = 0;
        for (const char* group : {"alternatives", "items"}) {
            for (const QJsonValue& owner : json[group].toArray()) {
                double npv = 0.0;
                for (const QJsonValue& line : owner.toObject()["lines"].toArray()) {
                    const QStringList& cells = t.rows.at(row++);
                    const QString key = line.toObject()["line"].toString();
                    QCOMPARE(cells[0], owner.toObject()["id"].toString());
                    QCOMPARE(cells[1], QString(group) == "items" ? QString("item") : QString("alternative"));
                    QCOMPARE(cells[2], key);
                    QCOMPARE(cells[3], jsonText(line.toObject()["npv"]));
                    QCOMPARE(cells[4], jsonText(line.toObject()["cash"]));
                    const QJsonArray annual = owner.toObject()["annual"].toArray();
                    for (qsizetype y = 0; y < annual.size(); ++y)
                        QCOMPARE(cells[5 + y], jsonText(annual[y].toObject()["lines"].toObject()[key]));
                    npv += cells[3].toDouble();
                }
                const double total = owner.toObject()["npv_cost"].toDouble();
                QVERIFY(std::abs(npv - total) <= 1e-9 * std::max(1.0, std::abs(total)));
            }
        }
        QCOMPARE(row, t.rows.size());
        QVERIFY(row > 20);
    }

    void csvAlternativesAndSimulationEqualJson() {
        const auto& f = fixture();
        QTemporaryDir dir;
        QString error;
        QVERIFY(writeCsvReport(reportTables(f.content), dir.path(), &error));
        const auto alts = readCsv(dir.filePath("alternatives.csv"));
        const QJsonArray jsonAlts = data::evaluationToJson(f.content.evaluation)["alternatives"].toArray();
        QCOMPARE(alts.rows.size(), std::size_t(jsonAlts.size()));
        const int npv = int(alts.header.indexOf("npv_cost"));
        const int lcoc = int(alts.header.indexOf("lcoc"));
        for (qsizetype i = 0; i < jsonAlts.size(); ++i) {
            QCOMPARE(alts.rows[std::size_t(i)][0], jsonAlts[i].toObject()["id"].toString());
            QCOMPARE(alts.rows[std::size_t(i)][npv], jsonText(jsonAlts[i].toObject()["npv_cost"]));
            QCOMPARE(alts.rows[std::size_t(i)][lcoc], jsonText(jsonAlts[i].toObject()["lcoc"]));
        }
        // The example ranks buy first, then rent, then spot (it has a demand).
        QCOMPARE(alts.rows[1][alts.header.indexOf("rank")], QString("1"));
        // With a demand: how each alternative meets it, as in the JSON, and its breakeven demand factor.
        const int shortfall = int(alts.header.indexOf("shortfall_h100_hours"));
        const int factor = int(alts.header.indexOf("breakeven_demand_factor_vs_spot"));
        QVERIFY(shortfall > 0 && factor > shortfall);
        for (qsizetype i = 0; i < jsonAlts.size(); ++i)
            QCOMPARE(alts.rows[std::size_t(i)][shortfall],
                     jsonText(jsonAlts[i].toObject()["demand"].toObject()["shortfall_h100_hours"]));
        const QJsonArray factors =
            data::evaluationToJson(f.content.evaluation)["breakeven_demand_factor"].toArray();
        QCOMPARE(alts.rows[0][factor], jsonText(factors[0].toObject()["factor"]));
        QCOMPARE(alts.rows[2][factor], QString()); // spot: none

        const auto pct = readCsv(dir.filePath("simulation_percentiles.csv"));
        const QJsonArray simAlts = data::simulationToJson(f.simulation)["alternatives"].toArray();
        int checked = 0;
        for (const QJsonValue& a : simAlts) {
            const QJsonObject npvJson = a.toObject()["npv_cost"].toObject();
            const auto found = std::find_if(pct.rows.begin(), pct.rows.end(), [&](const QStringList& r) {
                return r[0] == a.toObject()["id"].toString() && r[1] == "npv_cost";
            });
            QVERIFY(found != pct.rows.end());
            for (const char* key : {"mean", "std", "p5", "p50", "p95", "cvar95"}) {
                QCOMPARE((*found)[pct.header.indexOf(key)], jsonText(npvJson[key]));
                ++checked;
            }
        }
        QCOMPARE(checked, 18);
        const auto fan = readCsv(dir.filePath("simulation_fan.csv"));
        QCOMPARE(fan.header, QStringList({"alternative", "year", "p5", "p50", "p95"}));
        QCOMPARE(fan.rows.size(), std::size_t(3 * 6));
        const QJsonObject firstFan = simAlts[0].toObject()["annual_cumulative"].toArray()[0].toObject();
        QCOMPARE(fan.rows[0][4], jsonText(firstFan["p95"]));
        const auto monthly = readCsv(dir.filePath("monthly_cashflows.csv"));
        QCOMPARE(monthly.header, QStringList({"item", "period_start", "cash", "present_value"}));
        QCOMPARE(monthly.rows.front()[1], QString("2027-01-01")); // ISO dates
        QCOMPARE(monthly.rows.size(), std::size_t(4 * 72));
    }

    // A waterfall whose running total crosses 0 and runs below it: each bar starts where the last
    // ended (Qt stacks negative values from 0 on their own, so the chart splits such steps).
    void waterfallStepsAcrossZero() {
        EvaluationResult r;
        r.currency = "USD";
        AlternativeResult from, to;
        from.id = from.name = "from";
        to.id = to.name = "to";
        from.npvCost = 1e6;
        from.lines = {{CostLine::Capex, 1e6, 0}, {CostLine::Resale, 0, 0}};
        to.npvCost = -3e6;
        to.lines = {{CostLine::Capex, -1e6, 0}, {CostLine::Resale, -2e6, 0}};
        r.alternatives = {from, to};
        const CostWaterfall w = costWaterfall(r, "to", "from");
        QCOMPARE(w.steps.size(), std::size_t(2));
        QCOMPARE(w.steps[0].difference, -2e6); // capex: 1 -> -1 (across 0)
        QCOMPARE(w.steps[1].difference, -2e6); // resale: -1 -> -3 (below 0)
        QChart chart;
        ui::drawCostWaterfall(&chart, w, r);
        const auto* bars = qobject_cast<QHorizontalStackedBarSeries*>(chart.series().at(0));
        QVERIFY(bars);
        // Sets: base, costs more, saves, total, costs more below 0, saves below 0; rows bottom up:
        // "to", resale, capex, "from".
        const auto sets = bars->barSets();
        auto at = [&](int set, int row) { return sets[set]->at(row); };
        QCOMPARE(at(3, 3), 1.0);  // from: 1 M
        QCOMPARE(at(2, 2), 1.0);  // capex saves 1 M right of 0 ...
        QCOMPARE(at(5, 2), -1.0); // ... and 1 M left of it
        QCOMPARE(at(0, 2), 0.0);  // with no base
        QCOMPARE(at(0, 1), -1.0); // resale: from -1 M ...
        QCOMPARE(at(5, 1), -2.0); // ... 2 M further left
        QCOMPARE(at(3, 0), -3.0); // to: -3 M, where the steps end
    }

    void pdfTextHoldsTheVerdictAndTheKpis() {
        const auto& f = fixture();
        QTemporaryDir dir;
        const QString pdf = dir.filePath("report.pdf");
        QString error;
        QVERIFY2(writePdfReport(f.content, pdf, &error), qPrintable(error));
        const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext (poppler-utils, installed by installer/install-deps.sh)");
        QProcess p;
        p.start(pdftotext, {"-layout", pdf, "-"});
        QVERIFY(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        const QString flat = text.simplified();
        QVERIFY2(flat.contains("Meta: CoreWeave contracts vs. an owned fleet"), qPrintable(flat.left(300)));
        QVERIFY(flat.contains("Buy and operate is the cheapest alternative"));
        for (const auto& a : f.content.evaluation.alternatives) {
            QVERIFY2(flat.contains(millions(a.npvCost)), qPrintable(millions(a.npvCost)));
            QVERIFY2(flat.contains(millions(a.totalCash)), qPrintable(millions(a.totalCash)));
            QVERIFY(flat.contains(QLocale(QLocale::English).toString(*a.lcoc, 'f', 4)));
        }
        for (const auto& a : f.simulation.alternatives) {
            for (double v : {a.npvCost.p5, a.npvCost.p50, a.npvCost.p95, a.npvCost.cvar95})
                QVERIFY2(flat.contains(millions(v)),
                         qPrintable(QString::fromStdString(a.id) + " " + millions(v)));
            QVERIFY(flat.contains(QLocale(QLocale::English).toString(a.probCheapest * 100.0, 'f', 1) + "%"));
        }
        // The cost lines: every line's NPV of every alternative (the shock-free lines), and the waterfall.
        QVERIFY(flat.contains("What the costs are made of"));
        // The waterfall runs from the next best to the cheapest: with the example's demand, rent.
        QVERIFY(flat.contains("From Rent from CoreWeave to Buy and operate: NPV cost by line"));
        // The tornado names the alternatives (the cheapest against the runner-up), not their ids.
        QVERIFY(flat.contains("What moves the answer: Buy and operate minus Rent from CoreWeave"));
        QVERIFY(flat.contains("NPV of Buy and operate minus Rent from CoreWeave: USD "));
        QVERIFY(!flat.contains("buy minus rent"));
        // The demand (MODEL.md 8): what every alternative meets, and how.
        QVERIFY(
            flat.contains("Every alternative meets the same demand: 37,224.0 M H100-equivalent GPU-hours"));
        QVERIFY(flat.contains("Idle capacity (M H100-eq. GPU-hours) 1,821.6 2,300.1 0.0"));
        QVERIFY(flat.contains("Breakeven demand factor vs spot 0.769x 0.379x"));
        // A chart of capacity against the demand for each alternative with capacity (not spot).
        QVERIFY(flat.contains("Capacity against the demand"));
        QVERIFY(flat.contains("Rent from CoreWeave: million H100-equivalent GPU-hours a year"));
        QVERIFY(flat.contains("Buy and operate: million H100-equivalent GPU-hours a year"));
        QVERIFY(!flat.contains("Spot market: million H100-equivalent GPU-hours a year"));
        for (const auto& a : f.content.evaluation.alternatives)
            for (const auto& l : a.lines)
                if (l.npv != 0.0)
                    QVERIFY2(flat.contains(millions(l.npv)), qPrintable(QString(kCostLineKeys[int(l.line)])));
        // Breakeven, the audit trail with its sources, the run's identity, page numbers.
        QVERIFY(flat.contains("0.554 times its contract prices"));
        QVERIFY(flat.contains("CoreWeave Form 8-K, 30 Sep 2025"));
        QVERIFY(flat.contains("Total contract value USD 14.2 B CoreWeave Form 8-K, 30 Sep 2025"));
        // The appendix reads like a finance model's: no file keys, no raw numbers of money.
        const QRegularExpression rawKey(R"(\b[a-z]+\[\d+\]|\b[a-z]+_[a-z_]+\b|14200000000)");
        QVERIFY2(!rawKey.match(flat).hasMatch(), qPrintable(rawKey.match(flat).captured()));
        QVERIFY(!flat.contains("item notes"));
        QVERIFY(!flat.contains(".md"));
        QVERIFY(flat.contains("Seed 77"));
        QVERIFY(flat.contains("3,000"));
        QVERIFY(flat.contains(f.content.inputsHash.left(16)));
        QVERIFY(flat.contains("ComputeLedger " + f.content.version));
        QVERIFY(flat.contains("How to read these numbers"));
        // Page 1 is the decision: the verdict, the figures, what would change it; the run's identity
        // (hashes, the device) is on the run-details page.
        const QStringList pageTexts = text.split('\f');
        const QString first = pageTexts.front().simplified();
        QVERIFY(first.contains("Buy and operate is the cheapest alternative"));
        QVERIFY(first.contains("At a glance"));
        QVERIFY(first.contains("What would change the verdict"));
        QVERIFY(first.contains("Breakeven"));
        QVERIFY(!first.contains("SHA-256"));
        QVERIFY(!first.contains(QString::fromStdString(f.simulation.device)));
        QVERIFY(pageTexts.last().simplified().contains("SHA-256") ||
                pageTexts[pageTexts.size() - 2].simplified().contains("SHA-256"));
        // No page mostly empty: every page but the last holds at least 20 lines of text (a chart's
        // axis labels and legend are text too; a page of one heading and a table row has 4).
        for (int i = 0; i + 2 < pageTexts.size(); ++i) {
            const auto lines = pageTexts[i].split('\n', Qt::SkipEmptyParts);
            const auto filled = std::count_if(lines.begin(), lines.end(),
                                              [](const QString& l) { return !l.trimmed().isEmpty(); });
            QVERIFY2(filled >= 20, qPrintable(QString("page %1: %2 lines").arg(i + 1).arg(filled)));
        }
        const int pages = int(text.count('\f')) + (text.endsWith('\f') ? 0 : 1);
        QVERIFY2(pages >= 10, qPrintable(QString::number(pages)));
        QVERIFY(flat.contains(QString("Page %1 of %1").arg(pages)));
        QVERIFY(!flat.contains("-0.0 "));
        // A NaN as a word ("finance" holds the letters).
        QVERIFY(!flat.contains(QRegularExpression("\\bnan\\b", QRegularExpression::CaseInsensitiveOption)));
        QVERIFY(flat.contains("What it does to the books"));
        QVERIFY(flat.contains("Lease note: CoreWeave 2026 expansion (Vera Rubin) (operating lease at 5%)"));
        QVERIFY(flat.contains("Less imputed interest"));
        QVERIFY(flat.contains("EBITDA cost over 3,000 paths"));
    }

    // docs/model.md 17: "What the options are worth" holds a row per option with the run's value,
    // standard error, exercise share and intrinsic value, then each option's terms, value and boundary
    // in words, as the JSON has them; without a run, the expected path's saving alone.
    void pdfSaysWhatTheOptionsAreWorth() {
        const SkuCatalog catalog = data::bundledSkuCatalog();
        const Portfolio p = optionsPortfolio(catalog);
        const ReportContent content = optionsReport(p, catalog, 4000, 7);
        QCOMPARE(int(content.options.size()), 3);
        const OptionResult& exit = content.options[2];
        QCOMPARE(exit.option.optionId, std::string("exit-2028"));
        QVERIFY(exit.simulated);
        QCOMPARE(exit.paths, std::int64_t(4000));
        QVERIFY(exit.value > 1e6); // the contract above a falling market: ending it saves millions
        QTemporaryDir dir;
        const QString pdf = dir.filePath("options.pdf");
        QString error;
        QVERIFY2(writePdfReport(content, pdf, &error), qPrintable(error));
        QProcess text;
        text.start(QStandardPaths::findExecutable("pdftotext"), {"-layout", pdf, "-"});
        QVERIFY(text.waitForFinished(60000));
        const QString flat = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        const qsizetype page = flat.indexOf("What the options are worth");
        QVERIFY(page > 0);
        // The alternative's name wraps in its cell: "H100" follows the row's line.
        const QString row =
            QString("exit-2028 Take-or-pay %1 %2 %3 %4 %5 H100")
                .arg(millions(exit.deterministicWithout - exit.deterministicExercised), millions(exit.value),
                     millions(exit.valueStderr), models::formatPercent(exit.exerciseProbability),
                     millions(exit.intrinsicValue));
        QVERIFY2(flat.indexOf(row, page) > page, qPrintable(row));
        QVERIFY(flat.indexOf("exit-2028: End Take-or-pay H100 on 2028-06-30 for a fee of USD 1.5 M", page) >
                page);
        QVERIFY(flat.indexOf(models::optionValueInWords(exit, "USD", "Take-or-pay H100").simplified(), page) >
                page);
        QVERIFY(flat.indexOf("extend-2031: Extend Take-or-pay H100 to 2031-12-31 at 0.9 x its last price",
                             page) > page);
        QVERIFY(flat.indexOf("expected saving from exercising, by market price", page) > page);

        const ReportContent plain = buildReportContent(p, catalog, std::nullopt, "options.json");
        QCOMPARE(int(plain.options.size()), 3);
        QVERIFY(!plain.options[0].simulated);
        QCOMPARE(plain.options[2].deterministicWithout - plain.options[2].deterministicExercised,
                 exit.deterministicWithout - exit.deterministicExercised);
        QVERIFY(models::optionValueInWords(plain.options[2], "USD", "Rent")
                    .startsWith("On the expected path exercising saves USD 4.7 M of NPV cost to Rent"));
    }

    // The CSV table `options` (docs/reports.md): a row per option, the numbers as evaluate --json
    // prints them; the Monte Carlo columns empty without a run; a sheet of the workbook; a report of a
    // portfolio without options into the same folder removes the stale table.
    void csvAndWorkbookHoldWhatTheOptionsAreWorth() {
        const SkuCatalog catalog = data::bundledSkuCatalog();
        const Portfolio p = optionsPortfolio(catalog);
        const ReportContent content = optionsReport(p, catalog, 2000, 11);
        QCOMPARE(int(content.options.size()), 3);
        QTemporaryDir dir;
        const QString csv = dir.filePath("csv"), xlsx = dir.filePath("options.xlsx");
        QString error;
        QVERIFY2(writeReport(content, {QString(), csv, xlsx}, &error), qPrintable(error));
        const auto t = readCsv(csv + "/options.csv");
        QCOMPARE(t.header,
                 QStringList({"option", "type", "contract", "alternative", "exercise_date", "npv_as_written",
                              "npv_without_option", "npv_exercised", "deterministic_saving",
                              "exercised_on_deterministic_path", "paths", "regression_paths", "value",
                              "value_stderr", "exercise_probability", "intrinsic_value", "time_value",
                              "boundary_side", "boundary_price_per_gpu_hour"}));
        QCOMPARE(t.rows.size(), std::size_t(3));
        for (std::size_t r = 0; r < 3; ++r) {
            const OptionResult& x = content.options[r];
            const QStringList& cells = t.rows[r];
            QCOMPARE(cells[0], QString::fromStdString(x.option.optionId));
            QCOMPARE(cells[2], QString::fromStdString(x.option.contractId));
            QCOMPARE(cells[5], exactNumber(x.deterministicAsWritten));
            QCOMPARE(cells[6], exactNumber(x.deterministicWithout));
            QCOMPARE(cells[7], exactNumber(x.deterministicExercised));
            QCOMPARE(cells[8], exactNumber(x.deterministicWithout - x.deterministicExercised));
            QCOMPARE(cells[9], QString(x.exercisedOnDeterministicPath ? "1" : "0"));
            QCOMPARE(cells[10], QString("2000"));
            QCOMPARE(cells[12], exactNumber(x.value));
            QCOMPARE(cells[13], exactNumber(x.valueStderr));
            QCOMPARE(cells[14], exactNumber(x.exerciseProbability));
            QCOMPARE(cells[15], exactNumber(x.intrinsicValue));
            QCOMPARE(cells[16], exactNumber(x.timeValue));
            QCOMPARE(cells[17], QString::fromLatin1(toString(x.boundarySide)));
            QCOMPARE(cells[18], x.boundaryPrice ? exactNumber(*x.boundaryPrice) : QString());
        }
        QCOMPARE(t.rows[2][0], QString("exit-2028"));
        QCOMPARE(t.rows[2][1], QString("terminate"));
        QCOMPARE(t.rows[2][4], QString("2028-06-30"));
        QVERIFY(t.rows[2][12].toDouble() > 1e6); // ending the contract above a falling market saves millions

        const QString names = workbookSheetNames(xlsx);
        QVERIFY2(names.contains("'lease_maturity', 'options', 'simulation_percentiles'"), qPrintable(names));

        // Without a run: the expected path's columns, the Monte Carlo ones empty.
        const ReportContent plain = buildReportContent(p, catalog, std::nullopt, "options.json");
        QVERIFY2(writeReport(plain, {QString(), csv, QString()}, &error), qPrintable(error));
        const auto u = readCsv(csv + "/options.csv");
        QCOMPARE(u.rows.size(), std::size_t(3));
        QCOMPARE(u.rows[2][8], t.rows[2][8]);
        for (int c = 10; c < 19; ++c)
            QCOMPARE(u.rows[2][c], QString());

        // A portfolio without options: the stale table goes.
        QVERIFY2(writeReport(fixture().content, {QString(), csv, QString()}, &error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(csv + "/options.csv"));
    }

    // The reverse stress (docs/model.md 11.9): page 1 says the three smallest moves of an input alone
    // that flip the verdict and the run's share of paths that flip it; the sensitivity section holds
    // every input as a table, those that cannot flip it said so.
    void pdfHoldsTheSmallestMoveThatFlipsTheVerdict() {
        const auto& f = fixture();
        QVERIFY(f.content.reverseStress);
        const ReverseStress& s = *f.content.reverseStress;
        const EvaluationResult& r = f.content.evaluation;
        QCOMPARE(s.winner, std::string("buy"));
        QCOMPARE(s.runnerUp, std::string("rent"));
        QTemporaryDir dir;
        const QString pdf = dir.filePath("report.pdf");
        QString error;
        QVERIFY2(writePdfReport(f.content, pdf, &error), qPrintable(error));
        QProcess p;
        p.start(QStandardPaths::findExecutable("pdftotext"), {"-layout", pdf, "-"});
        QVERIFY(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        const QString first = text.split('\f').front().simplified();
        const QString share = models::flipProbabilitySentence(r, s, f.simulation);
        QVERIFY(share.startsWith("Monte Carlo, 3,000 paths: the verdict flips on "));
        const QStringList sentences = models::verdictFlipSentences(r, s, models::TextStyle::Plain);
        QVERIFY(sentences.size() > 3);
        QVERIFY2(first.contains("Smallest move alone that flips it: " + sentences.mid(0, 3).join(" ") +
                                " (Every input: the Sensitivity section.) " + share),
                 qPrintable(first));
        QVERIFY(!first.contains(sentences[3]));
        // The table, after the tornado's, in the ranking's order.
        const QString flat = text.simplified();
        const qsizetype table = flat.indexOf("Smallest move that flips the verdict");
        QVERIFY(table > flat.indexOf("What moves the answer: Buy and operate minus Rent from CoreWeave"));
        QVERIFY(flat.indexOf("Input Flips the verdict at Move Settings searched", table) > table);
        qsizetype at = table;
        int cannot = 0;
        for (const VerdictFlip& x : s.inputs) {
            const QString row = QString::fromStdString(x.input) + " " +
                                (x.flipAt ? models::flipSettingLabel(x) + " " + models::flipMoveText(x)
                                          : QString("cannot flip it ") + QString::fromUtf8("\u2014")) +
                                " " + models::flipRangeText(x);
            const qsizetype next = flat.indexOf(row, at);
            QVERIFY2(next > at, qPrintable(row));
            at = next;
            cannot += x.flipAt ? 0 : 1;
        }
        QVERIFY(cannot > 0);
        QVERIFY(flat.contains("Contract prices x0.554 44.6% x0 to x10"));
        QVERIFY(flat.indexOf(share, table) > table);
    }

    void xlsxHoldsNumbersAsNumbers() {
        const auto& f = fixture();
        QTemporaryDir dir;
        const QString xlsx = dir.filePath("report.xlsx");
        QString error;
        QVERIFY2(writeXlsxReport(f.content, reportTables(f.content), xlsx, &error), qPrintable(error));
        // Read the sheets back with Python's zipfile: sheet names and a numeric cell of alternatives.
        const QString python = QStandardPaths::findExecutable("python3");
        QVERIFY(!python.isEmpty());
        QProcess p;
        p.start(python,
                {"-c",
                 "import sys, zipfile, re\n"
                 "z = zipfile.ZipFile(sys.argv[1])\n"
                 "print(re.findall(r'<sheet name=\"([^\"]+)\"', z.read('xl/workbook.xml').decode()))\n"
                 "s = z.read('xl/worksheets/sheet7.xml').decode()\n"
                 "print(re.findall(r'<c r=\"E3\"[^>]*><v>([^<]+)</v>', s))\n",
                 xlsx});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(p.readAllStandardError()));
        QVERIFY2(
            out.contains("'report', 'Assumptions', 'npv_recomputed', 'annual_summary', 'monthly_cashflows', "
                         "'dated_cash', 'alternatives', 'comparisons', 'cost_lines', 'accounting', "
                         "'lease_schedules', 'lease_maturity', 'simulation_percentiles', 'simulation_fan', "
                         "'simulation_prob_cheaper'"),
            qPrintable(out));
        // alternatives!E3: buy's NPV cost, a number cell (no t="s"), the double the JSON holds.
        const double buy = f.content.evaluation.alternatives[1].npvCost;
        const QString cell = out.section('\n', 1, 1);
        QVERIFY2(cell.contains("'"), qPrintable(out));
        QCOMPARE(cell.section('\'', 1, 1).toDouble(), buy);
    }

    void failedWriteLeavesTheOldFile() {
        const auto& f = fixture();
        QTemporaryDir dir;
        // A folder where the PDF should go: the write fails with the path named, nothing else touched.
        QVERIFY(QDir(dir.path()).mkdir("taken.pdf"));
        QString error;
        QVERIFY(!writePdfReport(f.content, dir.filePath("taken.pdf"), &error));
        QVERIFY2(error.contains("taken.pdf"), qPrintable(error));
        // An existing workbook survives a failing request that stops before it.
        const QString xlsx = dir.filePath("old.xlsx");
        QFile old(xlsx);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous");
        old.close();
        QFile blocker(dir.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        ReportRequest r;
        r.csvDir = dir.filePath("blocker/csv"); // under a file: cannot be created
        r.xlsxPath = xlsx;
        QVERIFY(!writeReport(f.content, r, &error));
        QVERIFY2(error.contains("blocker"), qPrintable(error));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("previous"));
    }

    // The file a report says it ran: where its reader finds it, never a resource path, and edits not
    // saved yet said.
    void reportNamesThePathRun() {
        QCOMPARE(reportSourceText("/home/ana/deals/meta.cledger", false),
                 QString("/home/ana/deals/meta.cledger"));
        QCOMPARE(reportSourceText(":/examples/meta-coreweave.json", false),
                 QString("the bundled example (meta-coreweave.json)"));
        QCOMPARE(reportSourceText(":/examples/meta-coreweave.json", true),
                 QString("the bundled example (meta-coreweave.json), with edits not saved to it"));
        QCOMPARE(reportSourceText(QString(), true), QString("not saved yet"));
        QCOMPARE(reportSourceText("deal.json", false), QDir::current().absoluteFilePath("deal.json"));
    }

    // Beside the document, or in the documents folder for the bundled example (a read-only resource,
    // where the first export from the window used to fail) and a portfolio not saved yet.
    void reportsGoBesideTheDocumentOrToTheDocumentsFolder() {
        QCOMPARE(defaultReportBase("/home/ana/deals/meta.cledger", "/home/ana/Documents"),
                 QString("/home/ana/deals/meta-report"));
        QCOMPARE(defaultReportBase(":/examples/meta-coreweave.json", "/home/ana/Documents"),
                 QString("/home/ana/Documents/meta-coreweave-report"));
        QCOMPARE(defaultReportBase(QString(), "/home/ana/Documents"),
                 QString("/home/ana/Documents/computeledger-report"));
        models::PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        models::SimulationController controller(&doc);
        ExportReportDialog dialog(&doc, &controller);
        QVERIFY2(!dialog.request().pdfPath.startsWith(':'), qPrintable(dialog.request().pdfPath));
        QCOMPARE(QFileInfo(dialog.request().pdfPath).fileName(), QString("meta-coreweave-report.pdf"));
    }

    void exportDialogWritesWhatIsAsked() {
        models::PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.open(resources::examplePortfolioPath(), &error));
        models::SimulationController controller(&doc);
        ExportReportDialog dialog(&doc, &controller);
        QVERIFY(!dialog.includesSimulation()); // no run yet
        QTemporaryDir dir;
        dialog.setRequest({dir.filePath("a.pdf"), dir.filePath("csv"), QString()});
        QVERIFY2(dialog.exportNow(), qPrintable(dialog.message()));
        QVERIFY(QFileInfo(dir.filePath("a.pdf")).size() > 10000);
        QVERIFY(QFileInfo::exists(dir.filePath("csv/annual_summary.csv")));
        QVERIFY(!QFileInfo::exists(dir.filePath("csv/simulation_fan.csv")));
        dialog.setRequest({});
        QVERIFY(!dialog.exportNow());
        QCOMPARE(dialog.message(), QString("Choose at least one output."));
    }

    void exportDialogIncludesTheCurrentRunUnlessTurnedOff() {
        models::PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.open(resources::examplePortfolioPath(), &error));
        models::SimulationController controller(&doc);
        QSignalSpy finished(&controller, &models::SimulationController::finished);
        SimulationOptions o;
        o.paths = 1000;
        o.device = ComputeDevice::Cpu;
        QVERIFY2(controller.start(o, &error), qPrintable(error));
        QVERIFY(finished.wait(60000));
        ExportReportDialog dialog(&doc, &controller);
        QVERIFY(dialog.includesSimulation());
        QCOMPARE(dialog.content().simulation->paths, std::int64_t(1000));
        const QList<QCheckBox*> boxes = dialog.findChildren<QCheckBox*>();
        const auto found = std::find_if(boxes.begin(), boxes.end(), [](QCheckBox* b) {
            return b->text().startsWith("Include the Monte Carlo");
        });
        QVERIFY(found != boxes.end());
        (*found)->setChecked(false);
        // Choosing other outputs keeps the user's choice.
        dialog.setRequest({QString(), QString(), "x.xlsx"});
        QVERIFY(!dialog.includesSimulation());
        QVERIFY(!dialog.content().simulation);
    }

    // A text cell that a spreadsheet would run as a formula gets a leading '; numbers, even negative
    // ones, are written bare (OWASP "CSV Injection"; the rule of data::csvEscapeText).
    void csvEscapesFormulaLikeTextButNotNumbers() {
        const auto& f = fixture();
        Portfolio p = f.portfolio;
        p.alternatives->at(0).name = "=1+2+cmd|' /C calc'!A0";
        p.contracts[0].id = "+cw";
        p.alternatives->at(0).items[0] = "+cw";
        p.alternatives->at(1).name = "'=x";
        const ReportContent content = buildReportContent(p, f.catalog, std::nullopt, "deal.json");
        QTemporaryDir dir;
        QString error;
        QVERIFY2(writeCsvReport(reportTables(content), dir.path(), &error), qPrintable(error));
        const auto alts = readCsv(dir.filePath("alternatives.csv"));
        QCOMPARE(alts.rows[0][alts.header.indexOf("name")], QString("'=1+2+cmd|' /C calc'!A0"));
        QCOMPARE(alts.rows[0][alts.header.indexOf("items")], QString("'+cw;cw-2026"));
        QCOMPARE(alts.rows[1][alts.header.indexOf("name")], QString("''=x"));
        QCOMPARE(alts.rows[2][alts.header.indexOf("name")], QString("Spot market"));
        const auto annual = readCsv(dir.filePath("annual_summary.csv"));
        QCOMPARE(annual.rows[0][0], QString("'+cw"));
        // comparisons: buy minus spot is negative, and stays the number evaluate --json prints.
        const auto comparisons = readCsv(dir.filePath("comparisons.csv"));
        QCOMPARE(comparisons.rows[2][0], QString("buy"));
        QCOMPARE(comparisons.rows[2][1], QString("spot"));
        const double difference = content.evaluation.comparisons[2].npvDifference;
        QVERIFY(difference < 0);
        QCOMPARE(comparisons.rows[2][2], jsonText(difference));
        QVERIFY(comparisons.rows[2][2].startsWith('-'));
        // And in the bytes: the name needs no quotes, only its '.
        QFile raw(dir.filePath("alternatives.csv"));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(raw.readAll().contains("\r\nrent,'=1+2+cmd|' /C calc'!A0,'+cw;cw-2026,2,"));
    }

    // Every item ends before the valuation date: the PDF and the Overview say there is nothing to
    // compare, with the same words as the terminal table (models::nothingToCompareReason).
    void pdfAndOverviewSayNothingToCompare() {
        const auto& f = fixture();
        Portfolio p = f.portfolio;
        p.valuationDate = *parseIsoDate("2034-01-01"); // the example's latest end is 2032-12-20
        // Without the example's demand, which spot would still meet after every item ended.
        p.demand.reset();
        p.market.demand = MarketModel{}.demand;
        const ReportContent content = buildReportContent(p, f.catalog, std::nullopt, "ended.json");
        QVERIFY(content.evaluation.nothingToCompare());
        QTemporaryDir dir;
        const QString pdf = dir.filePath("ended.pdf");
        QString error;
        QVERIFY2(writePdfReport(content, pdf, &error), qPrintable(error));
        QProcess pdftotext;
        pdftotext.start(QStandardPaths::findExecutable("pdftotext"), {"-layout", pdf, "-"});
        QVERIFY(pdftotext.waitForFinished(60000));
        const QString flat = QString::fromUtf8(pdftotext.readAllStandardOutput()).simplified();
        QVERIFY2(flat.contains("Nothing to compare: every contract and fleet ends before the valuation date "
                               "2034-01-01, so every alternative costs 0."),
                 qPrintable(flat.left(2000)));
        QVERIFY(!flat.contains("is the cheapest alternative"));
        QVERIFY(!flat.contains("at any utilization"));
        QVERIFY(!flat.contains("Rank by NPV cost 1"));
        QVERIFY2(flat.contains(QString::fromUtf8("Rank by NPV cost \u2014 \u2014 \u2014")),
                 qPrintable(flat.left(2000)));

        const QString ended = dir.filePath("ended.json");
        QFile json(ended);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(data::writePortfolioJson(p));
        json.close();
        models::PortfolioDocument doc(data::bundledSkuCatalog());
        QVERIFY2(doc.open(ended, &error), qPrintable(error));
        ui::OverviewTab overview(&doc);
        overview.show(); // a tab draws when shown
        QCOMPARE(overview.verdictText(),
                 QString("<h2>Nothing to compare</h2>Every contract and fleet ends before the "
                         "valuation date 2034-01-01, so every alternative costs 0."));
    }

    // Issue 21: "How the decision holds up", after the sensitivity: the scenario matrix (the base case
    // first, NPV cost per alternative, the winner and the verdict), which scenarios flip it in a
    // sentence, and what each scenario changes in words; the scenarios CSV table, number for number;
    // none of it without scenarios.
    void pdfAndCsvSayHowTheDecisionHoldsUp() {
        const auto& f = fixture();
        Portfolio p = f.portfolio;
        QString error;
        p.scenarios.push_back(
            *data::stressScenario(p, data::StressKind::GpuPriceCollapse, f.catalog, &error));
        p.scenarios.push_back({"CoreWeave at half price",
                               "Both CoreWeave contracts renegotiated to half their total contract value.",
                               "",
                               {{"/contracts/id=cw-2025/total_contract_value", "7100000000"},
                                {"/contracts/id=cw-2026/total_contract_value", "10500000000"}}});
        const ReportContent content = buildReportContent(p, f.catalog, std::nullopt, "scenarios.json");
        QCOMPARE(content.scenarios.size(), std::size_t(3));
        QVERIFY(content.scenariosProblem.isEmpty());
        const auto& half = content.scenarios[2];
        QVERIFY(half.flipsVerdict);
        QTemporaryDir dir;
        const QString pdf = dir.filePath("scenarios.pdf");
        QVERIFY2(writePdfReport(content, pdf, &error), qPrintable(error));
        if (const QString keep = qEnvironmentVariable("CL_REPORT_PDF"); !keep.isEmpty()) // to look at it
            QFile::copy(pdf, keep);
        QProcess pdftotext;
        pdftotext.start(QStandardPaths::findExecutable("pdftotext"), {"-layout", pdf, "-"});
        QVERIFY(pdftotext.waitForFinished(60000));
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
        const QString flat = text.simplified();
        QVERIFY(flat.contains("How the decision holds up"));
        // After the sensitivity, before the method notes.
        QVERIFY(flat.indexOf("What moves the answer") < flat.indexOf("How the decision holds up"));
        QVERIFY(flat.indexOf("How the decision holds up") < flat.indexOf("How to read these numbers"));
        auto row = [&](const data::ScenarioOutcome& o, const QString& name, const QString& verdict) {
            QStringList cells{name};
            for (const auto& a : o.evaluation.alternatives)
                cells << millions(a.npvCost);
            cells << QString::fromStdString(o.evaluation.alternatives[*o.winner].name) << verdict;
            return cells.join(' ');
        };
        const QString dash = QString::fromUtf8("\u2014");
        for (const QString& expected : {row(content.scenarios[0], "Base case", dash),
                                        row(content.scenarios[1], "GPU price collapse", "holds"),
                                        row(content.scenarios[2], "CoreWeave at half price", "flips")})
            QVERIFY2(flat.contains(expected), qPrintable(expected + "\n" +
                                                         flat.mid(flat.indexOf("How the "
                                                                               "decision"),
                                                                  900)));
        const auto ranked = half.evaluation.rankedAtFullCapacity();
        QVERIFY(
            flat.contains(QString("1 of 2 scenarios flips the verdict: in \"CoreWeave at half price\" Rent "
                                  "from CoreWeave is cheapest, by USD %1 M; Buy and operate stays cheapest "
                                  "in the other one.")
                              .arg(models::formatMillions(ranked[1]->npvCost - ranked[0]->npvCost))));
        QVERIFY(flat.contains("What each scenario changes"));
        QVERIFY(flat.contains("GPU price trend: -15% per year -> -40% per year"));
        QVERIFY(flat.contains("CoreWeave 2025 (GB300) total contract value: USD 14.2 B -> USD 7.1 B"));
        // The sources, each read as its own cell's text (without -layout: not interleaved with the
        // other columns' wrapped lines).
        QProcess cells;
        cells.start(QStandardPaths::findExecutable("pdftotext"), {pdf, "-"});
        QVERIFY(cells.waitForFinished(60000));
        const QString cellText = QString::fromUtf8(cells.readAllStandardOutput()).simplified();
        QVERIFY(cellText.contains(
            "-15% per year -> -40% per year ComputeLedger stress template CoreWeave at half "
            "price"));
        QVERIFY(cellText.contains("USD 10.5 B not sourced"));
        // In words, as the appendix: no file key, no raw money.
        const QRegularExpression rawKey(R"(\b[a-z]+\[\d+\]|\b[a-z]+_[a-z_]+\b|14200000000|/market/)");
        QVERIFY2(!rawKey.match(flat).hasMatch(), qPrintable(rawKey.match(flat).captured()));

        // The CSV table: a row per scenario and alternative, the numbers as evaluate --json prints them.
        const QString csv = dir.filePath("csv");
        const QString xlsx = dir.filePath("scenarios.xlsx");
        QVERIFY2(writeReport(content, {QString(), csv, xlsx}, &error), qPrintable(error));
        const auto t = readCsv(csv + "/scenarios.csv");
        QCOMPARE(t.header, QStringList({"scenario", "alternative", "npv_cost", "winner", "flips_verdict"}));
        QCOMPARE(t.rows.size(), std::size_t(3 * 3));
        std::size_t r = 0;
        for (const auto& o : content.scenarios)
            for (const auto& a : o.evaluation.alternatives) {
                const QStringList& cells = t.rows[r++];
                QCOMPARE(cells[0], QString::fromStdString(o.name));
                QCOMPARE(cells[1], QString::fromStdString(a.id));
                QCOMPARE(cells[2], exactNumber(a.npvCost));
                QCOMPARE(cells[3], QString::fromStdString(o.evaluation.alternatives[*o.winner].id));
                QCOMPARE(cells[4], QString(o.flipsVerdict ? "1" : "0"));
            }
        QCOMPARE(t.rows[6][3], QString("rent"));
        // The same numbers as the evaluation of each scenario with every analytic (what the window shows).
        QString applyError;
        const auto applied = data::withScenario(p, p.scenarios[1], f.catalog, &applyError);
        QCOMPARE(t.rows[7][2], exactNumber(evaluatePortfolio(*applied, f.catalog).alternatives[1].npvCost));

        // The workbook has the table as a sheet, after the deterministic ones.
        const QString names = workbookSheetNames(xlsx);
        QVERIFY2(names.contains("'lease_maturity', 'scenarios']"), qPrintable(names));

        // Without scenarios: no section, and a report into the same folder removes the stale table.
        QVERIFY(f.content.scenarios.empty());
        QVERIFY2(writeReport(f.content, {dir.filePath("plain.pdf"), csv, QString()}, &error),
                 qPrintable(error));
        QVERIFY(!QFileInfo::exists(csv + "/scenarios.csv"));
        QProcess plain;
        plain.start(QStandardPaths::findExecutable("pdftotext"), {"-layout", dir.filePath("plain.pdf"), "-"});
        QVERIFY(plain.waitForFinished(60000));
        QVERIFY(!QString::fromUtf8(plain.readAllStandardOutput()).contains("How the decision holds up"));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
