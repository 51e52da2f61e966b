#include "PortfolioEdit.h"

#include "PortfolioJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ledger::data {

namespace {

// "contracts[0].tranches[1].gpus" -> {"contracts", 0, "tranches", 1, "gpus"}; empty on a bad path.
std::vector<QVariant> parsePath(const QString& path) {
    std::vector<QVariant> out;
    static const QRegularExpression token(R"(([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\])");
    qsizetype at = 0;
    while (at < path.size()) {
        if (path[at] == '.' && at > 0) {
            ++at;
            continue;
        }
        const auto m = token.match(path, at, QRegularExpression::NormalMatch,
                                   QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return {};
        if (m.capturedLength(1) > 0)
            out.emplace_back(m.captured(1));
        else
            out.emplace_back(m.captured(2).toLongLong());
        at = m.capturedEnd();
    }
    return out;
}

bool setAt(QJsonValue& node, const std::vector<QVariant>& path, std::size_t i, const QJsonValue& value) {
    if (i == path.size()) {
        node = value;
        return true;
    }
    if (path[i].typeId() == QMetaType::QString) {
        if (!node.isObject())
            return false;
        QJsonObject o = node.toObject();
        const QString key = path[i].toString();
        if (i + 1 == path.size() && value.isUndefined()) {
            o.remove(key);
        } else {
            QJsonValue child = o.value(key);
            if (!setAt(child, path, i + 1, value))
                return false;
            o[key] = child;
        }
        node = o;
        return true;
    }
    if (!node.isArray())
        return false;
    QJsonArray a = node.toArray();
    const qsizetype index = path[i].toLongLong();
    if (index < 0 || index >= a.size())
        return false;
    QJsonValue child = a[index];
    if (!setAt(child, path, i + 1, value))
        return false;
    a[index] = child;
    node = a;
    return true;
}

} // namespace

std::optional<Portfolio> withValues(const Portfolio& p,
                                    const std::vector<std::pair<QString, QJsonValue>>& values,
                                    const SkuCatalog& catalog, QString* error) {
    QJsonValue root = QJsonDocument::fromJson(writePortfolioJson(p)).object();
    for (const auto& [path, value] : values) {
        const auto tokens = parsePath(path);
        if (tokens.empty() || !setAt(root, tokens, 0, value)) {
            *error = path + ": no such field";
            return std::nullopt;
        }
    }
    const QString name = QStringLiteral("edit");
    auto load =
        readPortfolioJson(QJsonDocument(root.toObject()).toJson(QJsonDocument::Compact), name, catalog);
    if (!load.ok()) {
        *error = load.error.mid(name.size() + 2); // the message without the file name
        return std::nullopt;
    }
    return std::move(load.portfolio);
}

std::optional<Portfolio> withValue(const Portfolio& p, const QString& path, const QJsonValue& value,
                                   const SkuCatalog& catalog, QString* error) {
    return withValues(p, {{path, value}}, catalog, error);
}

QJsonValue valueAt(const Portfolio& p, const QString& path) {
    QJsonValue node = QJsonDocument::fromJson(writePortfolioJson(p)).object();
    for (const QVariant& t : parsePath(path)) {
        if (t.typeId() == QMetaType::QString)
            node = node.toObject().value(t.toString());
        else
            node = node.toArray().at(t.toLongLong());
    }
    return node;
}

} // namespace ledger::data
