#include "app/CommandSupport.h"

#include "data/CledgerDocument.h"
#include "data/MessageText.h"
#include "data/OutputFiles.h"
#include "data/SkuCatalogJson.h"

namespace ledger::app {

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

int userError(const QString& message) {
    // One line, whatever the user typed into an argument or a file name.
    QTextStream(stderr) << data::oneLine(message) << "\n";
    return kUserError;
}

void printNotices(const QStringList& notices) {
    for (const QString& n : notices)
        QTextStream(stderr) << "computeledger: " << data::oneLine(n) << "\n";
}

bool parse(QCommandLineParser& parser, const QStringList& args, QString* error) {
    if (!parser.parse(args)) {
        *error = "computeledger: " + parser.errorText();
        return false;
    }
    return true;
}

bool readWholeNumber(const QCommandLineParser& parser, const QString& command, const char* name, long long lo,
                     long long hi, long long* v, QString* error) {
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const long long given = parser.value(name).toLongLong(&ok);
    if (!ok || given < lo || given > hi) {
        *error = QString("computeledger %1: --%2: \"%3\" is not a whole number in %4..%5")
                     .arg(command, name, parser.value(name))
                     .arg(lo)
                     .arg(hi);
        return false;
    }
    *v = given;
    return true;
}

OpenedPortfolio openPortfolio(const QString& path) {
    OpenedPortfolio opened;
    opened.catalog = data::bundledSkuCatalog();
    opened.load = data::loadPortfolioFile(path, opened.catalog);
    printNotices(opened.load.notices);
    if (!opened.ok())
        userError(opened.load.error);
    return opened;
}

bool savePortfolioOutput(const Portfolio& p, const QString& out, const QString& in,
                         const data::PortfolioLoad& load, const QStringList& otherInputs, QString* error) {
    if (*error = data::outputOverwritesInput({out}, otherInputs); !error->isEmpty())
        return false;
    QByteArray fingerprint = data::sameFile(out, in) ? load.fingerprint : QByteArray();
    return data::savePortfolioFile(p, out, error, &fingerprint);
}

} // namespace ledger::app
