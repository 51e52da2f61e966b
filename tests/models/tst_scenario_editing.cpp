// Scenarios in the live document (issue 21): every change one undo step in words that restores the
// portfolio exactly; a refused override changes nothing and says what its file would; a scenario
// equal to the base case gives the base numbers bit for bit; the shown scenario is what the
// evaluation, the tornado and the Monte Carlo's inputs are of, while edits go to the base case; and
// the Scenarios tab's models (the list, the overrides, the matrix) follow the document.
#include "data/CledgerDocument.h"
#include "data/PortfolioJson.h"
#include "data/ReferenceData.h"
#include "data/ScenarioResults.h"
#include "data/Scenarios.h"
#include "data/SkuCatalogJson.h"
#include "data/StressTemplates.h"
#include "engine/DeterministicEngine.h"
#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "models/ScenarioModels.h"
#include "models/ScenarioText.h"
#include "models/SimulationController.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ledger;
using namespace ledger::models;

namespace {

QByteArray json(const PortfolioDocument& doc) {
    return data::writePortfolioJson(doc.portfolio());
}

// The example's owned GPUs three times as dear: renting wins.
Scenario dearGpus() {
    return {
        "Dear GPUs",
        "Owned GPUs cost three times as much",
        "a test",
        {{"/fleets/id=own-gb300/capex_per_gpu", "165000"}, {"/fleets/id=own-vr200/capex_per_gpu", "225000"}}};
}

} // namespace

class ScenarioEditingTest : public QObject {
    Q_OBJECT
private slots:
    void everyChangeIsOneUndoStepInWords() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const QByteArray original = json(doc);
        std::vector<QByteArray> states{original};
        auto step = [&](bool done, const QString& words) {
            QVERIFY2(done, qPrintable(error));
            QCOMPARE(doc.undoStack()->undoText(), words);
            states.push_back(json(doc));
        };
        std::string added;
        step(doc.addStressScenario(data::StressKind::GpuPriceCollapse, &error, &added),
             "Add scenario GPU price collapse");
        QCOMPARE(added, std::string("GPU price collapse"));
        QCOMPARE(doc.portfolio().scenarios.back().overrides,
                 (std::vector<ScenarioOverride>{{"/market/gpu_price/trend_per_year", "-0.4"}}));
        QCOMPARE(doc.portfolio().scenarios.back().source, std::string("ComputeLedger stress template"));
        // The same template again gets a name of its own.
        step(doc.addStressScenario(data::StressKind::GpuPriceCollapse, &error, &added),
             "Add scenario GPU price collapse (2)");
        QCOMPARE(added, std::string("GPU price collapse (2)"));
        step(doc.addScenario(&error), "Add scenario Scenario 1");
        QCOMPARE(doc.portfolio().scenarios.back().overrides.size(), std::size_t(0));
        step(doc.renameScenario("Scenario 1", "  Rates up  ", &error),
             "Rename scenario Scenario 1 -> Rates up");
        step(doc.setScenarioDescription("Rates up", "The cost of capital rises", &error),
             "Describe scenario Rates up");
        step(doc.setScenarioSource("Rates up", "Treasury memo", &error), "Source of scenario Rates up");
        // The value is kept as the file writes it: compact JSON.
        step(doc.addOverride("Rates up", {" /assumptions/discount_rate ", "0.120"}, &error),
             "Scenario Rates up: set /assumptions/discount_rate to 0.12");
        QCOMPARE(doc.portfolio().scenarios.back().overrides.back(),
                 (ScenarioOverride{"/assumptions/discount_rate", "0.12"}));
        step(doc.setOverride("Rates up", 0, {"/assumptions/discount_rate", "0.13"}, &error),
             "Scenario Rates up: /assumptions/discount_rate 0.12 -> 0.13");
        step(doc.setOverride("Rates up", 0, {"/assumptions/tax_rate", "0.25"}, &error),
             "Scenario Rates up: /assumptions/discount_rate -> /assumptions/tax_rate = 0.25");
        step(doc.addOverride("Rates up", {"/market/next_generation", "null"}, &error),
             "Scenario Rates up: set /market/next_generation to null");
        step(doc.removeOverride("Rates up", 0, &error), "Scenario Rates up: remove /assumptions/tax_rate");
        step(doc.duplicateScenario("GPU price collapse", &error, &added),
             "Duplicate scenario GPU price collapse");
        QCOMPARE(added, std::string("GPU price collapse (copy)"));
        QCOMPARE(doc.portfolio().scenarios[1].name, std::string("GPU price collapse (copy)")); // after it
        step(doc.deleteScenario("GPU price collapse (2)", &error), "Delete scenario GPU price collapse (2)");
        QCOMPARE(doc.portfolio().scenarios.size(), std::size_t(3));

        // Undo walks back through every state exactly, redo forward again.
        for (std::size_t i = states.size() - 1; i > 0; --i) {
            doc.undoStack()->undo();
            QCOMPARE(json(doc), states[i - 1]);
        }
        QCOMPARE(json(doc), original);
        QVERIFY(!doc.isModified());
        for (std::size_t i = 1; i < states.size(); ++i) {
            doc.undoStack()->redo();
            QCOMPARE(json(doc), states[i]);
        }
        // A change of nothing pushes nothing.
        const int count = doc.undoStack()->count();
        QVERIFY(doc.setScenarioSource("Rates up", "Treasury memo", &error));
        QCOMPARE(doc.undoStack()->count(), count);
    }

    void refusedChangesLeaveTheDocumentAsItWas() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QVERIFY2(doc.addScenario(dearGpus(), "Add scenario Dear GPUs", &error), qPrintable(error));
        const QByteArray before = json(doc);
        const int steps = doc.undoStack()->count();
        QSignalSpy changed(&doc, &PortfolioDocument::evaluationChanged);
        auto refused = [&](bool done, const QString& message) {
            QVERIFY(!done);
            QCOMPARE(error, message);
            QCOMPARE(json(doc), before);
            QCOMPARE(doc.undoStack()->count(), steps);
            QCOMPARE(changed.count(), 0);
        };
        // The file's own message, naming the scenario, the path and the input.
        refused(doc.addOverride("Dear GPUs", {"/market/gpu_price/volatility", "5"}, &error),
                "scenario \"Dear GPUs\": market.gpu_price.volatility: 5 is above 2");
        refused(doc.setOverride("Dear GPUs", 0, {"/fleets/id=own-gb300/capex_per_gpu", "\"cheap\""}, &error),
                "scenario \"Dear GPUs\": fleets[0].capex_per_gpu: expected a number, got a string");
        refused(doc.setOverride("Dear GPUs", 0, {"/fleets/id=own-gb300/capex_per_gpu", "12,5"}, &error),
                "scenario \"Dear GPUs\": /fleets/id=own-gb300/capex_per_gpu: the value is not JSON: 12,5");
        refused(doc.addOverride("Dear GPUs", {"/fleets/id=nobody/pue", "1.3"}, &error),
                "scenario \"Dear GPUs\": /fleets/id=nobody/pue: fleets has no entry with id \"nobody\"");
        refused(doc.addOverride("Dear GPUs", {"market/gpu_price", "1"}, &error),
                "scenario \"Dear GPUs\": market/gpu_price: must start with / (a JSON Pointer, e.g. "
                "/contracts/id=cw-2025/escalator)");
        refused(doc.setOverride("Dear GPUs", 7, {"/assumptions/tax_rate", "0.3"}, &error),
                "Scenario \"Dear GPUs\" has no override 8.");
        refused(doc.removeOverride("Nobody", 0, &error), "Scenario \"Nobody\" has no override 1.");
        refused(doc.renameScenario("Dear GPUs", "   ", &error), "A scenario needs a name.");
        refused(doc.addScenario(dearGpus(), "Add scenario Dear GPUs", &error),
                "\"Dear GPUs\" names a scenario already; give each its own name.");
        refused(doc.deleteScenario("Nobody", &error), "No scenario \"Nobody\".");
        // A base edit that would leave a scenario pointing at nothing is refused too.
        QVERIFY(!doc.deleteItem("fleets[0]", &error)); // a scenario overrides it by id
        QVERIFY2(error.startsWith("The base case would no longer fit a scenario: scenario \"Dear GPUs\": "
                                  "/fleets/id=own-gb300/capex_per_gpu: fleets has no entry with id "
                                  "\"own-gb300\""),
                 qPrintable(error));
        QCOMPARE(json(doc), before);
        // A base edit that leaves every scenario applying goes through.
        QVERIFY2(doc.setValue("fleets[0].pue", 1.3, &error), qPrintable(error));
        doc.undoStack()->undo();
        QCOMPARE(json(doc), before);
    }

    void aScenarioLikeTheBaseCaseGivesTheBaseNumbersBitForBit() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const EvaluationResult base = doc.evaluation();
        const QString baseHash = doc.inputsHash();
        // Empty, and one that sets an input to the value it has.
        QVERIFY(doc.addScenario({"Same", "", "", {}}, "Add scenario Same", &error));
        QVERIFY(doc.addScenario({"Same again", "", "", {{"/assumptions/discount_rate", "0.09"}}},
                                "Add scenario Same again", &error));
        QCOMPARE(doc.inputsHash(), baseHash); // scenarios are not what a run of the base case depends on
        for (const char* name : {"Same", "Same again"}) {
            QVERIFY(doc.selectScenario(std::string(name)));
            QCOMPARE(doc.inputsHash(), baseHash);
            const EvaluationResult& shown = doc.evaluation();
            QCOMPARE(shown.alternatives.size(), base.alternatives.size());
            for (std::size_t a = 0; a < base.alternatives.size(); ++a) {
                QCOMPARE(shown.alternatives[a].npvCost, base.alternatives[a].npvCost);
                QCOMPARE(shown.alternatives[a].totalCash, base.alternatives[a].totalCash);
                QCOMPARE(shown.alternatives[a].lcoc, base.alternatives[a].lcoc);
                QCOMPARE(shown.alternatives[a].annual.size(), base.alternatives[a].annual.size());
                for (std::size_t y = 0; y < base.alternatives[a].annual.size(); ++y)
                    QCOMPARE(shown.alternatives[a].annual[y].cash, base.alternatives[a].annual[y].cash);
            }
        }
        // The matrix's rows are the base numbers too, and nothing flips.
        ScenarioMatrixModel matrix(&doc);
        QCOMPARE(matrix.rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            for (std::size_t a = 0; a < base.alternatives.size(); ++a)
                QCOMPARE(matrix.data(matrix.index(row, int(a) + 1), Qt::UserRole).toDouble(),
                         base.alternatives[a].npvCost);
        QCOMPARE(matrix.summary(),
                 QString("No scenario flips the verdict: Buy and operate is cheapest in the base case and in "
                         "all 2 scenarios."));
    }

    void theShownScenarioIsWhatTheTabsShowAndEditsGoToTheBase() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QVERIFY(doc.addScenario(dearGpus(), "Add scenario Dear GPUs", &error));
        const double baseBuy = doc.evaluation().alternative("buy")->npvCost;
        const QString baseHash = doc.inputsHash();
        QSignalSpy selection(&doc, &PortfolioDocument::scenarioSelectionChanged);
        QSignalSpy changed(&doc, &PortfolioDocument::evaluationChanged);
        const int steps = doc.undoStack()->count();
        QVERIFY(!doc.selectScenario(std::string("Nobody")));
        QCOMPARE(selection.count(), 0);
        QVERIFY(doc.selectScenario(std::string("Dear GPUs")));
        QCOMPARE(selection.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(doc.undoStack()->count(), steps); // not an edit
        QVERIFY(!doc.isModified() || doc.undoStack()->index() == steps);
        // Everything shown is of the scenario applied: its evaluation, portfolio, tornado, run inputs.
        QString applyError;
        const auto applied =
            data::withScenario(doc.portfolio(), doc.portfolio().scenarios[0], doc.catalog(), &applyError);
        QVERIFY(applied);
        const EvaluationResult expected = evaluatePortfolio(*applied, doc.catalog());
        QCOMPARE(doc.evaluation().alternative("buy")->npvCost, expected.alternative("buy")->npvCost);
        QVERIFY(doc.evaluation().alternative("buy")->npvCost > baseBuy);
        QCOMPARE(doc.baseEvaluation().alternative("buy")->npvCost, baseBuy);
        QCOMPARE(doc.shownPortfolio().fleets[0].capexPerGpu, std::optional<double>(165000));
        QCOMPARE(doc.portfolio().fleets[0].capexPerGpu, std::optional<double>(55000));
        QVERIFY(doc.inputsHash() != baseHash);
        QCOMPARE(doc.inputsHash(), data::simulationInputsHash(*applied));
        QCOMPARE(doc.baseInputsHash(), baseHash);
        const Sensitivity s = doc.sensitivity(0, 1);
        QCOMPARE(s.base, npvDifferenceSensitivity(*applied, doc.catalog(), 0, 1).base);

        // An edit goes to the base case, and the scenario shown is applied to the edited base.
        QVERIFY2(doc.setValue("fleets[1].pue", 1.4, &error), qPrintable(error));
        QCOMPARE(doc.portfolio().fleets[1].pue, 1.4);
        QCOMPARE(doc.shownPortfolio().fleets[1].pue, 1.4);
        QCOMPARE(doc.shownPortfolio().fleets[0].capexPerGpu, std::optional<double>(165000));
        QCOMPARE(doc.selectedScenario(), std::optional<std::string>("Dear GPUs"));
        doc.undoStack()->undo();

        // Renaming it keeps it shown, both ways; deleting it (or undoing its addition) shows the base.
        selection.clear();
        QVERIFY(doc.renameScenario("Dear GPUs", "Dearer GPUs", &error));
        QCOMPARE(doc.selectedScenario(), std::optional<std::string>("Dearer GPUs"));
        QCOMPARE(selection.count(), 1); // the window's banner names it anew
        doc.undoStack()->undo();
        QCOMPARE(doc.selectedScenario(), std::optional<std::string>("Dear GPUs"));
        QCOMPARE(selection.count(), 2);
        doc.undoStack()->redo();
        QCOMPARE(doc.selectedScenario(), std::optional<std::string>("Dearer GPUs"));
        selection.clear();
        QVERIFY(doc.deleteScenario("Dearer GPUs", &error));
        QCOMPARE(doc.selectedScenario(), std::nullopt);
        QCOMPARE(selection.count(), 1);
        QCOMPARE(doc.evaluation().alternative("buy")->npvCost, baseBuy);
        QCOMPARE(doc.inputsHash(), baseHash);
        doc.undoStack()->undo(); // back, but not shown: the selection is not part of the undo
        QCOMPARE(doc.selectedScenario(), std::nullopt);
        QVERIFY(doc.selectScenario(std::string("Dearer GPUs")));
        QVERIFY(doc.selectScenario(std::nullopt));
        QCOMPARE(doc.evaluation().alternative("buy")->npvCost, baseBuy);
        // Opening another file shows its base case.
        QVERIFY(doc.selectScenario(std::string("Dearer GPUs")));
        QVERIFY(doc.openBundledExample(&error));
        QCOMPARE(doc.selectedScenario(), std::nullopt);
    }

    void theMonteCarloRunsTheShownScenario() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QVERIFY(doc.addScenario(dearGpus(), "Add scenario Dear GPUs", &error));
        QVERIFY(doc.selectScenario(std::string("Dear GPUs")));
        SimulationController controller(&doc);
        QSignalSpy finished(&controller, &SimulationController::finished);
        SimulationOptions o;
        o.paths = 500;
        o.device = ComputeDevice::Cpu;
        QVERIFY2(controller.start(o, &error), qPrintable(error));
        QVERIFY(finished.wait(60000));
        QVERIFY(controller.currentResult());
        QVERIFY(!controller.resultFor(doc.baseInputsHash())); // a run of the scenario, not of the base
        QString applyError;
        const auto applied =
            data::withScenario(doc.portfolio(), doc.portfolio().scenarios[0], doc.catalog(), &applyError);
        const SimulationResult direct = simulatePortfolio(*applied, doc.catalog(), o);
        QCOMPARE(controller.currentResult()->alternatives[1].npvCost.mean,
                 direct.alternatives[1].npvCost.mean);
        QVERIFY(doc.selectScenario(std::nullopt));
        QVERIFY(!controller.currentResult()); // the base case has no run yet
    }

    void theListTheOverridesAndTheMatrixFollowTheDocument() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        ScenarioListModel list(&doc);
        ScenarioOverridesModel overrides(&doc);
        ScenarioMatrixModel matrix(&doc);
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.data(list.index(0), Qt::DisplayRole).toString(), QString("Base case"));
        QCOMPARE(matrix.rowCount(), 1);
        QCOMPARE(matrix.summary(), QString()); // no scenario: nothing to say
        QCOMPARE(overrides.rowCount(), 0);
        QVERIFY(!overrides.addOverride(&error));
        QCOMPARE(error, QString("The base case has no overrides: select or add a scenario first."));

        QVERIFY(doc.addScenario(dearGpus(), "Add scenario Dear GPUs", &error));
        QVERIFY(doc.addStressScenario(data::StressKind::PowerPricePlus50, &error));
        QCOMPARE(list.rowCount(), 3);
        QCOMPARE(list.scenarioAt(1), std::optional<std::string>("Dear GPUs"));
        QCOMPARE(list.rowOf(std::string("Power price +50%")), 2);
        QCOMPARE(list.rowOf(std::nullopt), 0);

        // The matrix: the base case first, a column per alternative, the winner and the verdict.
        QCOMPARE(matrix.rowCount(), 3);
        QCOMPARE(matrix.columnCount(), 1 + 3 + 2);
        QCOMPARE(matrix.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QString("Rent from CoreWeave\nNPV cost (USD M)"));
        QCOMPARE(matrix.headerData(4, Qt::Horizontal, Qt::DisplayRole).toString(), QString("Winner"));
        QCOMPARE(matrix.data(matrix.index(0, 0), Qt::DisplayRole).toString(), QString("Base case"));
        const auto& outcomes = matrix.outcomes();
        QCOMPARE(outcomes.size(), std::size_t(3));
        QCOMPARE(matrix.data(matrix.index(0, 4), Qt::DisplayRole).toString(), QString("Buy and operate"));
        QCOMPARE(matrix.winnerColumn(0), std::optional<int>(2));
        QVERIFY(matrix.data(matrix.index(0, 2), ScenarioMatrixModel::WinnerRole).toBool());
        QVERIFY(!matrix.data(matrix.index(0, 1), ScenarioMatrixModel::WinnerRole).toBool());
        QVERIFY(matrix.data(matrix.index(0, 2), Qt::BackgroundRole).isValid());
        QVERIFY(!matrix.data(matrix.index(0, 1), Qt::BackgroundRole).isValid());
        // Dear GPUs flips the verdict to renting; the power price does not.
        QCOMPARE(matrix.data(matrix.index(1, 4), Qt::DisplayRole).toString(), QString("Rent from CoreWeave"));
        QCOMPARE(matrix.data(matrix.index(1, 5), Qt::DisplayRole).toString(), QString("flips"));
        QVERIFY(matrix.data(matrix.index(1, 5), Qt::ForegroundRole).isValid());
        QVERIFY(matrix.data(matrix.index(1, 3), ScenarioMatrixModel::FlipsRole).toBool());
        QCOMPARE(matrix.data(matrix.index(2, 5), Qt::DisplayRole).toString(), QString("holds"));
        QCOMPARE(matrix.winnerColumn(1), std::optional<int>(1));
        QVERIFY(matrix.data(matrix.index(1, 1), ScenarioMatrixModel::WinnerRole).toBool());
        // Each cell is the scenario's own evaluation, the exact value under UserRole.
        QString applyError;
        const auto dear =
            data::withScenario(doc.portfolio(), doc.portfolio().scenarios[0], doc.catalog(), &applyError);
        const EvaluationResult r = evaluatePortfolio(*dear, doc.catalog());
        for (std::size_t a = 0; a < r.alternatives.size(); ++a) {
            QCOMPARE(matrix.data(matrix.index(1, int(a) + 1), Qt::UserRole).toDouble(),
                     r.alternatives[a].npvCost);
            QCOMPARE(matrix.data(matrix.index(1, int(a) + 1), Qt::DisplayRole).toString(),
                     formatMillions(r.alternatives[a].npvCost));
        }
        // By how much against the next best (at full capacity: here the spot market).
        const auto ranked = r.rankedAtFullCapacity();
        QCOMPARE(ranked[0]->id, std::string("rent"));
        const double lead = ranked[1]->npvCost - ranked[0]->npvCost;
        QCOMPARE(matrix.summary(), QString("1 of 2 scenarios flips the verdict: in \"Dear GPUs\" Rent from "
                                           "CoreWeave is cheapest, by USD %1 M; Buy and operate stays "
                                           "cheapest in the other one.")
                                       .arg(formatMillions(lead)));
        // A selection change recomputes nothing; an edit does.
        QSignalSpy reset(&matrix, &QAbstractItemModel::modelReset);
        QVERIFY(doc.selectScenario(std::string("Dear GPUs")));
        QCOMPARE(reset.count(), 0);
        QVERIFY(list.data(list.index(1), Qt::FontRole).isValid()); // the shown one in bold
        QVERIFY(!list.data(list.index(0), Qt::FontRole).isValid());

        // The overrides of the shown scenario, edited through the table.
        QCOMPARE(overrides.rowCount(), 2);
        QCOMPARE(overrides.data(overrides.index(0, 0), Qt::DisplayRole).toString(),
                 QString("/fleets/id=own-gb300/capex_per_gpu"));
        QCOMPARE(overrides.data(overrides.index(0, 1), Qt::DisplayRole).toString(), QString("165000"));
        QCOMPARE(overrides.data(overrides.index(0, 0), Qt::ToolTipRole).toString(),
                 QString("Owned GB300 fleet capex: USD 55,000 per GPU -> USD 165,000 per GPU"));
        QVERIFY(overrides.setData(overrides.index(0, 1), "170000"));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(doc.portfolio().scenarios[0].overrides[0].valueJson, std::string("170000"));
        QCOMPARE(doc.undoStack()->undoText(),
                 QString("Scenario Dear GPUs: /fleets/id=own-gb300/capex_per_gpu 165000 -> 170000"));
        // A refused value: nothing changes, and the message is the file's.
        QSignalSpy refused(&overrides, &ScenarioOverridesModel::editRefused);
        const QByteArray before = json(doc);
        QVERIFY(!overrides.setData(overrides.index(0, 1), "-5"));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(),
                 QString("scenario \"Dear GPUs\": fleets[0].capex_per_gpu: -5 is below 0"));
        QCOMPARE(json(doc), before);
        // A new path whose input the old value does not fit takes the input's base value.
        QVERIFY(overrides.setData(overrides.index(1, 0), "/market/next_generation/launch_mode"));
        QCOMPARE(doc.portfolio().scenarios[0].overrides[1],
                 (ScenarioOverride{"/market/next_generation/launch_mode", "\"2028-07-01\""}));
        QVERIFY(overrides.addOverride(&error));
        QCOMPARE(overrides.rowCount(), 3);
        QCOMPARE(doc.portfolio().scenarios[0].overrides[2],
                 (ScenarioOverride{"/assumptions/discount_rate", "0.09"}));
        QVERIFY(overrides.removeOverride(2, &error));
        QCOMPARE(overrides.rowCount(), 2);
        QVERIFY(doc.selectScenario(std::nullopt));
        QCOMPARE(overrides.rowCount(), 0);
    }

    void overridesInWords() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const Portfolio& p = doc.portfolio();
        QCOMPARE(overrideInWords(p, {"/market/gpu_price/trend_per_year", "-0.4"}),
                 QString("GPU price trend: -15% per year -> -40% per year"));
        QCOMPARE(overrideInWords(p, {"/fleets/id=own-vr200/capex_per_gpu", "93750"}),
                 QString("Owned Vera Rubin fleet capex: USD 75,000 per GPU -> USD 93,750 per GPU"));
        QCOMPARE(overrideInWords(p, {"/contracts/id=cw-2025/total_contract_value", "7100000000"}),
                 QString("CoreWeave 2025 (GB300) total contract value: USD 14.2 B -> USD 7.1 B"));
        QCOMPARE(overrideInWords(p, {"/assumptions/discount_rate", "null"}),
                 QString("Discount rate: 9% per year -> its default"));
        QCOMPARE(overrideInWords(p, {"/demand/curve", "[{\"date\":\"2026-01-01\",\"gpus\":1}]"}),
                 QString("Demand curve: %1 points -> 1 point").arg(p.demand->curve.size()));
        const QString launch = overrideInWords(
            p, {"/market/next_generation", "{\"launch_earliest\":\"2027-01-01\",\"launch_latest\":"
                                           "\"2028-06-30\",\"launch_mode\":\"2027-07-01\",\"price_drop_max\":"
                                           "0.6,\"price_drop_min\":0.6}"});
        QCOMPARE(launch,
                 QString("Next-generation launch: earliest launch 2028-01-01; latest launch 2029-06-30; "
                         "likeliest launch 2028-07-01; price drop, most 40%; price drop, least 20% -> "
                         "earliest launch 2027-01-01; latest launch 2028-06-30; likeliest launch "
                         "2027-07-01; price drop, most 60%; price drop, least 60%"));
        // An input the editor has no name for keeps its path.
        QCOMPARE(overrideInWords(p, {"/market/correlation/0/1", "0.5"}),
                 QString("/market/correlation/0/1: 0.3 -> 0.5"));
    }

    // Saved and opened again, a .cledger keeps the scenarios exactly (data/tst_document checks the
    // schema; this checks the document's round trip).
    void scenariosAreSavedWithTheDocument() {
        PortfolioDocument doc(data::bundledSkuCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        QVERIFY(doc.addScenario(dearGpus(), "Add scenario Dear GPUs", &error));
        QVERIFY(doc.addStressScenario(data::StressKind::DemandAt60, &error));
        QTemporaryDir dir;
        const QString path = dir.filePath("scenarios.cledger");
        QVERIFY2(doc.saveAs(path, &error), qPrintable(error));
        PortfolioDocument again(data::bundledSkuCatalog());
        QVERIFY2(again.open(path, &error), qPrintable(error));
        QCOMPARE(again.portfolio().scenarios, doc.portfolio().scenarios);
        QCOMPARE(json(again), json(doc));
    }
};

QTEST_MAIN(ScenarioEditingTest)
#include "tst_scenario_editing.moc"
