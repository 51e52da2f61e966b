#include "data/ShardFile.h"

#include "data/PortfolioJson.h"
#include "portfolio/Limits.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <bit>
#include <cstring>

namespace ledger::data {

namespace {

static_assert(std::endian::native == std::endian::little, "shard files hold little-endian numbers");

constexpr char kMagic[] = "CLEDGER-SHARD\n"; // 14 bytes, then the format as 4 bytes
constexpr qint64 kMagicBytes = sizeof kMagic - 1;
constexpr qint64 kHeaderBytes = kMagicBytes + 4 + 8; // magic, format, manifest length
constexpr qint64 kMaxManifestBytes = qint64(64) << 20;
// BLAKE2b-256: what a cut or damaged file is caught by. Qt's runs at 4.6 times its SHA-256's speed
// here (735 against 160 MB/s), which was half of a merge's time.
constexpr QCryptographicHash::Algorithm kChecksum = QCryptographicHash::Blake2b_256;
constexpr qint64 kHashBytes = 32;
// A line sum as the file keeps it: the 128-bit integer (low, high word) and the rest.
constexpr qint64 kLineSumBytes = 16 + 8;

// The rows of the outcomes in the order the file holds them, each `paths` values long: the NPV
// cost, LCOC and cumulative cash rows; the defaults (one byte a path); with the accounting view
// the EBITDA and pre-tax cost rows.
template <class Visit>
void forEachRow(const ShardManifest& m, const ShardOutcomes& s, std::size_t offset, Visit visit) {
    const PathOutcomes& cash = *s.cash;
    const std::size_t stride = std::size_t(cash.stride), a = std::size_t(m.alternatives),
                      ay = a * std::size_t(m.years);
    auto rows = [&](const auto& buffer, std::size_t count) {
        for (std::size_t r = 0; r < count; ++r)
            visit(reinterpret_cast<const char*>(buffer.data() + r * stride + offset), sizeof(buffer[0]));
    };
    rows(cash.npv, a);
    rows(cash.lcoc, a);
    rows(cash.cumulative, ay);
    rows(cash.defaulted, std::size_t(m.providers));
    if (!m.accounting)
        return;
    rows(s.ebitda->cumulative, ay);
    rows(s.pretax->cumulative, ay);
}

// The option paths' rows: per option its without, as-written, cost and expected-cost rows, each
// from `offset` in rows of o.paths.
template <class Visit> void forEachOptionRow(const OptionPaths& o, std::size_t offset, Visit visit) {
    const std::size_t n = std::size_t(o.paths);
    for (std::size_t i = 0; i < std::size_t(o.options); ++i)
        for (const std::vector<double>* v : {&o.without, &o.asWritten, &o.cost, &o.expected})
            visit(reinterpret_cast<const char*>(v->data() + i * n + offset), sizeof(double));
}

qint64 payloadBytes(const ShardManifest& m) {
    const qint64 n = m.range.paths(), a = m.alternatives, ay = a * m.years;
    const qint64 doubles = (2 * a + ay * (m.accounting ? 3 : 1)) * n;
    return doubles * 8 + qint64(m.providers) * n + a * kCostLines * kLineSumBytes +
           qint64(m.options) * 4 * n * 8;
}

QJsonObject manifestJson(const ShardManifest& m) {
    return {{"format", m.format},
            {"version", m.version},
            {"base_hash", m.baseHash},
            {"inputs_hash", m.inputsHash},
            {"scenario", m.scenario},
            {"seed", QString::number(m.seed)}, // 53 bits fit a double; a string says it exactly anyway
            {"paths", qint64(m.paths)},
            {"begin", qint64(m.range.begin)},
            {"end", qint64(m.range.end)},
            {"shard", m.index},
            {"shards", m.count},
            {"unit", qint64(m.unit)},
            {"device", m.device},
            {"threads", m.threads},
            {"accounting", m.accounting},
            {"seconds", m.seconds},
            {"path_seconds", m.pathSeconds},
            {"created", m.created},
            {"alternatives", m.alternatives},
            {"years", m.years},
            {"providers", m.providers},
            {"options", m.options},
            {"exercise_rules", m.exerciseRules},
            {"portfolio", m.portfolio}};
}

// The manifest's fields, each checked: a key missing or of the wrong type is named.
std::optional<ShardManifest> manifestFrom(const QJsonObject& o, QString* problem) {
    ShardManifest m;
    auto has = [&](const char* key, QJsonValue::Type type) {
        if (o.value(key).type() == type)
            return true;
        *problem = QString("its manifest's \"%1\" is missing or not a %2")
                       .arg(key, type == QJsonValue::String   ? "text"
                                 : type == QJsonValue::Bool   ? "true or false"
                                 : type == QJsonValue::Object ? "JSON object"
                                                              : "number");
        return false;
    };
    auto integer = [&](const char* key, qint64 lo, qint64 hi, qint64* out) {
        if (!has(key, QJsonValue::Double))
            return false;
        const double d = o.value(key).toDouble();
        if (!(d >= double(lo) && d <= double(hi)) || d != double(qint64(d))) {
            *problem =
                QString("its manifest's \"%1\" is not a whole number in %2..%3").arg(key).arg(lo).arg(hi);
            return false;
        }
        *out = qint64(d);
        return true;
    };
    auto text = [&](const char* key, QString* out) {
        if (!has(key, QJsonValue::String))
            return false;
        *out = o.value(key).toString();
        return true;
    };
    qint64 format = 0, paths = 0, begin = 0, end = 0, shard = 0, shards = 0, unit = 0, threads = 0, a = 0,
           y = 0, p = 0, options = 0;
    QString seed;
    // Bounds a run this version writes cannot exceed: a crafted manifest cannot ask for sizes that
    // overflow the payload's size or a range's arithmetic.
    constexpr qint64 kMaxYears = kLastSupportedYear - kFirstSupportedYear + 1;
    if (!integer("format", 0, 1 << 20, &format) || !text("version", &m.version) ||
        !text("base_hash", &m.baseHash) || !text("inputs_hash", &m.inputsHash) ||
        !text("scenario", &m.scenario) || !text("seed", &seed) || !integer("paths", 1, kMaxPaths, &paths) ||
        !integer("begin", 0, kMaxPaths, &begin) || !integer("end", 0, kMaxPaths, &end) ||
        !integer("shard", 0, kMaxShards - 1, &shard) || !integer("shards", 1, kMaxShards, &shards) ||
        !integer("unit", 32, 131072, &unit) || !text("device", &m.device) ||
        !integer("threads", 0, 1 << 20, &threads) || !integer("alternatives", 1, 100000, &a) ||
        !integer("years", 0, kMaxYears, &y) || !integer("providers", 0, kMaxProviders, &p) ||
        !integer("options", 0, 100000, &options) || !text("created", &m.created))
        return std::nullopt;
    if (unit % 32 != 0) {
        *problem = "its manifest's \"unit\" is not a multiple of 32";
        return std::nullopt;
    }
    if (format != kShardFormat) {
        *problem = QString("is a shard of format %1; this version reads format %2: run the shards and the "
                           "merge with the same version")
                       .arg(format)
                       .arg(kShardFormat);
        return std::nullopt;
    }
    bool ok = false;
    m.seed = seed.toULongLong(&ok);
    if (!ok) {
        *problem = "its manifest's \"seed\" is not a whole number";
        return std::nullopt;
    }
    if (!has("accounting", QJsonValue::Bool) || !has("seconds", QJsonValue::Double) ||
        !has("path_seconds", QJsonValue::Double) || !has("portfolio", QJsonValue::Object) ||
        !has("exercise_rules", QJsonValue::Object))
        return std::nullopt;
    if (begin > end || end > paths || shard >= shards) {
        *problem =
            QString("its manifest's range [%1, %2) of %3 paths (shard %4 of %5) is not a range of the run")
                .arg(begin)
                .arg(end)
                .arg(paths)
                .arg(shard)
                .arg(shards);
        return std::nullopt;
    }
    m.format = int(format);
    m.paths = paths;
    m.range = {begin, end};
    m.index = int(shard);
    m.count = int(shards);
    m.unit = unit;
    m.threads = int(threads);
    m.accounting = o.value("accounting").toBool();
    m.seconds = o.value("seconds").toDouble();
    m.pathSeconds = o.value("path_seconds").toDouble();
    m.alternatives = int(a);
    m.years = int(y);
    m.providers = int(p);
    m.portfolio = o.value("portfolio").toObject();
    m.options = int(options);
    m.exerciseRules = o.value("exercise_rules").toObject();
    return m;
}

void putUint(QByteArray& b, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i)
        b.append(char((v >> (8 * i)) & 0xff));
}

std::uint64_t getUint(const char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= std::uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

} // namespace

bool writeShardFile(const QString& path, const ShardManifest& m, const ShardOutcomes& shard,
                    const OptionPaths* options, QString* error) {
    if ((m.options > 0) != (options != nullptr) ||
        (options && (options->options != m.options || options->first != m.range.begin ||
                     options->paths != m.range.paths()))) {
        *error = path + ": the shard's option paths are not its manifest's";
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = path + ": cannot be written (" + file.errorString() + ")";
        return false;
    }
    QCryptographicHash hash(kChecksum);
    bool ok = true;
    auto write = [&](const char* data, qint64 bytes) {
        hash.addData(QByteArrayView(data, bytes));
        ok = ok && file.write(data, bytes) == bytes;
    };
    const QByteArray manifest = QJsonDocument(manifestJson(m)).toJson(QJsonDocument::Compact);
    if (manifest.size() > kMaxManifestBytes) {
        *error = path + ": the manifest (the portfolio with the run's settings) is over 64 MB";
        return false;
    }
    QByteArray header(kMagic, kMagicBytes);
    putUint(header, std::uint64_t(m.format), 4);
    putUint(header, std::uint64_t(manifest.size()), 8);
    write(header.constData(), header.size());
    write(manifest.constData(), manifest.size());
    const qint64 n = m.range.paths();
    forEachRow(m, shard, 0, [&](const char* row, std::size_t size) { write(row, n * qint64(size)); });
    QByteArray lines;
    for (const OrderFreeSum& s : shard.lines.sums) {
        const unsigned __int128 fixed = static_cast<unsigned __int128>(s.fixedPart());
        putUint(lines, std::uint64_t(fixed), 8);
        putUint(lines, std::uint64_t(fixed >> 64), 8);
        putUint(lines, std::bit_cast<std::uint64_t>(s.restPart()), 8);
    }
    write(lines.constData(), lines.size());
    if (options)
        forEachOptionRow(*options, 0,
                         [&](const char* row, std::size_t size) { write(row, n * qint64(size)); });
    const QByteArray digest = hash.result();
    ok = ok && file.write(digest) == digest.size();
    if (!ok || !file.commit()) {
        *error = path + ": cannot be written (" + file.errorString() + ")";
        return false;
    }
    return true;
}

std::optional<ShardManifest> readShardManifest(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + ": cannot be read (" + file.errorString() + ")";
        return std::nullopt;
    }
    const QByteArray header = file.read(kHeaderBytes);
    if (header.size() < kMagicBytes || !header.startsWith(QByteArray(kMagic, kMagicBytes))) {
        *error = path + ": is not a shard file (computeledger simulate --shard writes them)";
        return std::nullopt;
    }
    if (header.size() < kHeaderBytes) {
        *error = path + ": is damaged: it ends inside its header";
        return std::nullopt;
    }
    if (const std::uint64_t format = getUint(header.constData() + kMagicBytes, 4); format != kShardFormat) {
        *error =
            QString("%1: is a shard of format %2; this version reads format %3: run the shards and the merge "
                    "with the same version")
                .arg(path, QString::number(format), QString::number(kShardFormat));
        return std::nullopt;
    }
    const qint64 length = qint64(getUint(header.constData() + kMagicBytes + 4, 8));
    if (length < 2 || length > kMaxManifestBytes || kHeaderBytes + length > file.size()) {
        *error = path + ": is damaged: its manifest's length does not fit the file";
        return std::nullopt;
    }
    QJsonParseError parse;
    const QByteArray manifestBytes = file.read(length);
    const QJsonDocument doc = QJsonDocument::fromJson(manifestBytes, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = path + ": is damaged: its manifest is not JSON (" + parse.errorString() + ")";
        return std::nullopt;
    }
    QString problem;
    auto m = manifestFrom(doc.object(), &problem);
    if (!m) {
        *error = path + ": " + (problem.startsWith("is ") ? problem : "is damaged: " + problem);
        return std::nullopt;
    }
    m->manifestDigest = QCryptographicHash::hash(manifestBytes, kChecksum);
    const qint64 expected = kHeaderBytes + length + payloadBytes(*m) + kHashBytes;
    if (file.size() != expected) {
        *error = path + QString(": is damaged: it holds %1 bytes where its manifest needs %2 (cut short or "
                                "appended to)")
                            .arg(file.size())
                            .arg(expected);
        return std::nullopt;
    }
    return m;
}

std::optional<Portfolio> shardPortfolio(const ShardManifest& m, const SkuCatalog& catalog, QString* error) {
    PortfolioLoad load = readPortfolioJsonObject(m.portfolio, "the shards' portfolio", catalog);
    if (!load.ok()) {
        *error = load.error;
        return std::nullopt;
    }
    return std::move(load.portfolio);
}

bool readShardOutcomes(const QString& path, const ShardManifest& m, ShardOutcomes& into, OptionPaths* options,
                       QString* error) {
    if (into.range.begin > m.range.begin || into.range.end < m.range.end || into.accounting != m.accounting ||
        into.cash->alternatives != m.alternatives || into.cash->years != m.years ||
        into.cash->providers != m.providers) {
        *error = path + ": its outcomes' shape is not the portfolio's";
        return false;
    }
    if ((m.options > 0) != (options != nullptr) ||
        (options && (options->options != m.options || options->first > m.range.begin ||
                     options->first + options->paths < m.range.end))) {
        *error = path + ": its option paths' shape is not the portfolio's";
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + ": cannot be read (" + file.errorString() + ")";
        return false;
    }
    QCryptographicHash hash(kChecksum);
    bool ok = true;
    // The rows go straight into the whole run's at the shard's place (const: the visit's view).
    auto read = [&](const char* data, qint64 bytes) {
        char* to = const_cast<char*>(data);
        ok = ok && file.read(to, bytes) == bytes;
        if (ok)
            hash.addData(QByteArrayView(to, bytes));
    };
    QByteArray head(kHeaderBytes, '\0');
    read(head.constData(), kHeaderBytes);
    const qint64 length = qint64(getUint(head.constData() + kMagicBytes + 4, 8));
    // The file must still be the one whose manifest the merge checked.
    if (!ok || length < 2 || length > kMaxManifestBytes) {
        *error = path + ": changed after its manifest was read";
        return false;
    }
    QByteArray manifest(length, '\0');
    read(manifest.constData(), length);
    if (!ok || QCryptographicHash::hash(manifest, kChecksum) != m.manifestDigest) {
        *error = path + ": changed after its manifest was read";
        return false;
    }
    const qint64 n = m.range.paths();
    forEachRow(m, into, std::size_t(m.range.begin - into.range.begin),
               [&](const char* row, std::size_t size) { read(row, n * qint64(size)); });
    QByteArray lines(qint64(into.lines.sums.size()) * kLineSumBytes, '\0');
    read(lines.constData(), lines.size());
    if (options)
        forEachOptionRow(*options, std::size_t(m.range.begin - options->first),
                         [&](const char* row, std::size_t size) { read(row, n * qint64(size)); });
    const QByteArray digest = file.read(kHashBytes);
    if (!ok || digest != hash.result()) {
        *error = path + ": is damaged: its checksum does not match its contents";
        return false;
    }
    for (std::size_t i = 0; i < into.lines.sums.size(); ++i) {
        const char* at = lines.constData() + qint64(i) * kLineSumBytes;
        const unsigned __int128 fixed =
            (static_cast<unsigned __int128>(getUint(at + 8, 8)) << 64) | getUint(at, 8);
        into.lines.sums[i].add(OrderFreeSum::fromParts(static_cast<__int128>(fixed),
                                                       std::bit_cast<double>(getUint(at + 16, 8))));
    }
    into.device = m.device.toStdString();
    into.threads = m.threads;
    return true;
}

} // namespace ledger::data
