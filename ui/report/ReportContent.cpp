#include "ui/report/ReportContent.h"

#include "ui/report/ReportTables.h"

#include "analytics/Sensitivity.h"
#include "data/CledgerDocument.h"
#include "data/PortfolioJson.h"
#include "engine/DeterministicEngine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <set>

namespace ledger::report {

namespace {

QString leafText(const QJsonValue& v) {
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? "true" : "false";
    if (v.isNull())
        return "null";
    return exactNumber(v.toDouble());
}

void flatten(const QJsonValue& v, const QString& path, std::vector<std::pair<QString, QString>>& out) {
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            // Labels and structure are not assumptions; notes and sources are the trail itself.
            if (it.key() == "notes" || it.key() == "sources" || it.key() == "id" || it.key() == "name")
                continue;
            flatten(it.value(), path.isEmpty() ? it.key() : path + "." + it.key(), out);
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            flatten(a[i], QString("%1[%2]").arg(path).arg(i), out);
    } else {
        out.emplace_back(path, leafText(v));
    }
}

// "contracts[0].tranches[1].gpus" -> "contracts[0].tranches[1]" -> "contracts[0].tranches" -> ...
QString parentPath(const QString& path) {
    const qsizetype dot = path.lastIndexOf('.');
    const qsizetype bracket = path.lastIndexOf('[');
    const qsizetype cut = std::max(dot, bracket);
    return cut > 0 ? path.left(cut) : QString();
}

// The notes of the contract, fleet or SKU a path belongs to.
QString itemNotes(const Portfolio& p, const QString& path) {
    auto indexAfter = [&](const QString& prefix) -> int {
        if (!path.startsWith(prefix + "["))
            return -1;
        return path.mid(prefix.size() + 1, path.indexOf(']') - prefix.size() - 1).toInt();
    };
    auto notes = [](const auto& items, int i) -> QString {
        return i >= 0 && i < int(items.size()) ? QString::fromStdString(items[std::size_t(i)].notes)
                                               : QString();
    };
    if (const int i = indexAfter("contracts"); i >= 0)
        return notes(p.contracts, i);
    if (const int i = indexAfter("fleets"); i >= 0)
        return notes(p.fleets, i);
    if (const int i = indexAfter("skus"); i >= 0)
        return notes(p.skus, i);
    return {};
}

// "contracts[1].tranches[0].gpus" -> "cw-2026.tranches[0].gpus": ids read better than indices.
QString itemLabel(const Portfolio& p, const QString& path) {
    static const QRegularExpression item(R"(^(contracts|fleets|skus)\[(\d+)\](.*)$)");
    const auto m = item.match(path);
    if (!m.hasMatch())
        return path;
    const std::size_t i = m.captured(2).toULong();
    const QString kind = m.captured(1);
    std::string id;
    if (kind == "contracts" && i < p.contracts.size())
        id = p.contracts[i].id;
    else if (kind == "fleets" && i < p.fleets.size())
        id = p.fleets[i].id;
    else if (kind == "skus" && i < p.skus.size())
        id = "SKU " + p.skus[i].id;
    return id.empty() ? path : QString::fromStdString(id) + m.captured(3);
}

QString tr(const char* text) {
    return QCoreApplication::translate("ReportContent", text);
}

} // namespace

std::vector<AssumptionRow> assumptionRows(const Portfolio& p) {
    const QJsonObject root = QJsonDocument::fromJson(data::writePortfolioJson(p)).object();
    std::vector<std::pair<QString, QString>> leaves;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == "format" || it.key() == "version" || it.key() == "notes" || it.key() == "sources" ||
            it.key() == "name" || it.key() == "alternatives")
            continue;
        flatten(it.value(), it.key(), leaves);
    }
    std::vector<AssumptionRow> rows;
    for (const auto& [path, value] : leaves) {
        QString source;
        for (QString at = path; !at.isEmpty() && source.isEmpty(); at = parentPath(at)) {
            const auto found = p.sources.find(at.toStdString());
            if (found != p.sources.end())
                source = QString::fromStdString(found->second);
        }
        if (source.isEmpty()) {
            if (!itemNotes(p, path).isEmpty())
                source = tr("item notes");
            else if (!p.notes.empty() && !path.startsWith("contracts[") && !path.startsWith("fleets[") &&
                     !path.startsWith("skus["))
                source = tr("portfolio notes");
            else
                source = tr("not sourced");
        }
        rows.push_back({path, itemLabel(p, path), value, source});
    }
    return rows;
}

ReportContent buildReportContent(const Portfolio& p, const SkuCatalog& catalog,
                                 std::optional<SimulationResult> simulation, const QString& sourceFile) {
    ReportContent c;
    c.portfolio = p;
    c.evaluation = evaluatePortfolio(p, catalog);
    c.simulation = std::move(simulation);
    const auto ranked = c.evaluation.rankedByNpvCost();
    if (ranked.size() >= 2) {
        auto index = [&](const AlternativeResult* a) {
            return std::size_t(a - c.evaluation.alternatives.data());
        };
        c.sensitivity = npvDifferenceSensitivity(p, catalog, index(ranked[0]), index(ranked[1]));
    }
    c.assumptions = assumptionRows(p);
    std::set<std::string> used;
    for (const auto& k : p.contracts)
        used.insert(k.sku);
    for (const auto& f : p.fleets)
        used.insert(f.sku);
    for (const auto& entry : data::bundledGpuCatalog()) {
        const bool overridden =
            std::any_of(p.skus.begin(), p.skus.end(), [&](const Sku& s) { return s.id == entry.sku.id; });
        if (used.count(entry.sku.id) && !overridden)
            c.skusUsed.push_back(entry);
    }
    c.inputsHash = data::portfolioInputsHash(p);
    c.version = QCoreApplication::applicationVersion();
    c.sourceFile = sourceFile;
    c.generatedUtc = QDateTime::currentDateTimeUtc();
    return c;
}

} // namespace ledger::report
