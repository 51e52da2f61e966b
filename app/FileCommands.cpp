// The commands that move a portfolio between files: convert (.json <-> .cledger), import-csv,
// export-csv, and runs (the Monte Carlo runs a document stores).
#include "app/Commands.h"

#include "app/CommandSupport.h"
#include "data/CledgerDocument.h"
#include "data/MessageText.h"
#include "data/OutputFiles.h"
#include "data/PortfolioCsv.h"
#include "portfolio/Defaults.h"
#include "portfolio/Validation.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ledger::app {

int convertCommand(const QStringList& args) {
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
    const OpenedPortfolio opened = openPortfolio(pos[1]);
    if (!opened.ok())
        return kUserError;
    const data::PortfolioLoad& load = opened.load;
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
    const OpenedPortfolio opened = openPortfolio(pos[1]);
    if (!opened.ok())
        return kUserError;
    const SkuCatalog& catalog = opened.catalog;
    const data::PortfolioLoad& load = opened.load;
    Portfolio p = *load.portfolio;
    for (const QString& csv : pos.mid(2)) {
        if (!data::importCsvFile(p, csv, catalog, &error))
            return userError(error);
    }
    // As the window does: with listed alternatives, each imported item gets its own, so it is
    // compared; said, as is the case where there is nothing to do.
    const auto added = giveNewItemsAlternatives(p, *load.portfolio);
    if (const auto invalid = validatePortfolio(p, catalog))
        return userError("computeledger import-csv: " + QString::fromStdString(invalid->toString()));
    if (!savePortfolioOutput(p, parser.value("out"), pos[1], load, pos.mid(2), &error))
        return userError(error);
    const std::size_t imported = p.contracts.size() + p.fleets.size() - load.portfolio->contracts.size() -
                                 load.portfolio->fleets.size();
    out() << (imported == 1 ? QString("imported 1 item into %1\n").arg(parser.value("out"))
                            : QString("imported %1 items into %2\n").arg(imported).arg(parser.value("out")));
    if (!p.alternatives)
        out() << "alternatives: the portfolio lists none, so every item is its own alternative\n";
    for (const Alternative& a : added)
        out() << QString("alternative added: %1 (%2)\n")
                     .arg(QString::fromStdString(a.id), QString::fromStdString(a.name));
    out().flush();
    return kSuccess;
}

int exportCsvCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("export-csv", "subcommand");
    parser.addPositionalArgument("FILE", "the portfolio (.json or .cledger)");
    parser.addPositionalArgument("DIR", "the folder for contracts.csv, fleets.csv and demand.csv");
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3)
        return userError("computeledger export-csv: expected FILE and DIR");
    const QStringList outputs{QDir(pos[2]).filePath("contracts.csv"), QDir(pos[2]).filePath("fleets.csv"),
                              QDir(pos[2]).filePath("demand.csv")};
    if (const QString problem = data::outputOverwritesInput(outputs, {pos[1]}); !problem.isEmpty())
        return userError("computeledger export-csv: " + problem);
    const OpenedPortfolio opened = openPortfolio(pos[1]);
    if (!opened.ok())
        return kUserError;
    const data::PortfolioLoad& load = opened.load;
    // Every file or none: staged beside their destinations and put in place together.
    data::OutputSet set;
    if (!set.makeFolder(pos[2], &error) ||
        !set.add(outputs[0], data::exportContractsCsv(*load.portfolio), &error) ||
        !set.add(outputs[1], data::exportFleetsCsv(*load.portfolio), &error) ||
        // Always written (its header alone without a demand), so no older demand.csv stays beside
        // the others to come back on an import of the folder.
        !set.add(outputs[2], data::exportDemandCsv(*load.portfolio), &error) || !set.commit(&error))
        return userError(error);
    return kSuccess;
}

int runsCommand(const QStringList& args) {
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

} // namespace ledger::app
