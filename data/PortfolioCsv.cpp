#include "PortfolioCsv.h"
#include "InputFile.h"

#include "Csv.h"
#include "MessageText.h"
#include "portfolio/Validation.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>
#include <functional>
#include <map>

namespace ledger::data {

namespace {

struct RowError {
    QString message;
};
[[noreturn]] void fail(const QString& message) {
    throw RowError{message};
}

// A cell being read: where it is, for the message.
struct Cell {
    QString text; // as parsed: an unquoted cell trimmed, a quoted one as typed
    int row = 0;
    QString column;

    // Numbers, dates and keywords ignore white space even inside quotes: it never means anything there.
    QString value() const { return text.trimmed(); }
    bool empty() const { return value().isEmpty(); }
    [[noreturn]] void bad(const QString& problem) const {
        fail(QString("row %1, column %2: %3").arg(row).arg(column, problem));
    }
    // A text cell (an id, a name, notes): its spaces as quoted, less the ' an export put before a text
    // a spreadsheet would run as a formula (csvEscapeText), so what export-csv writes reads back.
    std::string str() const {
        if (text.isEmpty())
            bad("missing");
        return optionalStr();
    }
    std::string optionalStr() const { return csvUnescapeText(text).toStdString(); }
    std::string keyword() const {
        if (empty())
            bad("missing");
        return value().toStdString();
    }
    double number() const {
        if (empty())
            bad("missing");
        const QByteArray utf8 = value().toUtf8();
        const auto v = parseFiniteNumber(std::string_view(utf8.data(), std::size_t(utf8.size())));
        if (!v)
            bad("\"" + value() + "\" is not a number");
        return *v;
    }
    std::optional<double> optionalNumber() const { return empty() ? std::nullopt : std::optional(number()); }
    double number(double fallback) const { return empty() ? fallback : number(); }
    int integer(int fallback) const {
        if (empty())
            return fallback;
        const double v = number();
        if (v != std::floor(v) || std::abs(v) > 1e9)
            bad("\"" + value() + "\" is not a whole number");
        return int(v);
    }
    Date date() const {
        if (empty())
            bad("missing");
        const auto d = parseIsoDate(value().toStdString());
        if (!d)
            bad("\"" + value() + "\" is not a date YYYY-MM-DD");
        return *d;
    }
    std::optional<Date> optionalDate() const { return empty() ? std::nullopt : std::optional(date()); }
};

// One column: its header (the JSON key), how a cell sets the item, and how the item writes it back.
template <class Item> struct Column {
    QString key;
    std::function<void(Item&, const Cell&)> read;
    std::function<QString(const Item&)> write;
};

QString num(double v) {
    return QString::fromStdString(formatNumber(v));
}
QString num(const std::optional<double>& v) {
    return v ? num(*v) : QString();
}
QString day(const Date& d) {
    return QString::fromStdString(formatIsoDate(d));
}
// A text cell as written: escaped, so that a name such as "=1+2" is shown, not run, by a spreadsheet.
QString qs(const std::string& s) {
    return csvEscapeText(QString::fromStdString(s));
}

std::vector<Tranche> parseTranches(const Cell& cell) {
    std::vector<Tranche> out;
    for (const QString& part : cell.value().split(';', Qt::SkipEmptyParts)) {
        const QStringList dg = part.trimmed().split(':');
        if (dg.size() != 2)
            cell.bad("\"" + part.trimmed() + "\" is not date:gpus");
        const Cell d{dg[0].trimmed(), cell.row, cell.column}, g{dg[1].trimmed(), cell.row, cell.column};
        out.push_back({d.date(), g.number()});
    }
    return out;
}

QString tranchesText(const std::vector<Tranche>& tranches) {
    QStringList parts;
    for (const auto& t : tranches)
        parts << day(t.date) + ":" + num(t.gpus);
    return parts.join(';');
}

const std::vector<Column<Contract>>& contractColumns() {
    static const std::vector<Column<Contract>> columns = {
        {"id", [](Contract& c, const Cell& x) { c.id = x.str(); },
         [](const Contract& c) { return qs(c.id); }},
        {"name", [](Contract& c, const Cell& x) { c.name = x.str(); },
         [](const Contract& c) { return qs(c.name); }},
        {"provider", [](Contract& c, const Cell& x) { c.provider = x.str(); },
         [](const Contract& c) { return qs(c.provider); }},
        {"sku", [](Contract& c, const Cell& x) { c.sku = x.str(); },
         [](const Contract& c) { return qs(c.sku); }},
        {"start", [](Contract& c, const Cell& x) { c.start = x.date(); },
         [](const Contract& c) { return day(c.start); }},
        {"end", [](Contract& c, const Cell& x) { c.end = x.date(); },
         [](const Contract& c) { return day(c.end); }},
        {"tranches",
         [](Contract& c, const Cell& x) {
             if (!x.empty())
                 c.tranches = parseTranches(x);
         },
         [](const Contract& c) { return tranchesText(c.tranches); }},
        {"price_per_gpu_hour", [](Contract& c, const Cell& x) { c.pricePerGpuHour = x.optionalNumber(); },
         [](const Contract& c) { return num(c.pricePerGpuHour); }},
        {"total_contract_value",
         [](Contract& c, const Cell& x) { c.totalContractValue = x.optionalNumber(); },
         [](const Contract& c) { return num(c.totalContractValue); }},
        {"escalator", [](Contract& c, const Cell& x) { c.escalator = x.number(0.0); },
         [](const Contract& c) { return num(c.escalator); }},
        {"take_or_pay", [](Contract& c, const Cell& x) { c.takeOrPay = x.number(1.0); },
         [](const Contract& c) { return num(c.takeOrPay); }},
        {"prepayment", [](Contract& c, const Cell& x) { c.prepayment = x.number(0.0); },
         [](const Contract& c) { return num(c.prepayment); }},
        {"payment_terms_days", [](Contract& c, const Cell& x) { c.paymentTermsDays = x.integer(0); },
         [](const Contract& c) { return QString::number(c.paymentTermsDays); }},
        {"provider_default_hazard",
         [](Contract& c, const Cell& x) { c.providerDefaultHazard = x.number(0.0); },
         [](const Contract& c) { return num(c.providerDefaultHazard); }},
        {"recovery_rate", [](Contract& c, const Cell& x) { c.recoveryRate = x.number(0.0); },
         [](const Contract& c) { return num(c.recoveryRate); }},
        {"notes", [](Contract& c, const Cell& x) { c.notes = x.optionalStr(); },
         [](const Contract& c) { return qs(c.notes); }},
    };
    return columns;
}

void depreciationColumns(std::vector<Column<Fleet>>& columns, const QString& prefix,
                         DepreciationSpec Fleet::*member) {
    columns.push_back(
        {prefix + ".method",
         [member](Fleet& f, const Cell& x) {
             const auto m = depreciationMethodFromString(x.keyword());
             if (!m)
                 x.bad("\"" + x.value() +
                       "\" is not straight_line, declining_balance, sum_of_years_digits, macrs_5 or "
                       "macrs_7");
             (f.*member).method = *m;
         },
         [member](const Fleet& f) {
             return QString::fromStdString(std::string(toString((f.*member).method)));
         }});
    columns.push_back({prefix + ".life_years",
                       [member](Fleet& f, const Cell& x) {
                           if (!x.empty())
                               (f.*member).lifeYears = x.integer(0);
                       },
                       [member](const Fleet& f) {
                           return (f.*member).lifeYears ? QString::number(*(f.*member).lifeYears) : QString();
                       }});
    columns.push_back({prefix + ".salvage_fraction",
                       [member](Fleet& f, const Cell& x) { (f.*member).salvageFraction = x.number(0.0); },
                       [member](const Fleet& f) { return num((f.*member).salvageFraction); }});
    columns.push_back({prefix + ".factor",
                       [member](Fleet& f, const Cell& x) { (f.*member).factor = x.number(2.0); },
                       [member](const Fleet& f) { return num((f.*member).factor); }});
    columns.push_back({prefix + ".bonus_fraction",
                       [member](Fleet& f, const Cell& x) { (f.*member).bonusFraction = x.number(0.0); },
                       [member](const Fleet& f) { return num((f.*member).bonusFraction); }});
}

const std::vector<Column<Fleet>>& fleetColumns() {
    static const std::vector<Column<Fleet>> columns = [] {
        std::vector<Column<Fleet>> c = {
            {"id", [](Fleet& f, const Cell& x) { f.id = x.str(); }, [](const Fleet& f) { return qs(f.id); }},
            {"name", [](Fleet& f, const Cell& x) { f.name = x.str(); },
             [](const Fleet& f) { return qs(f.name); }},
            {"sku", [](Fleet& f, const Cell& x) { f.sku = x.str(); },
             [](const Fleet& f) { return qs(f.sku); }},
            {"gpus", [](Fleet& f, const Cell& x) { f.gpus = x.number(); },
             [](const Fleet& f) { return num(f.gpus); }},
            {"in_service", [](Fleet& f, const Cell& x) { f.inService = x.date(); },
             [](const Fleet& f) { return day(f.inService); }},
            {"end", [](Fleet& f, const Cell& x) { f.end = x.optionalDate(); },
             [](const Fleet& f) { return f.end ? day(*f.end) : QString(); }},
            {"capex_per_gpu", [](Fleet& f, const Cell& x) { f.capexPerGpu = x.optionalNumber(); },
             [](const Fleet& f) { return num(f.capexPerGpu); }},
            {"overhead_fraction", [](Fleet& f, const Cell& x) { f.overheadFraction = x.number(0.0); },
             [](const Fleet& f) { return num(f.overheadFraction); }},
            {"it_kw_per_gpu", [](Fleet& f, const Cell& x) { f.itKwPerGpu = x.optionalNumber(); },
             [](const Fleet& f) { return num(f.itKwPerGpu); }},
            {"pue", [](Fleet& f, const Cell& x) { f.pue = x.number(); },
             [](const Fleet& f) { return num(f.pue); }},
            {"power_price_per_mwh", [](Fleet& f, const Cell& x) { f.powerPricePerMwh = x.number(); },
             [](const Fleet& f) { return num(f.powerPricePerMwh); }},
            {"power_escalator", [](Fleet& f, const Cell& x) { f.powerEscalator = x.number(); },
             [](const Fleet& f) { return num(f.powerEscalator); }},
            {"idle_power_fraction", [](Fleet& f, const Cell& x) { f.idlePowerFraction = x.number(1.0); },
             [](const Fleet& f) { return num(f.idlePowerFraction); }},
            {"colocation_per_kw_month",
             [](Fleet& f, const Cell& x) { f.colocationPerKwMonth = x.number(0.0); },
             [](const Fleet& f) { return num(f.colocationPerKwMonth); }},
            {"opex_fraction_per_year", [](Fleet& f, const Cell& x) { f.opexFractionPerYear = x.number(0.0); },
             [](const Fleet& f) { return num(f.opexFractionPerYear); }},
            {"residual_fraction", [](Fleet& f, const Cell& x) { f.residualFraction = x.optionalNumber(); },
             [](const Fleet& f) { return num(f.residualFraction); }},
        };
        depreciationColumns(c, "book_depreciation", &Fleet::bookDepreciation);
        depreciationColumns(c, "tax_depreciation", &Fleet::taxDepreciation);
        c.push_back({"notes", [](Fleet& f, const Cell& x) { f.notes = x.optionalStr(); },
                     [](const Fleet& f) { return qs(f.notes); }});
        return c;
    }();
    return columns;
}

template <class Item>
QByteArray exportItems(const std::vector<Item>& items, const std::vector<Column<Item>>& columns) {
    QStringList header;
    for (const auto& c : columns)
        header << c.key;
    QByteArray out = csvLine(header);
    for (const Item& item : items) {
        QStringList fields;
        for (const auto& c : columns)
            fields << c.write(item);
        out += csvLine(fields);
    }
    return out;
}

// Reads the rows of one kind. Repeated rows of a contract id add tranches (tranche_date, tranche_gpus).
template <class Item>
std::vector<Item> readItems(const CsvTable& t, const std::vector<Column<Item>>& columns,
                            const QStringList& extra, std::vector<int>* rowOfItem,
                            bool repeatedRowsAddTranches) {
    std::map<QString, int> index;
    for (int i = 0; i < t.header.size(); ++i) {
        const QString& h = t.header[i];
        bool known = extra.contains(h);
        for (const auto& c : columns)
            known = known || c.key == h;
        if (!known)
            fail(QString("row 1, column %1: unknown column").arg(h.isEmpty() ? QString("(empty)") : h));
        if (index.count(h))
            fail(QString("row 1, column %1: appears twice").arg(h));
        index[h] = i;
    }
    if (!index.count("id"))
        fail("row 1: the column id is missing");
    std::vector<Item> items;
    std::map<QString, std::size_t> byId;
    std::vector<std::map<QString, QString>> firstCells; // per item: its first row's cells, as typed
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const QStringList& row = t.rows[r];
        const int line = t.lineOfRow[r];
        if (row.size() > t.header.size())
            fail(QString("row %1: %2 fields, the header has %3")
                     .arg(line)
                     .arg(row.size())
                     .arg(t.header.size()));
        auto cell = [&](const QString& key) {
            const auto it = index.find(key);
            const QString text = it == index.end() || it->second >= row.size() ? QString() : row[it->second];
            return Cell{text, line, key};
        };
        const Cell id = cell("id");
        // Rows are told apart by the id they give, "'=x" (as exported) and "=x" (typed) alike.
        const QString idText = QString::fromStdString(id.optionalStr());
        const auto existing = byId.find(idText);
        if (existing != byId.end()) {
            if (!repeatedRowsAddTranches)
                id.bad("\"" + id.text + "\" is used twice in this file");
            // A repeated row only adds a tranche; its other cells are empty or as in the first row.
            for (const auto& c : columns) {
                const Cell here = cell(c.key);
                if (!here.empty() && c.key != "id" && here.text != firstCells[existing->second][c.key])
                    here.bad(QString("differs from row %1 for \"%2\" (a repeated row only adds a tranche)")
                                 .arg((*rowOfItem)[existing->second])
                                 .arg(id.text));
            }
            if constexpr (std::is_same_v<Item, Contract>)
                items[existing->second].tranches.push_back(
                    {cell("tranche_date").date(), cell("tranche_gpus").number()});
            continue;
        }
        Item item{};
        for (const auto& c : columns)
            c.read(item, cell(c.key));
        if constexpr (std::is_same_v<Item, Contract>) {
            if (index.count("tranche_date") || index.count("tranche_gpus")) {
                if (!cell("tranche_date").empty() || !cell("tranche_gpus").empty())
                    item.tranches.push_back({cell("tranche_date").date(), cell("tranche_gpus").number()});
            }
        }
        byId[idText] = items.size();
        std::map<QString, QString> typed;
        for (const auto& c : columns)
            typed[c.key] = cell(c.key).text;
        firstCells.push_back(std::move(typed));
        rowOfItem->push_back(line);
        items.push_back(std::move(item));
    }
    if (items.empty())
        fail("the file has a header but no rows");
    return items;
}

// "contracts[5].end" for an imported item -> "row 9, column end: ..."
QString locate(const ValidationError& e, const char* list, std::size_t firstImported,
               const std::vector<int>& rows) {
    const QString path = QString::fromStdString(e.path);
    const QRegularExpression re(QString("^%1\\[(\\d+)\\](?:\\.(.*))?$").arg(list));
    const auto m = re.match(path);
    if (m.hasMatch()) {
        const std::size_t i = m.captured(1).toULongLong();
        if (i >= firstImported && i - firstImported < rows.size()) {
            QString column = m.captured(2);
            column.replace(QRegularExpression("\\[\\d+\\].*$"), "");
            return QString("row %1, column %2: %3")
                .arg(rows[i - firstImported])
                .arg(column.isEmpty() ? QString("id") : column, QString::fromStdString(e.message));
        }
    }
    return QString::fromStdString(e.toString());
}

} // namespace

bool importCsv(Portfolio& p, const QByteArray& bytes, const QString& displayName, const SkuCatalog& catalog,
               QString* error, CsvKind* kindOut) {
    CsvTable table;
    QString parseError;
    if (!parseCsv(bytes, &table, &parseError)) {
        *error = oneLine(displayName + ": " + parseError);
        return false;
    }
    try {
        Portfolio next = p;
        std::vector<int> rows;
        const bool contracts = table.header.contains("provider");
        const bool fleets = table.header.contains("in_service");
        if (contracts == fleets)
            fail("row 1: not a contracts file (with a provider column) nor a fleets file (with an in_service "
                 "column)");
        std::size_t first = 0;
        const char* list = contracts ? "contracts" : "fleets";
        std::vector<std::string> newIds;
        if (contracts) {
            first = next.contracts.size();
            for (auto& c :
                 readItems(table, contractColumns(), {"tranche_date", "tranche_gpus"}, &rows, true)) {
                newIds.push_back(c.id);
                next.contracts.push_back(std::move(c));
            }
        } else {
            first = next.fleets.size();
            for (auto& f : readItems(table, fleetColumns(), {}, &rows, false)) {
                newIds.push_back(f.id);
                next.fleets.push_back(std::move(f));
            }
        }
        // An id already in the portfolio is named at the row that repeats it.
        for (std::size_t i = 0; i < newIds.size(); ++i) {
            auto clash = [&](const auto& items, std::size_t limit) {
                for (std::size_t j = 0; j < limit; ++j)
                    if (items[j].id == newIds[i])
                        return true;
                return false;
            };
            const bool taken =
                contracts ? clash(next.contracts, first) || clash(next.fleets, next.fleets.size())
                          : clash(next.fleets, first) || clash(next.contracts, next.contracts.size());
            if (taken)
                fail(QString("row %1, column id: \"%2\" is already in the portfolio")
                         .arg(rows[i])
                         .arg(QString::fromStdString(newIds[i])));
        }
        if (const auto err = validatePortfolio(next, catalog))
            fail(locate(*err, list, first, rows));
        p = std::move(next);
        if (kindOut)
            *kindOut = contracts ? CsvKind::Contracts : CsvKind::Fleets;
        return true;
    } catch (const RowError& e) {
        *error = oneLine(displayName + ": " + e.message);
        return false;
    }
}

bool importCsvFile(Portfolio& p, const QString& path, const SkuCatalog& catalog, QString* error) {
    // Read once and boundedly (a FIFO, /dev/zero, a pipe), within the limit a portfolio file has.
    const InputFile in = readInputFile(path, "CSV file", kMaxFileBytes);
    if (!in.ok()) {
        *error = in.error;
        return false;
    }
    return importCsv(p, in.bytes, path, catalog, error);
}

QByteArray exportContractsCsv(const Portfolio& p) {
    return exportItems(p.contracts, contractColumns());
}
QByteArray exportFleetsCsv(const Portfolio& p) {
    return exportItems(p.fleets, fleetColumns());
}

} // namespace ledger::data
