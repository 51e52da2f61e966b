#include "data/ReferenceData.h"

#include "data/JsonObjectReader.h"
#include "data/SkuCatalogJson.h"
#include "resources/BundledResources.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <set>
#include <stdexcept>

namespace ledger::data {

namespace {

const QStringList kSourcedFigures = {"perf_index", "market_price_per_gpu_hour", "capex_per_gpu",
                                     "it_kw_per_gpu", "memory_gb"};
const QStringList kDealFields = {"total_contract_value", "start", "end", "sku", "announced"};

std::string at(const std::string& path, qsizetype i) {
    return path + "[" + std::to_string(i) + "]";
}

QJsonObject parseRoot(const QByteArray& bytes, const char* format) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        JsonObjectReader::fail("", "JSON syntax error: " + parseError.errorString().toStdString());
    const JsonObjectReader r(doc.object(), "", {"format", "version", "skus", "deals"});
    if (r.string("format") != format)
        JsonObjectReader::fail("format", std::string("is not \"") + format + "\"");
    if (r.integer("version", 1, 1) != 1)
        JsonObjectReader::fail("version", "unsupported");
    return doc.object();
}

std::vector<std::string> stringList(const JsonObjectReader& r, const QString& key) {
    std::vector<std::string> out;
    const QJsonArray a = r.array(key);
    for (qsizetype i = 0; i < a.size(); ++i)
        out.push_back(JsonObjectReader::toString(a[i], at(r.pathOf(key), i)));
    return out;
}

QByteArray readResource(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("the bundled file " + path.toStdString() + " is missing from the build");
    return f.readAll();
}

} // namespace

std::vector<CatalogEntry> readGpuCatalogJson(const QByteArray& bytes, const QString& displayName,
                                             QString* error) {
    std::vector<CatalogEntry> out;
    try {
        const QJsonObject root = parseRoot(bytes, "computeledger-sku-catalog");
        const QJsonArray skus = root.value("skus").toArray();
        std::set<std::string> ids;
        for (qsizetype i = 0; i < skus.size(); ++i) {
            const std::string path = at("skus", i);
            const JsonObjectReader r(skus[i], path,
                                     {"id", "name", "perf_index", "market_price_per_gpu_hour",
                                      "capex_per_gpu", "it_kw_per_gpu", "notes", "memory_gb", "sources"});
            CatalogEntry e;
            e.sku = {r.string("id"),
                     r.string("name"),
                     r.number("perf_index"),
                     r.number("market_price_per_gpu_hour"),
                     r.number("capex_per_gpu"),
                     r.number("it_kw_per_gpu"),
                     r.optionalString("notes").value_or("")};
            if (!ids.insert(e.sku.id).second)
                JsonObjectReader::fail(path + ".id", "\"" + e.sku.id + "\" is used twice");
            e.memoryGb = r.number("memory_gb");
            const JsonObjectReader sources(r.value("sources"), r.pathOf("sources"), kSourcedFigures);
            for (const QString& figure : kSourcedFigures) {
                if (!sources.has(figure))
                    JsonObjectReader::fail(sources.pathOf(figure),
                                           "missing: every figure needs a source and a date");
                const JsonObjectReader s(sources.value(figure), sources.pathOf(figure),
                                         {"source", "date", "estimate"});
                const QJsonValue estimate = s.value("estimate");
                if (!estimate.isBool())
                    JsonObjectReader::fail(s.pathOf("estimate"), "expected true or false");
                e.sources[figure.toStdString()] = {s.string("source"), s.string("date"), estimate.toBool()};
            }
            out.push_back(std::move(e));
        }
    } catch (const JsonPathError& e) {
        *error = displayName + ": " +
                 QString::fromStdString(e.path.empty() ? e.message : e.path + ": " + e.message);
        return {};
    }
    return out;
}

std::vector<Deal> readDealLibraryJson(const QByteArray& bytes, const QString& displayName,
                                      const SkuCatalog& catalog, QString* error) {
    std::vector<Deal> out;
    try {
        const QJsonObject root = parseRoot(bytes, "computeledger-deal-library");
        const QJsonArray deals = root.value("deals").toArray();
        std::set<std::string> ids;
        for (qsizetype i = 0; i < deals.size(); ++i) {
            const std::string path = at("deals", i);
            const JsonObjectReader r(deals[i], path,
                                     {"id", "title", "buyer", "provider", "announced", "total_contract_value",
                                      "start", "end", "sku", "delivered", "facts", "assumptions", "sources",
                                      "notes"});
            Deal d;
            d.id = r.string("id");
            if (!ids.insert(d.id).second)
                JsonObjectReader::fail(path + ".id", "\"" + d.id + "\" is used twice");
            d.title = r.string("title");
            d.buyer = r.string("buyer");
            d.provider = r.string("provider");
            d.announced = r.date("announced");
            d.totalContractValue = r.number("total_contract_value");
            if (d.totalContractValue <= 0)
                JsonObjectReader::fail(r.pathOf("total_contract_value"), "must be positive");
            d.start = r.date("start");
            d.end = r.date("end");
            if (d.end < d.start)
                JsonObjectReader::fail(r.pathOf("end"),
                                       formatIsoDate(d.end) + " is before start " + formatIsoDate(d.start));
            d.sku = r.string("sku");
            if (!catalog.find(Portfolio{}, d.sku))
                JsonObjectReader::fail(r.pathOf("sku"), "no SKU \"" + d.sku + "\" in the catalog");
            d.delivered = r.string("delivered");
            d.facts = stringList(r, "facts");
            d.assumptions = stringList(r, "assumptions");
            d.sources = stringList(r, "sources");
            if (d.sources.empty())
                JsonObjectReader::fail(r.pathOf("sources"), "a deal needs at least one source");
            d.notes = r.optionalString("notes").value_or("");
            // Every headline field is either a public fact or an assumption, never both or neither.
            for (const QString& field : kDealFields) {
                const std::string f = field.toStdString();
                const bool fact = std::find(d.facts.begin(), d.facts.end(), f) != d.facts.end();
                const bool assumed =
                    std::find(d.assumptions.begin(), d.assumptions.end(), f) != d.assumptions.end();
                if (fact == assumed)
                    JsonObjectReader::fail(path,
                                           f + " must be listed in exactly one of facts and assumptions");
            }
            out.push_back(std::move(d));
        }
    } catch (const JsonPathError& e) {
        *error = displayName + ": " +
                 QString::fromStdString(e.path.empty() ? e.message : e.path + ": " + e.message);
        return {};
    }
    return out;
}

std::vector<CatalogEntry> bundledGpuCatalog() {
    QString error;
    auto entries =
        readGpuCatalogJson(readResource(resources::skuCatalogPath()), resources::skuCatalogPath(), &error);
    if (!error.isEmpty())
        throw std::runtime_error(error.toStdString());
    return entries;
}

std::vector<Deal> bundledDealLibrary() {
    QString error;
    auto deals = readDealLibraryJson(readResource(resources::dealLibraryPath()), resources::dealLibraryPath(),
                                     bundledSkuCatalog(), &error);
    if (!error.isEmpty())
        throw std::runtime_error(error.toStdString());
    return deals;
}

} // namespace ledger::data
