#include "app/SimulationOptions.h"

#include "app/CommandSupport.h"
#include "data/MessageText.h"

#include <QLocale>

namespace ledger::app {

void addSimulationOptions(QCommandLineParser& parser) {
    parser.addOption({"paths", "Monte Carlo paths (default: the file's simulation.paths)", "N"});
    parser.addOption({"seed", "random seed, 0..2^53-1 (default: the file's simulation.seed)", "S"});
    parser.addOption({"device", "auto (a GPU when one answers), cpu or gpu", "DEVICE", "auto"});
    parser.addOption({"threads", "CPU threads (default: all cores)", "T"});
    parser.addOption(
        {"memory-budget", "refuse a run whose per-path outcomes need more (default 8192)", "MB"});
}

bool readSimulationOptions(const QCommandLineParser& parser, const QString& command, SimulationOptions& o,
                           QString* error) {
    auto integer = [&](const char* name, long long lo, long long hi, long long* v) {
        return readWholeNumber(parser, command, name, lo, hi, v, error);
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

bool requestedSimulation(const QCommandLineParser& parser, const QString& command, const Portfolio& p,
                         const SkuCatalog& catalog, std::optional<SimulationResult>* run, QString* error) {
    if (!parser.isSet("simulate"))
        return true;
    SimulationOptions options;
    options.paths = p.simulation.paths;
    options.seed = p.simulation.seed;
    options.accounting = true; // MODEL.md 9's EBITDA and pre-tax cost percentiles in the JSON
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

bool readRegressionPaths(const QCommandLineParser& parser, const QString& command, std::int64_t* paths,
                         QString* error) {
    long long n = *paths;
    if (!readWholeNumber(parser, command, "regression-paths", 100, kMaxPaths, &n, error))
        return false;
    *paths = n;
    return true;
}

bool requestedOptionValues(const QCommandLineParser& parser, const QString& command, const Portfolio& p,
                           const SkuCatalog& catalog, std::vector<OptionResult>* options, QString* error) {
    options->clear();
    if (!hasContractOptions(p))
        return true;
    if (!parser.isSet("simulate")) {
        *options = optionsOnDeterministicPath(p, catalog);
        return true;
    }
    OptionValuationSettings settings;
    settings.simulation.paths = p.simulation.paths;
    settings.simulation.seed = p.simulation.seed;
    if (!readSimulationOptions(parser, command, settings.simulation, error))
        return false;
    if (!readRegressionPaths(parser, command, &settings.regressionPaths, error))
        return false;
    try {
        *options = valueOptions(p, catalog, settings);
    } catch (const SimulationRequestError& e) {
        *error = QString("computeledger %1: %2").arg(command, QString::fromUtf8(e.what()));
        return false;
    } catch (const std::invalid_argument& e) {
        *error = QString("computeledger %1: options: %2").arg(command, QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

QString optionsTable(const std::vector<OptionResult>& options, const std::string& currency) {
    auto shown = [](const std::string& text) { return data::oneLine(QString::fromStdString(text)); };
    const QLocale en(QLocale::English);
    auto m = [&](double v) { return en.toString(v / 1e6, 'f', 1); };
    const QString cur = QString::fromStdString(currency);
    QString out = QString("\nWhat the options are worth (%1 M of NPV cost saved)\n").arg(cur);
    out += QString("%1%2%3%4%5%6%7\n")
               .arg("option", -22)
               .arg("alternative", -16)
               .arg("deterministic", 15)
               .arg("value", 12)
               .arg("stderr", 10)
               .arg("P(exercise)", 13)
               .arg("intrinsic", 12);
    for (const auto& r : options) {
        out += QString("%1%2%3")
                   .arg(shown(r.option.optionId), -22)
                   .arg(shown(r.option.alternativeId), -16)
                   .arg(m(r.deterministicWithout - r.deterministicExercised), 15);
        if (r.simulated)
            out += QString("%1%2%3%4")
                       .arg(m(r.value), 12)
                       .arg(m(r.valueStderr), 10)
                       .arg(en.toString(100.0 * r.exerciseProbability, 'f', 1) + "%", 13)
                       .arg(m(r.intrinsicValue), 12);
        out += "\n";
    }
    return out;
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

} // namespace ledger::app
