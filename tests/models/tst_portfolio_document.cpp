// The live document: edits are undoable commands that restore numbers exactly, bad values change
// nothing and get the file reader's message, a contract's options are added, edited (a new type
// reshaping the option in the same step) and removed, saves and reopens; the simulation controller runs off
// the calling thread, reports progress, cancels, and keeps results per inputs.
#include "data/CledgerDocument.h"
#include "data/PortfolioJson.h"
#include "data/ReferenceData.h"
#include "data/SkuCatalogJson.h"
#include "models/BreakevenText.h"
#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "models/SimulationController.h"
#include "options/OptionValuation.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::models;

class PortfolioDocumentTest : public QObject {
    Q_OBJECT
private slots:
    void moneyIsShownInMillionsWithoutResidues() {
        QCOMPARE(models::formatMillions(1234567890.0), QString("1,234.6"));
        QCOMPARE(models::formatMillions(-1.0), QString("0.0")); // not "-0.0"
        QCOMPARE(models::formatMillions(-250000.0), QString("-0.3"));
        QCOMPARE(models::formatPercent(0.659), QString("65.9%"));
        QCOMPARE(models::formatPercent(0.21, 2), QString("21.00%"));
        QCOMPARE(models::formatPercent(NAN), QString("n/a"));
        QCOMPARE(models::formatMillions(std::nan("")), QString("n/a"));
        QCOMPARE(models::formatPerHour(0.43579009549668724), QString("0.4358"));
        QCOMPARE(models::formatPerHour(HUGE_VAL), QString("n/a"));
    }

    void breakevenSentencesAreTheSameOnScreenAndInTheReport() {
        EvaluationResult r;
        r.alternatives.resize(3);
        r.alternatives[0].id = "rent";
        r.alternatives[0].name = "Rent from <CoreWeave>";
        r.alternatives[1].id = "buy";
        r.alternatives[1].name = "Buy & run";
        r.alternatives[2].id = "spot";
        r.alternatives[2].name = "Spot";
        r.comparisons = {{"rent", "buy", -1.0, 1.23456}, {"buy", "rent", 1.0, std::nullopt}};
        r.breakevenUtilization = {{"buy", BreakevenOutcome::Value, 0.6125},
                                  {"rent", BreakevenOutcome::Never, std::nullopt},
                                  {"gone", BreakevenOutcome::Always, std::nullopt}};
        QCOMPARE(breakevenSentences(r, TextStyle::Plain),
                 QStringList(
                     {"Rent from <CoreWeave> costs the same as Buy & run at 1.235 times its contract prices.",
                      "Buy & run beats the spot market above 61.3% utilization.",
                      "The spot market is cheaper than Rent from <CoreWeave> at any utilization.",
                      "gone is cheaper than the spot market at any utilization."}));
        QCOMPARE(breakevenSentences(r, TextStyle::Html),
                 QStringList(
                     {"Rent from &lt;CoreWeave&gt; costs the same as Buy &amp; run at <b>1.235</b> times its "
                      "contract prices.",
                      "Buy &amp; run beats the spot market above <b>61.3%</b> utilization.",
                      "The spot market is cheaper than Rent from &lt;CoreWeave&gt; at any utilization.",
                      "gone is cheaper than the spot market at any utilization."}));
    }

    void editUndoRedoRestoresNumbersExactly() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const QByteArray original = data::writePortfolioJson(doc.portfolio());
        const double rentBefore = doc.evaluation().alternatives[0].npvCost;
        QSignalSpy changed(&doc, &PortfolioDocument::evaluationChanged);
        QVERIFY(!doc.isModified());

        QVERIFY2(doc.setValue("contracts[0].escalator", 0.03, &error), qPrintable(error));
        QCOMPARE(doc.portfolio().contracts[0].escalator, 0.03);
        QVERIFY(doc.evaluation().alternatives[0].npvCost > rentBefore); // TCV fixed: later years cost more
        QVERIFY(doc.isModified());
        QCOMPARE(changed.count(), 1);
        const QByteArray edited = data::writePortfolioJson(doc.portfolio());
        const double rentEdited = doc.evaluation().alternatives[0].npvCost;

        doc.undoStack()->undo();
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), original);
        QCOMPARE(doc.evaluation().alternatives[0].npvCost, rentBefore);
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), edited);
        QCOMPARE(doc.evaluation().alternatives[0].npvCost, rentEdited);
    }

    void editsOfOneFieldMerge() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QVERIFY(doc.setValue("fleets[0].pue", 1.3, &error));
        QVERIFY(doc.setValue("fleets[0].pue", 1.35, &error));
        QCOMPARE(doc.undoStack()->count(), 1);
        // In words, the merged edits from their first value to their last.
        QCOMPARE(doc.undoStack()->text(0), QString("Owned GB300 fleet PUE 1.2 -> 1.35"));
        QVERIFY(doc.setValue("fleets[0].power_price_per_mwh", 80, &error));
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(doc.undoStack()->undoText(), QString("Owned GB300 fleet power price per MWh 70 -> 80"));
        QVERIFY(doc.setValue("assumptions.discount_rate", 0.1, &error));
        QCOMPARE(doc.undoStack()->undoText(), QString("Discount rate per year 0.09 -> 0.1"));
        QVERIFY(doc.setValue("contracts[0].escalator", 0.02, &error));
        QCOMPARE(doc.undoStack()->undoText(), QString("CoreWeave 2025 (GB300) escalator per year 0 -> 0.02"));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.portfolio().fleets[0].pue, 1.2);
    }

    void badValuesChangeNothingAndSaySo() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const QByteArray before = data::writePortfolioJson(doc.portfolio());
        QVERIFY(!doc.setValue("fleets[0].pue", 0.5, &error));
        QCOMPARE(error, QString("fleets[0].pue: 0.5 is below 1"));
        QVERIFY(!doc.setValue("contracts[1].end", "2026-02-30", &error));
        QCOMPARE(error,
                 QString("contracts[1].end: \"2026-02-30\" is not a real date in the form YYYY-MM-DD"));
        QVERIFY(!doc.setValue("contracts[9].end", "2030-01-01", &error));
        QCOMPARE(error, QString("contracts[9].end: no such field"));
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), before);
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(doc.value("fleets[0].pue").toDouble(), 1.2);
    }

    void addDuplicateDeleteAreUndoable() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const QByteArray original = data::writePortfolioJson(doc.portfolio());
        QVERIFY2(doc.addContract(&error), qPrintable(error));
        QCOMPARE(int(doc.portfolio().contracts.size()), 3);
        QCOMPARE(doc.portfolio().contracts.back().id, std::string("contract"));
        QCOMPARE(doc.evaluation().alternatives.size(), std::size_t(4)); // its own alternative, then spot
        QVERIFY(doc.addFleet(&error));
        QVERIFY(doc.duplicateItem("fleets[0]", &error));
        QCOMPARE(doc.portfolio().fleets[1].id, std::string("own-gb300-2"));
        QCOMPARE(doc.portfolio().fleets[1].name, std::string("Owned GB300 fleet (copy)"));
        QVERIFY(doc.deleteItem("contracts[0]", &error));
        QCOMPARE(doc.portfolio().contracts.front().id, std::string("cw-2026"));
        QCOMPARE(doc.portfolio().alternatives->front().items, std::vector<std::string>{"cw-2026"});
        QCOMPARE(doc.undoStack()->count(), 4);
        for (int i = 0; i < 4; ++i)
            doc.undoStack()->undo();
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), original);
        QVERIFY(!doc.deleteItem("skus[0]", &error));
        QCOMPARE(error, QString("skus[0]: not a contract or fleet"));
    }

    // A contract's options (issue 23): added, edited field by field and removed, each one undo step in
    // words; a new type reshapes the option in the same step; a refused value changes nothing and says
    // which field, as the file reader would. tests/data/portfolios/options.json: "Take-or-pay H100"
    // (2027-01-01 .. 2029-12-31, 1,000 GPUs) with extend-2031, expand-500 and exit-2028.
    void contractOptionsAreEditedAsUndoableSteps() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY2(doc.open(LEDGER_DATA_PORTFOLIOS "/options.json", &error), qPrintable(error));
        const QByteArray original = data::writePortfolioJson(doc.portfolio());
        const auto& options = [&]() -> const std::vector<ContractOption>& {
            return doc.portfolio().contracts[0].options;
        };
        const auto expected = [&] { return optionsOnDeterministicPath(doc.portfolio(), doc.catalog()); };
        QCOMPARE(expected().size(), std::size_t(3));

        // Added: an extension half a year before the contract's end, a year longer, at its last price.
        QVERIFY2(doc.addOption(0, &error), qPrintable(error));
        QCOMPARE(doc.undoStack()->undoText(), QString("Add option extend-2029 to Take-or-pay H100"));
        QCOMPARE(options().size(), std::size_t(4));
        const ContractOption& added = options()[3];
        QCOMPARE(added.id, std::string("extend-2029"));
        QVERIFY(added.kind == OptionKind::Extend);
        QCOMPARE(added.exerciseDate, Date(2029, 6, 30));
        QCOMPARE(added.newEnd, std::optional<Date>(Date(2030, 12, 31)));
        QCOMPARE(added.priceFactor, std::optional<double>(1.0));
        // The evaluation values it: a fourth option on the expected path.
        QCOMPARE(expected().size(), std::size_t(4));
        QCOMPARE(expected()[3].option.optionId, std::string("extend-2029"));
        const double exercisedAtPar = expected()[3].deterministicExercised;

        // Field by field, each in words.
        QVERIFY2(doc.setOptionValue(0, 3, "exercise_date", "2029-03-31", &error), qPrintable(error));
        QCOMPARE(doc.undoStack()->undoText(),
                 QString("Set option extend-2029's exercise date to 2029-03-31"));
        QCOMPARE(options()[3].exerciseDate, Date(2029, 3, 31));
        QVERIFY(doc.setOptionValue(0, 3, "gpus", 600.0, &error));
        QCOMPARE(doc.undoStack()->undoText(), QString("Set option extend-2029's GPUs to 600 GPUs"));
        QVERIFY(doc.setOptionValue(0, 3, "gpus", QJsonValue(QJsonValue::Undefined), &error));
        QCOMPARE(doc.undoStack()->undoText(), QString("Clear option extend-2029's GPUs"));
        QVERIFY(!options()[3].gpus);
        QVERIFY(doc.setOptionValue(0, 3, "price_factor", 1.2, &error));
        QCOMPARE(doc.undoStack()->undoText(), QString("Set option extend-2029's price factor to 1.2"));
        QVERIFY(expected()[3].deterministicExercised > exercisedAtPar); // 20% dearer hours
        QVERIFY(doc.setOptionValue(0, 3, "id", "extend-2030", &error));
        QCOMPARE(doc.undoStack()->undoText(), QString("Rename option extend-2029 to extend-2030"));
        const int steps = doc.undoStack()->count();
        QVERIFY(doc.setOptionValue(0, 3, "price_factor", 1.2, &error)); // as it is: no step
        QCOMPARE(doc.undoStack()->count(), steps);

        // Refused, naming the field, the document as it was.
        const QByteArray edited = data::writePortfolioJson(doc.portfolio());
        QVERIFY(!doc.setOptionValue(0, 3, "exercise_date", "2029-02-30", &error));
        QCOMPARE(error,
                 QString("contracts[0].options[3].exercise_date: \"2029-02-30\" is not a real date in the "
                         "form YYYY-MM-DD"));
        QVERIFY(!doc.setOptionValue(0, 2, "fee", -5.0, &error));
        QCOMPARE(error, QString("contracts[0].options[2].fee: -5 is below 0"));
        QVERIFY(!doc.setOptionValue(0, 0, "fee", 5.0, &error));
        QCOMPARE(error, QString("contracts[0].options[0].fee: is not a term of an extend option"));
        QVERIFY(!doc.setOptionValue(0, 0, "type", "swap", &error));
        QCOMPARE(error,
                 QString("contracts[0].options[0].type: \"swap\" is not one of extend, expand, terminate"));
        QVERIFY(!doc.setOptionValue(0, 0, "id", "exit-2028", &error));
        QCOMPARE(error, QString("contracts[0].options[2].id: \"exit-2028\" is used by another option"));
        QVERIFY(!doc.setOptionValue(0, 1, "lead_time_days", 2.5, &error));
        QCOMPARE(error, QString("contracts[0].options[1].lead_time_days: expected a whole number, got 2.5"));
        QVERIFY(!doc.setOptionValue(0, 9, "fee", 5.0, &error));
        QCOMPARE(error, QString("contracts[0].options[9]: no such option"));
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), edited);
        QCOMPARE(doc.undoStack()->count(), steps);

        // A new type reshapes the option in the same step; undo brings every field back.
        QVERIFY2(doc.setOptionValue(0, 0, "type", "terminate", &error), qPrintable(error));
        QCOMPARE(
            doc.undoStack()->undoText(),
            QString("Set option extend-2031's type to terminate: new end and price factor cleared, fee 0"));
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QVERIFY(options()[0].kind == OptionKind::Terminate);
        QVERIFY(!options()[0].newEnd && !options()[0].priceFactor);
        QCOMPARE(options()[0].fee, std::optional<double>(0.0));
        QCOMPARE(options()[0].notes, std::string("Two more years at 90% of the last price."));
        QVERIFY(expected()[0].option.kind == OptionKind::Terminate);
        doc.undoStack()->undo();
        QVERIFY(options()[0].kind == OptionKind::Extend);
        QCOMPARE(options()[0].newEnd, std::optional<Date>(Date(2031, 12, 31)));
        QCOMPARE(options()[0].priceFactor, std::optional<double>(0.9));
        QVERIFY(!options()[0].fee);
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), edited);
        doc.undoStack()->redo();
        QVERIFY(options()[0].kind == OptionKind::Terminate);

        // Removed: the options after it move up, with the sources the window gave them.
        QVERIFY(doc.setOptionValue(0, 2, "fee", 2e6, &error));
        QCOMPARE(doc.portfolio().sources.count("contracts[0].options[2].fee"), std::size_t(1));
        QVERIFY(doc.removeOption(0, 1, &error));
        QCOMPARE(doc.undoStack()->undoText(), QString("Remove option expand-500 from Take-or-pay H100"));
        QCOMPARE(options().size(), std::size_t(3));
        QCOMPARE(options()[1].id, std::string("exit-2028"));
        QCOMPARE(options()[1].fee, std::optional<double>(2e6));
        QCOMPARE(doc.portfolio().sources.count("contracts[0].options[2].fee"), std::size_t(0));
        QCOMPARE(doc.portfolio().sources.count("contracts[0].options[1].fee"), std::size_t(1));
        QCOMPARE(expected().size(), std::size_t(3));
        QVERIFY(!doc.removeOption(0, 3, &error));
        QCOMPARE(error, QString("contracts[0].options[3]: no such option"));

        // A duplicated contract's options get ids of their own (ids are unique in the portfolio).
        QVERIFY2(doc.duplicateItem("contracts[0]", &error), qPrintable(error));
        QCOMPARE(doc.portfolio().contracts[1].options[0].id, std::string("extend-2031-2"));
        QCOMPARE(doc.portfolio().contracts[1].options[2].id, std::string("extend-2030-2"));
        doc.undoStack()->undo();

        // Every step undone: the file's portfolio, byte for byte.
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(data::writePortfolioJson(doc.portfolio()), original);
        QCOMPARE(expected().size(), std::size_t(3));
    }

    void alternativesAreAddedDuplicatedAndDeleted() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QVERIFY(doc.addAlternative(&error));
        QCOMPARE(doc.portfolio().alternatives->back().items, std::vector<std::string>{"cw-2025"});
        QVERIFY(doc.duplicateItem("alternatives[1]", &error));
        QCOMPARE(doc.portfolio().alternatives->at(2).id, std::string("buy-2"));
        QVERIFY(doc.deleteItem("alternatives[0]", &error)); // "rent", which spot covered
        QVERIFY(!doc.portfolio().market.spotCovers);
        QCOMPARE(doc.evaluation().spotCovers, std::string("buy"));
        QVERIFY(doc.deleteItem("alternatives[0]", &error));
        QVERIFY(doc.deleteItem("alternatives[0]", &error));
        QVERIFY(!doc.deleteItem("alternatives[0]", &error));
        QCOMPARE(error, QString("alternatives: is empty (leave it out to get one alternative per item)"));
    }

    void deletingTheLastItemIsRefused() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QVERIFY(doc.deleteItem("contracts[0]", &error));
        QVERIFY(doc.deleteItem("contracts[0]", &error));
        QVERIFY(doc.deleteItem("fleets[0]", &error));
        QVERIFY(!doc.deleteItem("fleets[0]", &error));
        QCOMPARE(error, QString("contracts: the portfolio has no contract and no fleet to evaluate"));
        QCOMPARE(int(doc.portfolio().fleets.size()), 1);
    }

    void dealsAreAddedFromTheLibrary() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const auto library = data::bundledDealLibrary();
        QVERIFY2(doc.addDeal(library.at(10), &error), qPrintable(error));
        QCOMPARE(doc.portfolio().contracts.back().id, library.at(10).id);
        QVERIFY(doc.evaluation().item(library.at(10).id));
        // The same deal a second time: refused, the portfolio and the undo stack as they were.
        const int steps = doc.undoStack()->count();
        QVERIFY(!doc.addDeal(library.at(10), &error));
        QVERIFY(
            error.startsWith(QString::fromStdString("the deal \"" + library.at(10).id + "\" is already in")));
        QCOMPARE(int(doc.portfolio().contracts.size()), 3);
        QCOMPARE(doc.undoStack()->count(), steps);
        doc.undoStack()->undo();
        QCOMPARE(int(doc.portfolio().contracts.size()), 2);
    }

    void saveAndReopen() {
        QTemporaryDir dir;
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QVERIFY(!doc.save(&error)); // the example is built in
        QVERIFY(doc.setValue("assumptions.discount_rate", 0.1, &error));
        const QString path = dir.filePath("deal.cledger");
        QVERIFY2(doc.saveAs(path, &error), qPrintable(error));
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.filePath(), path);
        PortfolioDocument again(data::bundledSkuCatalog());
        QVERIFY2(again.open(path, &error), qPrintable(error));
        QCOMPARE(data::writePortfolioJson(again.portfolio()), data::writePortfolioJson(doc.portfolio()));
        QCOMPARE(again.evaluation().alternatives[1].npvCost, doc.evaluation().alternatives[1].npvCost);
        QVERIFY(again.setValue("assumptions.tax_rate", 0.25, &error));
        QVERIFY(again.save(&error));
        PortfolioDocument third(data::bundledSkuCatalog());
        QVERIFY(third.open(path, &error));
        QCOMPARE(third.portfolio().assumptions.taxRate, 0.25);
    }

    // Two windows on one file: the second to save is told, and keeps its edits to save elsewhere.
    void aSaveOverAnotherWindowsSaveIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath("shared.cledger");
        QString error;
        {
            PortfolioDocument first(data::bundledSkuCatalog());
            QVERIFY(first.openBundledExample(&error));
            QVERIFY(first.saveAs(path, &error));
        }
        PortfolioDocument a(data::bundledSkuCatalog()), b(data::bundledSkuCatalog());
        QVERIFY(a.open(path, &error));
        QVERIFY(b.open(path, &error));
        QVERIFY(a.setValue("assumptions.tax_rate", 0.25, &error));
        QVERIFY(b.setValue("assumptions.tax_rate", 0.30, &error));
        QVERIFY2(a.save(&error), qPrintable(error));
        QVERIFY(!b.save(&error));
        QCOMPARE(error,
                 path + ": cannot be saved: it was changed by another program or window since it was "
                        "opened, and saving would overwrite those changes; save under another name, or open "
                        "it again");
        QVERIFY(b.isModified());
        QVERIFY2(b.saveAs(dir.filePath("mine.cledger"), &error), qPrintable(error));
        // a goes on saving its own file.
        QVERIFY(a.setValue("assumptions.tax_rate", 0.26, &error));
        QVERIFY2(a.save(&error), qPrintable(error));
        PortfolioDocument reread(data::bundledSkuCatalog());
        QVERIFY(reread.open(path, &error));
        QCOMPARE(reread.portfolio().assumptions.taxRate, 0.26);
    }

    void saveAsCarriesStoredRuns() {
        QTemporaryDir dir;
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const QString first = dir.filePath("first.cledger"), second = dir.filePath("second.cledger");
        QVERIFY(doc.saveAs(first, &error));
        QVERIFY(data::appendSimulationRun(
            first, {0, "2026-11-22T00:00:00Z", doc.inputsHash(), 1, 10, "cpu", 0.1, "{}"}, &error));
        QVERIFY(doc.saveAs(second, &error));
        QCOMPARE(int(data::listSimulationRuns(second, &error).size()), 1);
    }

    void crookedSourceKeysDoNotCrashStructuralEdits() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        Portfolio p = doc.portfolio();
        p.sources["contracts[99999999999].x"] = "odd";
        p.sources["contracts[1].price_per_gpu_hour"] = "second contract";
        doc.replacePortfolio(p);
        QVERIFY(doc.deleteItem("contracts[0]", &error));
        QCOMPARE(doc.portfolio().sources.at("contracts[0].price_per_gpu_hour"),
                 std::string("second contract"));
        QCOMPARE(doc.portfolio().sources.at("contracts[99999999999].x"), std::string("odd"));
    }

    void simulationRunsOffThreadAndIsKeptPerInputs() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        SimulationController controller(&doc);
        QSignalSpy finished(&controller, &SimulationController::finished);
        QSignalSpy progress(&controller, &SimulationController::progress);
        SimulationOptions o;
        o.paths = 20000;
        o.device = ComputeDevice::Cpu;
        QVERIFY(controller.start(o, &error));
        QVERIFY(!controller.start(o, &error));
        QVERIFY(finished.wait(30000));
        QVERIFY(progress.count() > 0);
        QVERIFY(controller.currentResult());
        QCOMPARE(controller.currentResult()->paths, std::int64_t(20000));
        QVERIFY(doc.setValue("assumptions.discount_rate", 0.12, &error));
        QVERIFY(!controller.currentResult());
        QVERIFY(controller.hasStaleResult());
        doc.undoStack()->undo();
        QVERIFY(controller.currentResult()); // the same inputs again: the result is current again
    }

    void simulationCancels() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        SimulationController controller(&doc);
        QSignalSpy cancelled(&controller, &SimulationController::cancelled);
        QSignalSpy progress(&controller, &SimulationController::progress);
        SimulationOptions o;
        o.paths = 5'000'000;
        o.device = ComputeDevice::Cpu;
        QVERIFY(controller.start(o, &error));
        QVERIFY(progress.wait(10000));
        controller.cancel();
        QVERIFY(cancelled.wait(5000));
        QVERIFY(!controller.isRunning());
        QVERIFY(!controller.currentResult());
    }
};

QTEST_GUILESS_MAIN(PortfolioDocumentTest)
#include "tst_portfolio_document.moc"
