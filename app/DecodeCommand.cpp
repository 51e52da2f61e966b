// computeledger decode: what a headline deal implies. Two of the value, the price and the GPUs (or a
// facility's power standing for them) give the third, the GPU-hours and, with a SKU, the megawatts;
// a facility's power or a GPU count alone, with a SKU, gives the other.
#include "app/Commands.h"

#include "analytics/NewsDecoder.h"
#include "app/CommandSupport.h"
#include "data/SkuCatalogJson.h"
#include "portfolio/Validation.h"

#include <QLocale>

#include <cmath>
#include <utility>
#include <vector>

namespace ledger::app {

namespace {

// "a", "a and b", "a, b and c": option names in a sentence.
QString listed(const QStringList& names) {
    return names.size() < 2 ? names.value(0)
                            : names.mid(0, names.size() - 1).join(", ") + " and " + names.last();
}

} // namespace

int decodeCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("decode", "subcommand");
    parser.addOption({"tcv", "total contract value", "V"});
    parser.addOption({"start", "first day of the term (YYYY-MM-DD)", "DATE"});
    parser.addOption({"end", "last day of the term, inclusive (YYYY-MM-DD)", "DATE"});
    parser.addOption({"price", "assumed price per GPU-hour in the first year", "P"});
    parser.addOption({"gpus", "GPU count, constant over the term", "N"});
    parser.addOption({"facility-mw", "facility power in MW, standing for the GPUs of --sku at --pue", "M"});
    parser.addOption(
        {"facility-gw", "facility power in GW (\"5 GW of AI factories\"), as --facility-mw", "G"});
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

    // Which figures the headline gives: exactly two of the three, and the decoder solves the third.
    QStringList gpuOptions;
    for (const char* name : {"gpus", "facility-mw", "facility-gw"}) {
        if (parser.isSet(name))
            gpuOptions << QString("--") + name;
    }
    if (gpuOptions.size() > 1)
        return userError("computeledger decode: " + listed(gpuOptions) +
                         (gpuOptions.size() == 2 ? " both" : " all") + " give the GPUs; give one");
    const QString gpusOption = gpuOptions.value(0, "--gpus");
    const bool facility = gpusOption != "--gpus";
    if (facility && !parser.isSet("sku"))
        return userError("computeledger decode: " + gpusOption +
                         " needs --sku, whose kW per GPU turn the power into GPUs");
    QStringList given;
    QStringList missing;
    (parser.isSet("tcv") ? given : missing) << "--tcv";
    (parser.isSet("price") ? given : missing) << "--price";
    (gpuOptions.isEmpty() ? missing : given) << gpusOption;
    DealTerms t;
    if (given.size() == 3)
        return userError("computeledger decode: " + listed(given) +
                         " are all given; give two and the third is solved");
    if (given.isEmpty())
        return userError("computeledger decode: give two of --tcv, --price and --gpus (or --facility-mw or "
                         "--facility-gw); the third is solved");
    if (given.size() == 1 && !gpuOptions.isEmpty() && parser.isSet("sku")) {
        // The power alone ("5 GW of AI factories" in GPUs): no money, so no term to spread it over.
        t.unknown = DealUnknown::Money;
        for (const char* unused : {"start", "end", "escalator"}) {
            if (parser.isSet(unused))
                return userError(QString("computeledger decode: --%1 needs --tcv or --price: the power "
                                         "alone has no term")
                                     .arg(unused));
        }
    } else if (given.size() == 1) {
        return userError("computeledger decode: only " + given[0] + " is given; give " +
                         missing.join(" or ") + " too" +
                         (given[0] == "--gpus" ? " (or --sku for its power alone)" : ""));
    } else {
        t.unknown = missing[0] == "--tcv"     ? DealUnknown::TotalContractValue
                    : missing[0] == "--price" ? DealUnknown::PricePerGpuHour
                                              : DealUnknown::Gpus;
        for (const char* required : {"start", "end"}) {
            if (!parser.isSet(required))
                return userError(QString("computeledger decode: --%1 is required").arg(required));
        }
    }

    double facilityPower = 0.0; // in the unit typed
    std::vector<std::pair<QString, double*>> numbers;
    if (parser.isSet("tcv"))
        numbers.push_back({"tcv", &t.totalContractValue});
    if (parser.isSet("price"))
        numbers.push_back({"price", &t.pricePerGpuHour});
    if (!gpuOptions.isEmpty())
        numbers.push_back({gpusOption.mid(2), facility ? &facilityPower : &t.gpus});
    numbers.push_back({"escalator", &t.escalator});
    numbers.push_back({"pue", &t.pue});
    for (const auto& [name, value] : numbers) {
        const auto parsed = parseFiniteNumber(parser.value(name).trimmed().toStdString());
        if (!parsed)
            return userError(
                QString("computeledger decode: --%1: \"%2\" is not a number").arg(name, parser.value(name)));
        *value = *parsed;
    }
    if (t.unknown != DealUnknown::Money) {
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
    }
    const SkuCatalog catalog = data::bundledSkuCatalog();
    const Sku* sku =
        parser.isSet("sku") ? catalog.find(Portfolio{}, parser.value("sku").toStdString()) : nullptr;
    const auto noSuchSku = [&] {
        return userError("computeledger decode: --sku: no SKU \"" + parser.value("sku") +
                         "\" in the catalog");
    };
    // The power's GPUs are checked with the SKU's kW; a deal's terms come before the SKU, as they did.
    if (parser.isSet("sku") && !sku && (facility || t.unknown == DealUnknown::Money))
        return noSuchSku();
    if (sku)
        t.itKwPerGpu = sku->itKwPerGpu;
    if (facility)
        t.facilityMegawatts = gpusOption == "--facility-gw" ? facilityPower * 1000.0 : facilityPower;
    if (const auto invalid = validateDealTerms(t)) {
        if (invalid->path.empty()) // a solved figure: no one option is at fault
            return userError("computeledger decode: " + QString::fromStdString(invalid->message));
        if (invalid->path == "facility_mw" && gpusOption == "--facility-gw") // in the unit typed
            return userError(QString::fromStdString(
                "computeledger decode: --facility-gw: " + formatNumber(facilityPower) + " is outside (0, " +
                formatNumber(kMaxFacilityMegawatts / 1000.0) + "]"));
        QString option = QString::fromStdString(invalid->toString());
        return userError("computeledger decode: --" + option.replace("facility_mw", "facility-mw"));
    }
    if (parser.isSet("sku") && !sku)
        return noSuchSku();
    const DecodedDeal d = decodeDeal(t);
    for (const double v : {d.totalContractValue, d.pricePerGpuHour, d.averagePricePerGpuHour, d.gpuHours,
                           d.gpus, d.itMegawatts, d.facilityMegawatts, d.annualSpend}) {
        if (!std::isfinite(v))
            return userError("computeledger decode: the implied figures overflow; check " + listed(given));
    }

    const QLocale en(QLocale::English);
    const bool money = t.unknown != DealUnknown::Money;
    // The GPUs are implied unless given as a count.
    QStringList gpuNotes;
    if (facility)
        gpuNotes << parser.value("sku") + " at " + en.toString(t.itKwPerGpu, 'g', 4) + " kW of IT power each";
    if (money)
        gpuNotes << "constant over the term";
    const QString gpusLine =
        QString(given.contains("--gpus") ? "GPUs:                 " : "Implied GPUs:         ") +
        en.toString(d.gpus, 'f', 0) + (gpuNotes.isEmpty() ? QString() : " (" + gpuNotes.join("; ") + ")") +
        "\n";
    if (money) {
        out() << "Term:                 " << d.days << " days\n";
        if (t.unknown == DealUnknown::TotalContractValue)
            out() << "Implied value:        " << en.toString(d.totalContractValue / 1e6, 'f', 1)
                  << " M (the total contract value)\n";
        if (t.unknown == DealUnknown::PricePerGpuHour)
            out() << "Implied price:        " << en.toString(d.pricePerGpuHour, 'f', 4)
                  << " per GPU-hour in the first year\n";
        out() << "Average price:        " << en.toString(d.averagePricePerGpuHour, 'f', 4)
              << " per GPU-hour\n"
              << "Implied GPU-hours:    " << en.toString(d.gpuHours, 'f', 0) << "\n"
              << gpusLine << "Annual spend:         " << en.toString(d.annualSpend / 1e6, 'f', 1)
              << " M a year (the value spread evenly over the term)\n";
    } else {
        out() << gpusLine;
    }
    if (sku) {
        out() << "Implied IT power:     " << en.toString(d.itMegawatts, 'f', 1) << " MW ("
              << (facility ? QString("the facility power / the PUE") : parser.value("sku")) << ")\n";
        // What headlines count in "GW of AI factories": the facility's draw, cooling and losses in.
        out() << "Facility power:       " << en.toString(d.facilityMegawatts, 'f', 1) << " MW at a PUE of "
              << en.toString(t.pue, 'g', 4) << (parser.isSet("pue") ? "" : " (assumed; --pue)") << "\n";
    }
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
