// Goal seek on an input of a file (docs/model.md 11.8): each value set at its input path as the file
// reader reads it, the evaluation's target driven to 0 by TOMS 748. It reproduces the engine's own
// breakevens (a price factor in closed form, the utilization and the demand factor by bisection),
// says plainly when the bracket holds no solution, and a bad path or value gets the file's message.
#include "../core/TestPortfolios.h"
#include "data/GoalSeekInput.h"
#include "data/Scenarios.h"

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

namespace {

// One contract (the input: its price per GPU-hour) against a fleet, without a demand.
Portfolio oneContractAgainstAFleet() {
    auto p = basePortfolio(day(2027, 1, 1), 0.08, 0.21);
    p.utilization = {{day(2027, 1, 1), 0.7}};
    p.contracts = {simpleContract(day(2027, 1, 1), day(2029, 12, 31), 100, 2.0)};
    auto f = simpleFleet(day(2027, 1, 1), day(2029, 12, 31));
    f.powerPricePerMwh = 60;
    p.fleets = {f};
    p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}, {"buy", "Buy", {"f"}}};
    return p;
}

const Comparison& comparison(const EvaluationResult& r, const std::string& a, const std::string& b) {
    for (const auto& c : r.comparisons)
        if (c.a == a && c.b == b)
            return c;
    qFatal("no comparison %s, %s", a.c_str(), b.c_str());
}

data::GoalSeekTarget target(const QString& text) {
    QString error;
    const auto t = data::parseGoalSeekTarget(text, &error);
    if (!t)
        qFatal("%s", qPrintable(error));
    return *t;
}

data::InputGoalSeek solve(const Portfolio& p, const std::string& path, const QString& spec,
                          std::optional<data::GoalSeekBracket> bracket = std::nullopt) {
    QString error;
    auto g = data::goalSeekInput(p, testCatalog(), path, target(spec), bracket, &error);
    if (!g)
        qFatal("%s", qPrintable(error));
    return *g;
}

// The file's own message for a value at a path (what withOverrides says).
QString fileMessage(const Portfolio& p, const std::string& path, const std::string& value) {
    QString error;
    if (data::withOverrides(p, {ScenarioOverride{path, value}}, testCatalog(), &error))
        qFatal("%s = %s is accepted", path.c_str(), value.c_str());
    return error;
}

} // namespace

class GoalSeekInputTest : public QObject {
    Q_OBJECT
private slots:
    // With one contract, its price scaled is the price factor: goal seek finds the closed form.
    void reproducesTheBreakevenPriceFactor() {
        const Portfolio p = oneContractAgainstAFleet();
        const EvaluationResult r = evaluatePortfolio(p, testCatalog());
        const auto factor = comparison(r, "rent", "buy").breakevenPriceFactor;
        QVERIFY(factor && *factor > 0.05 && *factor < 0.95);
        const auto g = solve(p, "/contracts/0/price_per_gpu_hour", "npv-equal:rent,buy");
        QCOMPARE(g.result.status, GoalSeekStatus::Solved);
        QVERIFY2(std::abs(g.result.x / 2.0 - *factor) <= 1e-9,
                 qPrintable(QString::number(g.result.x / 2.0 - *factor, 'g', 17)));
        // The default bracket is the field's bounds; the input's value is the file's.
        QCOMPARE(g.bracket.lo, 0.0);
        QCOMPARE(g.bracket.hi, kMaxPricePerGpuHour);
        QCOMPARE(g.bracket.source, QString("the field's bounds"));
        QCOMPARE(*g.value, 2.0);
        QVERIFY(g.result.iterations > 0 && g.result.evaluations == g.result.iterations + 2);
        QVERIFY(std::abs(g.result.residual) <= 1e-6 * r.alternatives[0].npvCost);
        // The same by the contract's id, and said in one line.
        const auto byId = solve(p, "/contracts/id=c/price_per_gpu_hour", "npv-equal:rent,buy");
        QCOMPARE(byId.result.x, g.result.x);
        QVERIFY(data::goalSeekOutcome(g).startsWith(
            "/contracts/0/price_per_gpu_hour = " + QString::fromStdString(formatNumber(g.result.x)) +
            " (NPV cost of rent - NPV cost of buy = "));
    }

    // A one-point utilization curve is the constant utilization of the breakeven (bisection to 1e-7).
    void reproducesTheBreakevenUtilization() {
        Portfolio p = oneContractAgainstAFleet();
        p.contracts.clear();
        p.alternatives = std::vector<Alternative>{{"buy", "Buy", {"f"}}};
        const EvaluationResult r = evaluatePortfolio(p, testCatalog());
        QCOMPARE(r.breakevenUtilization.size(), std::size_t(1));
        const auto& b = r.breakevenUtilization.front();
        QCOMPARE(b.outcome, BreakevenOutcome::Value);
        const auto g =
            solve(p, "/utilization/0/value", "npv-equal:buy,spot", data::GoalSeekBracket{1e-6, 1.0, {}});
        QCOMPARE(g.result.status, GoalSeekStatus::Solved);
        QVERIFY2(std::abs(g.result.x - *b.utilization) <= 1e-7,
                 qPrintable(QString::number(g.result.x - *b.utilization, 'g', 17)));
        // No table bounds a curve point: a tenth to ten times its value, where 7 is refused by the file.
        const auto byDefault = solve(p, "/utilization/0/value", "npv-equal:buy,spot");
        QCOMPARE(byDefault.bracket.source, QString("a tenth to ten times the value in the file"));
        QCOMPARE(byDefault.result.status, GoalSeekStatus::NotEvaluated);
        QCOMPARE(byDefault.result.failedAt, 7.0);
        QCOMPARE(byDefault.failure, fileMessage(p, "/utilization/0/value", "7"));
    }

    // A one-point demand curve scaled is the demand factor (bisection to 1e-6 on [0, 10]).
    void reproducesTheBreakevenDemandFactor() {
        Portfolio p = oneContractAgainstAFleet();
        p.contracts.clear();
        p.utilization.clear();
        p.alternatives = std::vector<Alternative>{{"buy", "Buy", {"f"}}};
        p.demand = Demand{"H100", {{day(2027, 1, 1), 40.0}}};
        const EvaluationResult r = evaluatePortfolio(p, testCatalog());
        QCOMPARE(r.breakevenDemand.size(), std::size_t(1));
        const auto& b = r.breakevenDemand.front();
        QCOMPARE(b.outcome, BreakevenOutcome::Value);
        QVERIFY(*b.factor > 0.5);
        const auto g = solve(p, "/demand/curve/0/gpus", "npv-equal:buy,spot");
        QCOMPARE(g.bracket.lo, 4.0);
        QCOMPARE(g.bracket.hi, 400.0);
        QCOMPARE(g.result.status, GoalSeekStatus::Solved);
        const double c = g.result.x / 40.0;
        QVERIFY2(std::abs(c - *b.factor) <= 1e-6 * *b.factor,
                 qPrintable(QString::number(c - *b.factor, 'g', 17)));
    }

    // An NPV and an LCOC of one alternative: both affine in the contract's price.
    void anNpvAndAnLcocTarget() {
        Portfolio p = oneContractAgainstAFleet();
        Portfolio at3 = p;
        at3.contracts[0].pricePerGpuHour = 3.0;
        const EvaluationResult r3 = evaluatePortfolio(at3, testCatalog(), EvaluateOptions{false});
        const auto npv =
            solve(p, "/contracts/0/price_per_gpu_hour",
                  "npv:rent=" + QString::fromStdString(formatNumber(r3.alternatives[0].npvCost)));
        QCOMPARE(npv.result.status, GoalSeekStatus::Solved);
        QVERIFY(std::abs(npv.result.x - 3.0) <= 1e-12 * 3.0);
        const auto lcoc =
            solve(p, "/contracts/0/price_per_gpu_hour",
                  "lcoc:rent=" + QString::fromStdString(formatNumber(*r3.alternatives[0].lcoc)));
        QCOMPARE(lcoc.result.status, GoalSeekStatus::Solved);
        QVERIFY(std::abs(lcoc.result.x - 3.0) <= 1e-12 * 3.0);
        QCOMPARE(data::goalSeekResidualText(lcoc.target),
                 "LCOC of rent - " + QString::fromStdString(formatNumber(*r3.alternatives[0].lcoc)));
    }

    // No sign change over the bracket: said plainly, with the target's value at both ends.
    void noRootInTheBracketIsSaid() {
        const Portfolio p = oneContractAgainstAFleet();
        const auto g = solve(p, "/contracts/0/price_per_gpu_hour", "npv-equal:rent,buy",
                             data::GoalSeekBracket{1.5, 4.0, {}});
        QCOMPARE(g.result.status, GoalSeekStatus::NoSignChange);
        QVERIFY(*g.result.fLo > 0.0 && *g.result.fHi > *g.result.fLo);
        QCOMPARE(data::goalSeekOutcome(g),
                 "no solution in [1.5, 4]: NPV cost of rent - NPV cost of buy is " +
                     QString::fromStdString(formatNumber(*g.result.fLo)) + " at 1.5 and " +
                     QString::fromStdString(formatNumber(*g.result.fHi)) + " at 4, the same sign");
    }

    // A path that names nothing, a key the file does not know, a value it refuses: the file's words.
    void aBadPathGetsTheFilesMessage() {
        const Portfolio p = oneContractAgainstAFleet();
        QString error;
        const auto t = target("npv-equal:rent,buy");
        QVERIFY(!data::goalSeekInput(p, testCatalog(), "/contracts/id=nope/price_per_gpu_hour", t,
                                     std::nullopt, &error));
        QCOMPARE(error,
                 QString("/contracts/id=nope/price_per_gpu_hour: contracts has no entry with id \"nope\""));
        QVERIFY(!data::goalSeekInput(p, testCatalog(), "contracts/0/price", t, std::nullopt, &error));
        QVERIFY2(error.startsWith("contracts/0/price: must start with /"), qPrintable(error));
        // A misspelt key has no default bracket; with one, the file refuses the key.
        QVERIFY(!data::goalSeekInput(p, testCatalog(), "/contracts/0/price_per_gpu_hours", t, std::nullopt,
                                     &error));
        QVERIFY2(error.endsWith("give --bracket LO,HI"), qPrintable(error));
        auto g = data::goalSeekInput(p, testCatalog(), "/contracts/0/price_per_gpu_hours", t,
                                     data::GoalSeekBracket{1.0, 2.0, {}}, &error);
        QVERIFY(g);
        QCOMPARE(g->result.status, GoalSeekStatus::NotEvaluated);
        QCOMPARE(g->failure, fileMessage(p, "/contracts/0/price_per_gpu_hours", "1"));
        QVERIFY2(g->failure.contains("unknown key"), qPrintable(g->failure));
        QCOMPARE(data::goalSeekOutcome(*g), "at /contracts/0/price_per_gpu_hours = 1: " + g->failure);
        // A bracket end the file refuses.
        g = data::goalSeekInput(p, testCatalog(), "/contracts/0/price_per_gpu_hour", t,
                                data::GoalSeekBracket{-1.0, 2.0, {}}, &error);
        QCOMPARE(g->result.status, GoalSeekStatus::NotEvaluated);
        QCOMPARE(g->failure, fileMessage(p, "/contracts/0/price_per_gpu_hour", "-1"));
        // Not a number, a whole number, an alternative that is not there, a target that is not one.
        QVERIFY(!data::goalSeekInput(p, testCatalog(), "/contracts/0/name", t, std::nullopt, &error));
        QCOMPARE(error, QString("/contracts/0/name: not a number; goal seek moves a number"));
        QVERIFY(!data::goalSeekInput(p, testCatalog(), "/contracts/0/payment_terms_days", t,
                                     data::GoalSeekBracket{1.0, 2.0, {}}, &error));
        QVERIFY2(error.contains("a whole number"), qPrintable(error));
        QVERIFY(!data::goalSeekInput(p, testCatalog(), "/contracts/0/price_per_gpu_hour",
                                     target("npv:lease=1"), std::nullopt, &error));
        QCOMPARE(error, QString("the target names \"lease\", which is not an alternative (rent, buy, spot)"));
        QVERIFY(!data::parseGoalSeekTarget("npv-equal:rent", &error));
        QVERIFY(!data::parseGoalSeekTarget("irr:rent=1", &error));
        QVERIFY(!data::parseGoalSeekTarget("lcoc:rent=cheap", &error));
        QVERIFY(!data::parseGoalSeekTarget("npv-equal:rent,rent", &error));
        QCOMPARE(data::goalSeekTargetSpec(target("npv:rent=1.5e6")), QString("npv:rent=1500000"));
    }

    // A market field has no bounds in its table: a negative value needs a bracket given.
    void aValueWithoutADefaultBracketAsksForOne() {
        const Portfolio p = oneContractAgainstAFleet();
        QString error;
        QVERIFY(!data::defaultGoalSeekBracket(p, "/market/gpu_price/trend_per_year", &error));
        QCOMPARE(error,
                 QString("/market/gpu_price/trend_per_year: no default bracket for a value of -0.15 (a "
                         "tenth to ten times a positive value, or the field's bounds); give --bracket "
                         "LO,HI"));
        // An open bound is moved inside: a fleet's GPUs are above 0.
        const auto b = data::defaultGoalSeekBracket(p, "/assumptions/discount_rate", &error);
        QVERIFY(b);
        QCOMPARE(b->lo, kMinDiscountRate);
        QCOMPARE(b->hi, kMaxDiscountRate);
        const auto escalator = data::defaultGoalSeekBracket(p, "/contracts/0/escalator", &error);
        QVERIFY(escalator && escalator->lo > -1.0 && escalator->lo < -1.0 + 1e-11 && escalator->hi == 1.0);
    }
};

QTEST_APPLESS_MAIN(GoalSeekInputTest)
#include "tst_goal_seek.moc"
