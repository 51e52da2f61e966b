#pragma once
// Typed, path-aware access to a JSON object: every read names its JSON path, so a problem is
// reported as "contracts[1].escalatr: unknown key" and never silently defaulted.
#include "calendar/Date.h"
#include "portfolio/Limits.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace ledger::data {

// The longest array a portfolio file may hold (tranches, curve points, items, alternatives): the
// one limit validation applies to every portfolio, read or written (portfolio/Limits.h).
inline constexpr qsizetype kMaxArrayEntries = qsizetype(kMaxListEntries);

struct JsonPathError {
    std::string path;
    std::string message;
};

class JsonObjectReader {
public:
    // Fails when value is not an object or holds a key outside `allowed`.
    JsonObjectReader(const QJsonValue& value, std::string path, const QStringList& allowed);

    const std::string& path() const { return path_; }
    std::string pathOf(const QString& key) const;
    bool has(const QString& key) const { return object_.contains(key); }

    std::string string(const QString& key) const;
    std::optional<std::string> optionalString(const QString& key) const;
    double number(const QString& key) const;
    std::optional<double> optionalNumber(const QString& key) const;
    double number(const QString& key, double fallback) const {
        return optionalNumber(key).value_or(fallback);
    }
    long long integer(const QString& key, long long lo, long long hi) const;
    std::optional<long long> optionalInteger(const QString& key, long long lo, long long hi) const;
    Date date(const QString& key) const;
    std::optional<Date> optionalDate(const QString& key) const;
    // At most kMaxArrayEntries entries: a runaway export is refused before it is evaluated.
    QJsonArray array(const QString& key) const;
    std::optional<QJsonArray> optionalArray(const QString& key) const;
    QJsonValue value(const QString& key) const { return object_.value(key); }

    [[noreturn]] static void fail(const std::string& path, const std::string& message);
    static double toNumber(const QJsonValue& v, const std::string& path);
    static Date toDate(const QJsonValue& v, const std::string& path);
    static std::string toString(const QJsonValue& v, const std::string& path);
    static const char* typeName(const QJsonValue& v);

private:
    QJsonValue required(const QString& key) const;
    QJsonObject object_;
    std::string path_;
};

} // namespace ledger::data
