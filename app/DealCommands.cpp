// The bundled reference data: deals (the public compute deals), add-deal (one as a contract of a
// portfolio) and catalog (the GPU catalog, each figure with its source).
#include "app/Commands.h"

#include "analytics/DealContract.h"
#include "app/CommandSupport.h"
#include "data/ReferenceData.h"
#include "data/SkuCatalogJson.h"
#include "portfolio/Validation.h"

#include <QLocale>

#include <algorithm>

namespace ledger::app {

int dealsCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("deals", "subcommand");
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QLocale en(QLocale::English);
    for (const Deal& d : data::bundledDealLibrary()) {
        auto list = [](const std::vector<std::string>& v) {
            QStringList out;
            for (const auto& s : v)
                out << QString::fromStdString(s);
            return out.join(", ");
        };
        out() << QString::fromStdString(d.id) << "\n  " << QString::fromStdString(d.title) << ": USD "
              << en.toString(d.totalContractValue / 1e9, 'f', 1) << " B, "
              << QString::fromStdString(formatIsoDate(d.start)) << " .. "
              << QString::fromStdString(formatIsoDate(d.end)) << ", " << QString::fromStdString(d.sku)
              << " (announced " << QString::fromStdString(formatIsoDate(d.announced))
              << ")\n  public: " << list(d.facts) << "; assumed: " << list(d.assumptions) << "\n  "
              << QString::fromStdString(d.sources.front()) << "\n";
    }
    out().flush();
    return kSuccess;
}

int addDealCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("add-deal", "subcommand");
    parser.addPositionalArgument("FILE", "the portfolio (.json or .cledger)");
    parser.addPositionalArgument("DEAL", "a deal id from `computeledger deals`");
    parser.addOption({"out", "where to write the portfolio with the new contract", "OUT"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 3 || !parser.isSet("out"))
        return userError("computeledger add-deal: expected FILE, DEAL and --out OUT");
    const OpenedPortfolio opened = openPortfolio(pos[1]);
    if (!opened.ok())
        return kUserError;
    const SkuCatalog& catalog = opened.catalog;
    const data::PortfolioLoad& load = opened.load;
    const auto library = data::bundledDealLibrary();
    const auto deal = std::find_if(library.begin(), library.end(),
                                   [&](const Deal& d) { return QString::fromStdString(d.id) == pos[2]; });
    if (deal == library.end())
        return userError("computeledger add-deal: no deal \"" + pos[2] +
                         "\" in the library; see computeledger deals");
    Portfolio p = *load.portfolio;
    if (const Contract* already = contractFromDeal(p, deal->id))
        return userError("computeledger add-deal: " +
                         QString::fromStdString(dealAlreadyInMessage(*deal, *already)));
    addDealAsContract(p, *deal, catalog);
    if (const auto invalid = validatePortfolio(p, catalog))
        return userError("computeledger add-deal: " + QString::fromStdString(invalid->toString()));
    if (!savePortfolioOutput(p, parser.value("out"), pos[1], load, {}, &error))
        return userError(error);
    return kSuccess;
}

int catalogCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("catalog", "subcommand");
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    for (const auto& e : data::bundledGpuCatalog()) {
        out() << QString::fromStdString(e.sku.id) << "  " << QString::fromStdString(e.sku.name) << "\n";
        auto line = [&](const char* figure, const QString& value) {
            const auto& s = e.sources.at(figure);
            out() << QString("  %1 %2  [%3%4, %5]\n")
                         .arg(QString(figure) + ":", -28)
                         .arg(value, -10)
                         .arg(s.estimate ? "estimate: " : "")
                         .arg(QString::fromStdString(s.source), QString::fromStdString(s.date));
        };
        line("memory_gb", QString::number(e.memoryGb));
        line("it_kw_per_gpu", QString::number(e.sku.itKwPerGpu));
        line("capex_per_gpu", QString::number(e.sku.capexPerGpu));
        line("market_price_per_gpu_hour", QString::number(e.sku.marketPricePerGpuHour));
        line("perf_index", QString::number(e.sku.perfIndex));
    }
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
