// computeledger evaluate: the deterministic result (MODEL.md 3 to 7), with --simulate the Monte
// Carlo statistics, as a table or the stable JSON; --save-run stores the run in the document.
#include "app/Commands.h"

#include "app/CommandSupport.h"
#include "app/EvaluationOutput.h"
#include "app/ResultTable.h"
#include "app/SimulationOptions.h"
#include "data/CledgerDocument.h"
#include "data/EvaluationJson.h"
#include "data/OptionsJson.h"
#include "data/ScenarioResults.h"
#include "data/SimulationJson.h"
#include "engine/DeterministicEngine.h"
#include "resources/BundledResources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ledger::app {

namespace {

QString scenarioNames(const Portfolio& p) {
    if (p.scenarios.empty())
        return "it has none";
    QStringList names;
    for (const auto& s : p.scenarios)
        names << "\"" + QString::fromStdString(s.name) + "\"";
    return "it has " + names.join(", ");
}

// The base case and every scenario: JSON {"scenarios": [{"scenario", "description", "winner",
// "flips_verdict", "result": <evaluate --json>}]}, or the scenario matrix as a table. A Monte Carlo
// runs on each with the same seed and paths (common random numbers).
int allScenarios(const QCommandLineParser& parser, const Portfolio& p, const SkuCatalog& catalog,
                 const QString& path) {
    QString error;
    const auto outcomes = data::evaluateScenarios(p, catalog, &error);
    if (!outcomes)
        return userError(path + ": " + error);
    QJsonArray list;
    std::vector<std::optional<SimulationResult>> runs;
    for (const auto& x : *outcomes) {
        Portfolio applied = p;
        if (!x.base)
            applied = *data::withScenario(p, *data::findScenario(p, x.name), catalog, &error);
        std::optional<SimulationResult> simulation;
        if (!requestedSimulation(parser, "evaluate", applied, catalog, &simulation, &error))
            return userError(error);
        const QJsonObject result =
            evaluationOutput(x.evaluation, {}, simulation ? &*simulation : nullptr, {});
        if (const QString bad = data::firstNonFinite(result); !bad.isEmpty())
            return userError(path + ": scenario \"" + QString::fromStdString(x.name) + "\": " + bad +
                             " overflows (not a finite number)");
        const QJsonObject o = scenarioOutput(x, result);
        list.append(o);
        runs.push_back(std::move(simulation));
    }
    if (parser.isSet("json"))
        out() << QJsonDocument(QJsonObject{{"scenarios", list}}).toJson(QJsonDocument::Indented);
    else
        out() << scenarioMatrixTable(*outcomes, runs, p.currency);
    out().flush();
    return kSuccess;
}

} // namespace

int evaluateCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("evaluate", "subcommand");
    parser.addPositionalArgument("FILE", "portfolio JSON file");
    parser.addOption({"json", "print the stable JSON result"});
    parser.addOption({"example", "evaluate the bundled example portfolio"});
    parser.addOption({"simulate", "add the Monte Carlo statistics"});
    parser.addOption({"save-run", "store the simulation in the .cledger document"});
    parser.addOption({"scenario", "evaluate the file's scenario NAME instead of the base case", "NAME"});
    parser.addOption({"all-scenarios",
                      "the base case and every scenario of the file (a Monte Carlo on each runs "
                      "on the same seed and paths)"});
    addSimulationOptions(parser);
    parser.addOption({"regression-paths",
                      "paths the options' exercise rule is fitted on (default: as many as --paths)", "N"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    if (!simulateGivenFor(parser, "evaluate", {"save-run", "regression-paths"}, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    QString path;
    if (parser.isSet("example")) {
        if (pos.size() > 1)
            return userError("computeledger evaluate: give either FILE or --example, not both");
        path = resources::examplePortfolioPath();
    } else {
        if (pos.size() != 2)
            return userError(
                "computeledger evaluate: expected one FILE (or --example); see computeledger --help");
        path = pos[1];
    }
    const OpenedPortfolio opened = openPortfolio(path);
    if (!opened.ok())
        return kUserError;
    const SkuCatalog& catalog = opened.catalog;
    const data::PortfolioLoad& load = opened.load;
    if (parser.isSet("all-scenarios")) {
        if (parser.isSet("scenario") || parser.isSet("save-run"))
            return userError("computeledger evaluate: --all-scenarios evaluates every scenario; leave out "
                             "--scenario and --save-run");
        return allScenarios(parser, *load.portfolio, catalog, path);
    }
    Portfolio portfolio = *load.portfolio;
    std::string scenario;
    if (parser.isSet("scenario")) {
        scenario = parser.value("scenario").toStdString();
        const Scenario* s = data::findScenario(portfolio, scenario);
        if (!s)
            return userError(QString("computeledger evaluate: %1 has no scenario \"%2\" (%3)")
                                 .arg(path, QString::fromStdString(scenario), scenarioNames(portfolio)));
        if (parser.isSet("save-run"))
            return userError(
                "computeledger evaluate: --save-run stores a run of the base case; leave out --scenario");
        auto applied = data::withScenario(portfolio, *s, catalog, &error);
        if (!applied)
            return userError(path + ": " + error);
        portfolio = std::move(*applied);
    }
    if (parser.isSet("save-run") && !data::isSqliteFile(path))
        return userError(
            "computeledger evaluate: --save-run needs a .cledger document (convert the file first)");
    std::optional<SimulationResult> simulation;
    if (!requestedSimulation(parser, "evaluate", portfolio, catalog, &simulation, &error))
        return userError(error);
    const EvaluationResult result = evaluatePortfolio(portfolio, catalog);
    std::vector<OptionResult> options;
    if (!requestedOptionValues(parser, "evaluate", portfolio, catalog, &options, &error))
        return userError(error);
    if (simulation && parser.isSet("save-run")) {
        data::SimulationRunRecord run;
        run.inputsHash = data::simulationInputsHash(portfolio);
        run.seed = simulation->seed;
        run.paths = simulation->paths;
        run.device = QString::fromStdString(simulation->device);
        run.seconds = simulation->seconds;
        run.statistics = QJsonDocument(data::simulationToJson(*simulation)).toJson(QJsonDocument::Compact);
        if (!data::appendSimulationRun(path, run, &error))
            return userError(error);
    }
    const QJsonObject o = evaluationOutput(result, scenario, simulation ? &*simulation : nullptr, options);
    // Validation's bounds keep every output finite (portfolio/Limits.h); should a number still
    // overflow, it is the inputs' size, a problem the user can act on, and nothing is printed.
    if (const QString bad = data::firstNonFinite(o); !bad.isEmpty())
        return userError(path + ": " + bad +
                         " overflows (not a finite number); the inputs are too large to compute: lower the "
                         "largest prices, GPU counts, escalators or volatilities");
    if (parser.isSet("json")) {
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        if (!scenario.empty())
            out() << "Scenario: " << QString::fromStdString(scenario) << "\n\n";
        out() << formatResultTable(portfolio, result);
        if (simulation)
            out() << simulationTable(*simulation, portfolio.currency);
        if (!options.empty())
            out() << optionsTable(options, portfolio.currency);
    }
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
