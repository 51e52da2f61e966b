// Named scenarios (data/Scenarios.h, data/ScenarioResults.h, data/StressTemplates.h, issue 21):
// an override set where the file holds the input and read back with the file's messages; a
// scenario equal to the base case gives the base numbers bit for bit; each stress template moves
// exactly what a hand-made portfolio with the same change moves; the JSON round trip; refusals
// naming the scenario and the path; and a Monte Carlo per scenario on common random numbers.
#include "data/EvaluationJson.h"
#include "data/PortfolioEdit.h"
#include "data/PortfolioJson.h"
#include "data/ScenarioResults.h"
#include "data/SimulationJson.h"
#include "data/SkuCatalogJson.h"
#include "data/StressTemplates.h"
#include "engine/DeterministicEngine.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/OutcomeRow.h"
#include "portfolio/Defaults.h"
#include "resources/BundledResources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::data;

namespace {

const SkuCatalog& catalog() {
    static const SkuCatalog c = bundledSkuCatalog();
    return c;
}

Portfolio example() {
    auto load = loadPortfolioJsonFile(resources::examplePortfolioPath(), catalog());
    if (!load.portfolio)
        qFatal("%s", qPrintable(load.error));
    return *load.portfolio;
}

QByteArray evaluated(const Portfolio& p) {
    return QJsonDocument(evaluationToJson(evaluatePortfolio(p, catalog()))).toJson(QJsonDocument::Compact);
}

Portfolio applied(const Portfolio& p, const Scenario& s) {
    QString error;
    auto out = withScenario(p, s, catalog(), &error);
    if (!out)
        qFatal("%s", qPrintable(error));
    return *out;
}

Scenario one(const std::string& path, const std::string& value) {
    return Scenario{"Test", "", "", {{path, value}}};
}

QString refusal(const Portfolio& p, const Scenario& s) {
    QString error;
    if (withScenario(p, s, catalog(), &error))
        return "(applied)";
    return error;
}

Scenario fromTemplate(const Portfolio& p, StressKind kind) {
    QString error;
    auto s = stressScenario(p, kind, catalog(), &error);
    if (!s)
        qFatal("%s", qPrintable(error));
    return *s;
}

} // namespace

class ScenariosTest : public QObject {
    Q_OBJECT

private slots:
    void aScenarioWithoutOverridesIsTheBaseCaseBitForBit() {
        const Portfolio p = example();
        QCOMPARE(evaluated(applied(p, Scenario{"Same", "", "", {}})), evaluated(p));
    }

    void anOverrideIsTheInputSetByHand() {
        const Portfolio p = example();
        const Portfolio s = applied(p, one("/contracts/id=cw-2026/escalator", "0.03"));
        Portfolio hand = p;
        hand.contracts[1].escalator = 0.03;
        QCOMPARE(evaluated(s), evaluated(hand));
        // A position step names the same input as the id step.
        QCOMPARE(evaluated(applied(p, one("/contracts/1/escalator", "0.03"))), evaluated(hand));
        // null removes the input: its default applies (a take-or-pay of 1).
        Portfolio low = p;
        low.contracts[0].takeOrPay = 0.5;
        QCOMPARE(applied(low, one("/contracts/id=cw-2025/take_or_pay", "null")).contracts[0].takeOrPay, 1.0);
        // A curve point and a whole curve.
        QCOMPARE(applied(p, one("/demand/curve/2/gpus", "600000")).demand->curve[2].gpus, 600000.0);
        const Portfolio flat =
            applied(p, one("/demand/curve", R"([{"date": "2027-01-01", "gpus": 400000}])"));
        QCOMPARE(flat.demand->curve.size(), std::size_t(1));
        // The scenarios stay with the result, so the base case's list is not lost.
        Portfolio withList = p;
        withList.scenarios = {one("/market/gpu_price/volatility", "0.5")};
        const Portfolio s2 = applied(withList, withList.scenarios[0]);
        QCOMPARE(s2.market.gpuPrice.volatility, 0.5);
        QCOMPARE(s2.scenarios, withList.scenarios);
    }

    void badOverridesNameTheScenarioAndThePath() {
        const Portfolio p = example();
        QCOMPARE(
            refusal(p, one("/contracts/id=nope/escalator", "0.1")),
            QString(
                "scenario \"Test\": /contracts/id=nope/escalator: contracts has no entry with id \"nope\""));
        QCOMPARE(
            refusal(p, one("/contracts/7/escalator", "0.1")),
            QString(
                "scenario \"Test\": /contracts/7/escalator: contracts has 2 entries; there is no entry 7"));
        QCOMPARE(
            refusal(p, one("/market/gpu_price/trend_per_year", "\"fast\"")),
            QString("scenario \"Test\" (/market/gpu_price/trend_per_year): market.gpu_price.trend_per_year: "
                    "expected a number, got a string"));
        QVERIFY2(
            refusal(p, one("/assumptions/discount_rate", "7"))
                .startsWith("scenario \"Test\" (/assumptions/discount_rate): assumptions.discount_rate: 7 "),
            qPrintable(refusal(p, one("/assumptions/discount_rate", "7"))));
        QVERIFY(refusal(p, one("/contracts/id=cw-2025/no_such_field", "1")).contains("no_such_field"));
        QCOMPARE(refusal(p, one("market/gpu_price", "1")),
                 QString("scenario \"Test\": market/gpu_price: must start with / (a JSON Pointer, e.g. "
                         "/contracts/id=cw-2025/escalator)"));
        QCOMPARE(
            refusal(p, one("/valuation_date/year", "2027")),
            QString("scenario \"Test\": /valuation_date/year: valuation_date is a value, not an object: the "
                    "path goes on past it"));
    }

    void theFileHoldsScenariosAndRefusesABadOne() {
        Portfolio p = example();
        p.scenarios = {
            Scenario{"Rates +300 bp",
                     "Higher rates",
                     "Treasury curve, Nov 2026",
                     {{"/assumptions/discount_rate", "0.12"}}},
            Scenario{"Cheap rent", "", "", {{"/contracts/id=cw-2025/total_contract_value", "5000000000"}}}};
        const QByteArray json = writePortfolioJson(p);
        const auto back = readPortfolioJson(json, "s.json", catalog());
        QVERIFY2(back.portfolio, qPrintable(back.error));
        QCOMPARE(back.portfolio->scenarios, p.scenarios);
        QCOMPARE(writePortfolioJson(*back.portfolio), json);
        // Two scenarios with one name, and one whose override does not apply.
        QByteArray twice = json;
        twice.replace("\"Cheap rent\"", "\"Rates +300 bp\"");
        QCOMPARE(
            readPortfolioJson(twice, "s.json", catalog()).error,
            QString("s.json: scenarios[1].name: \"Rates +300 bp\" names two scenarios; give each its own"));
        QByteArray bad = json;
        bad.replace("\"/assumptions/discount_rate\"", "\"/assumptions/discount\"");
        QVERIFY2(readPortfolioJson(bad, "s.json", catalog())
                     .error.startsWith("s.json: scenario \"Rates +300 bp\" (/assumptions/discount): "),
                 qPrintable(readPortfolioJson(bad, "s.json", catalog()).error));
    }

    // An edit of the base case that a scenario could no longer apply to is refused, naming it, so the
    // file always reads back.
    void anEditThatBreaksAScenarioIsRefused() {
        Portfolio p = example();
        p.scenarios = {one("/contracts/id=cw-2025/tranches/2/gpus", "60000")};
        QString error;
        const QJsonArray single{QJsonObject{{"date", "2025-09-30"}, {"gpus", 55000}}};
        QVERIFY(!withValue(p, "contracts[0].tranches", single, catalog(), &error));
        QCOMPARE(error, QString("scenario \"Test\": /contracts/id=cw-2025/tranches/2/gpus: "
                                "contracts[0].tranches has 1 entry; there is no entry 2"));
        QVERIFY2(withValue(p, "contracts[0].escalator", 0.01, catalog(), &error), qPrintable(error));
    }

    void theMatrixSaysWhichScenariosFlipTheVerdict() {
        Portfolio p = example();
        p.scenarios = {Scenario{"Same", "", "", {}},
                       Scenario{"Cheap rent",
                                "",
                                "",
                                {{"/contracts/id=cw-2025/total_contract_value", "5000000000"},
                                 {"/contracts/id=cw-2026/total_contract_value", "8000000000"}}}};
        QString error;
        const auto rows = evaluateScenarios(p, catalog(), &error, EvaluateOptions{false});
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), std::size_t(3));
        QVERIFY((*rows)[0].base);
        QCOMPARE((*rows)[0].name, std::string(kBaseCaseName));
        QCOMPARE((*rows)[0].evaluation.alternatives[*(*rows)[0].winner].id, std::string("buy"));
        QVERIFY(!(*rows)[1].flipsVerdict);
        QCOMPARE((*rows)[2].evaluation.alternatives[*(*rows)[2].winner].id, std::string("rent"));
        QVERIFY((*rows)[2].flipsVerdict);
        QCOMPARE((*rows)[1].evaluation.alternatives[0].npvCost,
                 (*rows)[0].evaluation.alternatives[0].npvCost);
    }

    // Each template against a portfolio carrying the same change made by hand.
    void everyTemplateMovesWhatItSays() {
        const Portfolio p = example();
        {
            Portfolio hand = p;
            hand.market.gpuPrice.trendPerYear = -0.4;
            QCOMPARE(evaluated(applied(p, fromTemplate(p, StressKind::GpuPriceCollapse))), evaluated(hand));
        }
        {
            Portfolio hand = p;
            auto& g = *hand.market.nextGeneration;
            g.launchEarliest = addYears(g.launchEarliest, -1);
            g.launchMode = addYears(g.launchMode, -1);
            g.launchLatest = addYears(g.launchLatest, -1);
            g.priceDropMin = g.priceDropMax = 0.6;
            QCOMPARE(evaluated(applied(p, fromTemplate(p, StressKind::NextGenerationEarly))),
                     evaluated(hand));
        }
        {
            Portfolio hand = p;
            for (auto& point : hand.demand->curve)
                point.gpus *= 0.6;
            QCOMPARE(evaluated(applied(p, fromTemplate(p, StressKind::DemandAt60))), evaluated(hand));
        }
        {
            Portfolio hand = p;
            for (auto& f : hand.fleets)
                f.powerPricePerMwh *= 1.5;
            QCOMPARE(evaluated(applied(p, fromTemplate(p, StressKind::PowerPricePlus50))), evaluated(hand));
        }
        {
            Portfolio hand = p;
            for (auto& f : hand.fleets)
                f.capexPerGpu = *f.capexPerGpu * 1.25;
            QCOMPARE(evaluated(applied(p, fromTemplate(p, StressKind::CapexPlus25))), evaluated(hand));
        }
        {
            // docs/model.md 12.14: the fleets still to come in service 6 months later, their ends kept.
            Portfolio hand = p;
            int moved = 0;
            for (auto& f : hand.fleets)
                if (f.inService >= p.valuationDate) {
                    f = deliveredLate(f, 6);
                    ++moved;
                }
            QVERIFY(moved > 0);
            const Portfolio late = applied(p, fromTemplate(p, StressKind::DeliverySixMonthsLate));
            QCOMPARE(late.fleets[0].inService, addMonths(p.fleets[0].inService, 6));
            QCOMPARE(evaluated(late), evaluated(hand));
            QVERIFY(evaluated(late) != evaluated(p));
            Portfolio delivered = p;
            for (auto& f : delivered.fleets)
                f.inService = addMonths(p.valuationDate, -1);
            QString error;
            QVERIFY(!stressScenario(delivered, StressKind::DeliverySixMonthsLate, catalog(), &error));
            QCOMPARE(error,
                     QString("Delivery 6 months late: no owned fleet is still to be delivered (every one "
                             "is in service before the valuation date)"));
        }
        {
            Portfolio hand = p;
            hand.assumptions.discountRate += 0.03;
            hand.contracts[1].lease.incrementalBorrowingRate =
                *hand.contracts[1].lease.incrementalBorrowingRate + 0.03;
            QCOMPARE(evaluated(applied(p, fromTemplate(p, StressKind::RatesPlus300bp))), evaluated(hand));
        }
        // On a forward curve the collapse replaces the curve with the -40% trend; a scenario can
        // override the curve's points like any input.
        {
            Portfolio curved = p;
            curved.market.gpuPrice.forwardCurve =
                ForwardCurve{"GB300", {{p.valuationDate, 2.0}, {addYears(p.valuationDate, 3), 1.0}}};
            Portfolio hand = p;
            hand.market.gpuPrice.trendPerYear = -0.4;
            const Scenario collapse = fromTemplate(curved, StressKind::GpuPriceCollapse);
            QCOMPARE(collapse.overrides.size(), std::size_t(2));
            QCOMPARE(collapse.overrides[0].path, std::string("/market/gpu_price/forward_curve"));
            QCOMPARE(evaluated(applied(curved, collapse)), evaluated(hand));
            Portfolio cheaper = curved;
            cheaper.market.gpuPrice.forwardCurve->points[1].price = 0.5;
            QCOMPARE(evaluated(applied(curved, one("/market/gpu_price/forward_curve/points/1/price", "0.5"))),
                     evaluated(cheaper));
            QVERIFY(evaluated(cheaper) != evaluated(curved));
            QCOMPARE(
                refusal(curved, one("/market/gpu_price/trend_per_year", "-0.2")),
                QString("scenario \"Test\" (/market/gpu_price/trend_per_year): market.gpu_price: give either "
                        "trend_per_year or forward_curve, not both: the curve replaces the trend"));
        }
        // Without a demand, the utilization curve is what stalls.
        Portfolio noDemand = p;
        noDemand.demand.reset();
        noDemand.market.demand = MarketModel{}.demand;
        Portfolio hand = noDemand;
        for (auto& u : hand.utilization)
            u.value *= 0.6;
        QCOMPARE(evaluated(applied(noDemand, fromTemplate(noDemand, StressKind::DemandAt60))),
                 evaluated(hand));
        // A template with nothing to move says so.
        Portfolio rentOnly = noDemand;
        rentOnly.fleets.clear();
        rentOnly.alternatives.reset();
        QString error;
        QVERIFY(!stressScenario(rentOnly, StressKind::CapexPlus25, catalog(), &error));
        QCOMPARE(error, QString("Capex +25%: the portfolio has no owned fleet: there is no capex to raise"));
    }

    // Common random numbers: the same seed and paths under both scenarios. Capex moves every path of
    // Buy by the same deterministic amount (no residual value, which the market would move), so every
    // statistic of Buy's NPV cost moves by exactly the deterministic difference.
    void aScenarioMonteCarloRunsOnTheSamePaths() {
        Portfolio p = example();
        for (auto& f : p.fleets)
            f.residualFraction = 0.0;
        const Portfolio s = applied(p, fromTemplate(p, StressKind::CapexPlus25));
        SimulationOptions o;
        o.paths = 2000;
        o.seed = 11;
        o.device = ComputeDevice::Cpu;
        const auto base = simulatePortfolio(p, catalog(), o);
        const auto stressed = simulatePortfolio(s, catalog(), o);
        const double shift = evaluatePortfolio(s, catalog()).alternatives[1].npvCost -
                             evaluatePortfolio(p, catalog()).alternatives[1].npvCost;
        QVERIFY(shift > 1e9);
        const auto& b = base.alternatives[1].npvCost;
        const auto& x = stressed.alternatives[1].npvCost;
        QCOMPARE(base.alternatives[1].id, std::string("buy"));
        for (const auto& [from, to] : {std::pair{b.mean, x.mean},
                                       {b.p5, x.p5},
                                       {b.p50, x.p50},
                                       {b.p95, x.p95},
                                       {b.min, x.min},
                                       {b.max, x.max}})
            QVERIFY2(std::abs((to - from) - shift) <= 1e-9 * std::abs(to),
                     qPrintable(QString::number(to - from - shift)));
        QVERIFY(std::abs(x.std - b.std) <= 1e-6 * b.std);

        // Path by path: Buy's NPV cost on every path moves by the deterministic difference, and the
        // alternatives without an owned fleet are the same paths, to the bit.
        std::string device;
        const PathOutcomes basePaths = simulatePaths(p, catalog(), o, &device);
        const PathOutcomes stressedPaths = simulatePaths(s, catalog(), o, &device);
        QCOMPARE(stressedPaths.paths, std::int64_t(2000));
        const EvaluationResult given = evaluatePortfolio(p, catalog());
        for (int a = 0; a < basePaths.alternatives; ++a) {
            const auto from = outcomeRow(basePaths, basePaths.npv, std::size_t(a));
            const auto to = outcomeRow(stressedPaths, stressedPaths.npv, std::size_t(a));
            const bool owns = given.alternatives[std::size_t(a)].id == "buy";
            for (std::size_t i = 0; i < from.size(); ++i) {
                if (owns)
                    QVERIFY2(std::abs((to[i] - from[i]) - shift) <= 1e-9 * std::abs(to[i]),
                             qPrintable(QString("path %1: %2").arg(i).arg(to[i] - from[i] - shift)));
                else
                    QCOMPARE(to[i], from[i]);
            }
        }
    }
};

QTEST_APPLESS_MAIN(ScenariosTest)
#include "tst_scenarios.moc"
