// computeledger prices: the bundled H100 price series (resources/market/h100-prices.csv), each point
// with its tier, SKU and source, as a table or JSON; --tier keeps one tier.
#include "app/Commands.h"

#include "app/CommandSupport.h"
#include "data/PriceSeries.h"
#include "portfolio/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ledger::app {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// A price with at least two decimals, and as many more as it has (1.6021).
QString priceText(double v) {
    const QString exact = q(formatNumber(v));
    const auto dot = exact.indexOf('.');
    return dot >= 0 && exact.size() - dot - 1 >= 2 && !exact.contains('e') ? exact
                                                                           : QString::number(v, 'f', 2);
}

QString tierText(const PricePoint& p) {
    return p.tier ? q(std::string(toString(*p.tier))) : QString();
}

QJsonObject pointJson(const PricePoint& p) {
    return QJsonObject{
        {"date", q(formatIsoDate(p.date))},
        {"price_per_gpu_hour", p.price},
        {"tier", tierText(p)},
        {"sku", q(p.sku)},
        {"source", q(p.source)},
        {"date_read", p.dateRead ? QJsonValue(q(formatIsoDate(*p.dateRead))) : QJsonValue()},
        {"estimate", p.estimate},
        {"note", q(p.note)},
    };
}

QString pricesText(const std::vector<PricePoint>& points, const PriceSeries& all) {
    QString text = "H100 rental prices, bundled (" + data::bundledPriceSeriesName() +
                   "): " + QString::number(points.size()) + " of " + QString::number(all.points.size()) +
                   " points, USD per GPU-hour\n\n";
    text += QString("%1  %2  %3  %4  %5\n")
                .arg("Date", -10)
                .arg("Price", 8)
                .arg("Tier", -18)
                .arg("SKU", -26)
                .arg("Source");
    for (const PricePoint& p : points) {
        text += QString("%1  %2  %3  %4  %5\n")
                    .arg(q(formatIsoDate(p.date)), -10)
                    .arg(priceText(p.price) + (p.estimate ? " e" : "  "), 8)
                    .arg(tierText(p), -18)
                    .arg(q(p.sku), -26)
                    .arg(q(p.source));
        text += "            " + q(p.note) + "\n";
    }
    QStringList counts;
    for (PriceTier t : tiersOf(all)) {
        const auto n = std::count_if(all.points.begin(), all.points.end(),
                                     [&](const PricePoint& p) { return p.tier == t; });
        counts << q(std::string(toString(t))) + " " + QString::number(n);
    }
    text += "\ne: an estimate (the price or its date is approximate). Points of the series by tier: " +
            counts.join(", ") +
            ".\nThe tiers differ in level by more than the swings inside one: a calibration takes one tier "
            "(computeledger calibrate bundled --tier TIER).\n";
    return text;
}

} // namespace

int pricesCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("prices", "subcommand");
    parser.addOption({"tier", "only the points of this tier", "TIER"});
    parser.addOption({"json", "print the points as JSON"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    if (parser.positionalArguments().size() != 1)
        return userError("computeledger prices: takes no FILE (it lists the bundled series)");
    std::optional<PriceTier> tier;
    if (parser.isSet("tier") && !(tier = data::priceTierFromText(parser.value("tier"), &error)))
        return userError("computeledger prices: --tier: " + error);
    const PriceSeries series = data::bundledPriceSeries();
    std::vector<PricePoint> points;
    for (const PricePoint& p : series.points)
        if (!tier || p.tier == tier)
            points.push_back(p);
    if (parser.isSet("json")) {
        QJsonArray list;
        for (const PricePoint& p : points)
            list.append(pointJson(p));
        out() << QJsonDocument(QJsonObject{{"series", data::bundledPriceSeriesName()},
                                           {"currency", "USD"},
                                           {"points", list}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << pricesText(points, series);
    }
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
