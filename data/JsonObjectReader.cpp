#include "data/JsonObjectReader.h"

#include <cmath>

namespace ledger::data {

JsonObjectReader::JsonObjectReader(const QJsonValue& value, std::string path, const QStringList& allowed)
    : path_(std::move(path)) {
    if (!value.isObject())
        fail(path_, std::string("expected an object, got ") + typeName(value));
    object_ = value.toObject();
    for (auto it = object_.begin(); it != object_.end(); ++it) {
        if (!allowed.contains(it.key()))
            fail(pathOf(it.key()), "unknown key");
    }
}

std::string JsonObjectReader::pathOf(const QString& key) const {
    return path_.empty() ? key.toStdString() : path_ + "." + key.toStdString();
}

void JsonObjectReader::fail(const std::string& path, const std::string& message) {
    throw JsonPathError{path, message};
}

const char* JsonObjectReader::typeName(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        return "nothing";
    }
    return "an unknown value";
}

QJsonValue JsonObjectReader::required(const QString& key) const {
    if (!object_.contains(key))
        fail(pathOf(key), "missing");
    return object_.value(key);
}

double JsonObjectReader::toNumber(const QJsonValue& v, const std::string& path) {
    if (!v.isDouble())
        fail(path, std::string("expected a number, got ") + typeName(v));
    const double d = v.toDouble();
    if (!std::isfinite(d))
        fail(path, "is not a finite number");
    return d;
}

Date JsonObjectReader::toDate(const QJsonValue& v, const std::string& path) {
    if (!v.isString())
        fail(path, std::string("expected a date string YYYY-MM-DD, got ") + typeName(v));
    const auto text = v.toString().toStdString();
    const auto d = parseIsoDate(text);
    if (!d)
        fail(path, "\"" + text + "\" is not a real date in the form YYYY-MM-DD");
    return *d;
}

std::string JsonObjectReader::toString(const QJsonValue& v, const std::string& path) {
    if (!v.isString())
        fail(path, std::string("expected a string, got ") + typeName(v));
    return v.toString().toStdString();
}

std::string JsonObjectReader::string(const QString& key) const {
    return toString(required(key), pathOf(key));
}

std::optional<std::string> JsonObjectReader::optionalString(const QString& key) const {
    if (!has(key))
        return std::nullopt;
    return string(key);
}

double JsonObjectReader::number(const QString& key) const {
    return toNumber(required(key), pathOf(key));
}

std::optional<double> JsonObjectReader::optionalNumber(const QString& key) const {
    if (!has(key))
        return std::nullopt;
    return number(key);
}

long long JsonObjectReader::integer(const QString& key, long long lo, long long hi) const {
    const double d = number(key);
    if (d != std::floor(d))
        fail(pathOf(key), "expected a whole number, got " + QByteArray::number(d, 'g', 17).toStdString());
    if (d < double(lo) || d > double(hi)) {
        // The number as written where Qt kept it exactly (9007199254740993, not its double 2^53).
        const long long exact = object_.value(key).toInteger();
        const std::string shown =
            double(exact) == d ? std::to_string(exact) : QByteArray::number(d, 'g', 17).toStdString();
        fail(pathOf(key), shown + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    }
    // Integers up to 2^63 are kept exactly by Qt; doubles only to 2^53.
    return object_.value(key).toInteger();
}

std::optional<long long> JsonObjectReader::optionalInteger(const QString& key, long long lo,
                                                           long long hi) const {
    if (!has(key))
        return std::nullopt;
    return integer(key, lo, hi);
}

Date JsonObjectReader::date(const QString& key) const {
    return toDate(required(key), pathOf(key));
}

std::optional<Date> JsonObjectReader::optionalDate(const QString& key) const {
    if (!has(key))
        return std::nullopt;
    return date(key);
}

QJsonArray JsonObjectReader::array(const QString& key) const {
    const QJsonValue v = required(key);
    if (!v.isArray())
        fail(pathOf(key), std::string("expected an array, got ") + typeName(v));
    const QJsonArray a = v.toArray();
    if (a.size() > kMaxArrayEntries)
        fail(pathOf(key), std::to_string(a.size()) + " entries; at most " + std::to_string(kMaxArrayEntries) +
                              " are read (a monthly curve over 40 years has 480)");
    return a;
}

std::optional<QJsonArray> JsonObjectReader::optionalArray(const QString& key) const {
    if (!has(key))
        return std::nullopt;
    return array(key);
}

} // namespace ledger::data
