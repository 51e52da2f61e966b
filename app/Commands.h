#pragma once
// The headless subcommands, each in its own file; CommandLine.cpp dispatches to them. Each takes
// the whole argument list (argv[0], the subcommand, its arguments) and returns an ExitCode.
#include <QStringList>

namespace ledger::app {

int evaluateCommand(const QStringList& args);   // EvaluateCommand.cpp
int decodeCommand(const QStringList& args);     // DecodeCommand.cpp
int convertCommand(const QStringList& args);    // FileCommands.cpp
int importCsvCommand(const QStringList& args);  // FileCommands.cpp
int exportCsvCommand(const QStringList& args);  // FileCommands.cpp
int runsCommand(const QStringList& args);       // FileCommands.cpp
int dealsCommand(const QStringList& args);      // DealCommands.cpp
int addDealCommand(const QStringList& args);    // DealCommands.cpp
int catalogCommand(const QStringList& args);    // DealCommands.cpp
int benchCommand(const QStringList& args);      // BenchCommand.cpp
int goalSeekCommand(const QStringList& args);   // GoalSeekCommand.cpp
int stressCommand(const QStringList& args);     // StressCommand.cpp
int pricesCommand(const QStringList& args);     // PricesCommand.cpp
int calibrateCommand(const QStringList& args);  // CalibrateCommand.cpp
int simulateCommand(const QStringList& args);   // ShardCommands.cpp
int mergeCommand(const QStringList& args);      // ShardCommands.cpp
int fitOptionsCommand(const QStringList& args); // ShardCommands.cpp
int slurmCommand(const QStringList& args);      // SlurmCommand.cpp

} // namespace ledger::app
