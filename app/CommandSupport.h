#pragma once
// What every subcommand shares: where results and one-line errors go, how its arguments are
// parsed, the prologue that opens the portfolio it reads, and where it may write one.
#include "data/PortfolioJson.h"
#include "portfolio/SkuCatalog.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

namespace ledger::app {

enum ExitCode { kSuccess = 0, kUserError = 1, kInternalError = 2 };

// stdout: the result a script reads.
QTextStream& out();

// The message on stderr as one line; returns kUserError.
int userError(const QString& message);

// What a step did besides its job (a killed save's leftovers removed), on stderr.
void printNotices(const QStringList& notices);

// A parser that reports problems as one line and exit code 1 instead of exiting the process.
bool parse(QCommandLineParser& parser, const QStringList& args, QString* error);

// --NAME as a whole number in lo..hi into *v when it is given (true, *v untouched, when it is not);
// otherwise false and *error "computeledger COMMAND: --NAME: "X" is not a whole number in lo..hi".
bool readWholeNumber(const QCommandLineParser& parser, const QString& command, const char* name, long long lo,
                     long long hi, long long* v, QString* error);

// The prologue of every command that reads a portfolio: the bundled catalog and the file loaded,
// its notices printed. When !ok() the one-line error has been printed: return kUserError.
struct OpenedPortfolio {
    SkuCatalog catalog;
    data::PortfolioLoad load;
    bool ok() const { return load.ok(); }
    const Portfolio& portfolio() const { return *load.portfolio; }
};
OpenedPortfolio openPortfolio(const QString& path);

// Where a command writes a portfolio: never over one of its other inputs; over the portfolio it
// read only as an in-place save, which refuses when another program saved that file meanwhile.
bool savePortfolioOutput(const Portfolio& p, const QString& out, const QString& in,
                         const data::PortfolioLoad& load, const QStringList& otherInputs, QString* error);

} // namespace ledger::app
