#include "data/CledgerDocument.h"
#include "data/MessageText.h"

#include "data/DocumentSchema.h"
#include "data/InputFile.h"
#include "data/Leftovers.h"
#include "data/OutputFiles.h"
#include "data/Scenarios.h"
#include "portfolio/ItemFields.h"
#include "portfolio/Limits.h"
#include "portfolio/Validation.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QUuid>
#include <QVariant>

#include <sqlite3.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <limits>
#include <optional>
#include <stdexcept>

namespace ledger::data {

namespace {

// A problem with the file itself; the message is complete but for the file name.
struct DocumentError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const QString& message) {
    throw DocumentError(message.toStdString());
}

// SQLite's file header (https://sqlite.org/fileformat.html): the magic string, and big-endian
// user_version at offset 60 and application_id at offset 68.
struct Header {
    bool sqlite = false;
    bool empty = false;
    quint32 userVersion = 0;
    quint32 applicationId = 0;
};

quint32 bigEndian(const QByteArray& b, int at) {
    return (quint32(quint8(b[at])) << 24) | (quint32(quint8(b[at + 1])) << 16) |
           (quint32(quint8(b[at + 2])) << 8) | quint32(quint8(b[at + 3]));
}

Header readHeader(const QString& path) {
    Header h;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        fail("cannot be read: " + f.errorString());
    const QByteArray bytes = f.read(100);
    h.empty = bytes.isEmpty();
    h.sqlite = bytes.size() >= 16 && bytes.startsWith(QByteArray("SQLite format 3\0", 16));
    if (h.sqlite && bytes.size() >= 72) {
        h.userVersion = bigEndian(bytes, 60);
        h.applicationId = bigEndian(bytes, 68);
    }
    return h;
}

// Refuses, from the header alone (nothing opened, nothing written), what this build cannot read.
void checkHeader(const Header& h) {
    if (!h.sqlite)
        fail("is not a ComputeLedger document (not an SQLite database)");
    if (h.applicationId != quint32(kApplicationId))
        fail("is not a ComputeLedger document (an SQLite database of another application)");
    if (h.userVersion > quint32(kSchemaVersion))
        fail(
            QString("was written by a newer ComputeLedger (document version %1; this version reads up to %2)")
                .arg(h.userVersion)
                .arg(kSchemaVersion));
}

// One SQLite connection, closed and unregistered when it goes out of scope.
class Connection {
public:
    Connection(const QString& path, bool readOnly)
        : name_(QUuid::createUuid().toString()) {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name_);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions("QSQLITE_OPEN_READONLY");
        if (!db.open())
            fail("cannot be opened: " + sqliteProblem(db.lastError()));
        // A document is a file from anywhere (SQLite's "application file format" guidance): its
        // schema may not call functions with side effects, and no statement of ours, nor of
        // anything planted, may write the schema or corrupt the file on purpose.
        const QVariant handle = db.driver()->handle();
        int defensive = 0;
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
            if (sqlite3* raw = *static_cast<sqlite3* const*>(handle.constData()))
                sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, &defensive);
        }
        if (defensive != 1) // read back: never a document opened without it
            fail("cannot be opened: SQLite's defensive mode could not be switched on");
        exec("PRAGMA trusted_schema = OFF");
        exec("PRAGMA foreign_keys = ON");
    }
    ~Connection() {
        {
            QSqlDatabase db = QSqlDatabase::database(name_, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name_);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(name_, false); }

    // Every statement with values goes through bound parameters.
    QSqlQuery exec(const QString& sql, const QVariantList& values = {}) {
        QSqlQuery q(db());
        if (!q.prepare(sql))
            fail("database error: " + sqliteProblem(q.lastError()));
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (!q.exec())
            fail("database error: " + sqliteProblem(q.lastError()));
        return q;
    }
    QVariant scalar(const QString& sql) {
        QSqlQuery q = exec(sql);
        return q.next() ? q.value(0) : QVariant();
    }
    void begin() { exec("BEGIN IMMEDIATE"); }
    void commit() { exec("COMMIT"); }
    void rollback() {
        QSqlQuery q(db());
        q.exec("ROLLBACK");
    }

private:
    QString name_;
};

QVariant text(const std::string& s) {
    return QString::fromStdString(s);
}
QVariant date(const Date& d) {
    return QString::fromStdString(formatIsoDate(d));
}
QVariant optionalDate(const std::optional<Date>& d) {
    return d ? date(*d) : QVariant(QMetaType(QMetaType::QString));
}

QString correlationText(const CorrelationMatrix& m) {
    QStringList parts;
    for (const auto& row : m)
        for (double x : row)
            parts << QString::fromStdString(formatNumber(x));
    return parts.join(' ');
}

CorrelationMatrix parseCorrelation(const QString& text) {
    const QStringList parts = text.split(' ', Qt::SkipEmptyParts);
    if (parts.size() != 9)
        fail("is damaged: the correlation matrix does not hold 9 numbers");
    CorrelationMatrix m{};
    for (int i = 0; i < 9; ++i) {
        const std::string s = parts[i].toStdString();
        double v = 0.0;
        const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || ptr != s.data() + s.size())
            fail("is damaged: the correlation matrix holds \"" + parts[i] + "\"");
        m[i / 3][i % 3] = v;
    }
    return m;
}

void insertCurve(Connection& c, const std::string& owner, const UtilizationCurve& curve) {
    for (std::size_t i = 0; i < curve.size(); ++i)
        c.exec("INSERT INTO utilization_points (owner, position, date, value) VALUES (?, ?, ?, ?)",
               {text(owner), qint64(i), date(curve[i].date), curve[i].value});
}

// A field's value as its column holds it: a typed NULL when absent.
QVariant columnValue(FieldType type, const FieldValue& v) {
    if (const auto* x = std::get_if<double>(&v))
        return *x;
    if (const auto* n = std::get_if<long long>(&v))
        return qint64(*n);
    if (const auto* t = std::get_if<std::string>(&v))
        return text(*t);
    if (const auto* d = std::get_if<Date>(&v))
        return date(*d);
    switch (type) {
    case FieldType::Number:
        return QVariant(QMetaType(QMetaType::Double));
    case FieldType::Integer:
        return QVariant(QMetaType(QMetaType::LongLong));
    default:
        return QVariant(QMetaType(QMetaType::QString));
    }
}

// One contract or fleet row, its columns named from the kind's table (a Tranches field has its own
// table); then its tranches and its own utilization curve.
template <class Item> void insertItem(Connection& c, qint64 position, const Item& item) {
    using Kind = ItemKindInfo<Item>;
    QStringList columns{"position"};
    QVariantList values{position};
    for (const auto& f : Kind::fields()) {
        if (f.type == FieldType::Tranches)
            continue;
        columns << QString::fromLatin1(f.column);
        values << columnValue(f.type, f.access.get(item));
    }
    columns << "has_utilization";
    values << int(item.utilization.has_value());
    c.exec(QString("INSERT INTO %1 (%2) VALUES (%3)")
               .arg(Kind::list, columns.join(", "), QStringList(columns.size(), "?").join(", ")),
           values);
    if constexpr (std::is_same_v<Item, Contract>) {
        for (std::size_t t = 0; t < item.tranches.size(); ++t)
            c.exec("INSERT INTO tranches (contract_id, position, date, gpus) VALUES (?, ?, ?, ?)",
                   {text(item.id), qint64(t), date(item.tranches[t].date), item.tranches[t].gpus});
        // Schema 14: its options (docs/model.md 17), columns named from their table.
        for (std::size_t o = 0; o < item.options.size(); ++o) {
            QStringList optionColumns{"contract_id", "position"};
            QVariantList optionValues{text(item.id), qint64(o)};
            for (const auto& f : contractOptionFields()) {
                optionColumns << QString::fromLatin1(f.column);
                optionValues << columnValue(f.type, f.access.get(item.options[o]));
            }
            c.exec(QString("INSERT INTO contract_options (%1) VALUES (%2)")
                       .arg(optionColumns.join(", "), QStringList(optionColumns.size(), "?").join(", ")),
                   optionValues);
        }
    }
    if (item.utilization)
        insertCurve(c, item.id, *item.utilization);
}

// Schema 10: the scenarios and their overrides (tables of their own, written after the portfolio's).
void writeScenarios(Connection& c, const Portfolio& p) {
    c.exec("DELETE FROM scenario_overrides");
    c.exec("DELETE FROM scenarios");
    for (std::size_t i = 0; i < p.scenarios.size(); ++i) {
        const Scenario& s = p.scenarios[i];
        c.exec("INSERT INTO scenarios (position, name, description, source) VALUES (?, ?, ?, ?)",
               {qint64(i), text(s.name), text(s.description), text(s.source)});
        for (std::size_t j = 0; j < s.overrides.size(); ++j)
            c.exec("INSERT INTO scenario_overrides (scenario, position, path, value) VALUES (?, ?, ?, ?)",
                   {qint64(i), qint64(j), text(s.overrides[j].path), text(s.overrides[j].valueJson)});
    }
}

void writePortfolio(Connection& c, const Portfolio& p) {
    for (const char* table : {"contract_options", "tranches", "alternative_items", "utilization_points",
                              "contracts", "fleets", "alternatives", "skus", "sources", "demand_points",
                              "sensitivity_ranges", "gpu_forward_points", "portfolio"})
        c.exec(QString("DELETE FROM %1").arg(table));
    const auto& m = p.market;
    const auto& g = m.nextGeneration;
    c.exec(
        R"(INSERT INTO portfolio (id, name, notes, currency, valuation_date, discount_rate, tax_rate, horizon_end,
              has_alternatives, simulation_paths, simulation_seed, gpu_trend_per_year, gpu_reversion_per_year,
              gpu_volatility, has_next_generation, launch_earliest, launch_mode, launch_latest, price_drop_min,
              price_drop_max, utilization_reversion_per_year, utilization_volatility, power_reversion_per_year,
              power_volatility, correlation, replacement_premium, on_demand_premium, spot_covers, scarcity_premium)
              VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))",
        {text(p.name),
         text(p.notes),
         text(p.currency),
         date(p.valuationDate),
         p.assumptions.discountRate,
         p.assumptions.taxRate,
         optionalDate(p.assumptions.horizonEnd),
         int(p.alternatives.has_value()),
         qint64(p.simulation.paths),
         qint64(p.simulation.seed),
         m.gpuPrice.trendPerYear,
         m.gpuPrice.reversionPerYear,
         m.gpuPrice.volatility,
         int(g.has_value()),
         g ? date(g->launchEarliest) : QVariant(QMetaType(QMetaType::QString)),
         g ? date(g->launchMode) : QVariant(QMetaType(QMetaType::QString)),
         g ? date(g->launchLatest) : QVariant(QMetaType(QMetaType::QString)),
         g ? QVariant(g->priceDropMin) : QVariant(QMetaType(QMetaType::Double)),
         g ? QVariant(g->priceDropMax) : QVariant(QMetaType(QMetaType::Double)),
         m.utilization.reversionPerYear,
         m.utilization.volatility,
         m.powerPrice.reversionPerYear,
         m.powerPrice.volatility,
         correlationText(m.correlation),
         m.replacementPremium,
         m.onDemandPremium,
         m.spotCovers ? text(*m.spotCovers) : QVariant(QMetaType(QMetaType::QString)),
         m.scarcityPremium});
    for (std::size_t i = 0; i < p.skus.size(); ++i) {
        const auto& s = p.skus[i];
        c.exec("INSERT INTO skus (position, id, name, perf_index, market_price_per_gpu_hour, capex_per_gpu, "
               "it_kw_per_gpu, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {qint64(i), text(s.id), text(s.name), s.perfIndex, s.marketPricePerGpuHour, s.capexPerGpu,
                s.itKwPerGpu, text(s.notes)});
    }
    insertCurve(c, "", p.utilization);
    forEachItemKind([&]<class Item>(std::type_identity<Item>) {
        const auto& items = ItemKindInfo<Item>::items(p);
        for (std::size_t i = 0; i < items.size(); ++i)
            insertItem(c, qint64(i), items[i]);
    });
    if (p.alternatives) {
        for (std::size_t i = 0; i < p.alternatives->size(); ++i) {
            const auto& a = (*p.alternatives)[i];
            c.exec("INSERT INTO alternatives (position, id, name) VALUES (?, ?, ?)",
                   {qint64(i), text(a.id), text(a.name)});
            for (std::size_t j = 0; j < a.items.size(); ++j)
                c.exec("INSERT INTO alternative_items (alternative_id, position, item_id) VALUES (?, ?, ?)",
                       {text(a.id), qint64(j), text(a.items[j])});
        }
    }
    for (const auto& [path, source] : p.sources)
        c.exec("INSERT INTO sources (path, source) VALUES (?, ?)", {text(path), text(source)});
    c.exec("UPDATE portfolio SET fiscal_year_end_month = ? WHERE id = 1",
           {p.assumptions.fiscalYearEndMonth ? QVariant(*p.assumptions.fiscalYearEndMonth)
                                             : QVariant(QMetaType(QMetaType::Int))});
    c.exec("UPDATE portfolio SET demand_sku = ?, demand_reversion_per_year = ?, demand_volatility = ? WHERE "
           "id = 1",
           {p.demand ? text(p.demand->sku) : QVariant(QMetaType(QMetaType::QString)),
            m.demand.reversionPerYear, m.demand.volatility});
    if (p.demand)
        for (std::size_t i = 0; i < p.demand->curve.size(); ++i)
            c.exec("INSERT INTO demand_points (position, date, gpus) VALUES (?, ?, ?)",
                   {qint64(i), date(p.demand->curve[i].date), p.demand->curve[i].gpus});
    // Schema 11: the forward curve, its points in their own table.
    const auto& curve = m.gpuPrice.forwardCurve;
    c.exec("UPDATE portfolio SET gpu_forward_sku = ? WHERE id = 1",
           {curve && curve->sku ? text(*curve->sku) : QVariant(QMetaType(QMetaType::QString))});
    if (curve)
        for (std::size_t i = 0; i < curve->points.size(); ++i)
            c.exec("INSERT INTO gpu_forward_points (position, date, price) VALUES (?, ?, ?)",
                   {qint64(i), date(curve->points[i].date), curve->points[i].price});
    for (const auto& [input, range] : p.sensitivity)
        c.exec("INSERT INTO sensitivity_ranges (input, low, high) VALUES (?, ?, ?)",
               {text(input), range.low, range.high});
    writeScenarios(c, p);
    c.exec("UPDATE portfolio SET content_sha256 = ? WHERE id = 1", {portfolioInputsHash(p)});
}

// One row of a table, read by column name and type-checked: a document edited outside the app (a
// text "15,000" where a number belongs) is refused with the table, the row and the column named,
// never read as 0.
class Row {
public:
    // `of`: which rows these are, when the query selects some ("contract_id \"cw-2025\"").
    Row(const QSqlQuery& q, const QSqlRecord& columns, const char* table, int row, QString of)
        : q_(q)
        , columns_(columns)
        , table_(table)
        , row_(row)
        , of_(std::move(of)) {}

    double real(const char* column) const {
        const QVariant v = value(column);
        if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::LongLong)
            return v.toDouble();
        bad(column, v, "a number");
    }
    std::optional<double> optionalReal(const char* column) const {
        if (value(column).isNull())
            return std::nullopt;
        return real(column);
    }
    std::int64_t integer(const char* column) const {
        const QVariant v = value(column);
        if (v.typeId() == QMetaType::LongLong)
            return v.toLongLong();
        bad(column, v, "a whole number");
    }
    std::optional<int> optionalSmallInteger(const char* column) const {
        if (value(column).isNull())
            return std::nullopt;
        return smallInteger(column);
    }
    int smallInteger(const char* column) const {
        const std::int64_t i = integer(column);
        if (i < -1'000'000 || i > 1'000'000)
            bad(column, value(column), "a whole number within +-1000000");
        return int(i);
    }
    bool flag(const char* column) const {
        const std::int64_t i = integer(column);
        if (i != 0 && i != 1)
            bad(column, value(column), "0 or 1");
        return i == 1;
    }
    std::string text(const char* column) const {
        const QVariant v = value(column);
        if (v.typeId() == QMetaType::QString && !v.isNull())
            return v.toString().toStdString();
        bad(column, v, "text");
    }
    std::optional<std::string> optionalText(const char* column) const {
        if (value(column).isNull())
            return std::nullopt;
        return text(column);
    }
    Date date(const char* column) const {
        const auto d = parseIsoDate(text(column));
        if (!d)
            bad(column, value(column), "a date YYYY-MM-DD");
        return *d;
    }
    std::optional<Date> optionalDate(const char* column) const {
        if (value(column).isNull())
            return std::nullopt;
        return date(column);
    }
    // A field of a kind's table, read by its column as its type and presence say.
    FieldValue field(FieldType type, Presence presence, const char* column) const {
        if (presence == Presence::Optional && value(column).isNull())
            return {};
        switch (type) {
        case FieldType::Number:
            return real(column);
        case FieldType::Integer:
            return (long long)smallInteger(column);
        case FieldType::Date:
            return date(column);
        case FieldType::Text:
        case FieldType::Choice:
            return text(column);
        case FieldType::Tranches:
            break;
        }
        return {};
    }
    [[noreturn]] void problem(const char* column, const std::string& message) const {
        fail(QString("is damaged: %1 row %2%3, column %4: %5")
                 .arg(table_)
                 .arg(row_)
                 .arg(of_.isEmpty() ? QString() : " of " + of_, column, QString::fromStdString(message)));
    }

private:
    QVariant value(const char* column) const {
        const int i = columns_.indexOf(QLatin1String(column));
        if (i < 0)
            fail(QString("is damaged: table %1 has no column %2").arg(table_, column));
        return q_.value(i);
    }
    [[noreturn]] void bad(const char* column, const QVariant& v, const char* expected) const {
        QString held;
        if (v.isNull())
            held = "NULL";
        else if (v.typeId() == QMetaType::QString)
            held = "the text \"" + v.toString().left(60) + "\"";
        else if (v.typeId() == QMetaType::QByteArray)
            held = QString("%1 %2 of binary data")
                       .arg(v.toByteArray().size())
                       .arg(v.toByteArray().size() == 1 ? "byte" : "bytes");
        else
            held = v.toString();
        fail(QString("is damaged: %1 row %2%3, column %4: holds %5, not %6")
                 .arg(table_)
                 .arg(row_)
                 .arg(of_.isEmpty() ? QString() : " of " + of_, column, held, expected));
    }

    const QSqlQuery& q_;
    const QSqlRecord& columns_; // the query's columns, looked up once per query, not per value
    QString table_;
    int row_;
    QString of_;
};

// Rows in document order, each handed to f as a Row numbered from 1.
template <class F>
void forEachRow(Connection& c, const char* table, const QString& sql, const QVariantList& values, F&& f) {
    QSqlQuery q = c.exec(sql, values);
    // A query selecting by one key names it in messages: "tranches row 1 of \"cw-2025\"".
    const QString of = values.isEmpty() ? QString() : "\"" + values.front().toString() + "\"";
    const QSqlRecord columns = q.record();
    int row = 0;
    while (q.next())
        f(Row(q, columns, table, ++row, of));
}

UtilizationCurve readCurve(Connection& c, const std::string& owner) {
    UtilizationCurve curve;
    forEachRow(c, "utilization_points", "SELECT * FROM utilization_points WHERE owner = ? ORDER BY position",
               {text(owner)}, [&](const Row& r) {
                   curve.push_back({r.date("date"), r.real("value")});
               });
    return curve;
}

// A contract's or fleet's row: its table's fields by column, then its own curve and tranches.
template <class Item> Item readItem(Connection& c, const Row& r) {
    Item item{};
    for (const auto& f : ItemKindInfo<Item>::fields()) {
        if (f.type == FieldType::Tranches)
            continue;
        if (const auto problem = assignField(f, item, r.field(f.type, f.presence, f.column)))
            r.problem(f.column, *problem);
    }
    if (r.flag("has_utilization"))
        item.utilization = readCurve(c, item.id);
    if constexpr (std::is_same_v<Item, Contract>) {
        forEachRow(c, "tranches", "SELECT * FROM tranches WHERE contract_id = ? ORDER BY position",
                   {text(item.id)}, [&](const Row& t) {
                       item.tranches.push_back({t.date("date"), t.real("gpus")});
                   });
        forEachRow(
            c, "contract_options", "SELECT * FROM contract_options WHERE contract_id = ? ORDER BY position",
            {text(item.id)}, [&](const Row& o) {
                ContractOption option;
                for (const auto& f : contractOptionFields())
                    if (const auto problem = assignField(f, option, o.field(f.type, f.presence, f.column)))
                        o.problem(f.column, *problem);
                item.options.push_back(option);
            });
    }
    return item;
}

// Schema 10: the scenarios in their order, each with its overrides in theirs.
std::vector<Scenario> readScenarios(Connection& c) {
    std::vector<Scenario> out;
    std::vector<std::int64_t> positions;
    forEachRow(c, "scenarios", "SELECT * FROM scenarios ORDER BY position", {}, [&](const Row& r) {
        positions.push_back(r.integer("position"));
        out.push_back({r.text("name"), r.text("description"), r.text("source"), {}});
        if (QString::fromStdString(out.back().name).trimmed().isEmpty())
            r.problem("name", "is empty: a scenario needs a name");
    });
    for (std::size_t i = 0; i < out.size(); ++i)
        forEachRow(c, "scenario_overrides",
                   "SELECT * FROM scenario_overrides WHERE scenario = ? ORDER BY position",
                   {qint64(positions[i])}, [&](const Row& r) {
                       out[i].overrides.push_back({r.text("path"), r.text("value")});
                   });
    return out;
}

// The portfolio as stored, and the checksum stored with it (empty when NULL: only documents
// migrated from version 1 by a build before version 3 lack one).
struct StoredPortfolio {
    Portfolio portfolio;
    QString checksum;
};

StoredPortfolio readStoredPortfolio(Connection& c) {
    StoredPortfolio stored;
    Portfolio& p = stored.portfolio;
    bool found = false, hasAlternatives = false;
    std::optional<std::string> forwardSku;
    forEachRow(c, "portfolio", "SELECT * FROM portfolio WHERE id = 1", {}, [&](const Row& r) {
        found = true;
        p.name = r.text("name");
        p.notes = r.text("notes");
        p.currency = r.text("currency");
        p.valuationDate = r.date("valuation_date");
        p.assumptions.discountRate = r.real("discount_rate");
        p.assumptions.taxRate = r.real("tax_rate");
        p.assumptions.horizonEnd = r.optionalDate("horizon_end");
        p.assumptions.fiscalYearEndMonth = r.optionalSmallInteger("fiscal_year_end_month");
        hasAlternatives = r.flag("has_alternatives");
        p.simulation.paths = r.integer("simulation_paths");
        const std::int64_t seed = r.integer("simulation_seed");
        p.simulation.seed = seed < 0 ? std::numeric_limits<std::uint64_t>::max() : std::uint64_t(seed);
        auto& m = p.market;
        m.gpuPrice.trendPerYear = r.real("gpu_trend_per_year");
        m.gpuPrice.reversionPerYear = r.real("gpu_reversion_per_year");
        m.gpuPrice.volatility = r.real("gpu_volatility");
        if (r.flag("has_next_generation"))
            m.nextGeneration =
                NextGeneration{r.date("launch_earliest"), r.date("launch_mode"), r.date("launch_latest"),
                               r.real("price_drop_min"), r.real("price_drop_max")};
        m.utilization.reversionPerYear = r.real("utilization_reversion_per_year");
        m.utilization.volatility = r.real("utilization_volatility");
        m.powerPrice.reversionPerYear = r.real("power_reversion_per_year");
        m.powerPrice.volatility = r.real("power_volatility");
        m.correlation = parseCorrelation(QString::fromStdString(r.text("correlation")));
        m.replacementPremium = r.real("replacement_premium");
        m.onDemandPremium = r.real("on_demand_premium");
        m.scarcityPremium = r.real("scarcity_premium");
        m.spotCovers = r.optionalText("spot_covers");
        m.demand.reversionPerYear = r.real("demand_reversion_per_year");
        m.demand.volatility = r.real("demand_volatility");
        if (auto sku = r.optionalText("demand_sku"))
            p.demand = Demand{*sku, {}};
        forwardSku = r.optionalText("gpu_forward_sku");
        stored.checksum = QString::fromStdString(r.optionalText("content_sha256").value_or(""));
    });
    if (!found)
        fail("is damaged: it holds no portfolio");

    forEachRow(c, "skus", "SELECT * FROM skus ORDER BY position", {}, [&](const Row& r) {
        p.skus.push_back({r.text("id"), r.text("name"), r.real("perf_index"),
                          r.real("market_price_per_gpu_hour"), r.real("capex_per_gpu"),
                          r.real("it_kw_per_gpu"), r.text("notes")});
    });
    p.utilization = readCurve(c, "");

    forEachItemKind([&]<class Item>(std::type_identity<Item>) {
        const char* table = ItemKindInfo<Item>::list;
        forEachRow(c, table, QString("SELECT * FROM %1 ORDER BY position").arg(table), {},
                   [&](const Row& r) { ItemKindInfo<Item>::items(p).push_back(readItem<Item>(c, r)); });
    });

    if (hasAlternatives) {
        p.alternatives.emplace();
        forEachRow(c, "alternatives", "SELECT * FROM alternatives ORDER BY position", {}, [&](const Row& r) {
            Alternative a{r.text("id"), r.text("name"), {}};
            forEachRow(c, "alternative_items",
                       "SELECT * FROM alternative_items WHERE alternative_id = ? ORDER BY position",
                       {text(a.id)}, [&](const Row& i) { a.items.push_back(i.text("item_id")); });
            p.alternatives->push_back(std::move(a));
        });
    }
    forEachRow(c, "sources", "SELECT * FROM sources", {},
               [&](const Row& r) { p.sources[r.text("path")] = r.text("source"); });
    forEachRow(c, "sensitivity_ranges", "SELECT * FROM sensitivity_ranges ORDER BY input", {},
               [&](const Row& r) {
                   p.sensitivity[r.text("input")] = {r.real("low"), r.real("high")};
               });
    if (p.demand)
        forEachRow(c, "demand_points", "SELECT * FROM demand_points ORDER BY position", {},
                   [&](const Row& r) {
                       p.demand->curve.push_back({r.date("date"), r.real("gpus")});
                   });
    ForwardCurve curve{forwardSku, {}};
    forEachRow(c, "gpu_forward_points", "SELECT * FROM gpu_forward_points ORDER BY position", {},
               [&](const Row& r) {
                   curve.points.push_back({r.date("date"), r.real("price")});
               });
    // A curve is there when it has points; a SKU named without any is damage, not "no curve".
    if (!curve.points.empty())
        p.market.gpuPrice.forwardCurve = std::move(curve);
    else if (forwardSku)
        fail("is damaged: portfolio names gpu_forward_sku \"" + QString::fromStdString(*forwardSku) +
             "\" but gpu_forward_points holds no point");
    p.scenarios = readScenarios(c);
    return stored;
}

// The portfolio of a current document, whose checksum must be there and match.
Portfolio readPortfolio(Connection& c) {
    StoredPortfolio stored = readStoredPortfolio(c);
    if (stored.checksum.isEmpty())
        fail("is damaged: the checksum of its numbers is missing");
    if (stored.checksum != portfolioInputsHash(stored.portfolio))
        fail("is damaged: its numbers do not match the checksum saved with them");
    return std::move(stored.portfolio);
}

void checkIntegrity(Connection& c) {
    QSqlQuery q(c.db());
    if (!q.exec("PRAGMA integrity_check")) {
        // Not every failure of the first read is damage (SQLite's primary result codes).
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
        if (code == 5 || code == 6) // SQLITE_BUSY, SQLITE_LOCKED
            fail("is in use by another program that holds it locked; close it there and try again");
        if (code == 8) // SQLITE_READONLY: a save a crash interrupted must be rolled back first
            fail("cannot be opened: a save was interrupted here and must be rolled back, but the file or "
                 "its folder is read-only; make both writable and open it again");
        fail("is damaged: " + sqliteProblem(q.lastError()).left(200).simplified());
    }
    const QString result = q.next() ? q.value(0).toString() : QString("no answer to the integrity check");
    if (result != "ok")
        fail("is damaged: " + result.left(200).simplified());
}

// Refuses a document whose schema is not exactly the one its version has: a trigger planted with
// the sqlite3 tool would otherwise run on the next save (and has doubled every tranche).
void checkSchema(Connection& c, int version) {
    QSqlDatabase db = c.db();
    if (const QString difference = schemaDifference(db, version); !difference.isEmpty())
        fail("is not a document as ComputeLedger saves it: " + difference +
             " (triggers, views, extra tables and columns are refused: they could change the numbers "
             "on the next save)");
}

// Writes the checksum of the numbers an older document holds, inside the migration: from version
// 3 on, every document has one, so a version-3 document without one is damaged, not migrated.
void stampChecksum(Connection& c, int from) {
    const StoredPortfolio stored = readStoredPortfolio(c);
    if (from >= 3 && stored.checksum.isEmpty())
        fail("is damaged: the checksum of its numbers is missing");
    const QString hash = portfolioInputsHash(stored.portfolio);
    if (!stored.checksum.isEmpty() && stored.checksum != hash)
        fail("is damaged: its numbers do not match the checksum saved with them");
    c.exec("UPDATE portfolio SET content_sha256 = ? WHERE id = 1", {hash});
}

// Brings an older document to kSchemaVersion inside a transaction the caller commits or rolls back.
void beginMigration(Connection& c, int from) {
    c.begin();
    // Under the write lock: another process may have migrated the document since `from` was read.
    from = c.scalar("PRAGMA user_version").toInt();
    if (from >= kSchemaVersion)
        return;
    checkSchema(c, from);
    QSqlDatabase db = c.db();
    QString error;
    if (!migrateSchema(db, from, kSchemaVersion, &error)) {
        c.rollback();
        fail(error);
    }
    c.exec(QString("PRAGMA user_version = %1").arg(kSchemaVersion));
    stampChecksum(c, from);
}

// Brings an older document to kSchemaVersion in one transaction.
void migrate(Connection& c, int from) {
    if (from >= kSchemaVersion)
        return;
    try {
        beginMigration(c, from);
        c.commit();
    } catch (...) {
        c.rollback();
        throw;
    }
}

void openDocument(std::optional<Connection>& c, const QString& path, bool readOnly) {
    try {
        c.emplace(path, readOnly);
    } catch (const DocumentError& e) {
        fail("is damaged: " + QString::fromStdString(e.what()));
    }
}

Portfolio readValidPortfolio(Connection& c, const SkuCatalog& catalog) {
    Portfolio p = readPortfolio(c);
    if (const auto err = validatePortfolio(p, catalog))
        fail(QString::fromStdString(err->toString()));
    // As a JSON file's: each scenario must apply to the base case (data/Scenarios.h).
    if (const QString problem = scenariosProblem(p, catalog); !problem.isEmpty())
        fail(problem);
    return p;
}

// An older document's portfolio, read from a migrated scratch copy beside it (its folder is
// writable: an older document is opened only there), so the document itself is not written to
// unless it is valid.
Portfolio readMigratedCopy(Connection& document, const QString& path, int fromVersion,
                           const SkuCatalog& catalog) {
    // In the temporary folder, not beside the document: a crash must not leave a copy of the
    // numbers in the user's folder (and the next start removes what a killed run left there).
    const QTemporaryDir scratch(temporaryFolderTemplate());
    if (!scratch.isValid())
        fail("cannot be opened: no scratch copy of this older document can be made to check it: " +
             scratch.errorString());
    const QString copy = scratch.filePath("check.cledger");
    QFile original(path);
    // Copied under a read lock, so no other process's save can be half in the copy.
    document.exec("BEGIN");
    document.scalar("SELECT count(*) FROM sqlite_master");
    const bool copied = original.copy(copy);
    document.rollback();
    if (!copied)
        fail("cannot be opened: no scratch copy of this older document can be made to check it: " +
             original.errorString());
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    std::optional<Connection> c; // closed before the scratch folder goes
    openDocument(c, copy, false);
    checkIntegrity(*c);
    beginMigration(*c, fromVersion);
    return readValidPortfolio(*c, catalog);
}

bool writable(const QString& path) {
    const QFileInfo file(path);
    const QFileInfo dir(file.absolutePath());
    return dir.isWritable() && (!file.exists() || file.isWritable());
}

template <class F> bool guarded(const QString& path, QString* error, F&& f) {
    try {
        f();
        return true;
    } catch (const DocumentError& e) {
        *error = oneLine(path + ": " + QString::fromStdString(e.what()));
    } catch (const std::exception& e) {
        *error = oneLine(path + ": " + QString::fromStdString(e.what()));
    }
    return false;
}

// Opens an existing document for writing, after the header checks.
void checkExistingTarget(const QString& path) {
    if (!writable(path))
        fail(QString("cannot be saved: %1 is read-only (save it elsewhere with Save As)")
                 .arg(QFileInfo(path).isWritable() || !QFileInfo(path).exists()
                          ? "the folder " + QFileInfo(path).absolutePath()
                          : QString("the file")));
    const Header h = readHeader(path);
    if (h.empty)
        return;
    checkHeader(h);
}

QByteArray documentFingerprint(const QString& checksum) {
    return "cledger:" + checksum.toLatin1();
}
QByteArray jsonFingerprint(const QByteArray& bytes) {
    return "json:" + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

[[noreturn]] void changedSinceOpened() {
    fail("cannot be saved: it was changed by another program or window since it was opened, and saving "
         "would overwrite those changes; save under another name, or open it again");
}

// A new document's file while it is built: "deal.cledger.saving-<pid>-<uuid>", so the next open
// or save of deal.cledger can tell a killed save's leftovers from a running one's.
QString savingPrefix(const QString& path) {
    return QFileInfo(path).fileName() + ".saving-";
}

QStringList removeSaveLeftovers(const QString& path) {
    const QStringList removed = removeLeftovers(QFileInfo(path).absolutePath(), savingPrefix(path));
    if (removed.isEmpty())
        return {};
    return {QString("removed %1 %2 an interrupted save left beside %3 (%4)")
                .arg(removed.size())
                .arg(removed.size() == 1 ? "file" : "files", QFileInfo(path).fileName(), removed.join(", "))};
}

} // namespace

bool isSqliteFile(const QString& path) {
    if (!isRegularFile(path)) // a pipe would lose the bytes read here, a FIFO could block
        return false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

PortfolioLoad loadDocument(const QString& path, const SkuCatalog& catalog) {
    PortfolioLoad out;
    // First, also when the file is missing: a save killed before its rename leaves only those.
    out.notices = removeSaveLeftovers(path);
    out.error = portfolioFileProblem(path);
    if (!out.error.isEmpty())
        return out;
    if (!isRegularFile(path)) {
        out.error = oneLine(path + ": is a stream, not a file; a .cledger document is read from a file");
        return out;
    }
    Portfolio p;
    const bool ok = guarded(path, &out.error, [&] {
        const Header h = readHeader(path);
        checkHeader(h);
        // Read-write when possible so SQLite can roll back a save a crash interrupted (restoring
        // the last saved state); a read-only file is read as it is.
        // SQLite follows a link and keeps its journal beside the target: so do the checks.
        const QString file = QFileInfo(path).canonicalFilePath();
        const bool rw = writable(file);
        std::optional<Connection> c;
        openDocument(c, file, !rw);
        // The first read: SQLite rolls back a save a crash interrupted, so the version is read after
        // it (a migrating save cut short leaves the new version in the header, the old in the journal).
        checkIntegrity(*c);
        const int version = c->scalar("PRAGMA user_version").toInt();
        // Before anything is written or migrated: a planted trigger would run then.
        checkSchema(*c, version);
        if (version < kSchemaVersion) {
            // Checked on a copy first, migrated in place only when valid: a refused document stays
            // as it was, byte for byte (even a rolled-back migration in place rounds the file up to
            // whole pages). Found by fuzz_cledger.
            if (!rw)
                fail(QString("is an older document (version %1) in a read-only place; make the file and "
                             "its folder writable to open it (a copy keeps the read-only mode)")
                         .arg(version));
            p = readMigratedCopy(*c, file, version, catalog);
            migrate(*c, version);
        } else {
            p = readValidPortfolio(*c, catalog);
        }
        out.fingerprint = documentFingerprint(portfolioInputsHash(p));
    });
    if (!ok)
        return out;
    out.portfolio = std::move(p);
    return out;
}

bool saveDocument(const Portfolio& p, const QString& path, QString* error, QByteArray* fingerprint) {
    return guarded(path, error, [&] {
        if (QFileInfo(path).isDir())
            fail("is a directory");
        if (const QString problem = outputFileProblem(path); !problem.isEmpty())
            throw DocumentError(problem.mid(path.size() + 2).toStdString());
        removeSaveLeftovers(path);
        const QString hash = portfolioInputsHash(p);
        if (QFileInfo::exists(path) && QFileInfo(path).size() > 0) {
            checkExistingTarget(path);
            Connection c(path, false);
            c.exec("PRAGMA synchronous = FULL");
            c.begin();
            try {
                checkIntegrity(c);
                // Read under the write lock: another process may have migrated it a moment ago.
                const int version = c.scalar("PRAGMA user_version").toInt();
                checkSchema(c, version);
                if (fingerprint && !fingerprint->isEmpty()) {
                    const QString stored =
                        version >= 2
                            ? c.scalar("SELECT content_sha256 FROM portfolio WHERE id = 1").toString()
                            : QString();
                    if (documentFingerprint(stored) != *fingerprint)
                        changedSinceOpened();
                }
                if (version < kSchemaVersion) {
                    QSqlDatabase db = c.db();
                    QString migrationError;
                    if (!migrateSchema(db, version, kSchemaVersion, &migrationError))
                        fail(migrationError);
                    c.exec(QString("PRAGMA user_version = %1").arg(kSchemaVersion));
                }
                writePortfolio(c, p);
                c.commit();
            } catch (...) {
                c.rollback();
                throw;
            }
            if (fingerprint)
                *fingerprint = documentFingerprint(hash);
            return;
        }
        if (fingerprint && !fingerprint->isEmpty())
            changedSinceOpened(); // it was opened, and is gone or emptied now
        // A new file is built beside its destination and renamed into place: never half there.
        if (!writable(path))
            fail(QString("cannot be saved: the folder %1 is read-only (save it elsewhere with Save As)")
                     .arg(QFileInfo(path).absolutePath()));
        const QString temporary = QFileInfo(path).absolutePath() + "/" + savingPrefix(path) + leftoverTag() +
                                  QUuid::createUuid().toString(QUuid::WithoutBraces);
        try {
            {
                QFile probe(temporary);
                if (!probe.open(QIODevice::WriteOnly))
                    fail(QString("cannot be saved: the folder %1 cannot be written (%2); save it elsewhere "
                                 "with Save As")
                             .arg(QFileInfo(path).absolutePath(), probe.errorString()));
            }
            Connection c(temporary, false);
            c.exec(QString("PRAGMA application_id = %1").arg(kApplicationId));
            c.begin();
            QSqlDatabase db = c.db();
            QString migrationError;
            if (!migrateSchema(db, 0, kSchemaVersion, &migrationError))
                fail(migrationError);
            c.exec(QString("PRAGMA user_version = %1").arg(kSchemaVersion));
            writePortfolio(c, p);
            c.commit();
        } catch (...) {
            QFile::remove(temporary);
            throw;
        }
        if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
            QFile::remove(temporary);
            fail("cannot be saved: renaming the new file into place failed");
        }
        if (fingerprint)
            *fingerprint = documentFingerprint(hash);
    });
}

bool appendSimulationRun(const QString& path, const SimulationRunRecord& run, QString* error) {
    return guarded(path, error, [&] {
        checkExistingTarget(path);
        Connection c(path, false);
        checkIntegrity(c);
        const int version = c.scalar("PRAGMA user_version").toInt();
        checkSchema(c, version);
        migrate(c, version);
        c.begin();
        c.exec("INSERT INTO simulation_runs (created, inputs_hash, seed, paths, device, seconds, statistics) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               {run.created.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : run.created,
                run.inputsHash, qint64(run.seed), qint64(run.paths), run.device, run.seconds,
                QString::fromUtf8(run.statistics)});
        c.commit();
    });
}

std::vector<SimulationRunRecord> listSimulationRuns(const QString& path, QString* error) {
    std::vector<SimulationRunRecord> runs;
    guarded(path, error, [&] {
        if (const QString problem = portfolioFileProblem(path); !problem.isEmpty() || !isRegularFile(path))
            throw DocumentError(problem.isEmpty()
                                    ? "is a stream, not a file; a .cledger document is read from a file"
                                    : problem.mid(path.size() + 2).toStdString());
        const Header h = readHeader(path);
        checkHeader(h);
        if (h.userVersion < 2)
            return; // no runs before version 2
        Connection c(path, true);
        checkSchema(c, int(h.userVersion));
        forEachRow(c, "simulation_runs", "SELECT * FROM simulation_runs ORDER BY id", {}, [&](const Row& r) {
            runs.push_back({r.integer("id"), QString::fromStdString(r.text("created")),
                            QString::fromStdString(r.text("inputs_hash")), std::uint64_t(r.integer("seed")),
                            r.integer("paths"), QString::fromStdString(r.text("device")), r.real("seconds"),
                            QByteArray::fromStdString(r.text("statistics"))});
        });
    });
    return runs;
}

QString portfolioInputsHash(const Portfolio& p) {
    return QString::fromLatin1(
        QCryptographicHash::hash(writePortfolioJson(p), QCryptographicHash::Sha256).toHex());
}

QString simulationInputsHash(const Portfolio& p) {
    // The tornado's settings and the scenarios are not inputs of the base case's paths.
    if (p.sensitivity.empty() && p.scenarios.empty())
        return portfolioInputsHash(p);
    Portfolio simulated = p;
    simulated.sensitivity.clear();
    simulated.scenarios.clear();
    return portfolioInputsHash(simulated);
}

PortfolioLoad loadPortfolioFile(const QString& path, const SkuCatalog& catalog) {
    // By content where the file can be looked at twice; a stream is read once, as JSON.
    // A missing .cledger too: the document loader removes what a killed save left in its place.
    if (isSqliteFile(path) ||
        (path.endsWith(".cledger", Qt::CaseInsensitive) && (isRegularFile(path) || !QFileInfo::exists(path))))
        return loadDocument(path, catalog);
    const InputFile in = readInputFile(path, "portfolio file", kMaxFileBytes);
    PortfolioLoad out;
    if (!in.ok()) {
        out.error = in.error;
        return out;
    }
    if (in.bytes.startsWith(QByteArray("SQLite format 3\0", 16))) {
        out.error = oneLine(path + ": is a stream, not a file; a .cledger document is read from a file");
        return out;
    }
    out = readPortfolioJson(in.bytes, path, catalog);
    if (out.ok())
        out.fingerprint = jsonFingerprint(in.bytes);
    return out;
}

bool savePortfolioFile(const Portfolio& p, const QString& path, QString* error, QByteArray* fingerprint) {
    // An existing document stays a document, whatever its name: its stored runs are kept.
    if (path.endsWith(".cledger", Qt::CaseInsensitive) || isSqliteFile(path))
        return saveDocument(p, path, error, fingerprint);
    if (QFileInfo(path).isDir()) {
        *error = oneLine(path + ": is a directory");
        return false;
    }
    if (*error = outputFileProblem(path); !error->isEmpty())
        return false;
    const QByteArray bytes = writePortfolioJson(p);
    if (qint64(bytes.size()) > kMaxFileBytes) {
        *error =
            oneLine(path + QString(": cannot be saved: the portfolio's JSON would be %1 MB, above the %2 MB "
                                   "a portfolio file may hold; save it as a .cledger document")
                               .arg(bytes.size() >> 20)
                               .arg(kMaxFileBytes >> 20));
        return false;
    }
    if (fingerprint && !fingerprint->isEmpty()) {
        const InputFile current = readInputFile(path, "portfolio file", kMaxFileBytes);
        if (!current.ok() || jsonFingerprint(current.bytes) != *fingerprint) {
            *error =
                oneLine(path + ": cannot be saved: it was changed by another program or window since it "
                               "was opened, and saving would overwrite those changes; save under another "
                               "name, or open it again");
            return false;
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = oneLine(path + ": cannot be saved: " + file.errorString());
        return false;
    }
    file.write(bytes);
    if (!file.commit()) {
        *error = oneLine(path + ": cannot be saved: " + file.errorString());
        return false;
    }
    if (fingerprint)
        *fingerprint = jsonFingerprint(bytes);
    return true;
}

} // namespace ledger::data
