#include "app/CommandLine.h"

#include "app/CommandSupport.h"
#include "app/Commands.h"
#include "data/Leftovers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <exception>

namespace ledger::app {

namespace {

// The headless subcommands; the executable adds those that link more (report, CommandLine.h).
constexpr Command kHeadlessCommands[] = {
    {"evaluate", &evaluateCommand},    {"decode", &decodeCommand},       {"bench", &benchCommand},
    {"convert", &convertCommand},      {"runs", &runsCommand},           {"import-csv", &importCsvCommand},
    {"export-csv", &exportCsvCommand}, {"deals", &dealsCommand},         {"add-deal", &addDealCommand},
    {"catalog", &catalogCommand},      {"goal-seek", &goalSeekCommand},  {"stress", &stressCommand},
    {"prices", &pricesCommand},        {"calibrate", &calibrateCommand}, {"simulate", &simulateCommand},
    {"merge", &mergeCommand},          {"slurm", &slurmCommand},         {"fit-options", &fitOptionsCommand},
};
// The subcommands the executable adds (CommandLine.h): named here too, so that a file of that name
// is not opened in the window and a headless build says what it lacks.
const QStringList kAddedCommandNames = {"report"};

bool isCommandName(const QString& name) {
    for (const Command& c : kHeadlessCommands)
        if (name == QLatin1String(c.name))
            return true;
    return kAddedCommandNames.contains(name);
}

QString usage() {
    return QStringLiteral(
        "Usage:\n"
        "  computeledger                       open the GUI on the bundled example portfolio\n"
        "  computeledger FILE.json             open the GUI on a portfolio\n"
        "  computeledger evaluate FILE [--json] [--simulate [--paths N] [--seed S] [--device auto|cpu|gpu]\n"
        "                         [--threads T]]\n"
        "                                      evaluate a portfolio (docs/model.md) and print the result;\n"
        "                                      --simulate adds the Monte Carlo statistics; --save-run\n"
        "                                      stores them in the .cledger document\n"
        "  computeledger evaluate --example [--json]\n"
        "                                      the same for the bundled example portfolio\n"
        "  computeledger report FILE [--pdf OUT.pdf] [--csv DIR] [--xlsx OUT.xlsx]\n"
        "                         [--simulate [--paths N] [--seed S] [--device ...] [--threads T]]\n"
        "                                      the executive PDF, the CSV tables and the workbook\n"
        "                                      (at least one of them); works without a display\n"
        "  computeledger convert IN OUT        .json <-> .cledger (by OUT's extension), numbers exact\n"
        "  computeledger runs FILE.cledger     the Monte Carlo runs stored in a document\n"
        "  computeledger import-csv FILE CSV... --out OUT\n"
        "                                      add contracts or fleets from CSV files; write the result\n"
        "  computeledger export-csv FILE DIR   write DIR/contracts.csv, DIR/fleets.csv and DIR/demand.csv\n"
        "  computeledger deals                 the library of public compute deals\n"
        "  computeledger add-deal FILE DEAL --out OUT\n"
        "                                      add a library deal to a portfolio as a pre-filled contract\n"
        "  computeledger catalog               the bundled GPU catalog, each figure with its source\n"
        "  computeledger decode [--tcv V] [--price P] [--gpus N | --facility-mw M | --facility-gw G]\n"
        "                       [--start DATE --end DATE] [--escalator E] [--sku ID] [--pue P]\n"
        "                                      two of value, price and GPUs give the third, the GPU-hours,\n"
        "                                      annual spend, IT and facility MW; a facility's power alone\n"
        "                                      with --sku gives its GPUs\n"
        "  computeledger goal-seek FILE --input PATH --target npv-equal:A,B | npv:A=VALUE | lcoc:A=VALUE\n"
        "                         [--bracket LO,HI] [--json]\n"
        "                                      the value of one input (an input path) at which the target\n"
        "                                      holds, by a bracketing root finder (TOMS 748)\n"
        "  computeledger stress FILE [--json] [--simulate [--paths N] [--seed S] [--device ...]]\n"
        "                                      the smallest move of each tornado input alone that flips the\n"
        "                                      verdict, ranked; the scenarios that flip it; with --simulate\n"
        "                                      the share of paths on which it flips\n"
        "  computeledger prices [--tier T] [--json]\n"
        "                                      the bundled H100 rental prices by tier, each with its source\n"
        "  computeledger calibrate SERIES.csv|bundled [--tier T] [--json] [--into FILE --out OUT]\n"
        "                                      fit the GPU market model (trend, reversion, volatility) to a\n"
        "                                      price series by maximum likelihood; --into writes FILE with\n"
        "                                      them to OUT\n"
        "  computeledger bench [--paths N] [--months M] [--device auto|cpu|gpu] [--threads T] [--lanes L] "
        "[--repeat R]\n"
        "                      [--portfolio FILE] [--fan buckets|values] [--json] [--write-inputs FILE]\n"
        "                                      path-months per second and peak memory on the standard\n"
        "                                      synthetic portfolio\n"
        "  computeledger simulate FILE --paths N --shard I/S|auto[/S] --out SHARD [--seed S] [--threads T]\n"
        "                         [--scenario NAME | --sweep all|NAME,...]\n"
        "                                      one shard of a run split across machines: paths\n"
        "                                      [floor(I N/S), floor((I+1) N/S)) in whole units\n"
        "                                      (docs/scale-out.md); auto reads the array task's index\n"
        "  computeledger fit-options FILE --out RULES [--paths N] [--regression-paths M] [--sweep ...]\n"
        "                                      fit the contract options' exercise rules once, before a\n"
        "                                      sharded run (give every shard --exercise-rules RULES)\n"
        "  computeledger merge SHARD... [--json] [--into DOC.cledger]\n"
        "                                      the statistics of one run of all the shards' paths, to the\n"
        "                                      bit; refuses a missing, repeated or damaged shard\n"
        "  computeledger slurm FILE --shards S [--paths N] [--seed S] [--regression-paths M] [--partition "
        "P]\n"
        "                      [--time T] [--cpus-per-task C] [--sweep SCENARIOS] [--grid PATH=V1,V2,...]\n"
        "                      [--dir DIR] [--computeledger PATH]\n"
        "                                      an sbatch array job, its merge (and with contract options\n"
        "                                      the rules' fit) chained afterok, ready to submit\n"
        "  computeledger --version | --help\n"
        "\n"
        "Exit codes: 0 success, 1 a bad file or argument (one line on stderr), 2 an internal failure.\n");
}

} // namespace

bool isCommandLineInvocation(const QStringList& args) {
    if (args.size() < 2)
        return false;
    const QString first = args[1];
    // Anything that is not a file to open in the window is the command line's to answer (and to
    // reject with a message, rather than open a window over a typo).
    return isCommandName(first) || first.startsWith('-') || !QFileInfo::exists(first);
}

int printEvaluation(const QString& path) {
    QStringList args{"computeledger", "evaluate"};
    if (path.isEmpty())
        args << "--example";
    else
        args << path;
    return runCommandLine(args);
}

int runCommandLine(const QStringList& args, std::span<const Command> more) {
    try {
        printNotices(data::removeTemporaryLeftovers());
        const QString first = args.value(1);
        if (args.contains("--help") || args.contains("-h")) {
            out() << usage();
            out().flush();
            return kSuccess;
        }
        if (first == "--version" || first == "-v") {
            out() << "computeledger " << QCoreApplication::applicationVersion() << "\n";
            out().flush();
            return kSuccess;
        }
        for (const auto commands : {std::span<const Command>(kHeadlessCommands), more}) {
            for (const Command& c : commands)
                if (first == QLatin1String(c.name))
                    return c.run(args);
        }
        if (isCommandName(first))
            return userError("computeledger " + first + ": not part of this program (a headless build)");
        return userError("computeledger: \"" + first +
                         "\" is neither a command nor a file; see computeledger --help");
    } catch (const std::exception& e) {
        QTextStream(stderr) << "computeledger: internal error: " << e.what() << "\n";
        return kInternalError;
    }
}

} // namespace ledger::app
