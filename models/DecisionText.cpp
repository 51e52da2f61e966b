#include "models/DecisionText.h"

#include "models/MoneyFormat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ledger::models {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("DecisionText", text);
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString nameOf(const EvaluationResult& r, const std::string& id) {
    const AlternativeResult* a = r.alternative(id);
    return q(a ? a->name : id);
}

} // namespace

QString lcocMeaning() {
    return tr("cost per H100-equivalent GPU-hour, after tax, discounted");
}

QString lcocArithmetic(const AlternativeResult& a, const std::string& currency) {
    const QString cur = q(currency);
    if (!a.lcoc || *a.lcoc == 0.0 || !std::isfinite(*a.lcoc))
        return tr("%1 has no LCOC: it uses no GPU-hours in the horizon.").arg(q(a.name));
    // The engine divides the NPV cost by the discounted hours; their quotient gives the hours back.
    const double hours = a.npvCost / *a.lcoc;
    const QString what =
        a.demand ? tr("the demand's H100-equivalent GPU-hours (own capacity and shortfall at spot together), "
                      "each period's discounted to the valuation date at its end")
                 : tr("the used GPU-hours x the SKU's performance index (H100 = 1), each period's "
                      "discounted to the valuation date at its end");
    return tr("%1: LCOC, %2\n"
              "LCOC = NPV cost / discounted H100-equivalent GPU-hours\n"
              "= %3 %4 M / %5 M\n"
              "= %3 %6 per H100-equivalent GPU-hour\n"
              "(the hours: %7)")
        .arg(q(a.name), lcocMeaning(), cur, formatMillions(a.npvCost), formatMillions(hours),
             formatPerHour(*a.lcoc), what);
}

std::optional<std::pair<std::size_t, std::size_t>> decisionPair(const EvaluationResult& r) {
    if (r.nothingToCompare())
        return std::nullopt;
    const auto ranked = r.rankedAtFullCapacity();
    if (ranked.size() < 2)
        return std::nullopt;
    const AlternativeResult* first = r.alternatives.data();
    return std::pair{std::size_t(ranked[0] - first), std::size_t(ranked[1] - first)};
}

std::vector<VerdictChange> verdictChanges(const EvaluationResult& r, const Sensitivity& s, TextStyle style,
                                          int count) {
    const bool html = style == TextStyle::Html;
    auto escaped = [&](const QString& text) { return html ? text.toHtmlEscaped() : text; };
    auto bold = [&](const QString& text) { return html ? "<b>" + escaped(text) + "</b>" : text; };
    const QString winner = escaped(nameOf(r, s.a)), runnerUp = escaped(nameOf(r, s.b));
    const QString cur = q(r.currency);
    std::vector<VerdictChange> changes;
    for (const SensitivityBar& bar : s.bars) {
        if (int(changes.size()) >= count)
            break;
        VerdictChange c;
        c.input = bar.input;
        // s holds NPV_winner - NPV_runnerUp; the gap is the other way round, positive while the
        // winner stays cheaper.
        c.gapLow = -bar.low;
        c.gapHigh = -bar.high;
        QStringList flips, ties;
        for (const auto& [gap, label] :
             {std::pair{c.gapLow, bar.lowLabel}, std::pair{c.gapHigh, bar.highLabel}}) {
            if (gap < 0.0)
                flips << tr("at %1").arg(bold(q(label)));
            else if (gap == 0.0)
                ties << tr("at %1").arg(bold(q(label)));
            if (gap < 0.0 && c.flipsAt.empty())
                c.flipsAt = label;
        }
        QString outcome;
        if (!flips.isEmpty()) {
            const double by = -std::min(c.gapLow, c.gapHigh);
            outcome =
                tr("%1 %2 wins, by %3 %4 M").arg(flips.join(tr(" and ")), runnerUp, cur, formatMillions(by));
        } else if (!ties.isEmpty()) {
            outcome = tr("%1 the two cost the same").arg(ties.join(tr(" and ")));
        } else {
            outcome = tr("%1 stays cheapest").arg(winner);
        }
        c.sentence = tr("%1 %2 to %3 moves the gap from %4 %5 M to %6 M; %7.")
                         .arg(bold(q(bar.input)), escaped(q(bar.lowLabel)), escaped(q(bar.highLabel)), cur,
                              formatMillions(c.gapLow), formatMillions(c.gapHigh), outcome);
        changes.push_back(std::move(c));
    }
    return changes;
}

QString verdictGapSentence(const EvaluationResult& r, const Sensitivity& s) {
    return tr("The gap is %1's NPV cost minus %2's: %3 %4 M as given; each input moves to its low and its "
              "high setting, the others held.")
        .arg(nameOf(r, s.b), nameOf(r, s.a), q(r.currency), formatMillions(-s.base));
}

QString monteCarloBandSentence(const EvaluationResult& r, const SimulationResult& s) {
    const QLocale en(QLocale::English);
    QStringList bands;
    for (const AlternativeSimulation& a : s.alternatives)
        bands << tr("%1 %2 to %3")
                     .arg(nameOf(r, a.id), formatMillions(a.npvCost.p5), formatMillions(a.npvCost.p95));
    QString text = tr("Monte Carlo, %1 paths, seed %2: NPV cost P5 to P95 (%3 M): %4.")
                       .arg(en.toString(qlonglong(s.paths)))
                       .arg(s.seed)
                       .arg(q(r.currency), bands.join("; "));
    if (const auto pair = decisionPair(r)) {
        const std::string& winner = r.alternatives[pair->first].id;
        const std::string& runnerUp = r.alternatives[pair->second].id;
        // Said of the winner whichever way round the run stores the pair: P(runner-up < winner) is
        // read as its complement, the share of paths where the winner costs no more.
        for (const ProbabilityCheaper& p : s.probCheaper) {
            if (p.a == winner && p.b == runnerUp)
                text += " " + tr("%1 is cheaper than %2 on %3 of the paths.")
                                  .arg(nameOf(r, winner), nameOf(r, runnerUp), formatPercent(p.p));
            else if (p.a == runnerUp && p.b == winner)
                text += " " + tr("%1 costs no more than %2 on %3 of the paths.")
                                  .arg(nameOf(r, winner), nameOf(r, runnerUp), formatPercent(1.0 - p.p));
        }
    }
    return text;
}

QString noMonteCarloSentence(bool stale) {
    return stale ? tr("The last Monte Carlo run was for other inputs: run it again (Monte Carlo, F5) for the "
                      "P5 to P95 band of NPV cost.")
                 : tr("No Monte Carlo run for these inputs yet: run one (Monte Carlo, F5) for the P5 to P95 "
                      "band "
                      "of NPV cost.");
}

} // namespace ledger::models
