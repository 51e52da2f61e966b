#include "models/ReverseStressText.h"

#include "models/MoneyFormat.h"

#include <QCoreApplication>
#include <QLocale>

namespace ledger::models {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ReverseStressText", text);
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString nameOf(const EvaluationResult& r, const std::string& id) {
    const AlternativeResult* a = r.alternative(id);
    return q(a ? a->name : id);
}

// A setting to three significant digits of the number its label shows (x0.721, -31.2%/yr, +4.37 pts).
QString rounded(SensitivityKind kind, double setting) {
    const double scale = kind == SensitivityKind::Factor ? 1.0 : 100.0;
    const double shown = QString::number(setting * scale, 'g', 3).toDouble();
    return q(sensitivitySettingLabel(kind, shown / scale));
}

} // namespace

QString flipSettingLabel(const VerdictFlip& f) {
    return f.flipAt ? rounded(f.kind, *f.flipAt) : QString();
}

QString flipMoveText(const VerdictFlip& f) {
    return f.flipAt ? formatPercent(f.move) : QString();
}

QString flipRangeText(const VerdictFlip& f) {
    return tr("%1 to %2")
        .arg(q(sensitivitySettingLabel(f.kind, f.min)), q(sensitivitySettingLabel(f.kind, f.max)));
}

QStringList verdictFlipSentences(const EvaluationResult& r, const ReverseStress& s, TextStyle style) {
    const bool html = style == TextStyle::Html;
    auto escaped = [&](const QString& text) { return html ? text.toHtmlEscaped() : text; };
    auto bold = [&](const QString& text) { return html ? "<b>" + escaped(text) + "</b>" : text; };
    const QString winner = escaped(nameOf(r, s.winner)), runnerUp = escaped(nameOf(r, s.runnerUp));
    if (s.baseGap <= 0.0)
        return {tr("%1 and %2 cost the same as given: the smallest move of any input that favours %2 flips "
                   "the verdict.")
                    .arg(winner, runnerUp)};
    QStringList sentences;
    for (const VerdictFlip& f : s.inputs) {
        if (!f.flipAt)
            continue;
        const QString what =
            tr("%1 %2 (a move of %3)").arg(bold(q(f.input)), escaped(flipSettingLabel(f)), flipMoveText(f));
        sentences << (sentences.isEmpty() ? tr("%1 flips %2 to %3.").arg(what, winner, runnerUp)
                                          : tr("%1 flips it.").arg(what));
    }
    return sentences;
}

QString noFlipSentence(const ReverseStress& s, TextStyle style) {
    const bool html = style == TextStyle::Html;
    QStringList names;
    for (const VerdictFlip& f : s.inputs)
        if (!f.flipAt)
            names << (html ? "<b>" + q(f.input).toHtmlEscaped() + "</b>" : q(f.input));
    if (names.isEmpty())
        return {};
    const QString list = names.size() == 1
                             ? names.front()
                             : names.mid(0, names.size() - 1).join(", ") + tr(" and ") + names.back();
    return names.size() == 1 ? tr("%1 cannot flip it within its allowed range.").arg(list)
                             : tr("%1 cannot flip it within their allowed ranges.").arg(list);
}

std::optional<double> verdictFlipProbability(const ReverseStress& s, const SimulationResult& run) {
    // Only one order of each pair is stored: P(winner < runner-up) is read as its complement.
    for (const ProbabilityCheaper& p : run.probCheaper) {
        if (p.a == s.runnerUp && p.b == s.winner)
            return p.p;
        if (p.a == s.winner && p.b == s.runnerUp)
            return 1.0 - p.p;
    }
    return std::nullopt;
}

QString flipProbabilitySentence(const EvaluationResult& r, const ReverseStress& s,
                                const SimulationResult& run) {
    const auto p = verdictFlipProbability(s, run);
    if (!p)
        return {};
    return tr("Monte Carlo, %1 paths: the verdict flips on %2 of them (%3 costs less than %4).")
        .arg(QLocale(QLocale::English).toString(qlonglong(run.paths)), formatPercent(*p),
             nameOf(r, s.runnerUp), nameOf(r, s.winner));
}

} // namespace ledger::models
