#include "data/GoalSeekInput.h"

#include "data/MessageText.h"
#include "data/Scenarios.h"
#include "engine/DeterministicEngine.h"
#include "portfolio/Defaults.h"
#include "portfolio/InputPath.h"
#include "portfolio/MarketFields.h"
#include "portfolio/Validation.h"

#include <QStringList>

#include <cmath>
#include <variant>

namespace ledger::data {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString number(double v) {
    return q(formatNumber(v));
}

// What the input's table says of it: its type and bounds. Null when no table holds it (a curve
// point, the demand, the scenarios).
struct TableField {
    FieldType type = FieldType::Number;
    Bounds bounds;
};

template <class Item>
std::optional<TableField> fieldOf(const std::vector<ItemField<Item>>& fields, const std::string& key) {
    const ItemField<Item>* f = findField(fields, key);
    if (!f)
        return std::nullopt;
    return TableField{f->type, f->bounds};
}

std::optional<TableField> tableField(const InputPath& path) {
    const auto& s = path.steps;
    auto joined = [&](std::size_t from, std::string key) {
        for (std::size_t i = from; i < s.size(); ++i)
            key += (key.empty() ? "" : ".") + s[i].key;
        return key;
    };
    if (s.empty())
        return std::nullopt;
    const std::string& top = s.front().key;
    if (s.size() >= 3 && top == ItemKindInfo<Contract>::list)
        return fieldOf(contractFields(), joined(2, {}));
    if (s.size() >= 3 && top == ItemKindInfo<Fleet>::list)
        return fieldOf(fleetFields(), joined(2, {}));
    if (s.size() >= 3 && top == ItemKindInfo<Sku>::list)
        return fieldOf(skuFields(), joined(2, {}));
    if (s.size() >= 2 && top == "market")
        return fieldOf(marketFields(), joined(0, {}));
    if (s.size() >= 2 && top == "assumptions")
        return fieldOf(portfolioFields(), joined(0, {}));
    return std::nullopt;
}

// The alternatives a target may name: the portfolio's and spot.
QStringList alternativeIds(const Portfolio& p) {
    QStringList ids;
    for (const Alternative& a : alternatives(p))
        ids << q(a.id);
    ids << q(kSpotAlternativeId);
    return ids;
}

// The input at a path as goal seek reads it: its table's field (if any) and its value in the file
// (undefined: left out). Nullopt and *error for a path that names nothing, a text, a whole number or
// anything else that is not a number.
struct NumberInput {
    std::optional<TableField> field;
    QJsonValue value;
};

std::optional<NumberInput> numberInput(const Portfolio& p, const std::string& path, QString* error) {
    const auto parsed = parseInputPath(path);
    if (const auto* problem = std::get_if<std::string>(&parsed)) {
        *error = q(path) + ": " + q(*problem);
        return std::nullopt;
    }
    NumberInput input;
    input.field = tableField(std::get<InputPath>(parsed));
    if (input.field && input.field->type != FieldType::Number) {
        *error = q(path) + (input.field->type == FieldType::Integer
                                ? ": a whole number; goal seek moves an input that takes any number"
                                : ": not a number; goal seek moves a number");
        return std::nullopt;
    }
    QString problem;
    input.value = inputValue(p, path, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    const QJsonValue& v = input.value;
    if (!v.isUndefined() && !v.isDouble()) {
        *error = q(path) + ": the file holds " +
                 (v.isString()   ? "a text"
                  : v.isBool()   ? "true or false"
                  : v.isObject() ? "an object"
                  : v.isArray()  ? "a list"
                                 : "null") +
                 " there, not a number";
        return std::nullopt;
    }
    return input;
}

} // namespace

std::optional<GoalSeekTarget> parseGoalSeekTarget(const QString& text, QString* error) {
    const QString usage = "give npv-equal:A,B, npv:A=VALUE or lcoc:A=VALUE (A and B alternative ids)";
    const qsizetype colon = text.indexOf(':');
    if (colon < 0) {
        *error = "\"" + text + "\" is not a target: " + usage;
        return std::nullopt;
    }
    const QString kind = text.left(colon), rest = text.mid(colon + 1);
    GoalSeekTarget t;
    if (kind == "npv-equal") {
        const QStringList ids = rest.split(',');
        if (ids.size() != 2 || ids[0].trimmed().isEmpty() || ids[1].trimmed().isEmpty()) {
            *error = "\"" + text + "\": npv-equal takes two alternative ids, npv-equal:A,B";
            return std::nullopt;
        }
        t.kind = GoalSeekTarget::Kind::NpvEqual;
        t.a = ids[0].trimmed().toStdString();
        t.b = ids[1].trimmed().toStdString();
        if (t.a == t.b) {
            *error = "\"" + text + "\": an alternative's NPV equals its own at any value; name two";
            return std::nullopt;
        }
        return t;
    }
    if (kind != "npv" && kind != "lcoc") {
        *error = "\"" + kind + "\" is not a target kind: " + usage;
        return std::nullopt;
    }
    t.kind = kind == "npv" ? GoalSeekTarget::Kind::Npv : GoalSeekTarget::Kind::Lcoc;
    const qsizetype eq = rest.indexOf('=');
    const QString id = eq < 0 ? QString() : rest.left(eq).trimmed();
    const auto value = eq < 0 ? std::nullopt : parseFiniteNumber(rest.mid(eq + 1).trimmed().toStdString());
    if (id.isEmpty() || !value) {
        *error = "\"" + text + "\": " + kind + " takes an alternative id and a number, " + kind + ":A=VALUE";
        return std::nullopt;
    }
    t.a = id.toStdString();
    t.value = *value;
    return t;
}

QString goalSeekTargetSpec(const GoalSeekTarget& t) {
    switch (t.kind) {
    case GoalSeekTarget::Kind::NpvEqual:
        return "npv-equal:" + q(t.a) + "," + q(t.b);
    case GoalSeekTarget::Kind::Npv:
        return "npv:" + q(t.a) + "=" + number(t.value);
    case GoalSeekTarget::Kind::Lcoc:
        return "lcoc:" + q(t.a) + "=" + number(t.value);
    }
    return {};
}

QString goalSeekResidualText(const GoalSeekTarget& t) {
    switch (t.kind) {
    case GoalSeekTarget::Kind::NpvEqual:
        return "NPV cost of " + q(t.a) + " - NPV cost of " + q(t.b);
    case GoalSeekTarget::Kind::Npv:
        return "NPV cost of " + q(t.a) + " - " + number(t.value);
    case GoalSeekTarget::Kind::Lcoc:
        return "LCOC of " + q(t.a) + " - " + number(t.value);
    }
    return {};
}

std::optional<double> goalSeekResidual(const GoalSeekTarget& t, const EvaluationResult& r, QString* error) {
    const AlternativeResult* a = r.alternative(t.a);
    const AlternativeResult* b = t.kind == GoalSeekTarget::Kind::NpvEqual ? r.alternative(t.b) : nullptr;
    if (!a || (t.kind == GoalSeekTarget::Kind::NpvEqual && !b)) {
        *error = "no alternative \"" + q(a ? t.b : t.a) + "\"";
        return std::nullopt;
    }
    switch (t.kind) {
    case GoalSeekTarget::Kind::NpvEqual:
        return a->npvCost - b->npvCost;
    case GoalSeekTarget::Kind::Npv:
        return a->npvCost - t.value;
    case GoalSeekTarget::Kind::Lcoc:
        if (!a->lcoc || !std::isfinite(*a->lcoc)) {
            *error = q(t.a) + " has no LCOC: it uses no GPU-hours in the horizon";
            return std::nullopt;
        }
        return *a->lcoc - t.value;
    }
    return std::nullopt;
}

std::optional<GoalSeekBracket> defaultGoalSeekBracket(const Portfolio& p, const std::string& path,
                                                      QString* error) {
    const auto input = numberInput(p, path, error);
    if (!input)
        return std::nullopt;
    const QJsonValue& v = input->value;
    if (input->field && std::isfinite(input->field->bounds.lo) && std::isfinite(input->field->bounds.hi)) {
        const Bounds& b = input->field->bounds;
        const double inset = 1e-12 * (b.hi - b.lo);
        return GoalSeekBracket{b.loOpen ? b.lo + inset : b.lo, b.hiOpen ? b.hi - inset : b.hi,
                               "the field's bounds"};
    }
    if (v.isDouble() && v.toDouble() > 0.0) {
        GoalSeekBracket r{v.toDouble() / 10.0, v.toDouble() * 10.0,
                          "a tenth to ten times the value in the file"};
        if (input->field) {
            const Bounds& b = input->field->bounds;
            r.lo = std::max(r.lo, b.lo);
            r.hi = std::min(r.hi, b.hi);
        }
        return r;
    }
    *error = q(path) + ": " +
             (v.isDouble() ? "no default bracket for a value of " + number(v.toDouble())
                           : QString("the file gives no value here")) +
             " (a tenth to ten times a positive value, or the field's bounds); give --bracket LO,HI";
    return std::nullopt;
}

std::optional<InputGoalSeek> goalSeekInput(const Portfolio& p, const SkuCatalog& catalog,
                                           const std::string& path, const GoalSeekTarget& target,
                                           const std::optional<GoalSeekBracket>& bracket, QString* error,
                                           const GoalSeekTolerance& tolerance) {
    const QStringList ids = alternativeIds(p);
    for (const std::string& id : {target.a, target.b}) {
        if (!id.empty() && !ids.contains(q(id))) {
            *error =
                "the target names \"" + q(id) + "\", which is not an alternative (" + ids.join(", ") + ")";
            return std::nullopt;
        }
    }
    const auto input = numberInput(p, path, error);
    if (!input)
        return std::nullopt;
    InputGoalSeek g;
    g.path = path;
    g.target = target;
    if (input->value.isDouble())
        g.value = input->value.toDouble();
    if (bracket) {
        g.bracket = *bracket;
    } else if (const auto b = defaultGoalSeekBracket(p, path, error)) {
        g.bracket = *b;
    } else {
        return std::nullopt;
    }
    auto objective = [&](double x) -> std::optional<double> {
        QString why;
        const auto applied = withOverrides(p, {ScenarioOverride{path, formatNumber(x)}}, catalog, &why);
        if (!applied) {
            g.failure = why;
            return std::nullopt;
        }
        const EvaluationResult r = evaluatePortfolio(*applied, catalog, EvaluateOptions{false});
        const auto residual = goalSeekResidual(target, r, &why);
        if (!residual)
            g.failure = why;
        else if (!std::isfinite(*residual))
            g.failure = goalSeekResidualText(target) + " is not a finite number";
        return residual;
    };
    g.result = goalSeek(objective, g.bracket.lo, g.bracket.hi, tolerance);
    if (g.result.status != GoalSeekStatus::NotEvaluated)
        g.failure.clear();
    return g;
}

QString goalSeekOutcome(const InputGoalSeek& g) {
    const GoalSeekResult& r = g.result;
    const QString residual = goalSeekResidualText(g.target);
    const QString bracket = "[" + number(r.lo) + ", " + number(r.hi) + "]";
    switch (r.status) {
    case GoalSeekStatus::Solved:
        return q(g.path) + " = " + number(r.x) + " (" + residual + " = " + number(r.residual) + ")";
    case GoalSeekStatus::NoSignChange:
        return "no solution in " + bracket + ": " + residual + " is " + number(*r.fLo) + " at " +
               number(r.lo) + " and " + number(*r.fHi) + " at " + number(r.hi) + ", the same sign";
    case GoalSeekStatus::NotEvaluated:
        return "at " + q(g.path) + " = " + number(r.failedAt) + ": " + oneLine(g.failure);
    case GoalSeekStatus::NotConverged:
        return "no convergence in " + QString::number(r.iterations) + " iterations: the bracket is still [" +
               number(r.finalLo) + ", " + number(r.finalHi) + "]";
    case GoalSeekStatus::BadBracket:
        return "the bracket " + bracket + " is not two finite numbers, the lower first";
    }
    return {};
}

QString goalSeekToleranceText(const GoalSeekTolerance& t) {
    return "TOMS 748 (Boost.Math toms748_solve), until the bracket is at most " + number(t.relative) +
           " x |x| or " + number(t.ofBracket) + " x the starting width wide, at most " +
           QString::number(t.maxIterations) + " iterations";
}

} // namespace ledger::data
