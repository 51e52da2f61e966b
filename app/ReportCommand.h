#pragma once
// The report subcommand, which the executable hands to runCommandLine (CommandLine.h): it draws
// charts, so it links the widgets the headless commands do not.
#include <QStringList>

namespace ledger::app {

int reportCommand(const QStringList& args);

} // namespace ledger::app
