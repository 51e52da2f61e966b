#include "data/PortfolioJson.h"

#include "data/FieldJson.h"
#include "data/InputFile.h"
#include "data/JsonDuplicateKeys.h"
#include "data/JsonObjectReader.h"
#include "data/MessageText.h"
#include "data/Scenarios.h"
#include "portfolio/SensitivityInputs.h"
#include "portfolio/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace ledger::data {

namespace {

constexpr const char* kFormat = "computeledger-portfolio";
constexpr int kVersion = 1;

std::string at(const std::string& path, qsizetype i) {
    return path + "[" + std::to_string(i) + "]";
}

// ---- reading -------------------------------------------------------------------------------

UtilizationCurve readCurve(const QJsonArray& a, const std::string& path) {
    UtilizationCurve curve;
    for (qsizetype i = 0; i < a.size(); ++i) {
        JsonObjectReader r(a[i], at(path, i), {"date", "value"});
        curve.push_back({r.date("date"), r.number("value")});
    }
    return curve;
}

// MODEL.md 8: {"sku", "curve": [{"date", "gpus"}]}.
Demand readDemand(const QJsonValue& v) {
    JsonObjectReader r(v, "demand", {"sku", "curve"});
    Demand d;
    d.sku = r.string("sku");
    const auto curve = r.array("curve");
    for (qsizetype i = 0; i < curve.size(); ++i) {
        JsonObjectReader point(curve[i], at("demand.curve", i), {"date", "gpus"});
        d.curve.push_back({point.date("date"), point.number("gpus")});
    }
    return d;
}

// {"contract_prices": {"low": 0.8, "high": 1.2}, ...}: the inputs of portfolio/SensitivityInputs.h,
// each with both settings; their bounds are validation's.
std::map<std::string, SensitivityRange> readSensitivity(const QJsonValue& v) {
    QStringList ids;
    for (const auto& info : sensitivityInputs())
        ids << QString::fromLatin1(info.id);
    JsonObjectReader r(v, "sensitivity", ids);
    if (v.toObject().isEmpty())
        JsonObjectReader::fail("sensitivity", "is empty (give the settings of one of " +
                                                  sensitivityInputIds() + ", or leave it out)");
    std::map<std::string, SensitivityRange> out;
    for (const auto& info : sensitivityInputs()) {
        if (!r.has(info.id))
            continue;
        JsonObjectReader range(r.value(info.id), r.pathOf(info.id), {"low", "high"});
        out[info.id] = {range.number("low"), range.number("high")};
    }
    return out;
}

std::optional<UtilizationCurve> readOptionalCurve(const JsonObjectReader& r) {
    if (auto a = r.optionalArray("utilization"))
        return readCurve(*a, r.pathOf("utilization"));
    return std::nullopt;
}

} // namespace

Sku readSkuJson(const QJsonValue& v, const std::string& path) {
    JsonObjectReader r(
        v, path,
        {"id", "name", "perf_index", "market_price_per_gpu_hour", "capex_per_gpu", "it_kw_per_gpu", "notes"});
    Sku s;
    s.id = r.string("id");
    s.name = r.string("name");
    s.perfIndex = r.number("perf_index", 1.0);
    s.marketPricePerGpuHour = r.number("market_price_per_gpu_hour");
    s.capexPerGpu = r.number("capex_per_gpu");
    s.itKwPerGpu = r.number("it_kw_per_gpu");
    s.notes = r.optionalString("notes").value_or("");
    return s;
}

namespace {

// A contract's options (docs/model.md 17), each an object of its field table.
std::vector<ContractOption> readOptions(const JsonObjectReader& r) {
    std::vector<ContractOption> out;
    const auto a = r.optionalArray("options");
    if (!a)
        return out;
    const auto& fields = contractOptionFields();
    for (qsizetype i = 0; i < a->size(); ++i) {
        const std::string path = at(r.pathOf("options"), i);
        JsonObjectReader o((*a)[i], path, allowedKeys(fields, {}));
        ContractOption option;
        readItemFields(o, option, fields);
        out.push_back(option);
    }
    return out;
}

// A contract or fleet: its table's fields, then the utilization curve every item may override (and a
// contract's options).
template <class Item> Item readItem(const QJsonValue& v, const std::string& path) {
    const auto& fields = ItemKindInfo<Item>::fields();
    const bool contract = std::is_same_v<Item, Contract>;
    JsonObjectReader r(
        v, path,
        allowedKeys(fields, contract ? QStringList{"utilization", "options"} : QStringList{"utilization"}));
    Item item{};
    readItemFields(r, item, fields);
    item.utilization = readOptionalCurve(r);
    if constexpr (std::is_same_v<Item, Contract>)
        item.options = readOptions(r);
    return item;
}

Alternative readAlternative(const QJsonValue& v, const std::string& path) {
    JsonObjectReader r(v, path, {"id", "name", "items"});
    Alternative a;
    a.id = r.string("id");
    a.name = r.string("name");
    const auto items = r.array("items");
    for (qsizetype i = 0; i < items.size(); ++i)
        a.items.push_back(JsonObjectReader::toString(items[i], at(r.pathOf("items"), i)));
    return a;
}

// {"sku": "H100", "points": [{"date": "2027-01-01", "price": 2.35}, ...]}; sku optional (an index).
ForwardCurve readForwardCurve(const QJsonValue& v, const std::string& path) {
    JsonObjectReader r(v, path, {"sku", "points"});
    ForwardCurve c;
    c.sku = r.optionalString("sku");
    const auto points = r.array("points");
    for (qsizetype i = 0; i < points.size(); ++i) {
        JsonObjectReader point(points[i], at(r.pathOf("points"), i), {"date", "price"});
        c.points.push_back({point.date("date"), point.number("price")});
    }
    return c;
}

void readOu(const JsonObjectReader& market, const QString& key, OuProcess& ou) {
    if (!market.has(key))
        return;
    JsonObjectReader r(market.value(key), market.pathOf(key), {"reversion_per_year", "volatility"});
    ou.reversionPerYear = r.number("reversion_per_year", ou.reversionPerYear);
    ou.volatility = r.number("volatility", ou.volatility);
}

MarketModel readMarket(const QJsonValue& v) {
    JsonObjectReader r(v, "market",
                       {"gpu_price", "next_generation", "utilization", "power_price", "demand", "correlation",
                        "replacement_premium", "on_demand_premium", "scarcity_premium", "spot_covers"});
    MarketModel m;
    if (r.has("gpu_price")) {
        JsonObjectReader g(r.value("gpu_price"), r.pathOf("gpu_price"),
                           {"trend_per_year", "forward_curve", "reversion_per_year", "volatility"});
        if (g.has("forward_curve") && g.has("trend_per_year"))
            JsonObjectReader::fail(g.path(), "give either trend_per_year or forward_curve, not both: the "
                                             "curve replaces the trend");
        if (g.has("forward_curve"))
            m.gpuPrice.forwardCurve = readForwardCurve(g.value("forward_curve"), g.pathOf("forward_curve"));
        m.gpuPrice.trendPerYear = g.number("trend_per_year", m.gpuPrice.trendPerYear);
        m.gpuPrice.reversionPerYear = g.number("reversion_per_year", m.gpuPrice.reversionPerYear);
        m.gpuPrice.volatility = g.number("volatility", m.gpuPrice.volatility);
    }
    if (r.has("next_generation")) {
        JsonObjectReader g(
            r.value("next_generation"), r.pathOf("next_generation"),
            {"launch_earliest", "launch_mode", "launch_latest", "price_drop_min", "price_drop_max"});
        m.nextGeneration =
            NextGeneration{g.date("launch_earliest"), g.date("launch_mode"), g.date("launch_latest"),
                           g.number("price_drop_min"), g.number("price_drop_max")};
    }
    readOu(r, "utilization", m.utilization);
    readOu(r, "power_price", m.powerPrice);
    readOu(r, "demand", m.demand);
    if (r.has("correlation")) {
        const auto rows = r.array("correlation");
        const std::string path = r.pathOf("correlation");
        if (rows.size() != 3)
            JsonObjectReader::fail(path, "expected 3 rows (gpu_price, utilization, power_price), got " +
                                             std::to_string(rows.size()));
        for (int i = 0; i < 3; ++i) {
            const std::string rowPath = at(path, i);
            if (!rows[i].isArray() || rows[i].toArray().size() != 3)
                JsonObjectReader::fail(rowPath, "expected an array of 3 numbers");
            const auto row = rows[i].toArray();
            for (int j = 0; j < 3; ++j)
                m.correlation[i][j] = JsonObjectReader::toNumber(row[j], at(rowPath, j));
        }
    }
    m.replacementPremium = r.number("replacement_premium", 1.0);
    m.onDemandPremium = r.number("on_demand_premium", 1.0);
    m.scarcityPremium = r.number("scarcity_premium", 1.0);
    m.spotCovers = r.optionalString("spot_covers");
    return m;
}

Portfolio readPortfolio(const QJsonValue& root) {
    JsonObjectReader r(root, "",
                       {"format", "version", "name", "notes", "currency", "valuation_date", "assumptions",
                        "skus", "utilization", "contracts", "fleets", "alternatives", "demand", "market",
                        "simulation", "sources", "sensitivity", "scenarios"});
    if (!r.has("format"))
        JsonObjectReader::fail("format", "missing (expected \"computeledger-portfolio\")");
    if (r.string("format") != kFormat)
        JsonObjectReader::fail("format", "\"" + r.string("format") + "\" is not \"computeledger-portfolio\"");
    const long long version = r.integer("version", 0, 1'000'000);
    if (version > kVersion)
        JsonObjectReader::fail("version",
                               std::to_string(version) +
                                   " is newer than this version of ComputeLedger reads (1); update the app");
    if (version < 1)
        JsonObjectReader::fail("version", std::to_string(version) + " is not a valid version (1)");

    Portfolio p;
    p.name = r.string("name");
    p.notes = r.optionalString("notes").value_or("");
    p.currency = r.optionalString("currency").value_or("USD");
    p.valuationDate = r.date("valuation_date");
    {
        if (!r.has("assumptions"))
            JsonObjectReader::fail("assumptions", "missing");
        JsonObjectReader a(r.value("assumptions"), "assumptions",
                           {"discount_rate", "tax_rate", "horizon_end", "fiscal_year_end_month"});
        p.assumptions.discountRate = a.number("discount_rate");
        p.assumptions.taxRate = a.number("tax_rate", 0.0);
        p.assumptions.horizonEnd = a.optionalDate("horizon_end");
        // Bounds 1..12 are validation's (ItemFields), with its message; here any whole number.
        if (auto m = a.optionalInteger("fiscal_year_end_month", -1'000'000, 1'000'000))
            p.assumptions.fiscalYearEndMonth = int(*m);
    }
    if (auto skus = r.optionalArray("skus")) {
        for (qsizetype i = 0; i < skus->size(); ++i)
            p.skus.push_back(readSkuJson((*skus)[i], at("skus", i)));
    }
    if (auto u = r.optionalArray("utilization"))
        p.utilization = readCurve(*u, "utilization");
    forEachItemKind([&]<class Item>(std::type_identity<Item>) {
        const char* list = ItemKindInfo<Item>::list;
        if (auto items = r.optionalArray(list)) {
            for (qsizetype i = 0; i < items->size(); ++i)
                ItemKindInfo<Item>::items(p).push_back(readItem<Item>((*items)[i], at(list, i)));
        }
    });
    if (r.has("alternatives"))
        p.alternatives = readAlternativesJson(r.value("alternatives"));
    if (r.has("demand"))
        p.demand = readDemand(r.value("demand"));
    if (r.has("market"))
        p.market = readMarket(r.value("market"));
    if (r.has("sources")) {
        const QJsonValue v = r.value("sources");
        if (!v.isObject())
            JsonObjectReader::fail("sources",
                                   std::string("expected an object of \"json path\": \"source\", got ") +
                                       JsonObjectReader::typeName(v));
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            p.sources[it.key().toStdString()] =
                JsonObjectReader::toString(it.value(), "sources." + it.key().toStdString());
    }
    if (r.has("sensitivity"))
        p.sensitivity = readSensitivity(r.value("sensitivity"));
    if (r.has("scenarios"))
        p.scenarios = readScenariosJson(r.value("scenarios"));
    if (r.has("simulation")) {
        JsonObjectReader s(r.value("simulation"), "simulation", {"paths", "seed"});
        p.simulation.paths = s.optionalInteger("paths", 1, kMaxPaths).value_or(p.simulation.paths);
        if (auto seed = s.optionalInteger("seed", 0, (long long)kMaxSeed))
            p.simulation.seed = std::uint64_t(*seed);
    }
    return p;
}

// Line and column (1-based) of a byte offset, for syntax errors and duplicate keys.
std::pair<int, int> lineColumn(const QByteArray& bytes, qsizetype offset) {
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

// ---- writing -------------------------------------------------------------------------------

QJsonValue date(const Date& d) {
    return QString::fromStdString(formatIsoDate(d));
}
QJsonValue text(const std::string& s) {
    return QString::fromStdString(s);
}

QJsonArray writeCurve(const UtilizationCurve& c) {
    QJsonArray a;
    for (const auto& p : c)
        a.append(QJsonObject{{"date", date(p.date)}, {"value", p.value}});
    return a;
}

template <class Item> QJsonObject writeItem(const Item& item) {
    QJsonObject o = writeItemFields(item, ItemKindInfo<Item>::fields());
    if (item.utilization)
        o["utilization"] = writeCurve(*item.utilization);
    if constexpr (std::is_same_v<Item, Contract>) {
        if (!item.options.empty()) {
            QJsonArray options;
            for (const auto& option : item.options)
                options.append(writeItemFields(option, contractOptionFields()));
            o["options"] = options;
        }
    }
    return o;
}

QJsonObject writeOu(const OuProcess& ou) {
    return {{"reversion_per_year", ou.reversionPerYear}, {"volatility", ou.volatility}};
}

QJsonObject writeMarket(const MarketModel& m) {
    QJsonArray corr;
    for (const auto& row : m.correlation)
        corr.append(QJsonArray{row[0], row[1], row[2]});
    QJsonObject gpu{{"reversion_per_year", m.gpuPrice.reversionPerYear},
                    {"volatility", m.gpuPrice.volatility}};
    if (m.gpuPrice.forwardCurve) { // it replaces the trend, which is then left out
        QJsonArray points;
        for (const ForwardPoint& point : m.gpuPrice.forwardCurve->points)
            points.append(QJsonObject{{"date", QString::fromStdString(formatIsoDate(point.date))},
                                      {"price", point.price}});
        QJsonObject curve{{"points", points}};
        if (m.gpuPrice.forwardCurve->sku)
            curve["sku"] = QString::fromStdString(*m.gpuPrice.forwardCurve->sku);
        gpu["forward_curve"] = curve;
    } else {
        gpu["trend_per_year"] = m.gpuPrice.trendPerYear;
    }
    QJsonObject o{{"gpu_price", gpu},
                  {"utilization", writeOu(m.utilization)},
                  {"power_price", writeOu(m.powerPrice)},
                  {"correlation", corr},
                  {"replacement_premium", m.replacementPremium},
                  {"on_demand_premium", m.onDemandPremium}};
    // Written when it is not its default, so that a portfolio without one reads and hashes as before.
    if (m.scarcityPremium != 1.0)
        o["scarcity_premium"] = m.scarcityPremium;
    if (m.nextGeneration) {
        const auto& g = *m.nextGeneration;
        o["next_generation"] = QJsonObject{{"launch_earliest", date(g.launchEarliest)},
                                           {"launch_mode", date(g.launchMode)},
                                           {"launch_latest", date(g.launchLatest)},
                                           {"price_drop_min", g.priceDropMin},
                                           {"price_drop_max", g.priceDropMax}};
    }
    if (m.spotCovers)
        o["spot_covers"] = text(*m.spotCovers);
    // Written when it says something: a file without a demand keeps the keys it had.
    const OuProcess defaults = MarketModel{}.demand;
    if (m.demand.reversionPerYear != defaults.reversionPerYear || m.demand.volatility != defaults.volatility)
        o["demand"] = writeOu(m.demand);
    return o;
}

} // namespace

std::vector<Alternative> readAlternativesJson(const QJsonValue& v) {
    const JsonObjectReader holder(QJsonObject{{"alternatives", v}}, "", {"alternatives"});
    const auto as = holder.array("alternatives");
    std::vector<Alternative> out;
    for (qsizetype i = 0; i < as.size(); ++i)
        out.push_back(readAlternative(as[i], at("alternatives", i)));
    return out;
}

namespace {

// The one-line refusal of a file: "FILE: PATH: MESSAGE", or "FILE: MESSAGE" for the whole file.
QString refusal(const QString& displayName, const std::string& path, const std::string& message) {
    return oneLine(displayName + ": " +
                   QString::fromStdString(path.empty() ? message : path + ": " + message));
}

} // namespace

PortfolioLoad readPortfolioJson(const QByteArray& bytes, const QString& displayName,
                                const SkuCatalog& catalog) {
    PortfolioLoad out;
    auto failWith = [&](const std::string& path, const std::string& message) {
        out.error = refusal(displayName, path, message);
        return out;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineColumn(bytes, parseError.offset);
        return failWith("", "line " + std::to_string(line) + ", column " + std::to_string(column) +
                                ": JSON syntax error: " + parseError.errorString().toStdString());
    }
    if (!doc.isObject())
        return failWith("", "expected a JSON object at the top level");
    if (const auto control = firstRawControlCharacter(bytes)) {
        const auto [line, column] = lineColumn(bytes, *control);
        char code[8];
        std::snprintf(code, sizeof code, "%04X", unsigned(static_cast<unsigned char>(bytes[*control])));
        return failWith("", "line " + std::to_string(line) + ", column " + std::to_string(column) +
                                ": a raw control character (U+" + code +
                                ") inside a string; JSON allows it only escaped (\\u" + code + ")");
    }
    if (const auto duplicate = firstDuplicateKey(bytes)) {
        const auto [line, column] = lineColumn(bytes, duplicate->offset);
        return failWith(duplicate->path, "line " + std::to_string(line) + ", column " +
                                             std::to_string(column) +
                                             ": the key appears twice in the same object; keep one");
    }
    return readPortfolioJsonObject(doc.object(), displayName, catalog);
}

PortfolioLoad readPortfolioJsonObject(const QJsonObject& root, const QString& displayName,
                                      const SkuCatalog& catalog) {
    PortfolioLoad out;
    auto failWith = [&](const std::string& path, const std::string& message) {
        out.error = refusal(displayName, path, message);
        return out;
    };
    try {
        Portfolio p = readPortfolio(root);
        if (auto err = validatePortfolio(p, catalog))
            return failWith(err->path, err->message);
        // Each scenario must apply to the base case, with the message a file of it would get.
        if (const QString problem = scenariosProblem(p, catalog); !problem.isEmpty()) {
            out.error = oneLine(displayName + ": " + problem);
            return out;
        }
        out.portfolio = std::move(p);
    } catch (const JsonPathError& e) {
        return failWith(e.path, e.message);
    }
    return out;
}

QString portfolioFileProblem(const QString& path) {
    return inputFileProblem(path, "portfolio file");
}

PortfolioLoad loadPortfolioJsonFile(const QString& path, const SkuCatalog& catalog) {
    const InputFile in = readInputFile(path, "portfolio file", kMaxFileBytes);
    if (!in.ok()) {
        PortfolioLoad out;
        out.error = in.error;
        return out;
    }
    return readPortfolioJson(in.bytes, path, catalog);
}

QByteArray writePortfolioJson(const Portfolio& p) {
    QJsonObject root{{"format", kFormat},
                     {"version", kVersion},
                     {"name", text(p.name)},
                     {"currency", text(p.currency)},
                     {"valuation_date", date(p.valuationDate)}};
    if (!p.notes.empty())
        root["notes"] = text(p.notes);
    QJsonObject assumptions{{"discount_rate", p.assumptions.discountRate},
                            {"tax_rate", p.assumptions.taxRate}};
    if (p.assumptions.horizonEnd)
        assumptions["horizon_end"] = date(*p.assumptions.horizonEnd);
    if (p.assumptions.fiscalYearEndMonth)
        assumptions["fiscal_year_end_month"] = *p.assumptions.fiscalYearEndMonth;
    root["assumptions"] = assumptions;
    QJsonArray skus;
    for (const auto& s : p.skus) {
        QJsonObject o{{"id", text(s.id)},
                      {"name", text(s.name)},
                      {"perf_index", s.perfIndex},
                      {"market_price_per_gpu_hour", s.marketPricePerGpuHour},
                      {"capex_per_gpu", s.capexPerGpu},
                      {"it_kw_per_gpu", s.itKwPerGpu}};
        if (!s.notes.empty())
            o["notes"] = text(s.notes);
        skus.append(o);
    }
    root["skus"] = skus;
    if (!p.utilization.empty())
        root["utilization"] = writeCurve(p.utilization);
    forEachItemKind([&]<class Item>(std::type_identity<Item>) {
        QJsonArray items;
        for (const Item& item : ItemKindInfo<Item>::items(p))
            items.append(writeItem(item));
        root[ItemKindInfo<Item>::list] = items;
    });
    if (p.alternatives) {
        QJsonArray alts;
        for (const auto& a : *p.alternatives) {
            QJsonArray items;
            for (const auto& id : a.items)
                items.append(text(id));
            alts.append(QJsonObject{{"id", text(a.id)}, {"name", text(a.name)}, {"items", items}});
        }
        root["alternatives"] = alts;
    }
    if (p.demand) {
        QJsonArray curve;
        for (const auto& point : p.demand->curve)
            curve.append(QJsonObject{{"date", date(point.date)}, {"gpus", point.gpus}});
        root["demand"] = QJsonObject{{"sku", text(p.demand->sku)}, {"curve", curve}};
    }
    root["market"] = writeMarket(p.market);
    root["simulation"] =
        QJsonObject{{"paths", qint64(p.simulation.paths)}, {"seed", qint64(p.simulation.seed)}};
    if (!p.sources.empty()) {
        QJsonObject sources;
        for (const auto& [path, source] : p.sources)
            sources[QString::fromStdString(path)] = text(source);
        root["sources"] = sources;
    }
    // Written as held: only the inputs the user set, and no section when there are none.
    if (!p.sensitivity.empty()) {
        QJsonObject sensitivity;
        for (const auto& [id, range] : p.sensitivity)
            sensitivity[QString::fromStdString(id)] = QJsonObject{{"low", range.low}, {"high", range.high}};
        root["sensitivity"] = sensitivity;
    }
    if (!p.scenarios.empty())
        root["scenarios"] = writeScenariosJson(p.scenarios);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace ledger::data
