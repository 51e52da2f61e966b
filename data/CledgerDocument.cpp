#include "CledgerDocument.h"
#include "MessageText.h"

#include "DocumentSchema.h"
#include "portfolio/Validation.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QVariant>

#include <charconv>
#include <cstdio>
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
QVariant optionalNumber(const std::optional<double>& v) {
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}
QVariant optionalInt(const std::optional<int>& v) {
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Int));
}

std::string str(const QVariant& v) {
    return v.toString().toStdString();
}
Date toDate(const QVariant& v, const char* column) {
    const auto d = parseIsoDate(str(v));
    if (!d)
        fail(QString("is damaged: %1 holds \"%2\", not a date").arg(column, v.toString()));
    return *d;
}
std::optional<double> toOptionalNumber(const QVariant& v) {
    if (v.isNull())
        return std::nullopt;
    return v.toDouble();
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

void insertDepreciationColumns(QVariantList& values, const DepreciationSpec& d) {
    values << text(std::string(toString(d.method))) << optionalInt(d.lifeYears) << d.salvageFraction
           << d.factor << d.bonusFraction;
}

void writePortfolio(Connection& c, const Portfolio& p) {
    for (const char* table : {"tranches", "alternative_items", "utilization_points", "contracts", "fleets",
                              "alternatives", "skus", "sources", "portfolio"})
        c.exec(QString("DELETE FROM %1").arg(table));
    const auto& m = p.market;
    const auto& g = m.nextGeneration;
    c.exec(
        R"(INSERT INTO portfolio (id, name, notes, currency, valuation_date, discount_rate, tax_rate, horizon_end,
              has_alternatives, simulation_paths, simulation_seed, gpu_trend_per_year, gpu_reversion_per_year,
              gpu_volatility, has_next_generation, launch_earliest, launch_mode, launch_latest, price_drop_min,
              price_drop_max, utilization_reversion_per_year, utilization_volatility, power_reversion_per_year,
              power_volatility, correlation, replacement_premium, on_demand_premium, spot_covers)
              VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))",
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
         m.spotCovers ? text(*m.spotCovers) : QVariant(QMetaType(QMetaType::QString))});
    for (std::size_t i = 0; i < p.skus.size(); ++i) {
        const auto& s = p.skus[i];
        c.exec("INSERT INTO skus VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {qint64(i), text(s.id), text(s.name), s.perfIndex, s.marketPricePerGpuHour, s.capexPerGpu,
                s.itKwPerGpu, text(s.notes)});
    }
    insertCurve(c, "", p.utilization);
    for (std::size_t i = 0; i < p.contracts.size(); ++i) {
        const auto& k = p.contracts[i];
        c.exec("INSERT INTO contracts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {qint64(i), text(k.id), text(k.name), text(k.provider), text(k.sku), date(k.start),
                date(k.end), optionalNumber(k.pricePerGpuHour), optionalNumber(k.totalContractValue),
                k.escalator, k.takeOrPay, k.prepayment, k.paymentTermsDays, k.providerDefaultHazard,
                k.recoveryRate, int(k.utilization.has_value()), text(k.notes)});
        for (std::size_t t = 0; t < k.tranches.size(); ++t)
            c.exec("INSERT INTO tranches VALUES (?, ?, ?, ?)",
                   {text(k.id), qint64(t), date(k.tranches[t].date), k.tranches[t].gpus});
        if (k.utilization)
            insertCurve(c, k.id, *k.utilization);
    }
    for (std::size_t i = 0; i < p.fleets.size(); ++i) {
        const auto& f = p.fleets[i];
        QVariantList values{qint64(i),
                            text(f.id),
                            text(f.name),
                            text(f.sku),
                            f.gpus,
                            date(f.inService),
                            optionalDate(f.end),
                            optionalNumber(f.capexPerGpu),
                            f.overheadFraction,
                            optionalNumber(f.itKwPerGpu),
                            f.pue,
                            f.powerPricePerMwh,
                            f.powerEscalator,
                            f.idlePowerFraction,
                            f.colocationPerKwMonth,
                            f.opexFractionPerYear,
                            optionalNumber(f.residualFraction)};
        insertDepreciationColumns(values, f.bookDepreciation);
        insertDepreciationColumns(values, f.taxDepreciation);
        values << int(f.utilization.has_value()) << text(f.notes);
        c.exec("INSERT INTO fleets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
               "?, ?, ?, "
               "?, ?, ?, ?)",
               values);
        if (f.utilization)
            insertCurve(c, f.id, *f.utilization);
    }
    if (p.alternatives) {
        for (std::size_t i = 0; i < p.alternatives->size(); ++i) {
            const auto& a = (*p.alternatives)[i];
            c.exec("INSERT INTO alternatives VALUES (?, ?, ?)", {qint64(i), text(a.id), text(a.name)});
            for (std::size_t j = 0; j < a.items.size(); ++j)
                c.exec("INSERT INTO alternative_items VALUES (?, ?, ?)",
                       {text(a.id), qint64(j), text(a.items[j])});
        }
    }
    for (const auto& [path, source] : p.sources)
        c.exec("INSERT INTO sources VALUES (?, ?)", {text(path), text(source)});
    c.exec("UPDATE portfolio SET content_sha256 = ? WHERE id = 1", {portfolioInputsHash(p)});
}

UtilizationCurve readCurve(Connection& c, const std::string& owner) {
    UtilizationCurve curve;
    QSqlQuery q =
        c.exec("SELECT date, value FROM utilization_points WHERE owner = ? ORDER BY position", {text(owner)});
    while (q.next())
        curve.push_back({toDate(q.value(0), "utilization_points.date"), q.value(1).toDouble()});
    return curve;
}

DepreciationSpec readDepreciation(const QSqlQuery& q, int at) {
    DepreciationSpec d;
    const auto method = depreciationMethodFromString(str(q.value(at)));
    if (!method)
        fail("is damaged: unknown depreciation method \"" + q.value(at).toString() + "\"");
    d.method = *method;
    if (!q.value(at + 1).isNull())
        d.lifeYears = q.value(at + 1).toInt();
    d.salvageFraction = q.value(at + 2).toDouble();
    d.factor = q.value(at + 3).toDouble();
    d.bonusFraction = q.value(at + 4).toDouble();
    return d;
}

Portfolio readPortfolio(Connection& c) {
    Portfolio p;
    QSqlQuery q = c.exec("SELECT * FROM portfolio WHERE id = 1");
    if (!q.next())
        fail("is damaged: it holds no portfolio");
    int i = 1;
    p.name = str(q.value(i++));
    p.notes = str(q.value(i++));
    p.currency = str(q.value(i++));
    p.valuationDate = toDate(q.value(i++), "portfolio.valuation_date");
    p.assumptions.discountRate = q.value(i++).toDouble();
    p.assumptions.taxRate = q.value(i++).toDouble();
    if (!q.value(i).isNull())
        p.assumptions.horizonEnd = toDate(q.value(i), "portfolio.horizon_end");
    ++i;
    const bool hasAlternatives = q.value(i++).toInt() != 0;
    p.simulation.paths = q.value(i++).toLongLong();
    p.simulation.seed = q.value(i++).toULongLong();
    auto& m = p.market;
    m.gpuPrice.trendPerYear = q.value(i++).toDouble();
    m.gpuPrice.reversionPerYear = q.value(i++).toDouble();
    m.gpuPrice.volatility = q.value(i++).toDouble();
    if (q.value(i++).toInt() != 0) {
        m.nextGeneration = NextGeneration{toDate(q.value(i), "portfolio.launch_earliest"),
                                          toDate(q.value(i + 1), "portfolio.launch_mode"),
                                          toDate(q.value(i + 2), "portfolio.launch_latest"),
                                          q.value(i + 3).toDouble(), q.value(i + 4).toDouble()};
    }
    i += 5;
    m.utilization.reversionPerYear = q.value(i++).toDouble();
    m.utilization.volatility = q.value(i++).toDouble();
    m.powerPrice.reversionPerYear = q.value(i++).toDouble();
    m.powerPrice.volatility = q.value(i++).toDouble();
    m.correlation = parseCorrelation(q.value(i++).toString());
    m.replacementPremium = q.value(i++).toDouble();
    m.onDemandPremium = q.value(i++).toDouble();
    if (!q.value(i).isNull())
        m.spotCovers = str(q.value(i));

    QSqlQuery skus =
        c.exec("SELECT id, name, perf_index, market_price_per_gpu_hour, capex_per_gpu, it_kw_per_gpu, notes "
               "FROM skus ORDER BY position");
    while (skus.next())
        p.skus.push_back({str(skus.value(0)), str(skus.value(1)), skus.value(2).toDouble(),
                          skus.value(3).toDouble(), skus.value(4).toDouble(), skus.value(5).toDouble(),
                          str(skus.value(6))});
    p.utilization = readCurve(c, "");

    QSqlQuery cs = c.exec("SELECT * FROM contracts ORDER BY position");
    while (cs.next()) {
        Contract k;
        k.id = str(cs.value(1));
        k.name = str(cs.value(2));
        k.provider = str(cs.value(3));
        k.sku = str(cs.value(4));
        k.start = toDate(cs.value(5), "contracts.start_date");
        k.end = toDate(cs.value(6), "contracts.end_date");
        k.pricePerGpuHour = toOptionalNumber(cs.value(7));
        k.totalContractValue = toOptionalNumber(cs.value(8));
        k.escalator = cs.value(9).toDouble();
        k.takeOrPay = cs.value(10).toDouble();
        k.prepayment = cs.value(11).toDouble();
        k.paymentTermsDays = cs.value(12).toInt();
        k.providerDefaultHazard = cs.value(13).toDouble();
        k.recoveryRate = cs.value(14).toDouble();
        if (cs.value(15).toInt() != 0)
            k.utilization = readCurve(c, k.id);
        k.notes = str(cs.value(16));
        QSqlQuery t =
            c.exec("SELECT date, gpus FROM tranches WHERE contract_id = ? ORDER BY position", {text(k.id)});
        while (t.next())
            k.tranches.push_back({toDate(t.value(0), "tranches.date"), t.value(1).toDouble()});
        p.contracts.push_back(std::move(k));
    }

    QSqlQuery fs = c.exec("SELECT * FROM fleets ORDER BY position");
    while (fs.next()) {
        Fleet f;
        f.id = str(fs.value(1));
        f.name = str(fs.value(2));
        f.sku = str(fs.value(3));
        f.gpus = fs.value(4).toDouble();
        f.inService = toDate(fs.value(5), "fleets.in_service");
        if (!fs.value(6).isNull())
            f.end = toDate(fs.value(6), "fleets.end_date");
        f.capexPerGpu = toOptionalNumber(fs.value(7));
        f.overheadFraction = fs.value(8).toDouble();
        f.itKwPerGpu = toOptionalNumber(fs.value(9));
        f.pue = fs.value(10).toDouble();
        f.powerPricePerMwh = fs.value(11).toDouble();
        f.powerEscalator = fs.value(12).toDouble();
        f.idlePowerFraction = fs.value(13).toDouble();
        f.colocationPerKwMonth = fs.value(14).toDouble();
        f.opexFractionPerYear = fs.value(15).toDouble();
        f.residualFraction = toOptionalNumber(fs.value(16));
        f.bookDepreciation = readDepreciation(fs, 17);
        f.taxDepreciation = readDepreciation(fs, 22);
        if (fs.value(27).toInt() != 0)
            f.utilization = readCurve(c, f.id);
        f.notes = str(fs.value(28));
        p.fleets.push_back(std::move(f));
    }

    if (hasAlternatives) {
        p.alternatives.emplace();
        QSqlQuery as = c.exec("SELECT id, name FROM alternatives ORDER BY position");
        while (as.next()) {
            Alternative a{str(as.value(0)), str(as.value(1)), {}};
            QSqlQuery items =
                c.exec("SELECT item_id FROM alternative_items WHERE alternative_id = ? ORDER BY position",
                       {text(a.id)});
            while (items.next())
                a.items.push_back(str(items.value(0)));
            p.alternatives->push_back(std::move(a));
        }
    }
    QSqlQuery src = c.exec("SELECT path, source FROM sources");
    while (src.next())
        p.sources[str(src.value(0))] = str(src.value(1));
    const QVariant checksum = c.scalar("SELECT content_sha256 FROM portfolio WHERE id = 1");
    if (!checksum.isNull() && checksum.toString() != portfolioInputsHash(p))
        fail("is damaged: its numbers do not match the checksum saved with them");
    return p;
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

// Brings an older document to kSchemaVersion inside a transaction the caller commits or rolls back.
void beginMigration(Connection& c, int from) {
    c.begin();
    // Under the write lock: another process may have migrated the document since `from` was read.
    from = c.scalar("PRAGMA user_version").toInt();
    if (from >= kSchemaVersion)
        return;
    QSqlDatabase db = c.db();
    QString error;
    if (!migrateSchema(db, from, kSchemaVersion, &error)) {
        c.rollback();
        fail(error);
    }
    c.exec(QString("PRAGMA user_version = %1").arg(kSchemaVersion));
}

// Brings an older document to kSchemaVersion in one transaction.
void migrate(Connection& c, int from) {
    if (from >= kSchemaVersion)
        return;
    beginMigration(c, from);
    c.commit();
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
    return p;
}

// An older document's portfolio, read from a migrated scratch copy beside it (its folder is
// writable: an older document is opened only there), so the document itself is not written to
// unless it is valid.
Portfolio readMigratedCopy(Connection& document, const QString& path, int fromVersion,
                           const SkuCatalog& catalog) {
    // In the temporary folder, not beside the document: a crash must not leave a copy of the
    // numbers in the user's folder.
    const QTemporaryDir scratch;
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

} // namespace

bool isSqliteFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

PortfolioLoad loadDocument(const QString& path, const SkuCatalog& catalog) {
    PortfolioLoad out;
    out.error = portfolioFileProblem(path);
    if (!out.error.isEmpty())
        return out;
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
            return;
        }
        p = readValidPortfolio(*c, catalog);
    });
    if (!ok)
        return out;
    out.portfolio = std::move(p);
    return out;
}

bool saveDocument(const Portfolio& p, const QString& path, QString* error) {
    return guarded(path, error, [&] {
        if (QFileInfo(path).isDir())
            fail("is a directory");
        if (QFileInfo::exists(path) && QFileInfo(path).size() > 0) {
            checkExistingTarget(path);
            Connection c(path, false);
            c.exec("PRAGMA synchronous = FULL");
            c.begin();
            // Read under the write lock: another process may have migrated it a moment ago.
            const int version = c.scalar("PRAGMA user_version").toInt();
            try {
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
            return;
        }
        // A new file is built beside its destination and renamed into place: never half there.
        if (!writable(path))
            fail(QString("cannot be saved: the folder %1 is read-only (save it elsewhere with Save As)")
                     .arg(QFileInfo(path).absolutePath()));
        const QString temporary = path + ".saving-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
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
    });
}

bool appendSimulationRun(const QString& path, const SimulationRunRecord& run, QString* error) {
    return guarded(path, error, [&] {
        checkExistingTarget(path);
        const Header h = readHeader(path);
        Connection c(path, false);
        migrate(c, int(h.userVersion));
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
        const Header h = readHeader(path);
        checkHeader(h);
        if (h.userVersion < 2)
            return; // no runs before version 2
        Connection c(path, true);
        QSqlQuery q = c.exec("SELECT id, created, inputs_hash, seed, paths, device, seconds, statistics "
                             "FROM simulation_runs ORDER BY id");
        while (q.next())
            runs.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toULongLong(), q.value(4).toLongLong(), q.value(5).toString(),
                            q.value(6).toDouble(), q.value(7).toString().toUtf8()});
    });
    return runs;
}

QString portfolioInputsHash(const Portfolio& p) {
    return QString::fromLatin1(
        QCryptographicHash::hash(writePortfolioJson(p), QCryptographicHash::Sha256).toHex());
}

PortfolioLoad loadPortfolioFile(const QString& path, const SkuCatalog& catalog) {
    if (isSqliteFile(path) || path.endsWith(".cledger", Qt::CaseInsensitive))
        return loadDocument(path, catalog);
    return loadPortfolioJsonFile(path, catalog);
}

bool savePortfolioFile(const Portfolio& p, const QString& path, QString* error) {
    if (path.endsWith(".cledger", Qt::CaseInsensitive))
        return saveDocument(p, path, error);
    if (QFileInfo(path).isDir()) {
        *error = oneLine(path + ": is a directory");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = oneLine(path + ": cannot be saved: " + file.errorString());
        return false;
    }
    file.write(writePortfolioJson(p));
    if (!file.commit()) {
        *error = oneLine(path + ": cannot be saved: " + file.errorString());
        return false;
    }
    return true;
}

} // namespace ledger::data
