#include "CommandLine.h"

#include "BundledResources.h"
#include "CledgerDocument.h"
#include "EvaluationJson.h"
#include "Leftovers.h"
#include "MessageText.h"
#include "OutputFiles.h"
#include "PathInputsJson.h"
#include "PortfolioCsv.h"
#include "PortfolioJson.h"
#include "ReferenceData.h"
#include "ResultTable.h"
#include "SimulationJson.h"
#include "SkuCatalogJson.h"
#include "analytics/DealContract.h"
#include "analytics/NewsDecoder.h"
#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "montecarlo/BenchmarkPortfolio.h"
#include "montecarlo/MonteCarloEngine.h"
#include "portfolio/Validation.h"
#include "report/ReportExport.h"

#include <QCommandLineParser>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QTextStream>
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <optional>

namespace ledger::app {

namespace {

const QStringList kCommands = {"evaluate",   "report",     "decode", "bench",    "convert", "runs",
                               "import-csv", "export-csv", "deals",  "add-deal", "catalog"};

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

int userError(const QString& message) {
    // One line, whatever the user typed into an argument or a file name.
    QTextStream(stderr) << data::oneLine(message) << "\n";
    return kUserError;
}

// What a step did besides its job (a killed save's leftovers removed), on stderr: stdout stays the
// result a script reads.
void printNotices(const QStringList& notices) {
    for (const QString& n : notices)
        QTextStream(stderr) << "computeledger: " << data::oneLine(n) << "\n";
}

data::PortfolioLoad loadInput(const QString& path, const SkuCatalog& catalog) {
    data::PortfolioLoad load = data::loadPortfolioFile(path, catalog);
    printNotices(load.notices);
    return load;
}

// Where a command writes a portfolio: never over one of its other inputs; over the portfolio it
// read only as an in-place save, which refuses when another program saved that file meanwhile.
bool savePortfolioOutput(const Portfolio& p, const QString& out, const QString& in,
                         const data::PortfolioLoad& load, const QStringList& otherInputs, QString* error) {
    if (*error = data::outputOverwritesInput({out}, otherInputs); !error->isEmpty())
        return false;
    QByteArray fingerprint = data::sameFile(out, in) ? load.fingerprint : QByteArray();
    return data::savePortfolioFile(p, out, error, &fingerprint);
}

QString usage() {
    return QStringLiteral(
        "Usage:\n"
        "  computeledger                       open the GUI on the bundled example portfolio\n"
        "  computeledger FILE.json             open the GUI on a portfolio\n"
        "  computeledger evaluate FILE [--json] [--simulate [--paths N] [--seed S] [--device auto|cpu|gpu]\n"
        "                         [--threads T]]\n"
        "                                      evaluate a portfolio (MODEL.md) and print the result;\n"
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
        "  computeledger export-csv FILE DIR   write DIR/contracts.csv and DIR/fleets.csv\n"
        "  computeledger deals                 the library of public compute deals\n"
        "  computeledger add-deal FILE DEAL --out OUT\n"
        "                                      add a library deal to a portfolio as a pre-filled contract\n"
        "  computeledger catalog               the bundled GPU catalog, each figure with its source\n"
        "  computeledger decode --tcv V --start DATE --end DATE --price P [--escalator E] [--sku ID]\n"
        "                                      implied GPUs, GPU-hours and IT MW of a headline deal\n"
        "  computeledger bench [--paths N] [--months M] [--device auto|cpu|gpu] [--threads T] [--lanes L] "
        "[--repeat R]\n"
        "                      [--portfolio FILE] [--fan buckets|values] [--json] [--write-inputs FILE]\n"
        "                                      path-months per second and peak memory on the standard\n"
        "                                      synthetic portfolio\n"
        "  computeledger --version | --help\n"
        "\n"
        "Exit codes: 0 success, 1 a bad file or argument (one line on stderr), 2 an internal failure.\n");
}

// A parser that reports problems as one line and exit code 1 instead of exiting the process.
bool parse(QCommandLineParser& parser, const QStringList& args, QString* error) {
    if (!parser.parse(args)) {
        *error = "computeledger: " + parser.errorText();
        return false;
    }
    return true;
}

void addSimulationOptions(QCommandLineParser& parser) {
    parser.addOption({"paths", "Monte Carlo paths (default: the file's simulation.paths)", "N"});
    parser.addOption({"seed", "random seed, 0..2^53-1 (default: the file's simulation.seed)", "S"});
    parser.addOption({"device", "auto (a GPU when one answers), cpu or gpu", "DEVICE", "auto"});
    parser.addOption({"threads", "CPU threads (default: all cores)", "T"});
    parser.addOption(
        {"memory-budget", "refuse a run whose per-path outcomes need more (default 8192)", "MB"});
}

// Reads --paths/--seed/--device/--threads into o; a bad value is a one-line message in *error.
bool readSimulationOptions(const QCommandLineParser& parser, const QString& command, SimulationOptions& o,
                           QString* error) {
    auto integer = [&](const char* name, long long lo, long long hi, long long* v) {
        if (!parser.isSet(name))
            return true;
        bool ok = false;
        *v = parser.value(name).toLongLong(&ok);
        if (!ok || *v < lo || *v > hi) {
            *error = QString("computeledger %1: --%2: \"%3\" is not a whole number in %4..%5")
                         .arg(command, name, parser.value(name))
                         .arg(lo)
                         .arg(hi);
            return false;
        }
        return true;
    };
    long long paths = o.paths, seed = (long long)o.seed, threads = o.threads,
              budget = (long long)(o.memoryBudgetBytes >> 20);
    if (!integer("paths", 1, kMaxPaths, &paths) || !integer("seed", 0, (long long)kMaxSeed, &seed) ||
        !integer("threads", 1, 1024, &threads) || !integer("memory-budget", 1, 1LL << 30, &budget))
        return false;
    o.memoryBudgetBytes = std::uint64_t(budget) << 20;
    o.paths = paths;
    o.seed = std::uint64_t(seed);
    o.threads = int(threads);
    const QString device = parser.value("device");
    if (device == "auto")
        o.device = ComputeDevice::Auto;
    else if (device == "cpu")
        o.device = ComputeDevice::Cpu;
    else if (device == "gpu")
        o.device = ComputeDevice::Gpu;
    else {
        *error = QString("computeledger %1: --device: \"%2\" is not auto, cpu or gpu").arg(command, device);
        return false;
    }
    return true;
}

// The simulation options are read only with --simulate; alone they are a mistake worth naming.
bool simulateGivenFor(const QCommandLineParser& parser, const QString& command,
                      const QStringList& alsoNeeding, QString* error) {
    if (parser.isSet("simulate"))
        return true;
    for (const QString& option :
         QStringList{"paths", "seed", "device", "threads", "memory-budget"} + alsoNeeding) {
        if (parser.isSet(option)) {
            *error = QString("computeledger %1: --%2 needs --simulate").arg(command, option);
            return false;
        }
    }
    return true;
}

// The Monte Carlo run a command asked for with --simulate (the file's paths and seed unless the
// command line overrides them); none without --simulate. A bad option or a refused request:
// false with a one-line message.
bool requestedSimulation(const QCommandLineParser& parser, const QString& command, const Portfolio& p,
                         const SkuCatalog& catalog, std::optional<SimulationResult>* run, QString* error) {
    if (!parser.isSet("simulate"))
        return true;
    SimulationOptions options;
    options.paths = p.simulation.paths;
    options.seed = p.simulation.seed;
    if (!readSimulationOptions(parser, command, options, error))
        return false;
    try {
        *run = simulatePortfolio(p, catalog, options);
    } catch (const SimulationRequestError& e) {
        *error = QString("computeledger %1: %2").arg(command, QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

QString simulationTable(const SimulationResult& s, const std::string& currency) {
    // Ids and names come from the file: an escape sequence in one must not reach the terminal.
    auto shown = [](const std::string& text) { return data::oneLine(QString::fromStdString(text)); };
    const QLocale en(QLocale::English);
    auto m = [&](double v) { return en.toString(v / 1e6, 'f', 1); };
    const QString cur = QString::fromStdString(currency);
    QString out = QString("\nMonte Carlo: %1 paths, seed %2, %3%4, %5 s\n")
                      .arg(en.toString(qlonglong(s.paths)))
                      .arg(s.seed)
                      .arg(QString::fromStdString(s.device))
                      .arg(s.threads ? QString(", %1 threads").arg(s.threads) : QString())
                      .arg(s.seconds, 0, 'f', 3);
    out += QString("%1%2%3%4%5%6\n")
               .arg("NPV cost (" + cur + " M)", -22)
               .arg("mean", 14)
               .arg("p5", 14)
               .arg("p50", 14)
               .arg("p95", 14)
               .arg("cvar95", 14);
    for (const auto& a : s.alternatives)
        out += QString("%1%2%3%4%5%6\n")
                   .arg(shown(a.id), -22)
                   .arg(m(a.npvCost.mean), 14)
                   .arg(m(a.npvCost.p5), 14)
                   .arg(m(a.npvCost.p50), 14)
                   .arg(m(a.npvCost.p95), 14)
                   .arg(m(a.npvCost.cvar95), 14);
    for (const auto& p : s.probCheaper)
        out += QString("P(%1 cheaper than %2) = %3\n").arg(shown(p.a), shown(p.b)).arg(p.p, 0, 'f', 4);
    for (const auto& d : s.defaults)
        out += QString("Provider %1 defaults within the horizon on %2% of paths\n")
                   .arg(shown(d.provider))
                   .arg(d.fraction * 100.0, 0, 'f', 2);
    return out;
}

int evaluate(const QStringList& args) {
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
    const SkuCatalog catalog = data::bundledSkuCatalog();
    const auto load = loadInput(path, catalog);
    if (!load.ok())
        return userError(load.error);
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
        run.inputsHash = data::portfolioInputsHash(portfolio);
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

int report(const QStringList& args) {
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
    const SkuCatalog catalog = data::bundledSkuCatalog();
    const auto load = loadInput(pos[1], catalog);
    if (!load.ok())
        return userError(load.error);
    std::optional<SimulationResult> simulation;
    if (!requestedSimulation(parser, "report", *load.portfolio, catalog, &simulation, &error))
        return userError(error);
    const auto content = report::buildReportContent(*load.portfolio, catalog, std::move(simulation),
                                                    QFileInfo(pos[1]).fileName());
    if (!report::writeReport(content, request, &error, {pos[1]}))
        return userError("computeledger report: " + error);
    return kSuccess;
}

int decode(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("decode", "subcommand");
    parser.addOption({"tcv", "total contract value", "V"});
    parser.addOption({"start", "first day of the term (YYYY-MM-DD)", "DATE"});
    parser.addOption({"end", "last day of the term, inclusive (YYYY-MM-DD)", "DATE"});
    parser.addOption({"price", "assumed price per GPU-hour in the first year", "P"});
    parser.addOption({"escalator", "annual price escalator (default 0)", "E", "0"});
    parser.addOption({"sku", "GPU SKU id from the bundled catalog, for the megawatts", "ID"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    if (parser.positionalArguments().size() != 1)
        return userError("computeledger decode: unexpected argument " +
                         parser.positionalArguments().value(1));
    auto number = [&](const char* name, double* v) {
        const auto parsed = parseFiniteNumber(parser.value(name).trimmed().toStdString());
        *v = parsed.value_or(0.0);
        return parsed.has_value();
    };
    DealTerms t;
    for (const char* required : {"tcv", "start", "end", "price"}) {
        if (!parser.isSet(required))
            return userError(QString("computeledger decode: --%1 is required").arg(required));
    }
    for (const auto& [name, value] :
         {std::pair{"tcv", &t.totalContractValue}, std::pair{"price", &t.pricePerGpuHour},
          std::pair{"escalator", &t.escalator}}) {
        if (!number(name, value))
            return userError(
                QString("computeledger decode: --%1: \"%2\" is not a number").arg(name, parser.value(name)));
    }
    const auto start = parseIsoDate(parser.value("start").toStdString());
    const auto end = parseIsoDate(parser.value("end").toStdString());
    if (!start)
        return userError("computeledger decode: --start: \"" + parser.value("start") +
                         "\" is not a date YYYY-MM-DD");
    if (!end)
        return userError("computeledger decode: --end: \"" + parser.value("end") +
                         "\" is not a date YYYY-MM-DD");
    t.start = *start;
    t.end = *end;
    if (const auto invalid = validateDealTerms(t))
        return userError("computeledger decode: --" + QString::fromStdString(invalid->toString()));
    if (parser.isSet("sku")) {
        const SkuCatalog catalog = data::bundledSkuCatalog();
        const Sku* sku = catalog.find(Portfolio{}, parser.value("sku").toStdString());
        if (!sku)
            return userError("computeledger decode: --sku: no SKU \"" + parser.value("sku") +
                             "\" in the catalog");
        t.itKwPerGpu = sku->itKwPerGpu;
    }
    const DecodedDeal d = decodeDeal(t);
    for (const double v : {d.averagePricePerGpuHour, d.gpuHours, d.gpus, d.itMegawatts}) {
        if (!std::isfinite(v))
            return userError("computeledger decode: the implied figures overflow; check --tcv and --price");
    }
    const QLocale en(QLocale::English);
    out() << "Term:                 " << d.days << " days\n"
          << "Average price:        " << en.toString(d.averagePricePerGpuHour, 'f', 4) << " per GPU-hour\n"
          << "Implied GPU-hours:    " << en.toString(d.gpuHours, 'f', 0) << "\n"
          << "Implied GPUs:         " << en.toString(d.gpus, 'f', 0) << " (constant over the term)\n";
    if (parser.isSet("sku"))
        out() << "Implied IT power:     " << en.toString(d.itMegawatts, 'f', 1) << " MW ("
              << parser.value("sku") << ")\n";
    out().flush();
    return kSuccess;
}

int convert(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("convert", "subcommand");
    parser.addPositionalArgument("IN", "a .json portfolio or a .cledger document");
    parser.addPositionalArgument("OUT", "the file to write; .cledger writes a document, anything else JSON");
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3)
        return userError("computeledger convert: expected IN and OUT; see computeledger --help");
    if (const QString problem = data::outputOverwritesInput({pos[2]}, {pos[1]}); !problem.isEmpty())
        return userError("computeledger convert: " + problem);
    const SkuCatalog catalog = data::bundledSkuCatalog();
    const auto load = loadInput(pos[1], catalog);
    if (!load.ok())
        return userError(load.error);
    // By OUT's name. JSON written over an existing document would lose its stored runs: refused.
    const bool toDocument = pos[2].endsWith(".cledger", Qt::CaseInsensitive);
    if (!toDocument && data::isSqliteFile(pos[2]))
        return userError(pos[2] + ": is a .cledger document; convert writes JSON to a name without .cledger, "
                                  "and would replace the document and its stored runs; choose another name");
    if (!data::savePortfolioFile(*load.portfolio, pos[2], &error))
        return userError(error);
    return kSuccess;
}

int importCsvCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("import-csv", "subcommand");
    parser.addPositionalArgument("FILE", "the portfolio (.json or .cledger)");
    parser.addPositionalArgument("CSV", "contracts or fleets CSV files");
    parser.addOption({"out", "where to write the portfolio with the imported items", "OUT"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() < 3 || !parser.isSet("out"))
        return userError("computeledger import-csv: expected FILE, at least one CSV and --out OUT");
    if (const QString problem = data::outputOverwritesInput({parser.value("out")}, pos.mid(2));
        !problem.isEmpty())
        return userError("computeledger import-csv: " + problem);
    const SkuCatalog catalog = data::bundledSkuCatalog();
    auto load = loadInput(pos[1], catalog);
    if (!load.ok())
        return userError(load.error);
    Portfolio p = *load.portfolio;
    for (const QString& csv : pos.mid(2)) {
        if (!data::importCsvFile(p, csv, catalog, &error))
            return userError(error);
    }
    if (!savePortfolioOutput(p, parser.value("out"), pos[1], load, pos.mid(2), &error))
        return userError(error);
    return kSuccess;
}

int exportCsvCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("export-csv", "subcommand");
    parser.addPositionalArgument("FILE", "the portfolio (.json or .cledger)");
    parser.addPositionalArgument("DIR", "the folder for contracts.csv and fleets.csv");
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3)
        return userError("computeledger export-csv: expected FILE and DIR");
    const QStringList outputs{QDir(pos[2]).filePath("contracts.csv"), QDir(pos[2]).filePath("fleets.csv")};
    if (const QString problem = data::outputOverwritesInput(outputs, {pos[1]}); !problem.isEmpty())
        return userError("computeledger export-csv: " + problem);
    const SkuCatalog catalog = data::bundledSkuCatalog();
    const auto load = loadInput(pos[1], catalog);
    if (!load.ok())
        return userError(load.error);
    // Both files or neither: staged beside their destinations and put in place together.
    data::OutputSet set;
    if (!set.makeFolder(pos[2], &error) ||
        !set.add(outputs[0], data::exportContractsCsv(*load.portfolio), &error) ||
        !set.add(outputs[1], data::exportFleetsCsv(*load.portfolio), &error) || !set.commit(&error))
        return userError(error);
    return kSuccess;
}

int deals(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("deals", "subcommand");
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QLocale en(QLocale::English);
    for (const Deal& d : data::bundledDealLibrary()) {
        auto list = [](const std::vector<std::string>& v) {
            QStringList out;
            for (const auto& s : v)
                out << QString::fromStdString(s);
            return out.join(", ");
        };
        out() << QString::fromStdString(d.id) << "\n  " << QString::fromStdString(d.title) << ": USD "
              << en.toString(d.totalContractValue / 1e9, 'f', 1) << " B, "
              << QString::fromStdString(formatIsoDate(d.start)) << " .. "
              << QString::fromStdString(formatIsoDate(d.end)) << ", " << QString::fromStdString(d.sku)
              << " (announced " << QString::fromStdString(formatIsoDate(d.announced))
              << ")\n  public: " << list(d.facts) << "; assumed: " << list(d.assumptions) << "\n  "
              << QString::fromStdString(d.sources.front()) << "\n";
    }
    out().flush();
    return kSuccess;
}

int addDeal(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("add-deal", "subcommand");
    parser.addPositionalArgument("FILE", "the portfolio (.json or .cledger)");
    parser.addPositionalArgument("DEAL", "a deal id from `computeledger deals`");
    parser.addOption({"out", "where to write the portfolio with the new contract", "OUT"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3 || !parser.isSet("out"))
        return userError("computeledger add-deal: expected FILE, DEAL and --out OUT");
    const SkuCatalog catalog = data::bundledSkuCatalog();
    auto load = loadInput(pos[1], catalog);
    if (!load.ok())
        return userError(load.error);
    const auto library = data::bundledDealLibrary();
    const auto deal = std::find_if(library.begin(), library.end(),
                                   [&](const Deal& d) { return QString::fromStdString(d.id) == pos[2]; });
    if (deal == library.end())
        return userError("computeledger add-deal: no deal \"" + pos[2] +
                         "\" in the library; see computeledger deals");
    Portfolio p = *load.portfolio;
    addDealAsContract(p, *deal, catalog);
    if (const auto invalid = validatePortfolio(p, catalog))
        return userError("computeledger add-deal: " + QString::fromStdString(invalid->toString()));
    if (!savePortfolioOutput(p, parser.value("out"), pos[1], load, {}, &error))
        return userError(error);
    return kSuccess;
}

int catalog(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("catalog", "subcommand");
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    for (const auto& e : data::bundledGpuCatalog()) {
        out() << QString::fromStdString(e.sku.id) << "  " << QString::fromStdString(e.sku.name) << "\n";
        auto line = [&](const char* figure, const QString& value) {
            const auto& s = e.sources.at(figure);
            out() << QString("  %1 %2  [%3%4, %5]\n")
                         .arg(QString(figure) + ":", -28)
                         .arg(value, -10)
                         .arg(s.estimate ? "estimate: " : "")
                         .arg(QString::fromStdString(s.source), QString::fromStdString(s.date));
        };
        line("memory_gb", QString::number(e.memoryGb));
        line("it_kw_per_gpu", QString::number(e.sku.itKwPerGpu));
        line("capex_per_gpu", QString::number(e.sku.capexPerGpu));
        line("market_price_per_gpu_hour", QString::number(e.sku.marketPricePerGpuHour));
        line("perf_index", QString::number(e.sku.perfIndex));
    }
    out().flush();
    return kSuccess;
}

int runs(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("runs", "subcommand");
    parser.addPositionalArgument("FILE", "a .cledger document");
    parser.addOption({"json", "print the runs as JSON"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return userError("computeledger runs: expected one .cledger FILE");
    const auto list = data::listSimulationRuns(pos[1], &error);
    if (!error.isEmpty())
        return userError(error);
    if (parser.isSet("json")) {
        QJsonArray array;
        for (const auto& r : list)
            array.append(QJsonObject{{"id", qint64(r.id)},
                                     {"created", r.created},
                                     {"inputs_hash", r.inputsHash},
                                     {"seed", qint64(r.seed)},
                                     {"paths", qint64(r.paths)},
                                     {"device", r.device},
                                     {"seconds", r.seconds},
                                     {"simulation", QJsonDocument::fromJson(r.statistics).object()}});
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        out() << QString("%1  %2  %3  %4  %5  %6\n")
                     .arg("id", 4)
                     .arg("created (UTC)", -20)
                     .arg("paths", 12)
                     .arg("seed", 12)
                     .arg("device", -20)
                     .arg("inputs");
        for (const auto& r : list)
            out() << QString("%1  %2  %3  %4  %5  %6\n")
                         .arg(r.id, 4)
                         .arg(data::oneLine(r.created), -20)
                         .arg(r.paths, 12)
                         .arg(r.seed, 12)
                         .arg(data::oneLine(r.device), -20)
                         .arg(data::oneLine(r.inputsHash.left(12)));
    }
    out().flush();
    return kSuccess;
}

// The process's peak resident memory so far (getrusage: what /usr/bin/time -v reports).
double peakResidentMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

int bench(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("bench", "subcommand");
    parser.addOption(
        {"months", "horizon of the synthetic portfolio in months, 1..480 (default 120)", "M", "120"});
    parser.addOption({"repeat",
                      "run the simulation R times in one process (default 1), as a session in the window "
                      "does; the first run also pays for memory new to the process",
                      "R", "1"});
    parser.addOption({"json", "print the figures as JSON, with the first run's statistics"});
    parser.addOption({"lanes",
                      "paths per step on the CPU: 32 (four AVX-512 registers), 16 (four AVX2), 8 (one "
                      "AVX-512), 4 (one AVX2) or 1; the widest the CPU has up to L (default 32)",
                      "L", "32"});
    parser.addOption({"write-inputs",
                      "also write the compiled portfolio the paths run on, as JSON, for "
                      "tests/bench/numpy_model.py and gpu_check",
                      "FILE"});
    parser.addOption({"portfolio",
                      "run a portfolio file (.json or .cledger) instead of the synthetic one; --months "
                      "does not apply",
                      "FILE"});
    parser.addOption({"fan",
                      "how a CPU run keeps the yearly fan: \"buckets\" (2 bytes a path and year, the few "
                      "values its percentiles need run again; the default) or \"values\" (8 bytes); "
                      "the same statistics either way",
                      "KIND", "buckets"});
    addSimulationOptions(parser);
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    SimulationOptions options;
    options.paths = 1'000'000;
    options.seed = 1;
    if (!readSimulationOptions(parser, "bench", options, &error))
        return userError(error);
    bool ok = false;
    const int months = parser.value("months").toInt(&ok);
    if (!ok || months < 1 || months > 480)
        return userError("computeledger bench: --months: \"" + parser.value("months") +
                         "\" is not a whole number in 1..480");
    const int lanes = parser.value("lanes").toInt(&ok);
    if (!ok || (lanes != 32 && lanes != 16 && lanes != 8 && lanes != 4 && lanes != 1))
        return userError("computeledger bench: --lanes: \"" + parser.value("lanes") +
                         "\" is not one of 32, 16, 8, 4, 1");
    options.maxLanes = lanes;
    if (parser.value("fan") != "buckets" && parser.value("fan") != "values")
        return userError("computeledger bench: --fan: \"" + parser.value("fan") +
                         "\" is not \"buckets\" or \"values\"");
    options.keepFanValues = parser.value("fan") == "values";
    const int repeat = parser.value("repeat").toInt(&ok);
    if (!ok || repeat < 1 || repeat > 100)
        return userError("computeledger bench: --repeat: \"" + parser.value("repeat") +
                         "\" is not a whole number in 1..100");
    if (parser.isSet("portfolio") && parser.isSet("months"))
        return userError("computeledger bench: give --portfolio or --months, not both");
    Portfolio portfolio;
    SkuCatalog catalog;
    if (parser.isSet("portfolio")) {
        catalog = data::bundledSkuCatalog();
        const auto load = loadInput(parser.value("portfolio"), catalog);
        if (!load.ok())
            return userError(load.error);
        portfolio = *load.portfolio;
    } else {
        portfolio = benchmarkPortfolio(months);
        if (const auto invalid = validatePortfolio(portfolio, catalog))
            throw std::logic_error("benchmark portfolio: " + invalid->toString());
    }
    const int periods =
        parser.isSet("portfolio") ? CompiledPortfolio(portfolio, catalog).inputs().periods : months;
    if (parser.isSet("write-inputs")) {
        const QString file = parser.value("write-inputs");
        QSaveFile save(file);
        save.setDirectWriteFallback(true); // /dev/stdout and the like cannot be replaced atomically
        const CompiledPortfolio compiled(portfolio, catalog);
        if (!save.open(QIODevice::WriteOnly) ||
            save.write(QJsonDocument(data::pathInputsToJson(compiled)).toJson(QJsonDocument::Compact)) < 0 ||
            !save.commit())
            return userError("computeledger bench: --write-inputs: " + file + ": " + save.errorString());
    }
    std::vector<SimulationResult> runs;
    try {
        for (int i = 0; i < repeat; ++i)
            runs.push_back(simulatePortfolio(portfolio, catalog, options));
    } catch (const SimulationRequestError& e) {
        return userError(QString("computeledger bench: ") + e.what());
    }
    const SimulationResult& r = runs.front();
    const double pathMonths = double(r.paths) * periods;
    const double peakMb = peakResidentMegabytes();
    auto throughput = [&](const SimulationResult& x) { return pathMonths / x.pathSeconds; };
    if (parser.isSet("json")) {
        // The top-level figures are the first run's; "runs" lists every run when there are several.
        QJsonObject o{{"device", QString::fromStdString(r.device)},
                      {"threads", r.threads},
                      {"paths", qint64(r.paths)},
                      {"months", periods},
                      {"path_seconds", r.pathSeconds},
                      {"total_seconds", r.seconds},
                      {"path_months_per_second", throughput(r)},
                      {"fan", options.keepFanValues ? "values" : "buckets"},
                      {"fan_paths_run_again", qint64(r.fanPathsRunAgain)},
                      {"peak_resident_mb", peakMb},
                      {"simulation", data::simulationToJson(r)}};
        if (repeat > 1) {
            QJsonArray list;
            for (const auto& x : runs)
                list.append(QJsonObject{{"path_seconds", x.pathSeconds},
                                        {"total_seconds", x.seconds},
                                        {"path_months_per_second", throughput(x)}});
            o["runs"] = list;
        }
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        const QLocale en(QLocale::English);
        out() << "Device:                 " << QString::fromStdString(r.device) << "\n"
              << "Threads:                " << r.threads << "\n"
              << "Paths x months:         " << en.toString(qlonglong(r.paths)) << " x " << periods << "\n";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            if (repeat > 1)
                out() << "Run " << (i + 1) << (i == 0 ? " (the first in this process)" : "") << ":\n";
            out() << "Paths (simulation):     " << QString::number(runs[i].pathSeconds, 'f', 3) << " s\n"
                  << "With statistics:        " << QString::number(runs[i].seconds, 'f', 3) << " s\n"
                  << "Throughput:             " << en.toString(throughput(runs[i]) / 1e6, 'f', 1)
                  << " million path-months/s\n";
        }
        out() << "Fan:                    "
              << (options.keepFanValues
                      ? QString("values kept")
                      : "buckets, " + en.toString(qlonglong(r.fanPathsRunAgain)) + " paths run again")
              << "\n"
              << "Peak memory:            " << QString::number(peakMb, 'f', 0) << " MB (the process)\n";
        // The means let a side-by-side run of tests/bench/numpy_model.py be checked at a glance.
        out() << "Mean NPV cost (run 1): ";
        for (std::size_t a = 0; a < r.alternatives.size(); ++a)
            out() << (a ? ", " : "") << QString::fromStdString(r.alternatives[a].id) << " "
                  << en.toString(r.alternatives[a].npvCost.mean / 1e6, 'f', 1) << " M";
        out() << "\n";
    }
    out().flush();
    return kSuccess;
}

} // namespace

bool isCommandLineInvocation(const QStringList& args) {
    if (args.size() < 2)
        return false;
    const QString first = args[1];
    // Anything that is not a file to open in the window is the command line's to answer (and to
    // reject with a message, rather than open a window over a typo).
    return kCommands.contains(first) || first.startsWith('-') || !QFileInfo::exists(first);
}

int printEvaluation(const QString& path) {
    QStringList args{"computeledger", "evaluate"};
    if (path.isEmpty())
        args << "--example";
    else
        args << path;
    return runCommandLine(args);
}

int runCommandLine(const QStringList& args) {
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
        if (first == "evaluate")
            return evaluate(args);
        if (first == "report")
            return report(args);
        if (first == "decode")
            return decode(args);
        if (first == "bench")
            return bench(args);
        if (first == "convert")
            return convert(args);
        if (first == "runs")
            return runs(args);
        if (first == "deals")
            return deals(args);
        if (first == "add-deal")
            return addDeal(args);
        if (first == "catalog")
            return catalog(args);
        if (first == "import-csv")
            return importCsvCommand(args);
        if (first == "export-csv")
            return exportCsvCommand(args);
        return userError("computeledger: \"" + first +
                         "\" is neither a command nor a file; see computeledger --help");
    } catch (const std::exception& e) {
        QTextStream(stderr) << "computeledger: internal error: " << e.what() << "\n";
        return kInternalError;
    }
}

} // namespace ledger::app
