// The reverse stress in words (models/ReverseStressText): the settings as the tornado names them to
// three significant digits, the ranked sentences (the first naming who wins instead), the inputs that
// cannot flip it, and the Monte Carlo share of paths on which the verdict flips, either way round.
#include "models/ReverseStressText.h"

#include <QTest>

using namespace ledger;
using namespace ledger::models;

namespace {

EvaluationResult twoAlternatives(const std::string& runnerUpName = "Spot market") {
    EvaluationResult r;
    r.currency = "USD";
    AlternativeResult buy, spot;
    buy.id = "buy";
    buy.name = "Buy and operate";
    spot.id = "spot";
    spot.name = runnerUpName;
    r.alternatives = {buy, spot};
    return r;
}

VerdictFlip flipping(const std::string& id, const std::string& name, SensitivityKind kind, double base,
                     double at, double scale = 1.0) {
    VerdictFlip f;
    f.id = id;
    f.input = name;
    f.kind = kind;
    f.base = base;
    f.flipAt = at;
    f.scale = scale;
    f.move = std::abs(at - base) / scale;
    const SensitivityInputInfo& info = *findSensitivityInput(id);
    f.min = info.min;
    f.max = info.max;
    return f;
}

VerdictFlip steady(const std::string& id) {
    const SensitivityInputInfo& info = *findSensitivityInput(id);
    VerdictFlip f;
    f.id = id;
    f.input = info.name;
    f.kind = info.kind;
    f.min = info.min;
    f.max = info.max;
    return f;
}

// Spot prices x0.7213 flip Buy to Spot; the trend at -31.24%/yr (from -15%) and fleet capex x1.48 too.
ReverseStress stress() {
    ReverseStress s;
    s.winner = "buy";
    s.runnerUp = "spot";
    s.winnerIndex = 0;
    s.runnerUpIndex = 1;
    s.baseGap = 1e9;
    s.inputs = {
        flipping("gpu_market_prices", "GPU market (spot) prices", SensitivityKind::Factor, 1.0, 0.72134),
        flipping("gpu_price_trend", "GPU price trend", SensitivityKind::PerYear, -0.15, -0.31237, 0.15),
        flipping("tax_rate", "Tax rate", SensitivityKind::Points, 0.0, 0.043712, 0.21),
        steady("residual_value"), steady("discount_rate")};
    return s;
}

} // namespace

class ReverseStressTextTest : public QObject {
    Q_OBJECT
private slots:
    void settingsAreNamedAsTheTornadoNamesThem() {
        const ReverseStress s = stress();
        QCOMPARE(flipSettingLabel(s.inputs[0]), QString("x0.721"));
        QCOMPARE(flipSettingLabel(s.inputs[1]), QString("-31.2%/yr"));
        QCOMPARE(flipSettingLabel(s.inputs[2]), QString("+4.37 pts"));
        QCOMPARE(flipSettingLabel(s.inputs[3]), QString());
        QCOMPARE(flipMoveText(s.inputs[0]), QString("27.9%"));
        QCOMPARE(flipMoveText(s.inputs[1]), QString("108.2%"));
        QCOMPARE(flipMoveText(s.inputs[3]), QString());
        QCOMPARE(flipRangeText(s.inputs[3]), QString("x0 to x10"));
        QCOMPARE(flipRangeText(s.inputs[4]), QString("-100 pts to +100 pts"));
    }

    // Ranked as given; the first names the winner and who takes over, the others "flips it".
    void oneSentencePerInputThatFlipsIt() {
        const EvaluationResult r = twoAlternatives();
        const QStringList plain = verdictFlipSentences(r, stress(), TextStyle::Plain);
        QCOMPARE(plain,
                 QStringList({"GPU market (spot) prices x0.721 (a move of 27.9%) flips Buy and operate to "
                              "Spot market.",
                              "GPU price trend -31.2%/yr (a move of 108.2%) flips it.",
                              "Tax rate +4.37 pts (a move of 20.8%) flips it."}));
        const QStringList html =
            verdictFlipSentences(twoAlternatives("Spot & more"), stress(), TextStyle::Html);
        QCOMPARE(html.front(),
                 QString("<b>GPU market (spot) prices</b> x0.721 (a move of 27.9%) flips Buy and "
                         "operate to Spot &amp; more."));
    }

    void theInputsThatCannotFlipItAreNamed() {
        ReverseStress s = stress();
        QCOMPARE(noFlipSentence(s, TextStyle::Plain),
                 QString("Residual value and Discount rate cannot flip it within their allowed ranges."));
        QCOMPARE(noFlipSentence(s, TextStyle::Html),
                 QString("<b>Residual value</b> and <b>Discount rate</b> cannot flip it within their allowed "
                         "ranges."));
        s.inputs.pop_back();
        QCOMPARE(noFlipSentence(s, TextStyle::Plain),
                 QString("Residual value cannot flip it within its allowed range."));
        s.inputs.pop_back();
        QCOMPARE(noFlipSentence(s, TextStyle::Plain), QString());
    }

    void aTieNeedsNoMove() {
        ReverseStress s = stress();
        s.baseGap = 0.0;
        QCOMPARE(
            verdictFlipSentences(twoAlternatives(), s, TextStyle::Plain),
            QStringList({"Buy and operate and Spot market cost the same as given: the smallest move of any "
                         "input that favours Spot market flips the verdict."}));
    }

    // P(runner-up < winner): the run's share when stored that way round, else its complement; none
    // when the run does not hold the pair.
    void theShareOfPathsOnWhichItFlips() {
        const EvaluationResult r = twoAlternatives();
        const ReverseStress s = stress();
        SimulationResult run;
        run.paths = 20000;
        run.probCheaper = {{"spot", "buy", 0.032}};
        QCOMPARE(*verdictFlipProbability(s, run), 0.032);
        QCOMPARE(
            flipProbabilitySentence(r, s, run),
            QString("Monte Carlo, 20,000 paths: the verdict flips on 3.2% of them (Spot market costs less "
                    "than Buy and operate)."));
        run.probCheaper = {{"buy", "spot", 0.75}};
        QCOMPARE(*verdictFlipProbability(s, run), 0.25);
        run.probCheaper = {{"buy", "rent", 0.75}};
        QVERIFY(!verdictFlipProbability(s, run));
        QCOMPARE(flipProbabilitySentence(r, s, run), QString());
    }
};

QTEST_APPLESS_MAIN(ReverseStressTextTest)
#include "tst_reverse_stress_text.moc"
