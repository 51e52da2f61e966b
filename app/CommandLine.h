#pragma once
// The command-line front end (DESIGN.md "Command line"): the dispatcher of the subcommands, each in
// its own file (Commands.h), all opening a portfolio the same way (CommandSupport.h).
#include "app/CommandSupport.h"

#include <QStringList>

#include <span>

namespace ledger::app {

// A subcommand: its name (argv[1]) and what runs it.
struct Command {
    const char* name;
    int (*run)(const QStringList& args);
};

// True when argv names a subcommand or an option the command line handles (not the GUI).
bool isCommandLineInvocation(const QStringList& args);

// Runs a subcommand; prints results on stdout and one-line errors on stderr. `more`: subcommands
// beyond the headless ones of this library (the executable adds report, which draws charts).
int runCommandLine(const QStringList& args, std::span<const Command> more = {});

// Evaluates a file (or the bundled example when path is empty) and prints the result table:
// what the app does when asked for the GUI on a machine without a display.
int printEvaluation(const QString& path);

} // namespace ledger::app
