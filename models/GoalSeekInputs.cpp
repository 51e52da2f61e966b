#include "models/GoalSeekInputs.h"

#include "data/Scenarios.h"
#include "models/AssumptionsAppendix.h"
#include "models/EditWords.h"
#include "models/FieldCatalog.h"
#include "models/MoneyFormat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace ledger::models {

namespace {

bool isNumber(const FieldSpec& f) {
    return f.kind == FieldKind::Number || f.kind == FieldKind::OptionalNumber;
}

// "book_depreciation.life_years" as pointer steps: "book_depreciation/life_years".
QString steps(const QString& key) {
    QString s = key;
    return s.replace('.', '/');
}

// An id as a pointer step holds it (RFC 6901: ~ and / escaped).
QString idStep(const std::string& id) {
    QString s = QString::fromStdString(id);
    return "id=" + s.replace('~', "~0").replace('/', "~1");
}

} // namespace

std::vector<NumericInput> numericInputs(const Portfolio& p) {
    std::vector<NumericInput> out;
    auto add = [&](const FieldSpec& f, const QString& pointer, const QString& dotted) {
        if (!isNumber(f))
            return;
        NumericInput in;
        in.path = pointer;
        in.name = fieldInWords(p, dotted);
        in.form = numberFormOf(f);
        QString error;
        if (const QJsonValue v = data::inputValue(p, pointer.toStdString(), &error); v.isDouble())
            in.value = v.toDouble();
        out.push_back(in);
    };
    for (const FieldSpec& f : assumptionFields())
        add(f, "/" + steps(f.key), f.key);
    for (const FieldSpec& f : marketFields())
        add(f, "/market/" + steps(f.key), "market." + f.key);
    auto items = [&](const auto& list, const char* key, const std::vector<FieldSpec>& fields, auto idOf) {
        for (std::size_t i = 0; i < list.size(); ++i)
            for (const FieldSpec& f : fields)
                add(f, QString("/%1/%2/%3").arg(key, idStep(idOf(list[i])), steps(f.key)),
                    QString("%1[%2].%3").arg(key).arg(i).arg(f.key));
    };
    items(p.contracts, "contracts", contractFields(), [](const Contract& c) { return c.id; });
    items(p.fleets, "fleets", fleetFields(), [](const Fleet& f) { return f.id; });
    items(p.skus, "skus", skuFields(), [](const Sku& s) { return s.id; });
    return out;
}

const NumericInput* findNumericInput(const std::vector<NumericInput>& inputs, const QString& path) {
    const auto it =
        std::find_if(inputs.begin(), inputs.end(), [&](const NumericInput& in) { return in.path == path; });
    return it == inputs.end() ? nullptr : &*it;
}

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("GoalSeek", text);
}

QString nameOf(const EvaluationResult& r, const std::string& id) {
    const AlternativeResult* a = r.alternative(id);
    return a ? QString::fromStdString(a->name) : QString::fromStdString(id);
}

} // namespace

QString goalSeekTargetInWords(const data::GoalSeekTarget& t, const EvaluationResult& r,
                              const QString& currency) {
    using Kind = data::GoalSeekTarget::Kind;
    switch (t.kind) {
    case Kind::NpvEqual:
        return tr("%1 costs what %2 does (NPV cost after tax)").arg(nameOf(r, t.a), nameOf(r, t.b));
    case Kind::Npv:
        return tr("the NPV cost of %1 is %2").arg(nameOf(r, t.a), formatMoneyShort(t.value, currency));
    case Kind::Lcoc:
        return tr("the LCOC of %1 is %2 %3 per H100-equivalent hour")
            .arg(nameOf(r, t.a), currency, formatPerHour(t.value));
    }
    return {};
}

QString goalSeekSummary(const data::InputGoalSeek& g, const NumericInput* input, const EvaluationResult& r,
                        const QString& currency, const QLocale& locale) {
    const NumberForm form = input ? input->form : NumberForm{};
    auto shown = [&](double v) { return showNumber(v, form, locale); };
    const GoalSeekResult& s = g.result;
    const QString bracket = tr("[%1, %2]").arg(shown(s.lo), shown(s.hi));
    const QString target = goalSeekTargetInWords(g.target, r, currency);
    const QString name = input ? input->name : QString::fromStdString(g.path);
    switch (s.status) {
    case GoalSeekStatus::Solved: {
        QString against = tr("not in the file: its default applies");
        if (g.value && *g.value != 0.0)
            against = tr("%1 in the file, x%2").arg(shown(*g.value), QString::number(s.x / *g.value, 'g', 4));
        else if (g.value)
            against = tr("%1 in the file").arg(shown(*g.value));
        return tr("%1 at %2 (%3): then %4.\nResidual %5 %6 after %7 steps (%8 evaluations) in %9, %10.")
            .arg(name, shown(s.x), against, target, currency, QString::number(s.residual, 'g', 3))
            .arg(s.iterations)
            .arg(s.evaluations)
            .arg(bracket, g.bracket.source);
    }
    case GoalSeekStatus::NoSignChange: {
        // The residual in the target's own unit: money for an NPV cost, per hour for an LCOC.
        auto gap = [&](double v) {
            return g.target.kind == data::GoalSeekTarget::Kind::Lcoc
                       ? currency + " " + formatPerHour(v)
                       : tr("%1 %2 M").arg(currency, formatMillions(v));
        };
        return tr("No solution in %1 (%2): %3 nowhere in it. The gap (%4) is %5 at %6 and %7 at %8, the same "
                  "sign; give a wider bracket, or another input.")
            .arg(bracket, g.bracket.source, target, data::goalSeekResidualText(g.target), gap(*s.fLo),
                 shown(s.lo), gap(*s.fHi), shown(s.hi));
    }
    default:
        return data::goalSeekOutcome(g);
    }
}

} // namespace ledger::models
