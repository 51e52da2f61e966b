// Depreciation schedules against their spreadsheet and IRS oracles (MODEL.md 5).
#include "portfolio/Depreciation.h"

#include <QTest>

using namespace ledger;

namespace {
DepreciationSpec spec(DepreciationMethod m, int life, double salvage = 0.0) {
    DepreciationSpec s;
    s.method = m;
    s.lifeYears = life;
    s.salvageFraction = salvage;
    return s;
}
void expectSchedule(const std::vector<double>& got, const std::vector<double>& want) {
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (std::abs(got[i] - want[i]) > 1e-9 * std::max(1.0, std::abs(want[i])))
            QFAIL(qPrintable(
                QString("year %1: got %2, want %3").arg(i + 1).arg(got[i], 0, 'g', 17).arg(want[i])));
    }
}
} // namespace

class DepreciationTest : public QObject {
    Q_OBJECT
private slots:
    void straightLineMatchesSLN() {
        // SLN(100000, 10000, 5) = 18000
        expectSchedule(annualDepreciation(spec(DepreciationMethod::StraightLine, 5, 0.1), 100000),
                       {18000, 18000, 18000, 18000, 18000});
    }
    void decliningBalanceMatchesVDBWithSwitch() {
        // VDB(10000, 1000, 5, n-1, n, 1.5, FALSE): switches to straight line in year 4.
        auto s = spec(DepreciationMethod::DecliningBalance, 5, 0.1);
        s.factor = 1.5;
        expectSchedule(annualDepreciation(s, 10000), {3000, 2100, 1470, 1215, 1215});
        // VDB(100000, 10000, 5, n-1, n, 2, FALSE): the last year is capped at salvage.
        expectSchedule(annualDepreciation(spec(DepreciationMethod::DecliningBalance, 5, 0.1), 100000),
                       {40000, 24000, 14400, 8640, 2960});
    }
    void sumOfYearsDigitsMatchesSYD() {
        // SYD(100000, 10000, 5, n)
        expectSchedule(annualDepreciation(spec(DepreciationMethod::SumOfYearsDigits, 5, 0.1), 100000),
                       {30000, 24000, 18000, 12000, 6000});
    }
    void macrsMatchesIrsTableA1() {
        expectSchedule(annualDepreciation(spec(DepreciationMethod::Macrs5, 0, 0.3), 100000),
                       {20000, 32000, 19200, 11520, 11520, 5760});
        expectSchedule(annualDepreciation(spec(DepreciationMethod::Macrs7, 0), 100000),
                       {14290, 24490, 17490, 12490, 8930, 8920, 8930, 4460});
    }
    void bonusDepreciationGoesToYearOne() {
        auto s = spec(DepreciationMethod::Macrs5, 0);
        s.bonusFraction = 0.6;
        // 60,000 bonus + MACRS on the remaining 40,000.
        expectSchedule(annualDepreciation(s, 100000), {68000, 12800, 7680, 4608, 4608, 2304});
        s.bonusFraction = 1.0;
        expectSchedule(annualDepreciation(s, 100000), {100000, 0, 0, 0, 0, 0});
        // Straight line with salvage scaled alike: 50,000 bonus, (50,000 - 5,000) / 5 per year.
        auto sl = spec(DepreciationMethod::StraightLine, 5, 0.1);
        sl.bonusFraction = 0.5;
        expectSchedule(annualDepreciation(sl, 100000), {59000, 9000, 9000, 9000, 9000});
    }
    void methodNamesRoundTrip() {
        for (auto m :
             {DepreciationMethod::StraightLine, DepreciationMethod::DecliningBalance,
              DepreciationMethod::SumOfYearsDigits, DepreciationMethod::Macrs5, DepreciationMethod::Macrs7})
            QCOMPARE(depreciationMethodFromString(toString(m)), std::optional(m));
        QVERIFY(!depreciationMethodFromString("macrs5"));
    }
};

QTEST_APPLESS_MAIN(DepreciationTest)
#include "tst_depreciation.moc"
