// computeledger bench: path-months per second and peak memory of the Monte Carlo on the standard
// synthetic portfolio or a file (docs/performance.md).
#include "app/Commands.h"
#include "options/OptionVariants.h"

#include "app/CommandSupport.h"
#include "app/SimulationOptions.h"
#include "data/PathInputsJson.h"
#include "data/SimulationJson.h"
#include "engine/CompiledPortfolio.h"
#include "montecarlo/BenchmarkPortfolio.h"
#include "montecarlo/MonteCarloEngine.h"
#include "portfolio/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <sys/resource.h>

#include <stdexcept>

namespace ledger::app {

namespace {

// The process's peak resident memory so far (getrusage: what /usr/bin/time -v reports).
double peakResidentMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

} // namespace

int benchCommand(const QStringList& args) {
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
    parser.addOption({"option-variants",
                      "run the portfolio with each contract option's two ways added as alternatives "
                      "(docs/model.md 17.2), the paths an option's valuation runs"});
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
        const OpenedPortfolio opened = openPortfolio(parser.value("portfolio"));
        if (!opened.ok())
            return kUserError;
        catalog = opened.catalog;
        portfolio = opened.portfolio();
        if (parser.isSet("option-variants"))
            portfolio = buildOptionVariants(portfolio, catalog).portfolio;
    } else {
        if (parser.isSet("option-variants"))
            return userError("computeledger bench: --option-variants needs --portfolio");
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
        const CompiledPortfolio compiled(portfolio, catalog, monteCarloCompilation());
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

} // namespace ledger::app
