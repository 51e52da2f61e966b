#include "data/PortfolioEdit.h"

#include "data/FieldJson.h"
#include "data/MessageText.h"
#include "data/PortfolioJson.h"
#include "portfolio/Validation.h"

#include <QRegularExpression>

namespace ledger::data {

namespace {

// Where a path points: the item (or the portfolio itself) and the key in its table.
struct Target {
    enum class Owner { None, Portfolio, Contract, Fleet, Alternatives } owner = Owner::None;
    std::size_t index = 0;
    QString itemPath; // "contracts[2]", empty for the portfolio
    QString key;      // "escalator", "book_depreciation.method", "assumptions.tax_rate"
};

Target locate(const Portfolio& p, const QString& path) {
    Target t;
    if (path == "alternatives") {
        t.owner = Target::Owner::Alternatives;
        return t;
    }
    static const QRegularExpression item(R"(^(contracts|fleets)\[(\d+)\]\.(.+)$)");
    if (const auto m = item.match(path); m.hasMatch()) {
        const bool contract = m.captured(1) == "contracts";
        bool ok = false;
        t.index = m.captured(2).toULongLong(&ok);
        if (!ok || t.index >= (contract ? p.contracts.size() : p.fleets.size()))
            return t;
        t.owner = contract ? Target::Owner::Contract : Target::Owner::Fleet;
        t.itemPath = m.captured(1) + "[" + m.captured(2) + "]";
        t.key = m.captured(3);
        return t;
    }
    t.owner = Target::Owner::Portfolio;
    t.key = path;
    return t;
}

// The value read as the file reader reads the field, so its messages are the file's.
template <class Item>
bool assignJson(Item& item, const std::vector<ItemField<Item>>& fields, const Target& t,
                const QJsonValue& value, QString* problem) {
    const ItemField<Item>* f = findField(fields, t.key.toStdString());
    if (!f)
        return false;
    const QString parent = t.key.contains('.') ? t.key.section('.', 0, -2) : QString();
    const QString leaf = t.key.section('.', -1);
    std::string at = t.itemPath.toStdString();
    if (!parent.isEmpty()) {
        if (!at.empty())
            at += '.';
        at += parent.toStdString();
    }
    try {
        QJsonObject holder;
        if (!value.isUndefined())
            holder[leaf] = value;
        const JsonObjectReader r(holder, at, {leaf});
        if (const auto message = assignField(*f, item, readJsonField(r, leaf, f->type, f->bounds)))
            JsonObjectReader::fail(r.pathOf(leaf), *message);
    } catch (const JsonPathError& e) {
        *problem = QString::fromStdString(e.path + ": " + e.message);
    }
    return true;
}

// Sets one value; false and *problem when the path names no field or the value is not of its type.
bool apply(Portfolio& p, const QString& path, const QJsonValue& value, QString* problem) {
    const Target t = locate(p, path);
    bool found = false;
    switch (t.owner) {
    case Target::Owner::None:
        break;
    case Target::Owner::Portfolio:
        found = assignJson(p, portfolioFields(), t, value, problem);
        break;
    case Target::Owner::Contract:
        found = assignJson(p.contracts[t.index], contractFields(), t, value, problem);
        break;
    case Target::Owner::Fleet:
        found = assignJson(p.fleets[t.index], fleetFields(), t, value, problem);
        break;
    case Target::Owner::Alternatives:
        found = true;
        try {
            if (value.isUndefined())
                p.alternatives.reset();
            else
                p.alternatives = readAlternativesJson(value);
        } catch (const JsonPathError& e) {
            *problem = QString::fromStdString(e.path + ": " + e.message);
        }
        break;
    }
    if (!found)
        *problem = path + ": no such field";
    return problem->isEmpty();
}

} // namespace

std::optional<Portfolio> withValues(const Portfolio& p,
                                    const std::vector<std::pair<QString, QJsonValue>>& values,
                                    const SkuCatalog& catalog, QString* error) {
    Portfolio next = p;
    for (const auto& [path, value] : values) {
        QString problem;
        if (!apply(next, path, value, &problem)) {
            *error = oneLine(problem);
            return std::nullopt;
        }
    }
    if (const auto err = validatePortfolio(next, catalog)) {
        *error = oneLine(QString::fromStdString(err->toString()));
        return std::nullopt;
    }
    return next;
}

std::optional<Portfolio> withValue(const Portfolio& p, const QString& path, const QJsonValue& value,
                                   const SkuCatalog& catalog, QString* error) {
    return withValues(p, {{path, value}}, catalog, error);
}

QJsonValue valueAt(const Portfolio& p, const QString& path) {
    const Target t = locate(p, path);
    auto read = [&](const auto& item, const auto& fields) {
        const auto* f = findField(fields, t.key.toStdString());
        return f ? fieldToJson(f->access.get(item)) : QJsonValue(QJsonValue::Undefined);
    };
    switch (t.owner) {
    case Target::Owner::Portfolio:
        return read(p, portfolioFields());
    case Target::Owner::Contract:
        return read(p.contracts[t.index], contractFields());
    case Target::Owner::Fleet:
        return read(p.fleets[t.index], fleetFields());
    case Target::Owner::None:
    case Target::Owner::Alternatives:
        break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace ledger::data
