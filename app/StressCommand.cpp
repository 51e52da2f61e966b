// computeledger stress: the reverse stress of the verdict (core/analytics/ReverseStress.h,
// docs/model.md 11.9): the smallest move of each tornado input alone that flips it, ranked; the
// file's scenarios that flip it (data/ScenarioResults.h) and, with --simulate, the share of Monte
// Carlo paths on which it flips.
#include "app/Commands.h"

#include "analytics/ReverseStress.h"
#include "app/CommandSupport.h"
#include "app/SimulationOptions.h"
#include "data/ScenarioResults.h"
#include "engine/DeterministicEngine.h"
#include "models/DecisionText.h"
#include "models/MoneyFormat.h"
#include "models/ReverseStressText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace ledger::app {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QJsonValue numberOrNull(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue();
}

QString pad(const QString& s, int width) {
    return s.leftJustified(width, ' ');
}

QJsonObject stressJson(const ReverseStress& s) {
    QJsonArray inputs;
    for (const VerdictFlip& f : s.inputs) {
        QJsonObject o{{"id", q(f.id)},
                      {"input", q(f.input)},
                      {"flips", f.flipAt.has_value()},
                      {"flip_at", numberOrNull(f.flipAt)},
                      {"label", f.flipAt ? QJsonValue(models::flipSettingLabel(f)) : QJsonValue()},
                      {"move", f.flipAt ? QJsonValue(f.move) : QJsonValue()},
                      {"base", f.base},
                      {"min", f.min},
                      {"max", f.max}};
        if (f.flipAt) {
            o["residual"] = f.residual;
            o["bracket"] = QJsonArray{f.bracketLo, f.bracketHi};
            o["iterations"] = f.iterations;
        } else {
            o["gap_at_min"] = numberOrNull(f.gapAtMin);
            o["gap_at_max"] = numberOrNull(f.gapAtMax);
        }
        inputs.append(o);
    }
    return QJsonObject{{"winner", q(s.winner)},
                       {"runner_up", q(s.runnerUp)},
                       {"base_gap", s.baseGap},
                       {"inputs", inputs},
                       {"evaluations", s.evaluations}};
}

QString stressTable(const EvaluationResult& r, const ReverseStress& s) {
    auto name = [&](const std::string& id) {
        const AlternativeResult* a = r.alternative(id);
        return q(a ? a->name : id) + " (" + q(id) + ")";
    };
    QString text = "Reverse stress: " + name(s.winner) + " is cheapest; the next best is " +
                   name(s.runnerUp) + "\nGap: the next best's NPV cost minus the winner's, " + q(r.currency) +
                   " " + models::formatMillions(s.baseGap) + " M as given\n\n";
    text +=
        pad("Smallest move alone that flips it", 36) + pad("Flips at", 14) + pad("Move", 10) + "Searched\n";
    for (const VerdictFlip& f : s.inputs)
        text += pad(q(f.input), 36) + pad(f.flipAt ? models::flipSettingLabel(f) : QString("cannot"), 14) +
                pad(f.flipAt ? models::flipMoveText(f) : QString("-"), 10) + models::flipRangeText(f) + "\n";
    text += "\n";
    for (const QString& sentence : models::verdictFlipSentences(r, s, models::TextStyle::Plain))
        text += sentence + "\n";
    if (const QString none = models::noFlipSentence(s, models::TextStyle::Plain); !none.isEmpty())
        text += none + "\n";
    return text;
}

} // namespace

int stressCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("stress", "subcommand");
    parser.addPositionalArgument("FILE", "portfolio file");
    parser.addOption({"json", "print the result as JSON"});
    parser.addOption({"simulate", "add the share of Monte Carlo paths on which the verdict flips"});
    addSimulationOptions(parser);
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    if (!simulateGivenFor(parser, "stress", {}, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return userError("computeledger stress: expected one FILE; see computeledger --help");
    const OpenedPortfolio opened = openPortfolio(pos[1]);
    if (!opened.ok())
        return kUserError;
    const Portfolio& p = opened.portfolio();
    const EvaluationResult r = evaluatePortfolio(p, opened.catalog, EvaluateOptions{false});
    const auto pair = models::decisionPair(r);
    if (!pair)
        return userError(pos[1] + ": no verdict to stress: " +
                         (r.nothingToCompare()
                              ? QString("nothing to compare, every alternative costs 0")
                              : QString("fewer than two alternatives deliver the most capacity")));
    const ReverseStress s = reverseStress(p, opened.catalog, pair->first, pair->second);
    std::optional<SimulationResult> run;
    if (!requestedSimulation(parser, "stress", p, opened.catalog, &run, &error))
        return userError(error);
    QStringList flipping;
    int scenarios = 0;
    if (!p.scenarios.empty()) {
        const auto outcomes = data::evaluateScenarios(p, opened.catalog, &error, EvaluateOptions{false});
        if (!outcomes)
            return userError(pos[1] + ": " + error);
        for (const auto& x : *outcomes) {
            if (x.base)
                continue;
            ++scenarios;
            if (x.flipsVerdict)
                flipping << q(x.name);
        }
    }
    if (parser.isSet("json")) {
        QJsonObject o = stressJson(s);
        if (scenarios > 0)
            o["scenarios"] = QJsonObject{{"count", scenarios},
                                         {"flip", int(flipping.size())},
                                         {"flipping", QJsonArray::fromStringList(flipping)}};
        if (run) {
            const auto share = models::verdictFlipProbability(s, *run);
            o["simulation"] = QJsonObject{{"paths", qint64(run->paths)},
                                          {"seed", double(run->seed)},
                                          {"probability_flip", numberOrNull(share)}};
        }
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out() << stressTable(r, s);
        if (scenarios > 0) {
            QStringList quoted;
            for (const QString& n : flipping)
                quoted << "\"" + n + "\"";
            out() << "Scenarios: " << flipping.size() << " of " << scenarios << " flip the verdict"
                  << (quoted.isEmpty() ? QString(".") : ": " + quoted.join(", ") + ".") << "\n";
        }
        if (run) {
            const QString sentence = models::flipProbabilitySentence(r, s, *run);
            out() << (sentence.isEmpty() ? QString("Monte Carlo: the run holds no comparison of the pair.")
                                         : sentence)
                  << "\n";
        }
    }
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
