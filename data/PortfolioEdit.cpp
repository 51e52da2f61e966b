#include "data/PortfolioEdit.h"

#include "data/FieldJson.h"
#include "data/MessageText.h"
#include "data/PortfolioJson.h"
#include "data/Scenarios.h"
#include "portfolio/MarketFields.h"
#include "portfolio/Validation.h"

#include <QRegularExpression>

namespace ledger::data {

namespace {

// A path into an item of one kind: "contracts[2].escalator" -> index 2, key "escalator" (nullopt
// when the path is not of that kind or names no item of it).
struct ItemPath {
    std::size_t index = 0;
    QString itemPath; // "contracts[2]"
    QString key;      // "escalator", "book_depreciation.method"
};
template <class Item> std::optional<ItemPath> itemPath(const Portfolio& p, const QString& path) {
    const QString list = QString::fromLatin1(ItemKindInfo<Item>::list);
    static const QRegularExpression shape(R"(^([a-z_]+)\[(\d+)\]\.(.+)$)");
    const auto m = shape.match(path);
    if (!m.hasMatch() || m.captured(1) != list)
        return std::nullopt;
    bool ok = false;
    const std::size_t index = m.captured(2).toULongLong(&ok);
    if (!ok || index >= ItemKindInfo<Item>::items(p).size())
        return std::nullopt;
    return ItemPath{index, list + "[" + m.captured(2) + "]", m.captured(3)};
}

// A path into a contract's option: "contracts[0].options[2].fee" -> contract 0, option 2, key "fee"
// (nullopt when the path is not an option's or names no option of the portfolio).
struct OptionPath {
    std::size_t contract = 0;
    std::size_t option = 0;
    QString optionPath; // "contracts[0].options[2]"
    QString key;
};
std::optional<OptionPath> optionPath(const Portfolio& p, const QString& path) {
    static const QRegularExpression shape(R"(^contracts\[(\d+)\]\.options\[(\d+)\]\.(.+)$)");
    const auto m = shape.match(path);
    if (!m.hasMatch())
        return std::nullopt;
    bool okContract = false, okOption = false;
    const std::size_t c = m.captured(1).toULongLong(&okContract);
    const std::size_t o = m.captured(2).toULongLong(&okOption);
    if (!okContract || !okOption || c >= p.contracts.size() || o >= p.contracts[c].options.size())
        return std::nullopt;
    return OptionPath{c, o, path.section('.', 0, 1), m.captured(3)};
}

// The value read as the file reader reads the field, so its messages are the file's. False when
// the table has no such key.
template <class Item>
bool assignJson(Item& item, const std::vector<ItemField<Item>>& fields, const QString& itemPath,
                const QString& key, const QJsonValue& value, QString* problem) {
    const ItemField<Item>* f = findField(fields, key.toStdString());
    if (!f)
        return false;
    const QString parent = key.contains('.') ? key.section('.', 0, -2) : QString();
    const QString leaf = key.section('.', -1);
    std::string at = itemPath.toStdString();
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
// A path is "alternatives", an item's field ("fleets[0].pue", every kind alike), a SKU's of the
// portfolio's own ("skus[0].capex_per_gpu"), the market model's ("market.gpu_price.volatility") or
// the portfolio's.
bool apply(Portfolio& p, const QString& path, const QJsonValue& value, QString* problem) {
    bool found = false;
    if (path == "alternatives") {
        found = true;
        try {
            if (value.isUndefined())
                p.alternatives.reset();
            else
                p.alternatives = readAlternativesJson(value);
        } catch (const JsonPathError& e) {
            *problem = QString::fromStdString(e.path + ": " + e.message);
        }
    } else if (const auto at = optionPath(p, path)) {
        found = assignJson(p.contracts[at->contract].options[at->option], contractOptionFields(),
                           at->optionPath, at->key, value, problem);
    } else if (!path.contains(".options[")) {
        bool anItem = false;
        forEachItemKind([&]<class Item>(std::type_identity<Item>) {
            if (const auto at = itemPath<Item>(p, path)) {
                anItem = true;
                found = assignJson(ItemKindInfo<Item>::items(p)[at->index], ItemKindInfo<Item>::fields(),
                                   at->itemPath, at->key, value, problem);
            }
        });
        if (const auto at = itemPath<Sku>(p, path)) {
            anItem = true;
            found = assignJson(p.skus[at->index], skuFields(), at->itemPath, at->key, value, problem);
        }
        if (path.startsWith("market.next_generation.") && !p.market.nextGeneration) {
            *problem = path + ": no next generation is modelled; add one first";
            return false;
        }
        if (!anItem && !path.contains('['))
            found = assignJson(p, path.startsWith("market.") ? marketFields() : portfolioFields(), QString(),
                               path, value, problem);
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
    // An edit of the base case must leave every scenario applicable, or the file would not read back.
    if (const QString problem = scenariosProblem(next, catalog); !problem.isEmpty()) {
        *error = oneLine(problem);
        return std::nullopt;
    }
    return next;
}

std::optional<Portfolio> withValue(const Portfolio& p, const QString& path, const QJsonValue& value,
                                   const SkuCatalog& catalog, QString* error) {
    return withValues(p, {{path, value}}, catalog, error);
}

QJsonValue valueAt(const Portfolio& p, const QString& path) {
    auto read = [](const auto& item, const auto& fields, const QString& key) {
        const auto* f = findField(fields, key.toStdString());
        return f ? fieldToJson(f->access.get(item)) : QJsonValue(QJsonValue::Undefined);
    };
    QJsonValue out(QJsonValue::Undefined);
    if (const auto at = optionPath(p, path))
        return read(p.contracts[at->contract].options[at->option], contractOptionFields(), at->key);
    bool anItem = false;
    forEachItemKind([&]<class Item>(std::type_identity<Item>) {
        if (const auto at = itemPath<Item>(p, path)) {
            anItem = true;
            out = read(ItemKindInfo<Item>::items(p)[at->index], ItemKindInfo<Item>::fields(), at->key);
        }
    });
    if (const auto at = itemPath<Sku>(p, path)) {
        anItem = true;
        out = read(p.skus[at->index], skuFields(), at->key);
    }
    if (!anItem && !path.contains('['))
        out = read(p, path.startsWith("market.") ? marketFields() : portfolioFields(), path);
    return out;
}

} // namespace ledger::data
