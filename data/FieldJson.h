#pragma once
// The JSON side of the field tables (portfolio/ItemFields.h): an item's object read and written by
// walking its table, and one field's value taken from or given as JSON. The file reader, the writer
// and a typed edit (PortfolioEdit.h) use these, so a field reads the same wherever it is typed.
#include "data/JsonObjectReader.h"
#include "portfolio/ItemFields.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace ledger::data {

// A field's value as a file holds it (undefined when absent).
QJsonValue fieldToJson(const FieldValue& v);

// The value under `key` of r as a field of `type` reads it (monostate when absent). Throws
// JsonPathError with the path and JSON reader's words ("expected a number, got a string").
FieldValue readJsonField(const JsonObjectReader& r, const QString& key, FieldType type, const Bounds& bounds);

// The keys an item's object may hold: its table's (the first part of a nested key) and `extra`.
template <class Item> QStringList allowedKeys(const std::vector<ItemField<Item>>& fields, QStringList extra) {
    for (const auto& f : fields) {
        const QString top = QString::fromLatin1(f.key).section('.', 0, 0);
        if (!extra.contains(top))
            extra << top;
    }
    return extra;
}

// Every field of the table from r into item; a nested key ("book_depreciation.method") from the
// object it names, which is itself missing only when it holds a required field.
template <class Item>
void readItemFields(const JsonObjectReader& r, Item& item, const std::vector<ItemField<Item>>& fields) {
    for (const auto& f : fields) {
        const QString key = QString::fromLatin1(f.key);
        const QString top = key.section('.', 0, 0);
        if (top == key) {
            if (auto problem = assignField(f, item, readJsonField(r, key, f.type, f.bounds)))
                JsonObjectReader::fail(r.pathOf(key), *problem);
            continue;
        }
        if (!r.has(top)) {
            if (auto problem = assignField(f, item, FieldValue{}))
                JsonObjectReader::fail(r.pathOf(top), *problem);
            continue;
        }
        QStringList inner;
        for (const auto& g : fields)
            if (QString::fromLatin1(g.key).section('.', 0, 0) == top)
                inner << QString::fromLatin1(g.key).section('.', 1);
        // An object given empty says nothing: not silently the same as leaving it out ("lease": {}).
        if (r.value(top).isObject() && r.value(top).toObject().isEmpty())
            JsonObjectReader::fail(r.pathOf(top), "is empty (give " + inner.join(", ").toStdString() +
                                                      ", or leave it out)");
        const JsonObjectReader nested(r.value(top), r.pathOf(top), inner);
        const QString leaf = key.section('.', 1);
        if (auto problem = assignField(f, item, readJsonField(nested, leaf, f.type, f.bounds)))
            JsonObjectReader::fail(nested.pathOf(leaf), *problem);
    }
}

// The item's object: every field that holds a value (free text only when not empty).
template <class Item>
QJsonObject writeItemFields(const Item& item, const std::vector<ItemField<Item>>& fields) {
    QJsonObject o;
    for (const auto& f : fields) {
        const FieldValue v = f.access.get(item);
        if (std::holds_alternative<std::monostate>(v))
            continue;
        if (f.type == FieldType::Text && f.presence == Presence::Defaulted &&
            std::get<std::string>(v).empty())
            continue;
        const QString key = QString::fromLatin1(f.key);
        const QString top = key.section('.', 0, 0);
        if (top == key) {
            o[key] = fieldToJson(v);
        } else {
            QJsonObject nested = o.value(top).toObject();
            nested[key.section('.', 1)] = fieldToJson(v);
            o[top] = nested;
        }
    }
    return o;
}

} // namespace ledger::data
