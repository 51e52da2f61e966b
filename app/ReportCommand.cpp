// computeledger report: the executive PDF, the CSV tables and the workbook, drawn with the report
// layer's charts. Its own library (ledger_cli_report): the other commands link no widgets.
#include "app/ReportCommand.h"

#include "app/CommandSupport.h"
#include "app/SimulationOptions.h"
#include "ui/report/ReportExport.h"

namespace ledger::app {

int reportCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("report", "subcommand");
    parser.addPositionalArgument("FILE", "the portfolio (.json or .cledger)");
    parser.addOption({"pdf", "write the executive PDF here", "OUT.pdf"});
    parser.addOption({"csv", "write the CSV tables into this folder", "DIR"});
    parser.addOption({"xlsx", "write the workbook here", "OUT.xlsx"});
    parser.addOption({"simulate", "run the Monte Carlo simulation and report it"});
    addSimulationOptions(parser);
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return userError("computeledger report: expected one FILE; see computeledger --help");
    if (!parser.isSet("pdf") && !parser.isSet("csv") && !parser.isSet("xlsx"))
        return userError("computeledger report: nothing to write: give --pdf, --csv or --xlsx");
    if (!simulateGivenFor(parser, "report", {}, &error))
        return userError(error);
    const report::ReportRequest request{parser.value("pdf"), parser.value("csv"), parser.value("xlsx")};
    // Before any work: an output over the portfolio itself (report deal.json --pdf deal.json).
    if (const QString problem = report::reportOutputProblem(request, {pos[1]}); !problem.isEmpty())
        return userError("computeledger report: " + problem);
    const OpenedPortfolio opened = openPortfolio(pos[1]);
    if (!opened.ok())
        return kUserError;
    const SkuCatalog& catalog = opened.catalog;
    const data::PortfolioLoad& load = opened.load;
    std::optional<SimulationResult> simulation;
    if (!requestedSimulation(parser, "report", *load.portfolio, catalog, &simulation, &error))
        return userError(error);
    const auto content = report::buildReportContent(*load.portfolio, catalog, std::move(simulation),
                                                    report::reportSourceText(pos[1], false));
    QStringList written;
    if (!report::writeReport(content, request, &error, {pos[1]}, &written))
        return userError("computeledger report: " + error);
    // What it wrote, where: a report is looked for right after it is made.
    for (const QString& line : written)
        out() << "wrote " << line << "\n";
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
