#pragma once
// Every problem is reported on one line (the command line prints one line per problem, the window
// a one-line status), but the text it quotes comes from the user: a JSON key, a CSV cell, a file
// name can hold a line break. Those characters are shown escaped, the way JSON writes them.
#include <QString>

namespace ledger::data {

// The message with each control character written as an escape: "\n", "\r", "\t", "\u0007".
QString oneLine(const QString& message);

} // namespace ledger::data
