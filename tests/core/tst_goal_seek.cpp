// Goal seek's numeric core (docs/model.md 11.8): TOMS 748 on functions whose roots are known in
// closed form, the stopping rule, and each way it can end without a solution.
#include "analytics/GoalSeek.h"

#include <cmath>

#include <QTest>

using namespace ledger;

class GoalSeekTest : public QObject {
    Q_OBJECT
private slots:
    void findsAKnownRootToTheTolerance() {
        int calls = 0;
        const auto r = goalSeek(
            [&](double x) {
                ++calls;
                return std::optional(x * x * x - 2.0);
            },
            0.0, 2.0);
        QCOMPARE(r.status, GoalSeekStatus::Solved);
        const double root = std::cbrt(2.0);
        QVERIFY2(std::abs(r.x - root) <= 2e-12 * root, qPrintable(QString::number(r.x - root, 'g', 17)));
        QVERIFY(r.finalLo <= root && root <= r.finalHi);
        QVERIFY(r.finalHi - r.finalLo <= r.toleranceWidth);
        QCOMPARE(r.toleranceWidth, 1e-12 * r.x);
        QCOMPARE(r.residual, r.x * r.x * r.x - 2.0);
        QCOMPARE(*r.fLo, -2.0);
        QCOMPARE(*r.fHi, 6.0);
        QCOMPARE(r.lo, 0.0);
        QCOMPARE(r.hi, 2.0);
        // Every evaluation counted once: the two ends and the solver's steps.
        QCOMPARE(r.evaluations, calls);
        QCOMPARE(r.evaluations, r.iterations + 2);
        QVERIFY(r.iterations > 2 && r.iterations < 20);
        QCOMPARE(toString(r.status), "solved");
    }

    // An affine objective is solved by its first secant step: the root exact to rounding.
    void anAffineObjectiveIsExact() {
        const auto r = goalSeek([](double x) { return std::optional(3.0 * x - 1.2); }, -10.0, 10.0);
        QCOMPARE(r.status, GoalSeekStatus::Solved);
        QVERIFY(std::abs(r.x - 0.4) <= 1e-15);
        QVERIFY(std::abs(r.residual) <= 1e-14);
    }

    // A root at 0: no relative width is ever reached there; the share of the bracket stops it.
    void aRootAtZeroStopsOnTheBracketsShare() {
        const auto r = goalSeek([](double x) { return std::optional(std::sinh(x)); }, -1.0, 3.0);
        QCOMPARE(r.status, GoalSeekStatus::Solved);
        QVERIFY(std::abs(r.x) <= 4e-15);
        QCOMPARE(r.toleranceWidth, std::max(1e-15 * 4.0, 1e-12 * std::abs(r.x)));
    }

    void aZeroAtAnEndIsTheSolution() {
        auto r = goalSeek([](double x) { return std::optional(x - 1.0); }, 1.0, 2.0);
        QCOMPARE(r.status, GoalSeekStatus::Solved);
        QCOMPARE(r.x, 1.0);
        QCOMPARE(r.iterations, 0);
        QCOMPARE(r.evaluations, 1);
        r = goalSeek([](double x) { return std::optional(x - 2.0); }, 1.0, 2.0);
        QCOMPARE(r.status, GoalSeekStatus::Solved);
        QCOMPARE(r.x, 2.0);
        QCOMPARE(r.evaluations, 2);
    }

    // The same sign at both ends: no solution sought, the two values kept for the message.
    void noSignChangeKeepsBothEnds() {
        const auto r = goalSeek([](double x) { return std::optional(x * x + 1.0); }, -1.0, 2.0);
        QCOMPARE(r.status, GoalSeekStatus::NoSignChange);
        QCOMPARE(*r.fLo, 2.0);
        QCOMPARE(*r.fHi, 5.0);
        QCOMPARE(r.evaluations, 2);
        QCOMPARE(toString(r.status), "no_solution");
    }

    // Where the objective has no value the solve ends, saying where.
    void anObjectiveWithoutAValueEndsIt() {
        auto r = goalSeek([](double x) { return x > 1.5 ? std::nullopt : std::optional(x - 1.7); }, 0.0, 2.0);
        QCOMPARE(r.status, GoalSeekStatus::NotEvaluated);
        QCOMPARE(r.failedAt, 2.0);
        QVERIFY(r.fLo && !r.fHi);
        r = goalSeek([](double x) { return std::optional(x < 0.5 ? -1.0 : std::nan("")); }, 0.0, 1.0);
        QCOMPARE(r.status, GoalSeekStatus::NotEvaluated);
        QCOMPARE(r.failedAt, 1.0);
    }

    // A jump through 0: the bracket closes on it, and the residual says it is not a root.
    void aJumpIsBracketed() {
        const auto r = goalSeek([](double x) { return std::optional(x < 0.3 ? -1.0 : 1.0); }, 0.0, 1.0);
        QCOMPARE(r.status, GoalSeekStatus::Solved);
        QVERIFY(std::abs(r.x - 0.3) <= 1e-12);
        QCOMPARE(std::abs(r.residual), 1.0);
    }

    void runningOutOfIterationsIsSaid() {
        GoalSeekTolerance t;
        t.maxIterations = 1;
        const auto r = goalSeek([](double x) { return std::optional(std::exp(x) - 5.0); }, 0.0, 10.0, t);
        QCOMPARE(r.status, GoalSeekStatus::NotConverged);
        QCOMPARE(r.iterations, 1);
        QVERIFY(r.finalLo < std::log(5.0) && std::log(5.0) < r.finalHi);
    }

    void aBadBracketIsRefused() {
        auto f = [](double x) { return std::optional(x); };
        QCOMPARE(goalSeek(f, 1.0, 1.0).status, GoalSeekStatus::BadBracket);
        QCOMPARE(goalSeek(f, 2.0, 1.0).status, GoalSeekStatus::BadBracket);
        QCOMPARE(goalSeek(f, std::nan(""), 1.0).status, GoalSeekStatus::BadBracket);
        QCOMPARE(goalSeek(f, 0.0, INFINITY).status, GoalSeekStatus::BadBracket);
    }
};

QTEST_APPLESS_MAIN(GoalSeekTest)
#include "tst_goal_seek.moc"
