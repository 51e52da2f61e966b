#include "data/PriceSeries.h"

#include "data/Csv.h"
#include "data/InputFile.h"
#include "portfolio/Limits.h"
#include "portfolio/Validation.h"
#include "resources/BundledResources.h"

#include <QFile>

#include <map>
#include <stdexcept>

namespace ledger::data {

namespace {

const QStringList kColumns = {"date",   "price_per_gpu_hour", "tier",     "sku",
                              "source", "date_read",          "estimate", "note"};

struct RowError {
    QString message;
};

// One data row being read: its cells by column and its row number, for the messages.
struct Row {
    const QStringList& header;
    const QStringList& cells;
    int number = 0;

    [[noreturn]] void bad(const QString& problem) const {
        throw RowError{QString("row %1: %2").arg(number).arg(problem)};
    }
    std::optional<QString> cell(const QString& column) const {
        const auto i = header.indexOf(column);
        if (i < 0)
            return std::nullopt;
        return i < cells.size() ? cells[i] : QString();
    }
    QString text(const QString& column) const { return cell(column).value_or(QString()); }
    Date date(const QString& column) const {
        const QString v = text(column).trimmed();
        if (v.isEmpty())
            bad(column + " is missing");
        const auto d = parseIsoDate(v.toStdString());
        if (!d)
            bad(column + " \"" + v + "\" is not a date YYYY-MM-DD");
        if (d->year() < kFirstSupportedYear || d->year() > kLastSupportedYear)
            bad(column + " " + v +
                QString(" is outside the years %1..%2").arg(kFirstSupportedYear).arg(kLastSupportedYear));
        return *d;
    }
};

PricePoint readPoint(const Row& row, const QString& priceColumn) {
    PricePoint p;
    p.date = row.date("date");
    const QString price = row.text(priceColumn).trimmed();
    if (price.isEmpty())
        row.bad(priceColumn + " is missing");
    const auto v = parseFiniteNumber(price.toStdString());
    if (!v)
        row.bad(priceColumn + " \"" + price + "\" is not a number");
    if (!(*v > 0.0))
        row.bad(priceColumn + " must be > 0, got " + price);
    if (*v > kMaxPricePerGpuHour)
        row.bad(priceColumn + " must be at most " +
                QString::fromStdString(formatNumber(kMaxPricePerGpuHour)) + ", got " + price);
    p.price = *v;
    if (const auto tier = row.cell("tier")) {
        const QString t = tier->trimmed();
        if (t.isEmpty())
            row.bad("tier is missing (one of " + QString::fromStdString(priceTierNames()) + ")");
        QString problem;
        p.tier = priceTierFromText(t, &problem);
        if (!p.tier)
            row.bad("tier " + problem);
    }
    p.sku = row.text("sku").toStdString();
    p.source = row.text("source").toStdString();
    p.note = row.text("note").toStdString();
    if (!row.text("date_read").trimmed().isEmpty())
        p.dateRead = row.date("date_read");
    const QString estimate = row.text("estimate").trimmed();
    if (estimate != "yes" && estimate != "no" && !estimate.isEmpty())
        row.bad("estimate \"" + estimate + "\" is not yes or no");
    p.estimate = estimate == "yes";
    return p;
}

QString checkHeader(const QStringList& header, QString* priceColumn) {
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString& h = header[i];
        if (!kColumns.contains(h) && h != "price")
            return "unknown column \"" + h + "\" (the columns are " + kColumns.join(", ") + ")";
        if (header.indexOf(h) != i)
            return "the column \"" + h + "\" appears twice";
    }
    if (header.contains("price") && header.contains("price_per_gpu_hour"))
        return "give the column price_per_gpu_hour or its short name price, not both";
    *priceColumn = header.contains("price") ? "price" : "price_per_gpu_hour";
    for (const QString& required : {QString("date"), *priceColumn})
        if (!header.contains(required))
            return "no column " + required + " (a series needs date and price_per_gpu_hour)";
    return {};
}

} // namespace

std::optional<PriceSeries> readPriceSeriesCsv(const QByteArray& bytes, const QString& displayName,
                                              QString* error) {
    CsvTable table;
    if (!parseCsv(bytes, &table, error)) {
        *error = displayName + " " + *error;
        return std::nullopt;
    }
    QString priceColumn;
    if (const QString problem = checkHeader(table.header, &priceColumn); !problem.isEmpty()) {
        *error = displayName + ": " + problem;
        return std::nullopt;
    }
    if (table.rows.empty()) {
        *error = displayName + ": no points (the header row alone)";
        return std::nullopt;
    }
    PriceSeries series;
    // The previous point of each tier (none: a series without tiers), and its row.
    std::map<std::optional<PriceTier>, std::pair<Date, int>> previous;
    try {
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            const Row row{table.header, table.rows[i], table.lineOfRow[i]};
            if (table.rows[i].size() > table.header.size())
                row.bad(QString("%1 cells, the header has %2")
                            .arg(table.rows[i].size())
                            .arg(table.header.size()));
            const PricePoint p = readPoint(row, priceColumn);
            if (const auto before = previous.find(p.tier);
                before != previous.end() && !(before->second.first < p.date))
                row.bad("date " + QString::fromStdString(formatIsoDate(p.date)) + " is not after " +
                        QString::fromStdString(formatIsoDate(before->second.first)) +
                        QString(" (row %1), the previous point").arg(before->second.second) +
                        (p.tier ? " of tier " + QString::fromStdString(std::string(toString(*p.tier)))
                                : QString()) +
                        "; dates must increase" + (p.tier ? " within a tier" : ""));
            previous[p.tier] = {p.date, row.number};
            series.points.push_back(p);
        }
    } catch (const RowError& e) {
        *error = displayName + " " + e.message;
        return std::nullopt;
    }
    return series;
}

std::optional<PriceSeries> loadPriceSeriesFile(const QString& path, QString* error) {
    const InputFile in = readInputFile(path, "price series", kMaxFileBytes);
    if (!in.ok()) {
        *error = in.error;
        return std::nullopt;
    }
    return readPriceSeriesCsv(in.bytes, path, error);
}

std::optional<PriceTier> priceTierFromText(const QString& text, QString* error) {
    const auto tier = priceTierFromString(text.trimmed().toStdString());
    if (!tier)
        *error = "\"" + text + "\" is not one of " + QString::fromStdString(priceTierNames());
    return tier;
}

PriceSeries bundledPriceSeries() {
    QFile f(resources::h100PriceSeriesPath());
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("the bundled price series is missing from the build");
    QString error;
    auto series = readPriceSeriesCsv(f.readAll(), bundledPriceSeriesName(), &error);
    if (!series)
        throw std::runtime_error(error.toStdString());
    return *series;
}

QString bundledPriceSeriesName() {
    return QStringLiteral("h100-prices.csv");
}

} // namespace ledger::data
