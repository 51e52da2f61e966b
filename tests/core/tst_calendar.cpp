// Calendar, period grid and XNPV discounting (MODEL.md 1).
#include "calendar/Date.h"
#include "calendar/DiscountCurve.h"
#include "calendar/PeriodGrid.h"

#include <QTest>

using namespace ledger;

class CalendarTest : public QObject {
    Q_OBJECT
private slots:
    void xnpvMatchesSpreadsheet() {
        // The XNPV example of the Excel/LibreOffice documentation: 9%, five dated flows -> 2086.65.
        const DiscountCurve curve(Date(2008, 1, 1), 0.09);
        const std::pair<double, Date> flows[] = {{-10000, Date(2008, 1, 1)},
                                                 {2750, Date(2008, 3, 1)},
                                                 {4250, Date(2008, 10, 30)},
                                                 {3250, Date(2009, 2, 15)},
                                                 {2750, Date(2009, 4, 1)}};
        double npv = 0.0;
        for (const auto& [amount, date] : flows)
            npv += amount * curve.factor(date);
        QVERIFY(std::abs(npv - 2086.6476020315363) < 1e-9);
    }
    void leapYearsCountTheirExtraDay() {
        const DiscountCurve curve(Date(2024, 1, 1), 0.10);
        QCOMPARE(curve.yearFraction(Date(2025, 1, 1)), 366.0 / 365.0);
        QCOMPARE(curve.factor(Date(2025, 1, 1)), std::pow(1.1, -366.0 / 365.0));
        QCOMPARE(curve.yearFraction(Date(2024, 3, 1)), 60.0 / 365.0);
    }
    void endOfMonthValuationDatesSnap() {
        const PeriodGrid grid(Date(2026, 1, 31), Date(2026, 6, 15));
        QCOMPARE(grid.size(), 5);
        QCOMPARE(grid.start(1), Date(2026, 2, 28));
        QCOMPARE(grid.start(2), Date(2026, 3, 31));
        QCOMPARE(grid.start(3), Date(2026, 4, 30));
        QCOMPARE(grid.end(4), Date(2026, 6, 30));
        QCOMPARE(grid.lastDay(4), Date(2026, 6, 15)); // the horizon clips the last period
        QCOMPARE(grid.periodContaining(Date(2026, 3, 30)), 1);
        QCOMPARE(grid.periodContaining(Date(2026, 6, 16)), -1);
        const PeriodGrid leap(Date(2024, 2, 29), Date(2025, 3, 1));
        QCOMPARE(leap.start(1), Date(2024, 3, 31));
        QCOMPARE(leap.start(12), Date(2025, 2, 28));
        QCOMPARE(leap.daysInPeriod(0), 31L);
    }
    void gridCoversTheHorizonInclusive() {
        QCOMPARE(PeriodGrid(Date(2026, 1, 1), Date(2026, 1, 1)).size(), 1);
        QCOMPARE(PeriodGrid(Date(2026, 1, 1), Date(2026, 12, 31)).size(), 12);
        QCOMPARE(PeriodGrid(Date(2026, 1, 1), Date(2027, 1, 1)).size(), 13);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PeriodGrid(Date(2026, 1, 1), Date(2066, 1, 1)));
    }
    void anniversariesCountFullYears() {
        QCOMPARE(fullYearsBetween(Date(2025, 3, 15), Date(2026, 3, 14)), 0);
        QCOMPARE(fullYearsBetween(Date(2025, 3, 15), Date(2026, 3, 15)), 1);
        QCOMPARE(fullYearsBetween(Date(2024, 2, 29), Date(2025, 2, 28)), 1);
        QCOMPARE(fullYearsBetween(Date(2024, 2, 29), Date(2028, 2, 28)), 3);
        QCOMPARE(fullYearsBetween(Date(2024, 2, 29), Date(2028, 2, 29)), 4);
    }
    void isoDatesAreStrict() {
        QCOMPARE(parseIsoDate("2026-02-28"), std::optional(Date(2026, 2, 28)));
        QVERIFY(!parseIsoDate("2026-02-29"));
        QVERIFY(!parseIsoDate("2026-2-28"));
        QVERIFY(!parseIsoDate("2026-13-01"));
        QVERIFY(!parseIsoDate("26-01-01"));
        QVERIFY(!parseIsoDate("2026-01-01T00"));
        QCOMPARE(formatIsoDate(Date(2031, 12, 14)), std::string("2031-12-14"));
    }
};

QTEST_APPLESS_MAIN(CalendarTest)
#include "tst_calendar.moc"
