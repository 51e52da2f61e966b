#include "CommandLine.h"

#include "BundledResources.h"
#include "EvaluationJson.h"
#include "PortfolioJson.h"
#include "ResultTable.h"
#include "SkuCatalogJson.h"
#include "analytics/NewsDecoder.h"
#include "engine/DeterministicEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <exception>

namespace ledger::app {

namespace {

const QStringList kCommands = {"evaluate", "decode"};

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

int userError(const QString& message) {
    QTextStream(stderr) << message << "\n";
    return kUserError;
}

QString usage() {
    return QStringLiteral(
        "Usage:\n"
        "  computeledger                       open the GUI on the bundled example portfolio\n"
        "  computeledger FILE.json             open the GUI on a portfolio\n"
        "  computeledger evaluate FILE [--json]\n"
        "                                      evaluate a portfolio (MODEL.md) and print the result\n"
        "  computeledger evaluate --example [--json]\n"
        "                                      the same for the bundled example portfolio\n"
        "  computeledger decode --tcv V --start DATE --end DATE --price P [--escalator E] [--sku ID]\n"
        "                                      implied GPUs, GPU-hours and IT MW of a headline deal\n"
        "  computeledger --version | --help\n"
        "\n"
        "Exit codes: 0 success, 1 a bad file or argument (one line on stderr), 2 an internal failure.\n");
}

// A parser that reports problems as one line and exit code 1 instead of exiting the process.
bool parse(QCommandLineParser& parser, const QStringList& args, QString* error) {
    if (!parser.parse(args)) {
        *error = "computeledger: " + parser.errorText();
        return false;
    }
    return true;
}

int evaluate(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("evaluate", "subcommand");
    parser.addPositionalArgument("FILE", "portfolio JSON file");
    parser.addOption({"json", "print the stable JSON result"});
    parser.addOption({"example", "evaluate the bundled example portfolio"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    QString path;
    if (parser.isSet("example")) {
        if (pos.size() > 1)
            return userError("computeledger evaluate: give either FILE or --example, not both");
        path = resources::examplePortfolioPath();
    } else {
        if (pos.size() != 2)
            return userError("computeledger evaluate: expected one FILE (or --example); see computeledger --help");
        path = pos[1];
    }
    const SkuCatalog catalog = data::bundledSkuCatalog();
    const auto load = data::loadPortfolioJsonFile(path, catalog);
    if (!load.ok())
        return userError(load.error);
    const EvaluationResult result = evaluatePortfolio(*load.portfolio, catalog);
    if (parser.isSet("json"))
        out() << QJsonDocument(data::evaluationToJson(result)).toJson(QJsonDocument::Indented);
    else
        out() << formatResultTable(*load.portfolio, result);
    out().flush();
    return kSuccess;
}

int decode(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("decode", "subcommand");
    parser.addOption({"tcv", "total contract value", "V"});
    parser.addOption({"start", "first day of the term (YYYY-MM-DD)", "DATE"});
    parser.addOption({"end", "last day of the term, inclusive (YYYY-MM-DD)", "DATE"});
    parser.addOption({"price", "assumed price per GPU-hour in the first year", "P"});
    parser.addOption({"escalator", "annual price escalator (default 0)", "E", "0"});
    parser.addOption({"sku", "GPU SKU id from the bundled catalog, for the megawatts", "ID"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    if (parser.positionalArguments().size() != 1)
        return userError("computeledger decode: unexpected argument " + parser.positionalArguments().value(1));
    auto number = [&](const char* name, double* v) {
        bool ok = false;
        *v = parser.value(name).toDouble(&ok);
        return ok && std::isfinite(*v);
    };
    DealTerms t;
    for (const char* required : {"tcv", "start", "end", "price"}) {
        if (!parser.isSet(required))
            return userError(QString("computeledger decode: --%1 is required").arg(required));
    }
    if (!number("tcv", &t.totalContractValue) || t.totalContractValue <= 0)
        return userError("computeledger decode: --tcv: \"" + parser.value("tcv") + "\" is not a positive number");
    if (!number("price", &t.pricePerGpuHour) || t.pricePerGpuHour <= 0)
        return userError("computeledger decode: --price: \"" + parser.value("price") + "\" is not a positive number");
    if (!number("escalator", &t.escalator) || t.escalator <= -1)
        return userError("computeledger decode: --escalator: \"" + parser.value("escalator") +
                         "\" is not a number above -1");
    const auto start = parseIsoDate(parser.value("start").toStdString());
    const auto end = parseIsoDate(parser.value("end").toStdString());
    if (!start)
        return userError("computeledger decode: --start: \"" + parser.value("start") + "\" is not a date YYYY-MM-DD");
    if (!end)
        return userError("computeledger decode: --end: \"" + parser.value("end") + "\" is not a date YYYY-MM-DD");
    if (*end < *start)
        return userError("computeledger decode: --end is before --start");
    t.start = *start;
    t.end = *end;
    if (parser.isSet("sku")) {
        const SkuCatalog catalog = data::bundledSkuCatalog();
        const Sku* sku = catalog.find(Portfolio{}, parser.value("sku").toStdString());
        if (!sku)
            return userError("computeledger decode: --sku: no SKU \"" + parser.value("sku") + "\" in the catalog");
        t.itKwPerGpu = sku->itKwPerGpu;
    }
    const DecodedDeal d = decodeDeal(t);
    const QLocale en(QLocale::English);
    out() << "Term:                 " << d.days << " days\n"
          << "Average price:        " << en.toString(d.averagePricePerGpuHour, 'f', 4) << " per GPU-hour\n"
          << "Implied GPU-hours:    " << en.toString(d.gpuHours, 'f', 0) << "\n"
          << "Implied GPUs:         " << en.toString(d.gpus, 'f', 0) << " (constant over the term)\n";
    if (parser.isSet("sku"))
        out() << "Implied IT power:     " << en.toString(d.itMegawatts, 'f', 1) << " MW (" << parser.value("sku")
              << ")\n";
    out().flush();
    return kSuccess;
}

} // namespace

bool isCommandLineInvocation(const QStringList& args) {
    if (args.size() < 2)
        return false;
    const QString first = args[1];
    // Anything that is not a file to open in the window is the command line's to answer (and to
    // reject with a message, rather than open a window over a typo).
    return kCommands.contains(first) || first.startsWith('-') || !QFileInfo::exists(first);
}

int printEvaluation(const QString& path) {
    QStringList args{"computeledger", "evaluate"};
    if (path.isEmpty())
        args << "--example";
    else
        args << path;
    return runCommandLine(args);
}

int runCommandLine(const QStringList& args) {
    try {
        const QString first = args.value(1);
        if (first == "--version" || first == "-v") {
            out() << "computeledger " << QCoreApplication::applicationVersion() << "\n";
            out().flush();
            return kSuccess;
        }
        if (first == "--help" || first == "-h") {
            out() << usage();
            out().flush();
            return kSuccess;
        }
        if (first == "evaluate")
            return evaluate(args);
        if (first == "decode")
            return decode(args);
        return userError("computeledger: \"" + first + "\" is neither a command nor a file; see computeledger --help");
    } catch (const std::exception& e) {
        QTextStream(stderr) << "computeledger: internal error: " << e.what() << "\n";
        return kInternalError;
    }
}

} // namespace ledger::app
