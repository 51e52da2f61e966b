#include "data/PortfolioCsv.h"
#include "data/InputFile.h"

#include "data/Csv.h"
#include "data/MessageText.h"
#include "portfolio/ItemFields.h"
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

// A cell as a field of `type` reads it: empty is absent (the field's default applies).
FieldValue cellValue(const Cell& x, FieldType type) {
    if (type == FieldType::Text)
        return x.text.isEmpty() ? FieldValue{} : FieldValue{x.optionalStr()};
    if (x.empty())
        return {};
    switch (type) {
    case FieldType::Number:
        return x.number();
    case FieldType::Integer:
        return (long long)x.integer(0);
    case FieldType::Date:
        return x.date();
    case FieldType::Choice:
        return x.keyword();
    case FieldType::Tranches:
        return parseTranches(x);
    case FieldType::Text:
        break;
    }
    return {};
}

struct CellText {
    FieldType type;
    QString operator()(std::monostate) const { return {}; }
    QString operator()(double v) const { return num(v); }
    QString operator()(long long v) const { return QString::number(v); }
    QString operator()(const std::string& v) const {
        return type == FieldType::Text ? qs(v) : QString::fromStdString(v);
    }
    QString operator()(const Date& v) const { return day(v); }
    QString operator()(const std::vector<Tranche>& v) const { return tranchesText(v); }
};

// The columns of a kind: the fields its table shows in CSV, in the table's order, under their JSON keys.
template <class Item> const std::vector<Column<Item>>& itemColumns() {
    static const std::vector<Column<Item>> columns = [] {
        std::vector<Column<Item>> out;
        for (const auto& f : ItemKindInfo<Item>::fields()) {
            if (!(f.shown & kInCsv))
                continue;
            const ItemField<Item>* field = &f; // the table is static: the pointer stays valid
            out.push_back({QString::fromLatin1(f.key),
                           [field](Item& item, const Cell& x) {
                               // An empty tranches cell leaves them to the tranche_date rows.
                               if (field->type == FieldType::Tranches && x.empty())
                                   return;
                               if (const auto problem = assignField(*field, item, cellValue(x, field->type)))
                                   x.bad(QString::fromStdString(*problem));
                           },
                           [field](const Item& item) {
                               return std::visit(CellText{field->type}, field->access.get(item));
                           }});
        }
        return out;
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

// Column positions by header name: each known (known(h)) and given once.
template <class Known>
std::map<QString, int> headerIndex(const CsvTable& t, const Known& known, const char* unknownWhat) {
    std::map<QString, int> index;
    for (int i = 0; i < t.header.size(); ++i) {
        const QString& h = t.header[i];
        if (!known(h))
            fail(QString("row 1, column %1: %2")
                     .arg(h.isEmpty() ? QString("(empty)") : h, QString(unknownWhat)));
        if (index.count(h))
            fail(QString("row 1, column %1: appears twice").arg(h));
        index[h] = i;
    }
    return index;
}

// The cells of data row r by column name (empty where the column is absent or the row short); a
// row longer than the header is refused.
struct RowCells {
    const QStringList& row;
    const std::map<QString, int>& index;
    int line;
    RowCells(const CsvTable& t, const std::map<QString, int>& columns, std::size_t r)
        : row(t.rows[r])
        , index(columns)
        , line(t.lineOfRow[r]) {
        if (row.size() > t.header.size())
            fail(QString("row %1: %2 fields, the header has %3")
                     .arg(line)
                     .arg(row.size())
                     .arg(t.header.size()));
    }
    Cell operator()(const QString& key) const {
        const auto it = index.find(key);
        const QString text = it == index.end() || it->second >= row.size() ? QString() : row[it->second];
        return Cell{text, line, key};
    }
};

// Reads the rows of one kind. Repeated rows of a contract id add tranches (tranche_date, tranche_gpus).
template <class Item>
std::vector<Item> readItems(const CsvTable& t, const std::vector<Column<Item>>& columns,
                            const QStringList& extra, std::vector<int>* rowOfItem,
                            bool repeatedRowsAddTranches) {
    const auto index = headerIndex(
        t,
        [&](const QString& h) {
            bool known = extra.contains(h);
            for (const auto& c : columns)
                known = known || c.key == h;
            return known;
        },
        "unknown column");
    if (!index.count("id"))
        fail("row 1: the column id is missing");
    std::vector<Item> items;
    std::map<QString, std::size_t> byId;
    std::vector<std::map<QString, QString>> firstCells; // per item: its first row's cells, as typed
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const RowCells cell(t, index, r);
        const int line = cell.line;
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

// A demand file (MODEL.md 8): columns sku, date and gpus, one row per curve point, one SKU.
Demand readDemandCsv(const CsvTable& t, std::vector<int>* rowOfPoint) {
    const QStringList columns{"sku", "date", "gpus"};
    const auto index = headerIndex(
        t, [&](const QString& h) { return columns.contains(h); },
        "unknown column in a demand file (sku, date, gpus)");
    for (const QString& c : columns)
        if (!index.count(c))
            fail(QString("row 1: the column %1 is missing").arg(c));
    Demand d; // no rows: no demand (what export writes for a portfolio without one)
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const RowCells cell(t, index, r);
        const int line = cell.line;
        const std::string sku = cell("sku").str();
        if (r == 0)
            d.sku = sku;
        else if (sku != d.sku)
            cell("sku").bad(QString("\"%1\" differs from row %2's \"%3\" (a demand is of one SKU)")
                                .arg(QString::fromStdString(sku))
                                .arg(t.lineOfRow[0])
                                .arg(QString::fromStdString(d.sku)));
        d.curve.push_back({cell("date").date(), cell("gpus").number()});
        rowOfPoint->push_back(line);
    }
    return d;
}

// A validation message about demand.curve[i] (or demand.sku) at the row it came from.
QString locateDemand(const ValidationError& e, const std::vector<int>& rows) {
    static const QRegularExpression point(R"(^demand\.curve\[(\d+)\]\.(\w+)$)");
    const QString path = QString::fromStdString(e.path);
    const auto m = point.match(path);
    if (m.hasMatch() && std::size_t(m.captured(1).toInt()) < rows.size())
        return QString("row %1, column %2: %3")
            .arg(rows[std::size_t(m.captured(1).toInt())])
            .arg(m.captured(2), QString::fromStdString(e.message));
    if (path == "demand.sku" && !rows.empty())
        return QString("row %1, column sku: %2").arg(rows.front()).arg(QString::fromStdString(e.message));
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
        if (!contracts && !fleets && table.header.contains("gpus") && table.header.contains("date")) {
            // A demand replaces the portfolio's: a plan is one curve; a file of its header alone
            // removes it, and its uncertainty.
            Demand d = readDemandCsv(table, &rows);
            if (d.curve.empty()) {
                next.demand.reset();
                next.market.demand = MarketModel{}.demand; // its uncertainty goes with it
            } else
                next.demand = std::move(d);
            if (const auto err = validatePortfolio(next, catalog))
                fail(locateDemand(*err, rows));
            p = std::move(next);
            if (kindOut)
                *kindOut = CsvKind::Demand;
            return true;
        }
        if (contracts == fleets)
            fail("row 1: not a contracts file (with a provider column), a fleets file (with an in_service "
                 "column) nor a demand file (with date and gpus columns)");
        std::size_t first = 0;
        const char* list = contracts ? "contracts" : "fleets";
        std::vector<std::string> newIds;
        if (contracts) {
            first = next.contracts.size();
            for (auto& c :
                 readItems(table, itemColumns<Contract>(), {"tranche_date", "tranche_gpus"}, &rows, true)) {
                newIds.push_back(c.id);
                next.contracts.push_back(std::move(c));
            }
        } else {
            first = next.fleets.size();
            for (auto& f : readItems(table, itemColumns<Fleet>(), {}, &rows, false)) {
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
    return exportItems(p.contracts, itemColumns<Contract>());
}
QByteArray exportFleetsCsv(const Portfolio& p) {
    return exportItems(p.fleets, itemColumns<Fleet>());
}

QByteArray exportDemandCsv(const Portfolio& p) {
    QByteArray out = csvLine({"sku", "date", "gpus"});
    if (p.demand)
        for (const DemandPoint& point : p.demand->curve)
            out += csvLine({qs(p.demand->sku), day(point.date), num(point.gpus)});
    return out;
}

} // namespace ledger::data
