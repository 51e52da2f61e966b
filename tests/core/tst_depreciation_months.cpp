// MACRS and bonus by tax year (MODEL.md 5 v2, issue 18): IRS Publication 946's table A-1 per tax
// year for property placed in service mid-year, 100% bonus taken in the tax year of service, the
// disposal-year rule, and the other methods' 12-month years unchanged. Months are monthIndex values.
#include "TestPortfolios.h"
#include "engine/DepreciationMonths.h"
#include "engine/FleetSchedule.h"

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

namespace {

int month(int y, int m) {
    return y * 12 + m - 1;
}

// The deductions of calendar year y.
double yearTotal(const DepreciationMonths& d, int y) {
    double sum = 0.0;
    for (int m = 1; m <= 12; ++m)
        sum += d.at(month(y, m));
    return sum;
}

DepreciationSpec macrs5(double bonus = 0.0) {
    DepreciationSpec s;
    s.method = DepreciationMethod::Macrs5;
    s.bonusFraction = bonus;
    return s;
}

} // namespace

class DepreciationMonthsTest : public QObject {
    Q_OBJECT

private slots:
    // Pub. 946: 5-year property of basis 1,000,000 placed in service in July deducts, per tax year,
    // 20%, 32%, 19.2%, 11.52%, 11.52% and 5.76% (the half-year convention is in the table): year 1's
    // 200,000 over July - December, 33,333.33 a month; the years after in twelfths.
    void macrsFollowsTaxYearsForMidYearProperty() {
        const DepreciationMonths d(macrs5(), 1e6, month(2027, 7), -1);
        const double expected[] = {200000, 320000, 192000, 115200, 115200, 57600};
        for (int n = 0; n < 6; ++n)
            QCOMPARE(yearTotal(d, 2027 + n), expected[n]);
        QCOMPARE(yearTotal(d, 2033), 0.0);
        QCOMPARE(d.at(month(2027, 6)), 0.0);
        QCOMPARE(d.at(month(2027, 7)), 200000.0 / 6);
        QCOMPARE(d.at(month(2028, 3)), 320000.0 / 12);
    }

    // MODEL.md 5's example: 100% bonus, in service July 2027, calendar tax years: all of the basis
    // over July - December 2027 (v1 took half in 2027 and half in 2028).
    void fullBonusIsTakenInTheYearOfService() {
        const DepreciationMonths d(macrs5(1.0), 1e6, month(2027, 7), -1);
        QCOMPARE(yearTotal(d, 2027), 1e6);
        QCOMPARE(yearTotal(d, 2028), 0.0);
        // A straight-line method with 50% bonus: the bonus by tax year, the rest over 12-month years.
        DepreciationSpec sl;
        sl.lifeYears = 4;
        sl.bonusFraction = 0.5;
        const DepreciationMonths s(sl, 1e6, month(2027, 7), -1);
        QCOMPARE(yearTotal(s, 2027), 500000.0 + 6 * 125000.0 / 12);
        QCOMPARE(yearTotal(s, 2028), 125000.0);
        QCOMPARE(yearTotal(s, 2031), 6 * 125000.0 / 12);
    }

    // Sold in tax year 3 (March 2029), before the table's last year: 19.2% x 3/12. Sold in its last
    // year (May 2032): the whole 5.76% over the months held. Sold in the year of service: none.
    void theDisposalYearRule() {
        const DepreciationMonths early(macrs5(), 1e6, month(2027, 7), month(2029, 3));
        QCOMPARE(yearTotal(early, 2029), 192000.0 * 3 / 12);
        QCOMPARE(early.at(month(2029, 4)), 0.0);
        const DepreciationMonths last(macrs5(), 1e6, month(2027, 7), month(2032, 5));
        QCOMPARE(yearTotal(last, 2032), 57600.0);
        QCOMPARE(last.at(month(2032, 5)), 57600.0 / 5);
        const DepreciationMonths same(macrs5(1.0), 1e6, month(2027, 3), month(2027, 11));
        QCOMPARE(yearTotal(same, 2027), 0.0);
    }

    // Fiscal years ending in June (MODEL.md 1): property placed in service in February 2027 is in
    // FY2027's tax year (July 2026 - June 2027), so year 1's 20% goes over February - June.
    void taxYearsAreFiscalYears() {
        const DepreciationMonths d(macrs5(), 1e6, month(2027, 2), -1, 6);
        QCOMPARE(d.at(month(2027, 2)), 200000.0 / 5);
        QCOMPARE(d.at(month(2027, 6)), 200000.0 / 5);
        QCOMPARE(d.at(month(2027, 7)), 320000.0 / 12); // FY2028, tax year 2
        double fy2028 = 0.0;
        for (int m = month(2027, 7); m <= month(2028, 6); ++m)
            fy2028 += d.at(m);
        QCOMPARE(fy2028, 320000.0);
    }

    // A fleet's annual rows are fiscal years labelled by the year they end in: t0 2026-10-01 and
    // June year ends give FY2027 (October 2026 - June 2027: 9 periods), then FY2028 ...
    void annualRowsAreFiscalYears() {
        auto p = basePortfolio(day(2026, 10, 1), 0.0, 0.0);
        p.assumptions.fiscalYearEndMonth = 6;
        auto f = simpleFleet(day(2027, 2, 1), day(2028, 12, 31));
        f.taxDepreciation = macrs5(1.0);
        p.fleets = {f};
        const auto r = evaluate(p);
        QCOMPARE(int(r.items[0].annual.size()), 3);
        QCOMPARE(r.items[0].annual[0].year, 2027);
        QCOMPARE(r.items[0].annual[2].year, 2029);
        QCOMPARE(r.items[0].annual[0].depreciationTax, 1e6); // the bonus, in its fiscal tax year
        QCOMPARE(r.items[0].annual[0].depreciationBook, 5 * 200000.0 / 12); // Feb - Jun, straight line
        QCOMPARE(r.items[0].annual[1].depreciationBook, 200000.0);
    }

    // Straight line without bonus keeps v1's 12-month years from the in-service month.
    void otherMethodsKeepTheirTwelveMonthYears() {
        DepreciationSpec sl;
        sl.lifeYears = 5;
        const DepreciationMonths d(sl, 1.2e6, month(2027, 7), -1);
        QCOMPARE(d.at(month(2027, 7)), 240000.0 / 12);
        QCOMPARE(yearTotal(d, 2027), 6 * 240000.0 / 12);
        QCOMPARE(d.at(month(2032, 6)), 240000.0 / 12);
        QCOMPARE(d.at(month(2032, 7)), 0.0);
    }

    // Through a fleet: in service 2027-07-01 with 100% bonus, the tax NBV is 0 after 2027.
    void aFleetDeductsItsBonusInTheTaxYearOfService() {
        auto p = basePortfolio(day(2027, 1, 1), 0.0, 0.21);
        auto f = simpleFleet(day(2027, 7, 1), day(2030, 12, 31));
        f.taxDepreciation = macrs5(1.0);
        p.fleets = {f};
        const auto r = evaluate(p);
        QCOMPARE(r.items[0].annual[0].depreciationTax, 1e6);
        QVERIFY(std::abs(r.items[0].annual[0].nbvTax) < 1e-6); // six sixths of the basis, to rounding
        QCOMPARE(r.items[0].annual[1].depreciationTax, 0.0);
    }
};

QTEST_APPLESS_MAIN(DepreciationMonthsTest)
#include "tst_depreciation_months.moc"
