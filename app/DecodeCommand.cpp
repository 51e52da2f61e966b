// computeledger decode: the GPUs, GPU-hours and IT megawatts a headline deal implies.
#include "app/Commands.h"

#include "analytics/NewsDecoder.h"
#include "app/CommandSupport.h"
#include "data/SkuCatalogJson.h"
#include "portfolio/Validation.h"

#include <QLocale>

#include <cmath>

namespace ledger::app {

int decodeCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("decode", "subcommand");
    parser.addOption({"tcv", "total contract value", "V"});
    parser.addOption({"start", "first day of the term (YYYY-MM-DD)", "DATE"});
    parser.addOption({"end", "last day of the term, inclusive (YYYY-MM-DD)", "DATE"});
    parser.addOption({"price", "assumed price per GPU-hour in the first year", "P"});
    parser.addOption({"escalator", "annual price escalator (default 0)", "E", "0"});
    parser.addOption({"sku", "GPU SKU id from the bundled catalog, for the megawatts", "ID"});
    parser.addOption({"pue", "facility energy / IT energy, for the facility megawatts (default 1.3, assumed)",
                      "PUE", "1.3"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    if (parser.positionalArguments().size() != 1)
        return userError("computeledger decode: unexpected argument " +
                         parser.positionalArguments().value(1));
    auto number = [&](const char* name, double* v) {
        const auto parsed = parseFiniteNumber(parser.value(name).trimmed().toStdString());
        *v = parsed.value_or(0.0);
        return parsed.has_value();
    };
    DealTerms t;
    for (const char* required : {"tcv", "start", "end", "price"}) {
        if (!parser.isSet(required))
            return userError(QString("computeledger decode: --%1 is required").arg(required));
    }
    for (const auto& [name, value] :
         {std::pair{"tcv", &t.totalContractValue}, std::pair{"price", &t.pricePerGpuHour},
          std::pair{"escalator", &t.escalator}, std::pair{"pue", &t.pue}}) {
        if (!number(name, value))
            return userError(
                QString("computeledger decode: --%1: \"%2\" is not a number").arg(name, parser.value(name)));
    }
    const auto start = parseIsoDate(parser.value("start").toStdString());
    const auto end = parseIsoDate(parser.value("end").toStdString());
    if (!start)
        return userError("computeledger decode: --start: \"" + parser.value("start") +
                         "\" is not a date YYYY-MM-DD");
    if (!end)
        return userError("computeledger decode: --end: \"" + parser.value("end") +
                         "\" is not a date YYYY-MM-DD");
    t.start = *start;
    t.end = *end;
    if (const auto invalid = validateDealTerms(t))
        return userError("computeledger decode: --" + QString::fromStdString(invalid->toString()));
    if (parser.isSet("sku")) {
        const SkuCatalog catalog = data::bundledSkuCatalog();
        const Sku* sku = catalog.find(Portfolio{}, parser.value("sku").toStdString());
        if (!sku)
            return userError("computeledger decode: --sku: no SKU \"" + parser.value("sku") +
                             "\" in the catalog");
        t.itKwPerGpu = sku->itKwPerGpu;
    }
    const DecodedDeal d = decodeDeal(t);
    for (const double v :
         {d.averagePricePerGpuHour, d.gpuHours, d.gpus, d.itMegawatts, d.facilityMegawatts, d.annualSpend}) {
        if (!std::isfinite(v))
            return userError("computeledger decode: the implied figures overflow; check --tcv and --price");
    }
    const QLocale en(QLocale::English);
    out() << "Term:                 " << d.days << " days\n"
          << "Average price:        " << en.toString(d.averagePricePerGpuHour, 'f', 4) << " per GPU-hour\n"
          << "Implied GPU-hours:    " << en.toString(d.gpuHours, 'f', 0) << "\n"
          << "Implied GPUs:         " << en.toString(d.gpus, 'f', 0) << " (constant over the term)\n"
          << "Annual spend:         " << en.toString(d.annualSpend / 1e6, 'f', 1)
          << " M a year (the value spread evenly over the term)\n";
    if (parser.isSet("sku")) {
        out() << "Implied IT power:     " << en.toString(d.itMegawatts, 'f', 1) << " MW ("
              << parser.value("sku") << ")\n";
        // What headlines count in "GW of AI factories": the facility's draw, cooling and losses in.
        out() << "Facility power:       " << en.toString(d.facilityMegawatts, 'f', 1) << " MW at a PUE of "
              << en.toString(t.pue, 'g', 4) << (parser.isSet("pue") ? "" : " (assumed; --pue)") << "\n";
    }
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
