#include "models/BreakevenText.h"

#include "models/MoneyFormat.h"
#include "portfolio/Defaults.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace ledger::models {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("BreakevenText", text);
}

} // namespace

QStringList breakevenSentences(const EvaluationResult& r, TextStyle style) {
    const QLocale en(QLocale::English);
    const bool html = style == TextStyle::Html;
    auto name = [&](const std::string& id) {
        const auto* a = r.alternative(id);
        const QString text = QString::fromStdString(a ? a->name : id);
        return html ? text.toHtmlEscaped() : text;
    };
    auto figure = [&](const QString& text) { return html ? "<b>" + text + "</b>" : text; };
    QStringList lines;
    // A breakeven between alternatives that deliver different capacity prices a different purchase
    // (MODEL.md 8): left out, as the verdict leaves them unranked.
    auto matched = [&](const std::string& a, const std::string& b) {
        const auto *x = r.alternative(a), *y = r.alternative(b);
        return !x || !y || capacityMatched(*x, *y);
    };
    for (const auto& c : r.comparisons) {
        if (c.breakevenPriceFactor && c.capacityMatched)
            lines << tr("%1 costs the same as %2 at %3 times its contract prices.")
                         .arg(name(c.a), name(c.b), figure(en.toString(*c.breakevenPriceFactor, 'f', 3)));
    }
    for (const auto& b : r.breakevenUtilization) {
        if (!matched(b.alternative, kSpotAlternativeId))
            continue;
        if (b.utilization)
            lines << tr("%1 beats the spot market above %2 utilization.")
                         .arg(name(b.alternative), figure(formatPercent(*b.utilization)));
        else if (b.outcome == BreakevenOutcome::Never)
            lines << tr("The spot market is cheaper than %1 at any utilization.").arg(name(b.alternative));
        else
            lines << tr("%1 is cheaper than the spot market at any utilization.").arg(name(b.alternative));
    }
    // With a demand (MODEL.md 8): the multiple of the demand above which the alternative beats spot.
    for (const auto& b : r.breakevenDemand) {
        if (b.factor)
            lines << tr("%1 beats the spot market above %2 times the demand.")
                         .arg(name(b.alternative), figure(en.toString(*b.factor, 'f', 3)));
        else if (b.outcome == BreakevenOutcome::Never)
            lines << tr("The spot market is cheaper than %1 at any demand up to 10 times the plan.")
                         .arg(name(b.alternative));
        else
            lines << tr("%1 is cheaper than the spot market at any demand.").arg(name(b.alternative));
    }
    return lines;
}

QString nothingToCompareReason(const Portfolio& p, const EvaluationResult& r) {
    auto day = [](const Date& d) { return QString::fromStdString(formatIsoDate(d)); };
    const bool allEnded = std::all_of(p.contracts.begin(), p.contracts.end(),
                                      [&](const Contract& c) { return c.end < p.valuationDate; }) &&
                          std::all_of(p.fleets.begin(), p.fleets.end(),
                                      [&](const Fleet& f) { return fleetEnd(f) < p.valuationDate; });
    if (allEnded)
        return tr("every contract and fleet ends before the valuation date %1, so every alternative costs 0.")
            .arg(day(r.valuationDate));
    // Otherwise some start after an explicit horizon end (or, should the rules ever allow it, cost
    // nothing inside it): say what is true of every one of them.
    return tr("no contract or fleet has a cash flow between the valuation date %1 and the horizon end %2, so "
              "every alternative costs 0.")
        .arg(day(r.valuationDate), day(r.horizonEnd));
}

QString nothingToCompareSentence(const Portfolio& p, const EvaluationResult& r) {
    return tr("Nothing to compare: %1").arg(nothingToCompareReason(p, r));
}

} // namespace ledger::models
