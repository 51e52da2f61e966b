// The inputs the window's goal seek offers (models/GoalSeekInputs): every number the editors show,
// by an input path that resolves to the same value in the file, named as the editors name it; whole
// numbers, dates and text left out; and the outcome in words for a solve and for none.
#include "data/Scenarios.h"
#include "engine/DeterministicEngine.h"
#include "models/GoalSeekInputs.h"
#include "models/PortfolioDocument.h"
#include "portfolio/InputPath.h"

#include <QSet>
#include <QTest>

#include <variant>

using namespace ledger;
using namespace ledger::models;

class GoalSeekInputsTest : public QObject {
    Q_OBJECT
private slots:
    void everyNumberByAPathThatResolves() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY2(doc.openBundledExample(&error), qPrintable(error));
        const Portfolio& p = doc.portfolio();
        const auto inputs = numericInputs(p);
        QSet<QString> paths, names;
        for (const NumericInput& in : inputs) {
            QVERIFY2(std::holds_alternative<InputPath>(parseInputPath(in.path.toStdString())),
                     qPrintable(in.path));
            QVERIFY2(!in.name.isEmpty(), qPrintable(in.path));
            paths.insert(in.path);
            names.insert(in.name);
            const QJsonValue v = data::inputValue(p, in.path.toStdString(), &error);
            QCOMPARE(in.value.has_value(), v.isDouble());
            if (in.value)
                QCOMPARE(*in.value, v.toDouble());
        }
        QCOMPARE(int(paths.size()), int(inputs.size()));
        QCOMPARE(int(names.size()), int(inputs.size())); // no two named alike
        const auto* rate = findNumericInput(inputs, "/assumptions/discount_rate");
        QVERIFY(rate);
        QCOMPARE(rate->name, QString("Discount rate per year"));
        QCOMPARE(*rate->value, 0.09);
        QVERIFY(rate->form.percent);
        const auto* capex = findNumericInput(inputs, "/fleets/id=own-gb300/capex_per_gpu");
        QVERIFY(capex);
        QCOMPARE(capex->name, QString("Owned GB300 fleet capex per GPU"));
        QCOMPARE(*capex->value, 55000.0);
        QVERIFY(capex->form.money);
        // Given as a total value, the price is left to its default.
        const auto* price = findNumericInput(inputs, "/contracts/id=cw-2025/price_per_gpu_hour");
        QVERIFY(price && !price->value);
        QCOMPARE(*findNumericInput(inputs, "/contracts/id=cw-2025/total_contract_value")->value, 14.2e9);
        QVERIFY(findNumericInput(inputs, "/market/gpu_price/volatility"));
        // Payment terms are a whole number of days, the valuation date a date: not goal-sought.
        QVERIFY(findNumericInput(inputs, "/fleets/id=own-gb300/gpus"));
        QVERIFY(!findNumericInput(inputs, "/contracts/id=cw-2025/payment_terms_days"));
        QVERIFY(!findNumericInput(inputs, "/valuation_date"));
        QVERIFY(!findNumericInput(inputs, "/nope"));
    }

    void theOutcomeInWords() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY(doc.openBundledExample(&error));
        const auto inputs = numericInputs(doc.portfolio());
        const NumericInput* rate = findNumericInput(inputs, "/assumptions/discount_rate");
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        const data::GoalSeekTarget npv{data::GoalSeekTarget::Kind::Npv, "buy", "", 20e9};
        QCOMPARE(goalSeekTargetInWords(npv, doc.baseEvaluation(), "USD"),
                 QString("the NPV cost of Buy and operate is USD 20 B"));
        const data::GoalSeekTarget lcoc{data::GoalSeekTarget::Kind::Lcoc, "rent", "", 0.5};
        QCOMPARE(goalSeekTargetInWords(lcoc, doc.baseEvaluation(), "USD"),
                 QString("the LCOC of Rent from CoreWeave is USD 0.5000 per H100-equivalent hour"));
        data::InputGoalSeek g;
        g.path = "/assumptions/discount_rate";
        g.value = 0.09;
        g.target = npv;
        g.bracket = {0.0, 0.5, "as given"};
        g.result.status = GoalSeekStatus::Solved;
        g.result.lo = 0.0;
        g.result.hi = 0.5;
        g.result.x = 0.045;
        g.result.residual = 0.25;
        g.result.iterations = 4;
        g.result.evaluations = 6;
        QCOMPARE(
            goalSeekSummary(g, rate, doc.baseEvaluation(), "USD", english),
            QString("Discount rate per year at 0.045 (0.09 in the file, x0.5): then the NPV cost of Buy and "
                    "operate is USD 20 B.\nResidual USD 0.25 after 4 steps (6 evaluations) in [0, 0.5], as "
                    "given."));
        g.result.status = GoalSeekStatus::NoSignChange;
        g.result.fLo = 1.5e9;
        g.result.fHi = 2e9;
        QCOMPARE(goalSeekSummary(g, rate, doc.baseEvaluation(), "USD", english),
                 QString("No solution in [0, 0.5] (as given): the NPV cost of Buy and operate is USD 20 B "
                         "nowhere in it. The gap (NPV cost of buy - 2e+10) is USD 1,500.0 M at 0 and USD "
                         "2,000.0 M at 0.5, "
                         "the same sign; give a wider bracket, or another input."));
    }
};

QTEST_GUILESS_MAIN(GoalSeekInputsTest)
#include "tst_goal_seek_inputs.moc"
