#include "data/FieldJson.h"

#include <QJsonArray>

#include <cmath>

namespace ledger::data {

namespace {
struct ToJson {
    QJsonValue operator()(std::monostate) const { return QJsonValue(QJsonValue::Undefined); }
    QJsonValue operator()(double v) const { return v; }
    QJsonValue operator()(long long v) const { return qint64(v); }
    QJsonValue operator()(const std::string& v) const { return QString::fromStdString(v); }
    QJsonValue operator()(const Date& v) const { return QString::fromStdString(formatIsoDate(v)); }
    QJsonValue operator()(const std::vector<Tranche>& v) const {
        QJsonArray a;
        for (const auto& t : v)
            a.append(QJsonObject{{"date", (*this)(t.date)}, {"gpus", t.gpus}});
        return a;
    }
};
} // namespace

QJsonValue fieldToJson(const FieldValue& v) {
    return std::visit(ToJson{}, v);
}

FieldValue readJsonField(const JsonObjectReader& r, const QString& key, FieldType type,
                         const Bounds& bounds) {
    if (!r.has(key))
        return {};
    switch (type) {
    case FieldType::Text:
    case FieldType::Choice:
        return r.string(key);
    case FieldType::Number:
        return r.number(key);
    case FieldType::Integer:
        // Whole-number fields have finite bounds; a table row without them reads within +-1e9.
        return r.integer(key, std::isfinite(bounds.lo) ? (long long)bounds.lo : -1'000'000'000LL,
                         std::isfinite(bounds.hi) ? (long long)bounds.hi : 1'000'000'000LL);
    case FieldType::Date:
        return r.date(key);
    case FieldType::Tranches: {
        std::vector<Tranche> tranches;
        const QJsonArray a = r.array(key);
        for (qsizetype i = 0; i < a.size(); ++i) {
            const JsonObjectReader t(a[i], r.pathOf(key) + "[" + std::to_string(i) + "]", {"date", "gpus"});
            tranches.push_back({t.date("date"), t.number("gpus")});
        }
        return tranches;
    }
    }
    return {};
}

} // namespace ledger::data
