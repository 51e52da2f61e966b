// The decision in words (models/DecisionText): LCOC's one wording and its arithmetic, the decision's
// pair, what would change the verdict (which setting flips it, and to whom), the Monte Carlo band;
// and the alternatives table's LCOC header and tooltip on the bundled example.
#include "models/AlternativesTableModel.h"
#include "models/DecisionText.h"
#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"

#include <QTest>

using namespace ledger;
using namespace ledger::models;

namespace {

AlternativeResult alternative(const std::string& id, const std::string& name, double npv) {
    AlternativeResult a;
    a.id = id;
    a.name = name;
    a.npvCost = npv;
    a.totalCash = npv * 1.2;
    a.usedH100Hours = 1e9; // every one delivers the same: all are ranked
    a.lcoc = npv / 25e9;
    AnnualRow row;
    row.year = 2027;
    row.cash = a.totalCash;
    a.annual = {row};
    return a;
}

// Rent 21,747.5 M, Buy 12,742.0 M, spot 26,654.5 M: Buy wins, Rent is the runner-up.
EvaluationResult threeAlternatives() {
    EvaluationResult r;
    r.currency = "USD";
    r.alternatives = {alternative("rent", "Rent", 21747.5e6), alternative("buy", "Buy", 12742.0e6),
                      alternative("spot", "Spot market", 26654.5e6)};
    return r;
}

AlternativeSimulation band(const std::string& id, double p5, double p95) {
    AlternativeSimulation a;
    a.id = id;
    a.npvCost.p5 = p5;
    a.npvCost.p95 = p95;
    return a;
}

} // namespace

class DecisionTextTest : public QObject {
    Q_OBJECT
private slots:
    void lcocHasOneWording() {
        QCOMPARE(lcocMeaning(), QString("cost per H100-equivalent GPU-hour, after tax, discounted"));
    }

    // NPV cost / discounted H100-equivalent hours, with this alternative's numbers: the hours are the
    // engine's quotient read back (12,742.0 M / 0.4535 = 28,097.0 M).
    void lcocArithmeticShowsTheNumbers() {
        AlternativeResult a = alternative("buy", "Buy and operate", 12742.0e6);
        a.lcoc = 0.4535;
        QCOMPARE(lcocArithmetic(a, "USD"),
                 QString("Buy and operate: LCOC, cost per H100-equivalent GPU-hour, after tax, discounted\n"
                         "LCOC = NPV cost / discounted H100-equivalent GPU-hours\n"
                         "= USD 12,742.0 M / 28,097.0 M\n"
                         "= USD 0.4535 per H100-equivalent GPU-hour\n"
                         "(the hours: the used GPU-hours x the SKU's performance index (H100 = 1), each "
                         "period's discounted to the valuation date at its end)"));
        a.demand = DemandServed{};
        QVERIFY(lcocArithmetic(a, "USD").endsWith("(the hours: the demand's H100-equivalent GPU-hours (own "
                                                  "capacity and shortfall at spot together), each period's "
                                                  "discounted to the valuation date at its end)"));
        a.lcoc.reset();
        QCOMPARE(lcocArithmetic(a, "USD"),
                 QString("Buy and operate has no LCOC: it uses no GPU-hours in the horizon."));
    }

    void theDecisionIsBetweenTheBestTwo() {
        EvaluationResult r = threeAlternatives();
        const auto pair = decisionPair(r);
        QVERIFY(pair);
        QCOMPARE(pair->first, std::size_t(1));  // Buy
        QCOMPARE(pair->second, std::size_t(0)); // Rent
        // An alternative that delivers less is not in the running (MODEL.md 8).
        r.alternatives[0].usedH100Hours = 0.5e9;
        QCOMPARE(decisionPair(r)->second, std::size_t(2));
        // Nothing to compare: no pair.
        for (auto& a : r.alternatives) {
            a.npvCost = a.totalCash = 0.0;
            a.annual.front().cash = 0.0;
        }
        QVERIFY(!decisionPair(r));
    }

    // The gap is the runner-up's NPV cost minus the winner's; a setting where it is below zero flips the
    // verdict, and the sentence names the setting and who wins there.
    void whatWouldChangeTheVerdictNamesTheFlip() {
        const EvaluationResult r = threeAlternatives();
        Sensitivity s;
        s.a = "buy";
        s.b = "rent";
        s.base = -9005.5e6;
        s.bars = {{"Contract prices", "x0.8", "x1.2", 1200.0e6, -13000.0e6, "contract_prices"},
                  {"Fleet capex", "x0.8", "x1.2", -11000.0e6, -7000.0e6, "fleet_capex"},
                  {"Discount rate", "-3 pts", "+3 pts", 0.0, -8000.0e6, "discount_rate"},
                  {"Tax rate", "-5 pts", "+5 pts", -9100.0e6, -8900.0e6, "tax_rate"}};
        const auto changes = verdictChanges(r, s, TextStyle::Plain);
        QCOMPARE(changes.size(), std::size_t(3)); // the widest three
        QCOMPARE(changes[0].input, std::string("Contract prices"));
        QCOMPARE(changes[0].flipsAt, std::string("x0.8"));
        QCOMPARE(changes[0].gapLow, -1200.0e6);
        QCOMPARE(changes[0].gapHigh, 13000.0e6);
        QCOMPARE(changes[0].sentence,
                 QString("Contract prices x0.8 to x1.2 moves the gap from USD -1,200.0 M to "
                         "13,000.0 M; at x0.8 Rent wins, by USD 1,200.0 M."));
        QCOMPARE(changes[1].flipsAt, std::string());
        QCOMPARE(changes[1].sentence, QString("Fleet capex x0.8 to x1.2 moves the gap from USD 11,000.0 M to "
                                              "7,000.0 M; Buy stays cheapest."));
        QCOMPARE(changes[2].sentence,
                 QString("Discount rate -3 pts to +3 pts moves the gap from USD 0.0 M to "
                         "8,000.0 M; at -3 pts the two cost the same."));
        QCOMPARE(
            verdictGapSentence(r, s),
            QString("The gap is Rent's NPV cost minus Buy's: USD 9,005.5 M as given; each input moves to "
                    "its low and its high setting, the others held."));
        // On screen: the input and the flipping setting in bold, names escaped.
        EvaluationResult amp = r;
        amp.alternatives[0].name = "R&D lease";
        const auto html = verdictChanges(amp, s, TextStyle::Html, 1);
        QCOMPARE(html.size(), std::size_t(1));
        QCOMPARE(html[0].sentence,
                 QString("<b>Contract prices</b> x0.8 to x1.2 moves the gap from USD -1,200.0 "
                         "M to 13,000.0 M; at <b>x0.8</b> R&amp;D lease wins, by USD 1,200.0 M."));
    }

    void theMonteCarloBandInOneLine() {
        const EvaluationResult r = threeAlternatives();
        SimulationResult s;
        s.paths = 100000;
        s.seed = 42;
        s.alternatives = {band("rent", 19320.8e6, 23947.4e6), band("buy", 11942.9e6, 14910.6e6),
                          band("spot", 21815.9e6, 35136.5e6)};
        s.probCheaper = {{"rent", "buy", 0.03}, {"rent", "spot", 0.967}, {"buy", "spot", 1.0}};
        QCOMPARE(
            monteCarloBandSentence(r, s),
            QString("Monte Carlo, 100,000 paths, seed 42: NPV cost P5 to P95 (USD M): Rent 19,320.8 to "
                    "23,947.4; Buy 11,942.9 to 14,910.6; Spot market 21,815.9 to 35,136.5. Buy costs no more "
                    "than Rent on 97.0% of the paths."));
        s.probCheaper.front() = {"buy", "rent", 0.97};
        QVERIFY(monteCarloBandSentence(r, s).endsWith(" Buy is cheaper than Rent on 97.0% of the paths."));
        QVERIFY(noMonteCarloSentence(true).startsWith("The last Monte Carlo run was for other inputs"));
        QVERIFY(noMonteCarloSentence(false).startsWith("No Monte Carlo run for these inputs yet"));
    }

    // The table's LCOC column: the one wording in its header, the arithmetic in its tooltip.
    void theAlternativesTableSaysLcocOneWay() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY2(doc.openBundledExample(&error), qPrintable(error));
        AlternativesTableModel model(&doc);
        QCOMPARE(model.headerData(AlternativesTableModel::Lcoc, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QString("LCOC (USD, cost per H100-equivalent GPU-hour, after tax, discounted)"));
        const auto& buy = doc.evaluation().alternatives[1];
        QCOMPARE(model.index(1, AlternativesTableModel::Lcoc).data(Qt::ToolTipRole).toString(),
                 lcocArithmetic(buy, "USD"));
        QVERIFY(model.index(1, AlternativesTableModel::Lcoc)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains("= USD " + formatMillions(buy.npvCost) + " M / " +
                              formatMillions(buy.npvCost / *buy.lcoc) + " M\n= USD " +
                              formatPerHour(*buy.lcoc)));
    }
};

QTEST_GUILESS_MAIN(DecisionTextTest)
#include "tst_decision_text.moc"
