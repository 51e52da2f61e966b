#include "data/Scenarios.h"

#include "data/JsonObjectReader.h"
#include "data/MessageText.h"
#include "data/PortfolioJson.h"
#include "portfolio/InputPath.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <set>

namespace ledger::data {

namespace {

std::string at(const std::string& list, qsizetype i) {
    return list + "[" + std::to_string(i) + "]";
}

// A value's JSON text read as one JSON value (Qt reads only an object or array at the top level).
std::optional<QJsonValue> parseValue(const std::string& text) {
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.c_str() + "]");
    if (!doc.isArray() || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// Resolves the steps from `i` on in `node`, filling each id step's index; with `set`, replaces the
// value the path names (null removes it) and returns the changed node. Objects missing on the way are
// created (an input left out of the file, its section too); list entries are not.
QJsonValue walk(const QJsonValue& node, InputPath& path, std::size_t i, const QJsonValue* set,
                QJsonValue* found, std::string* problem) {
    InputPathStep& step = path.steps[i];
    const bool last = i + 1 == path.steps.size();
    auto here = [&] {
        InputPath prefix{std::vector<InputPathStep>(path.steps.begin(), path.steps.begin() + long(i))};
        return prefix.steps.empty() ? std::string("the file") : dottedInputPath(prefix);
    };
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        if (step.id) {
            step.index.reset();
            for (qsizetype j = 0; j < a.size(); ++j)
                if (a[j].toObject().value("id").toString() == q(*step.id))
                    step.index = std::size_t(j);
            if (!step.index) {
                *problem = here() + " has no entry with id \"" + *step.id + "\"";
                return node;
            }
        }
        if (!step.index) {
            *problem = here() + " is a list: step into it by position (0, 1, ...) or by id=VALUE, not \"" +
                       step.key + "\"";
            return node;
        }
        if (*step.index >= std::size_t(a.size())) {
            *problem = here() + " has " + std::to_string(a.size()) + (a.size() == 1 ? " entry" : " entries") +
                       "; there is no entry " + std::to_string(*step.index);
            return node;
        }
        const qsizetype j = qsizetype(*step.index);
        if (last) {
            *found = a[j];
            if (set)
                a[j] = *set;
        } else {
            a[j] = walk(a[j], path, i + 1, set, found, problem);
        }
        return a;
    }
    if (!node.isObject() && !(node.isUndefined() && set)) {
        *problem = here() + " is a value, not an object: the path goes on past it";
        return node;
    }
    step.index.reset(); // a key of digits on an object is a key
    if (step.id) {
        *problem = here() + " is not a list: id=" + *step.id + " steps into a list";
        return node;
    }
    QJsonObject o = node.toObject();
    const QString key = q(step.key);
    if (last) {
        *found = o.value(key);
        if (set) {
            if (set->isNull())
                o.remove(key);
            else
                o[key] = *set;
        }
    } else {
        o[key] = walk(o.value(key), path, i + 1, set, found, problem);
        if (!problem->empty())
            return node;
    }
    return o;
}

QJsonObject fileOf(const Portfolio& p) {
    QJsonObject root = QJsonDocument::fromJson(writePortfolioJson(p)).object();
    root.remove("scenarios"); // a scenario applies to the base case, never to another scenario
    return root;
}

} // namespace

std::optional<std::string> compactJsonValue(const std::string& text) {
    const auto value = parseValue(text);
    if (!value)
        return std::nullopt;
    const QByteArray a = QJsonDocument(QJsonArray{*value}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2).toStdString();
}

std::vector<Scenario> readScenariosJson(const QJsonValue& v) {
    const JsonObjectReader holder(QJsonObject{{"scenarios", v}}, "", {"scenarios"});
    const QJsonArray list = holder.array("scenarios");
    std::vector<Scenario> out;
    std::set<std::string> names;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const std::string where = at("scenarios", i);
        JsonObjectReader r(list[i], where, {"name", "description", "source", "overrides"});
        Scenario s;
        s.name = r.string("name");
        if (QString::fromStdString(s.name).trimmed().isEmpty())
            JsonObjectReader::fail(where + ".name", "is empty: a scenario needs a name");
        if (!names.insert(s.name).second)
            JsonObjectReader::fail(where + ".name",
                                   "\"" + s.name + "\" names two scenarios; give each its own");
        s.description = r.optionalString("description").value_or("");
        s.source = r.optionalString("source").value_or("");
        const QJsonArray overrides = r.array("overrides");
        for (qsizetype j = 0; j < overrides.size(); ++j) {
            const std::string o = where + "." + at("overrides", j);
            JsonObjectReader e(overrides[j], o, {"path", "value"});
            ScenarioOverride x;
            x.path = e.string("path");
            if (const auto parsed = parseInputPath(x.path); std::holds_alternative<std::string>(parsed))
                JsonObjectReader::fail(o + ".path", "\"" + x.path + "\" " + std::get<std::string>(parsed));
            if (!e.has("value"))
                JsonObjectReader::fail(o + ".value",
                                       "missing (null removes the input, so its default applies)");
            const QJsonValue value = e.value("value");
            x.valueJson = QJsonDocument(QJsonArray{value})
                              .toJson(QJsonDocument::Compact)
                              .mid(1)
                              .chopped(1)
                              .toStdString();
            s.overrides.push_back(std::move(x));
        }
        out.push_back(std::move(s));
    }
    return out;
}

QJsonArray writeScenariosJson(const std::vector<Scenario>& scenarios) {
    QJsonArray out;
    for (const Scenario& s : scenarios) {
        QJsonArray overrides;
        for (const auto& o : s.overrides)
            overrides.append(
                QJsonObject{{"path", q(o.path)}, {"value", parseValue(o.valueJson).value_or(QJsonValue())}});
        QJsonObject o{{"name", q(s.name)}, {"overrides", overrides}};
        if (!s.description.empty())
            o["description"] = q(s.description);
        if (!s.source.empty())
            o["source"] = q(s.source);
        out.append(o);
    }
    return out;
}

namespace {

// The overrides set in `root` (the base case's file without its scenarios) and the file read back.
std::optional<Portfolio> applyOverrides(QJsonValue root, const Portfolio& base,
                                        const std::vector<ScenarioOverride>& overrides,
                                        const SkuCatalog& catalog, QString* error,
                                        const QString& scenarioName) {
    const QString who = scenarioName.isEmpty() ? QString() : QString("scenario \"%1\": ").arg(scenarioName);
    for (const auto& o : overrides) {
        auto parsed = parseInputPath(o.path);
        if (auto* problem = std::get_if<std::string>(&parsed)) {
            *error = oneLine(who + q(o.path) + ": " + q(*problem));
            return std::nullopt;
        }
        const auto value = parseValue(o.valueJson);
        if (!value) {
            *error = oneLine(who + q(o.path) + ": the value is not JSON: " + q(o.valueJson));
            return std::nullopt;
        }
        InputPath& path = std::get<InputPath>(parsed);
        std::string problem;
        QJsonValue found;
        root = walk(root, path, 0, &*value, &found, &problem);
        if (!problem.empty()) {
            *error = oneLine(who + q(o.path) + ": " + q(problem));
            return std::nullopt;
        }
    }
    const QString name = (who.isEmpty() ? QString("overrides") : who.chopped(2)) +
                         (overrides.size() == 1 ? " (" + q(overrides.front().path) + ")" : QString());
    PortfolioLoad load = readPortfolioJsonObject(root.toObject(), name, catalog);
    if (!load.portfolio) {
        *error = load.error;
        return std::nullopt;
    }
    load.portfolio->scenarios = base.scenarios;
    return std::move(load.portfolio);
}

} // namespace

std::optional<Portfolio> withOverrides(const Portfolio& base, const std::vector<ScenarioOverride>& overrides,
                                       const SkuCatalog& catalog, QString* error,
                                       const QString& scenarioName) {
    return applyOverrides(fileOf(base), base, overrides, catalog, error, scenarioName);
}

std::optional<Portfolio> withScenario(const Portfolio& base, const Scenario& s, const SkuCatalog& catalog,
                                      QString* error) {
    return withOverrides(base, s.overrides, catalog, error, q(s.name));
}

std::optional<std::vector<Portfolio>> withEveryScenario(const Portfolio& base, const SkuCatalog& catalog,
                                                        QString* error) {
    std::vector<Portfolio> out;
    if (base.scenarios.empty())
        return out;
    const QJsonObject root = fileOf(base); // written once for all of them
    out.reserve(base.scenarios.size());
    for (const Scenario& s : base.scenarios) {
        auto one = applyOverrides(root, base, s.overrides, catalog, error, q(s.name));
        if (!one)
            return std::nullopt;
        out.push_back(std::move(*one));
    }
    return out;
}

QString scenariosProblem(const Portfolio& p, const SkuCatalog& catalog) {
    QString error;
    return withEveryScenario(p, catalog, &error) ? QString() : error;
}

const Scenario* findScenario(const Portfolio& p, const std::string& name) {
    for (const Scenario& s : p.scenarios)
        if (s.name == name)
            return &s;
    return nullptr;
}

QJsonValue inputValue(const Portfolio& p, const std::string& pointer, QString* error) {
    auto parsed = parseInputPath(pointer);
    if (auto* problem = std::get_if<std::string>(&parsed)) {
        *error = q(pointer) + ": " + q(*problem);
        return QJsonValue(QJsonValue::Undefined);
    }
    std::string problem;
    QJsonValue found(QJsonValue::Undefined);
    walk(fileOf(p), std::get<InputPath>(parsed), 0, nullptr, &found, &problem);
    if (!problem.empty())
        *error = q(pointer) + ": " + q(problem);
    return found;
}

QString dottedPathOf(const Portfolio& p, const std::string& pointer, QString* error) {
    auto parsed = parseInputPath(pointer);
    if (auto* problem = std::get_if<std::string>(&parsed)) {
        *error = q(pointer) + ": " + q(*problem);
        return {};
    }
    InputPath& path = std::get<InputPath>(parsed);
    std::string problem;
    QJsonValue found(QJsonValue::Undefined);
    walk(fileOf(p), path, 0, nullptr, &found, &problem);
    // An input the file leaves out, its section too, is still named by its keys.
    const bool byKeys = std::none_of(path.steps.begin(), path.steps.end(),
                                     [](const InputPathStep& step) { return step.id.has_value(); });
    if (!problem.empty() && !byKeys) {
        *error = q(pointer) + ": " + q(problem);
        return {};
    }
    return q(dottedInputPath(path));
}

} // namespace ledger::data
