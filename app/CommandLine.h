#pragma once
// The command-line front end (DESIGN.md "Command line"): subcommands that need no display.
#include <QStringList>

namespace ledger::app {

enum ExitCode { kSuccess = 0, kUserError = 1, kInternalError = 2 };

// True when argv names a subcommand or an option the command line handles (not the GUI).
bool isCommandLineInvocation(const QStringList& args);

// Runs a subcommand; prints results on stdout and one-line errors on stderr.
int runCommandLine(const QStringList& args);

// Evaluates a file (or the bundled example when path is empty) and prints the result table:
// what the app does when asked for the GUI on a machine without a display.
int printEvaluation(const QString& path);

} // namespace ledger::app
