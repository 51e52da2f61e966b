// computeledger evaluate: the deterministic result (MODEL.md 3 to 7), with --simulate the Monte
// Carlo statistics, as a table or the stable JSON; --save-run stores the run in the document.
#include "app/Commands.h"

#include "app/CommandSupport.h"
#include "app/ResultTable.h"
#include "app/SimulationOptions.h"
#include "data/CledgerDocument.h"
#include "data/EvaluationJson.h"
#include "data/SimulationJson.h"
#include "engine/DeterministicEngine.h"
#include "resources/BundledResources.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ledger::app {

int evaluateCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("evaluate", "subcommand");
    parser.addPositionalArgument("FILE", "portfolio JSON file");
    parser.addOption({"json", "print the stable JSON result"});
    parser.addOption({"example", "evaluate the bundled example portfolio"});
    parser.addOption({"simulate", "add the Monte Carlo statistics"});
    parser.addOption({"save-run", "store the simulation in the .cledger document"});
    addSimulationOptions(parser);
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    if (!simulateGivenFor(parser, "evaluate", {"save-run"}, &error))
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
    const Portfolio& portfolio = *load.portfolio;
    if (parser.isSet("save-run") && !data::isSqliteFile(path))
        return userError(
            "computeledger evaluate: --save-run needs a .cledger document (convert the file first)");
    std::optional<SimulationResult> simulation;
    if (!requestedSimulation(parser, "evaluate", portfolio, catalog, &simulation, &error))
        return userError(error);
    const EvaluationResult result = evaluatePortfolio(portfolio, catalog);
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
    QJsonObject o = data::evaluationToJson(result);
    if (simulation)
        o["simulation"] = data::simulationToJson(*simulation);
    // Validation's bounds keep every output finite (portfolio/Limits.h); should a number still
    // overflow, it is the inputs' size, a problem the user can act on, and nothing is printed.
    if (const QString bad = data::firstNonFinite(o); !bad.isEmpty())
        return userError(path + ": " + bad +
                         " overflows (not a finite number); the inputs are too large to compute: lower the "
                         "largest prices, GPU counts, escalators or volatilities");
    if (parser.isSet("json")) {
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out() << formatResultTable(portfolio, result);
        if (simulation)
            out() << simulationTable(*simulation, portfolio.currency);
    }
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
