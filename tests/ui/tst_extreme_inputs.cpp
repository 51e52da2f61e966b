// Extreme but valid portfolios through every output: 1 GPU, 10 million GPUs, a 40-year horizon, zero
// and 100% rates, zero utilization. No NaN or infinity may reach the JSON, the CSV, the workbook, the
// PDF or the screen formats; a 40-year, 1,000-item portfolio evaluates and simulates in bounded memory.
#include "data/EvaluationJson.h"
#include "data/PortfolioJson.h"
#include "data/SimulationJson.h"
#include "data/SkuCatalogJson.h"
#include "engine/DeterministicEngine.h"
#include "models/MoneyFormat.h"
#include "montecarlo/MonteCarloEngine.h"
#include "portfolio/Validation.h"
#include "resources/BundledResources.h"
#include "ui/report/ReportExport.h"

#include "ui/report/ReportTables.h"
#include <QRegularExpression>

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <cmath>
#include <functional>

using namespace ledger;

namespace {

Portfolio example() {
    return *data::loadPortfolioJsonFile(resources::examplePortfolioPath(), data::bundledSkuCatalog())
                .portfolio;
}

void setGpus(Portfolio& p, double n) {
    for (auto& c : p.contracts) {
        c.totalContractValue.reset();
        c.pricePerGpuHour = 4.0;
        for (auto& t : c.tranches)
            t.gpus = n;
    }
    for (auto& f : p.fleets)
        f.gpus = n;
}

long peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

} // namespace

class ExtremeInputsTest : public QObject {
    Q_OBJECT
private slots:
    void everyOutputStaysFinite_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("1 GPU") << "one-gpu";
        QTest::newRow("10 million GPUs") << "ten-million-gpus";
        QTest::newRow("40-year horizon") << "forty-years";
        QTest::newRow("zero rates") << "zero-rates";
        QTest::newRow("100% rates") << "hundred-percent-rates";
        QTest::newRow("zero utilization") << "zero-utilization";
    }

    void everyOutputStaysFinite() {
        QFETCH(QString, name);
        const SkuCatalog catalog = data::bundledSkuCatalog();
        Portfolio p = example();
        if (name == "one-gpu")
            setGpus(p, 1);
        else if (name == "ten-million-gpus")
            setGpus(p, 10'000'000);
        else if (name == "forty-years") {
            p.assumptions.horizonEnd = *parseIsoDate("2066-12-31");
            for (auto& c : p.contracts) {
                c.totalContractValue.reset();
                c.pricePerGpuHour = 4.0;
                c.end = *parseIsoDate("2066-12-31");
            }
            for (auto& f : p.fleets)
                f.end = *parseIsoDate("2066-12-31");
        } else if (name == "zero-rates") {
            p.assumptions.discountRate = 0.0;
            p.assumptions.taxRate = 0.0;
        } else if (name == "hundred-percent-rates") {
            p.assumptions.discountRate = 1.0;
            p.assumptions.taxRate = 1.0;
        } else if (name == "zero-utilization") {
            p.utilization = {{p.valuationDate, 0.0}};
        }
        const auto invalid = validatePortfolio(p, catalog);
        QVERIFY2(!invalid, invalid ? invalid->toString().c_str() : "");

        SimulationOptions o;
        o.paths = 1000;
        o.seed = 3;
        o.device = ComputeDevice::Cpu;
        const auto content = report::buildReportContent(p, catalog, simulatePortfolio(p, catalog, o), name);
        // Every number of the JSON outputs, in memory (a NaN would otherwise print as null).
        QCOMPARE(data::firstNonFinite(data::evaluationToJson(content.evaluation)), QString());
        QCOMPARE(data::firstNonFinite(data::simulationToJson(*content.simulation)), QString());
        // Every cell of the CSV and workbook tables.
        for (const auto& t : report::reportTables(content))
            for (const auto& row : t.rows)
                for (const QVariant& v : row)
                    if (v.typeId() == QMetaType::Double)
                        QVERIFY2(std::isfinite(v.toDouble()), qPrintable(t.name));
        // The screen's formats of every headline figure.
        for (const auto& a : content.evaluation.alternatives) {
            QVERIFY(!models::formatMillions(a.npvCost).contains("nan"));
            QVERIFY(!models::formatMillions(a.npvCost).contains("inf"));
        }
        // The files themselves, and the PDF's text.
        QTemporaryDir dir;
        QString error;
        QVERIFY2(report::writeReport(
                     content, {dir.filePath("r.pdf"), dir.filePath("csv"), dir.filePath("r.xlsx")}, &error),
                 qPrintable(error));
        QProcess text;
        text.start(QStandardPaths::findExecutable("pdftotext"), {dir.filePath("r.pdf"), "-"});
        QVERIFY(text.waitForFinished(60000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(pdf.size() > 1000);
        // As words: "inference" in a source is text, "inf" alone a number that went wrong.
        const QRegularExpression bad(R"(\b(nan|inf|infinity)\b|\de\+)",
                                     QRegularExpression::CaseInsensitiveOption);
        const auto found = bad.match(pdf);
        QVERIFY2(!found.hasMatch(),
                 qPrintable(pdf.mid(std::max<qsizetype>(0, found.capturedStart() - 60), 120)));
    }

    void aThousandItemsOverFortyYearsStayInBoundedMemory() {
        const SkuCatalog catalog = data::bundledSkuCatalog();
        Portfolio p = example();
        p.assumptions.horizonEnd = *parseIsoDate("2066-12-31");
        const Contract contract = p.contracts.front();
        const Fleet fleet = p.fleets.front();
        p.contracts.clear();
        p.fleets.clear();
        Alternative rent{"rent", "Rent", {}}, buy{"buy", "Buy", {}};
        for (int i = 0; i < 500; ++i) {
            Contract c = contract;
            c.id = QString("c%1").arg(i).toStdString();
            c.totalContractValue.reset();
            c.pricePerGpuHour = 3.0 + i * 0.001;
            c.end = *parseIsoDate("2066-12-31");
            p.contracts.push_back(c);
            rent.items.push_back(c.id);
            Fleet f = fleet;
            f.id = QString("f%1").arg(i).toStdString();
            f.end = *parseIsoDate("2066-12-31");
            p.fleets.push_back(f);
            buy.items.push_back(f.id);
        }
        p.alternatives = std::vector<Alternative>{rent, buy};
        p.market.spotCovers = "rent";
        QVERIFY(!validatePortfolio(p, catalog));
        const EvaluationResult r = evaluatePortfolio(p, catalog);
        QCOMPARE(r.items.size(), std::size_t(1000));
        QVERIFY(r.periods >= 480);
        SimulationOptions o;
        o.paths = 2000;
        o.device = ComputeDevice::Cpu;
        const SimulationResult s = simulatePortfolio(p, catalog, o);
        QCOMPARE(s.paths, std::int64_t(2000));
        QCOMPARE(data::firstNonFinite(data::simulationToJson(s)), QString());
        // Per-path outputs only: the whole run stays far below a laptop's memory.
        QVERIFY2(peakRssMb() < 1024, qPrintable(QString("peak RSS %1 MB").arg(peakRssMb())));
        // A request beyond the budget is refused with a message, not an out-of-memory kill.
        o.paths = 500'000'000;
        o.memoryBudgetBytes = 256ULL << 20;
        QVERIFY_THROWS_EXCEPTION(SimulationRequestError, simulatePortfolio(p, catalog, o));
    }
};

QTEST_MAIN(ExtremeInputsTest)
#include "tst_extreme_inputs.moc"
