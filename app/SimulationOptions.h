#pragma once
// The Monte Carlo options evaluate, report and bench share (--paths, --seed, --device, --threads,
// --memory-budget), the run they ask for, and its table for the terminal.
#include "montecarlo/MonteCarloEngine.h"
#include "options/OptionValuation.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace ledger::app {

void addSimulationOptions(QCommandLineParser& parser);

// Reads --paths/--seed/--device/--threads into o; a bad value is a one-line message in *error.
bool readSimulationOptions(const QCommandLineParser& parser, const QString& command, SimulationOptions& o,
                           QString* error);

// The simulation options are read only with --simulate; alone they are a mistake worth naming.
bool simulateGivenFor(const QCommandLineParser& parser, const QString& command,
                      const QStringList& alsoNeeding, QString* error);

// The Monte Carlo run a command asked for with --simulate (the file's paths and seed unless the
// command line overrides them); none without --simulate. A bad option or a refused request:
// false with a one-line message.
bool requestedSimulation(const QCommandLineParser& parser, const QString& command, const Portfolio& p,
                         const SkuCatalog& catalog, std::optional<SimulationResult>* run, QString* error);

// --regression-paths N (100 .. kMaxPaths) into *paths, when given; a bad value is a one-line message.
bool readRegressionPaths(const QCommandLineParser& parser, const QString& command, std::int64_t* paths,
                         QString* error);

// Every contract option of p (docs/model.md 17): the deterministic figures, and with --simulate the
// least-squares Monte Carlo on the same paths and seed (--regression-paths N: the rule's own paths,
// default as many). A bad option or a refused request: false with a one-line message.
bool requestedOptionValues(const QCommandLineParser& parser, const QString& command, const Portfolio& p,
                           const SkuCatalog& catalog, std::vector<OptionResult>* options, QString* error);
// The options as the terminal shows them.
QString optionsTable(const std::vector<OptionResult>& options, const std::string& currency);

// The statistics as the terminal shows them after the deterministic table.
QString simulationTable(const SimulationResult& s, const std::string& currency);

} // namespace ledger::app
