#include "models/ScenarioText.h"

#include "data/Scenarios.h"
#include "models/AssumptionsAppendix.h"
#include "models/EditWords.h"
#include "models/MoneyFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ledger::models {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ScenarioText", text);
}

QString inQuotes(const std::string& name) {
    return "\"" + QString::fromStdString(name) + "\"";
}

} // namespace

std::vector<std::pair<std::string, std::string>>
scenarioColumns(const std::vector<data::ScenarioOutcome>& o) {
    std::vector<std::pair<std::string, std::string>> columns;
    for (const auto& row : o)
        for (const auto& a : row.evaluation.alternatives)
            if (std::none_of(columns.begin(), columns.end(), [&](const auto& x) { return x.first == a.id; }))
                columns.emplace_back(a.id, a.name);
    return columns;
}

QString winnerName(const data::ScenarioOutcome& o) {
    return o.winner ? QString::fromStdString(o.evaluation.alternatives[*o.winner].name) : tr("none");
}

std::optional<double> winnerLead(const data::ScenarioOutcome& o) {
    if (!o.winner)
        return std::nullopt;
    const auto ranked = o.evaluation.rankedAtFullCapacity();
    if (ranked.size() < 2)
        return std::nullopt;
    return ranked[1]->npvCost - ranked[0]->npvCost;
}

namespace {

// A value as the report says it: as the assumptions appendix shows the input ("USD 55,000 per GPU",
// "-15% per year", a date), "7 points" for a curve, an object member by member.
QString valueText(const Portfolio& base, const QString& dotted, const QJsonValue& v) {
    if (v.isUndefined() || v.isNull())
        return tr("its default");
    if (v.isArray())
        return v.toArray().size() == 1 ? tr("1 point") : tr("%1 points").arg(v.toArray().size());
    if (v.isObject()) {
        QStringList parts;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString member = dotted + "." + it.key();
            // "Next generation: earliest launch" -> "earliest launch": the section is named already.
            QString name = fieldNameInWords(base, member).section(": ", -1);
            if (!name.isEmpty())
                name[0] = name[0].toLower();
            parts << (name.isEmpty() ? it.key() : name) + " " + valueText(base, member, it.value());
        }
        return parts.join("; ");
    }
    return appendixValue(dotted, v, base.currency);
}

} // namespace

QString overrideInWords(const Portfolio& base, const ScenarioOverride& o) {
    QString error;
    const QString dotted = data::dottedPathOf(base, o.path, &error);
    QString name = dotted.isEmpty() ? QString() : fieldNameInWords(base, dotted);
    if (name.isEmpty() && !dotted.isEmpty() && curveInWords(base, dotted) != dotted)
        name = curveInWords(base, dotted);
    if (name.isEmpty() && dotted == "market.next_generation")
        name = tr("Next-generation launch"); // the section as a whole, as a template sets it
    if (name.isEmpty())
        name = QString::fromStdString(o.path);
    QString ignored;
    const QJsonValue before = data::inputValue(base, o.path, &ignored);
    QJsonValue after(QJsonValue::Undefined);
    if (const auto compact = data::compactJsonValue(o.valueJson))
        after = QJsonDocument::fromJson(QByteArray("[") + compact->c_str() + "]").array().at(0);
    return name + ": " + valueText(base, dotted, before) + " -> " + valueText(base, dotted, after);
}

QString verdictHoldsSentence(const std::vector<data::ScenarioOutcome>& outcomes) {
    if (outcomes.size() < 2)
        return {};
    const data::ScenarioOutcome& base = outcomes.front();
    const QString currency = QString::fromStdString(base.evaluation.currency);
    const std::size_t scenarios = outcomes.size() - 1;
    QStringList flips;
    for (std::size_t i = 1; i < outcomes.size(); ++i) {
        const data::ScenarioOutcome& o = outcomes[i];
        if (!o.flipsVerdict)
            continue;
        if (!o.winner) {
            flips << tr("in %1 no alternative is cheapest (nothing to compare)").arg(inQuotes(o.name));
            continue;
        }
        QString s = tr("in %1 %2 is cheapest").arg(inQuotes(o.name), winnerName(o));
        if (const auto lead = winnerLead(o))
            s += tr(", by %1 %2 M").arg(currency, formatMillions(*lead));
        flips << s;
    }
    const QString all = scenarios == 1 ? tr("the one scenario") : tr("all %1 scenarios").arg(scenarios);
    if (flips.isEmpty()) {
        if (!base.winner)
            return tr("No scenario flips the verdict: no alternative is cheapest in the base case, nor in "
                      "%1.")
                .arg(all);
        return tr("No scenario flips the verdict: %1 is cheapest in the base case and in %2.")
            .arg(winnerName(base), all);
    }
    const QString count = flips.size() == qsizetype(scenarios)
                              ? (scenarios == 1 ? tr("The one scenario flips the verdict")
                                                : tr("All %1 scenarios flip the verdict").arg(scenarios))
                          : flips.size() == 1
                              ? tr("1 of %1 scenarios flips the verdict").arg(scenarios)
                              : tr("%1 of %2 scenarios flip the verdict").arg(flips.size()).arg(scenarios);
    QString s = count + ": " + flips.join("; ");
    const qsizetype holding = qsizetype(scenarios) - flips.size();
    if (holding > 0 && base.winner)
        s += holding == 1 ? tr("; %1 stays cheapest in the other one").arg(winnerName(base))
                          : tr("; %1 stays cheapest in the other %2").arg(winnerName(base)).arg(holding);
    return s + ".";
}

} // namespace ledger::models
