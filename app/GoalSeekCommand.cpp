// computeledger goal-seek: the value of one input at which a target holds ("NPV of rent = NPV of
// buy", "LCOC of buy = 2.5"), by TOMS 748 over a bracket (data/GoalSeekInput.h, docs/model.md 11.8).
#include "app/Commands.h"

#include "app/CommandSupport.h"
#include "data/GoalSeekInput.h"
#include "portfolio/Validation.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace ledger::app {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString number(double v) {
    return q(formatNumber(v));
}

QJsonValue numberOrNull(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue();
}

// --bracket LO,HI: two finite numbers, the lower first.
std::optional<data::GoalSeekBracket> readBracket(const QString& text, QString* error) {
    const QStringList parts = text.split(',');
    const auto lo = parts.size() == 2 ? parseFiniteNumber(parts[0].trimmed().toStdString()) : std::nullopt;
    const auto hi = parts.size() == 2 ? parseFiniteNumber(parts[1].trimmed().toStdString()) : std::nullopt;
    if (!lo || !hi || !(*lo < *hi)) {
        *error =
            "computeledger goal-seek: --bracket: \"" + text + "\" is not LO,HI (two numbers, LO below HI)";
        return std::nullopt;
    }
    return data::GoalSeekBracket{*lo, *hi, "--bracket"};
}

QJsonObject goalSeekJson(const data::InputGoalSeek& g, const GoalSeekTolerance& t) {
    const GoalSeekResult& r = g.result;
    return QJsonObject{
        {"input", q(g.path)},
        {"value_in_file", numberOrNull(g.value)},
        {"target", data::goalSeekTargetSpec(g.target)},
        {"residual_of", data::goalSeekResidualText(g.target)},
        {"status", toString(r.status)},
        {"solution", r.x},
        {"residual", r.residual},
        {"bracket", QJsonObject{{"lo", r.lo}, {"hi", r.hi}, {"source", g.bracket.source}}},
        {"final_bracket", QJsonObject{{"lo", r.finalLo}, {"hi", r.finalHi}}},
        {"target_at_lo", numberOrNull(r.fLo)},
        {"target_at_hi", numberOrNull(r.fHi)},
        {"iterations", r.iterations},
        {"evaluations", r.evaluations},
        {"method", "TOMS 748 (boost::math::tools::toms748_solve)"},
        {"tolerance", QJsonObject{{"relative", t.relative},
                                  {"of_bracket", t.ofBracket},
                                  {"width", r.toleranceWidth},
                                  {"max_iterations", t.maxIterations}}},
    };
}

QString goalSeekText(const data::InputGoalSeek& g, const GoalSeekTolerance& t, const std::string& currency) {
    const GoalSeekResult& r = g.result;
    const QString unit =
        g.target.kind == data::GoalSeekTarget::Kind::Lcoc ? q(currency) + " per GPU-hour" : q(currency);
    const QString spec = data::goalSeekTargetSpec(g.target);
    QString text;
    text += "Input:        " + q(g.path) +
            (g.value ? " (" + number(*g.value) + " in the file)" : QString(" (not in the file)")) + "\n";
    text += "Target:       " + spec + " (" + data::goalSeekResidualText(g.target) + " = 0)\n";
    text += "Solution:     " + number(r.x) + "\n";
    text += "Residual:     " + number(r.residual) + " " + unit + "\n";
    text += "Bracket:      [" + number(r.lo) + ", " + number(r.hi) + "] (" + g.bracket.source +
            "); the target is " + number(r.fLo.value_or(0.0)) + " at " + number(r.lo);
    text += r.fHi ? " and " + number(*r.fHi) + " at " + number(r.hi) + "\n" : QString("\n");
    auto count = [](int n, const char* what) {
        return QString::number(n) + " " + what + (n == 1 ? "" : "s");
    };
    text += "Narrowed to:  [" + number(r.finalLo) + ", " + number(r.finalHi) + "] in " +
            count(r.iterations, "iteration") + " (" + count(r.evaluations, "evaluation") + ")\n";
    text += "Method:       " + data::goalSeekToleranceText(t) + "\n";
    return text;
}

} // namespace

int goalSeekCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("goal-seek", "subcommand");
    parser.addPositionalArgument("FILE", "portfolio file");
    parser.addOption(
        {"input", "the input to move, an input path (/contracts/id=c/price_per_gpu_hour)", "PATH"});
    parser.addOption({"target", "npv-equal:A,B, npv:A=VALUE or lcoc:A=VALUE", "TARGET"});
    parser.addOption({"bracket",
                      "the values searched, LO,HI (default: the field's bounds or the value /10, x10)",
                      "LO,HI"});
    parser.addOption({"json", "print the result as JSON"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return userError("computeledger goal-seek: expected one FILE; see computeledger --help");
    for (const char* required : {"input", "target"}) {
        if (!parser.isSet(required))
            return userError(QString("computeledger goal-seek: --%1 is required").arg(required));
    }
    const auto target = data::parseGoalSeekTarget(parser.value("target"), &error);
    if (!target)
        return userError("computeledger goal-seek: --target: " + error);
    std::optional<data::GoalSeekBracket> bracket;
    if (parser.isSet("bracket")) {
        bracket = readBracket(parser.value("bracket"), &error);
        if (!bracket)
            return userError(error);
    }
    const OpenedPortfolio opened = openPortfolio(pos[1]);
    if (!opened.ok())
        return kUserError;
    const GoalSeekTolerance tolerance;
    const auto g =
        data::goalSeekInput(opened.portfolio(), opened.catalog, parser.value("input").toStdString(), *target,
                            bracket, &error, tolerance);
    if (!g)
        return userError(pos[1] + ": " + error);
    if (g->result.status != GoalSeekStatus::Solved) {
        // A default bracket's end the file refuses: the user knows a narrower one.
        const bool defaulted = !bracket && g->result.status == GoalSeekStatus::NotEvaluated;
        return userError(pos[1] + ": goal seek: " + data::goalSeekOutcome(*g) +
                         (defaulted ? "; give --bracket LO,HI within what the file accepts" : ""));
    }
    if (parser.isSet("json"))
        out() << QJsonDocument(goalSeekJson(*g, tolerance)).toJson(QJsonDocument::Indented);
    else
        out() << goalSeekText(*g, tolerance, opened.portfolio().currency);
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
