// The accounting view and ASC 842 leases (MODEL.md 9, issue 18) against hand arithmetic: each lease
// rule, the service contract's accrual, a fleet's depreciation, disposal loss and deferred tax, the
// totals adding up in every row, expense equal to cash over a life inside the horizon, and cash and
// NPV untouched by the classification.
#include "TestPortfolios.h"
#include "engine/LeaseSchedule.h"
#include "engine/PathFunction.h"
#include "montecarlo/PhiloxShocks.h"

#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::testing;

namespace {

// A rate whose monthly rate is exactly 1%: (1.01)^12 - 1.
const double kOnePercentAMonth = std::pow(1.01, 12) - 1.0;

// 1,000 GPUs at 2.00 an hour: 48,000 a day billed at full commitment.
constexpr double kPerDay = 24.0 * 1000 * 2.0;

Contract lease(Date start, Date end, LeaseClassification c, double rate) {
    Contract k = simpleContract(start, end, 1000, 2.0);
    k.lease.classification = c;
    k.lease.incrementalBorrowingRate = rate;
    return k;
}

Portfolio withContract(const Contract& c, Date t0 = day(2026, 1, 1), double tax = 0.0) {
    Portfolio p = basePortfolio(t0, 0.09, tax);
    p.contracts = {c};
    return p;
}

const AccountingYear& year(const std::vector<AccountingYear>& years, int y) {
    for (const auto& a : years)
        if (a.year == y)
            return a;
    qFatal("no year %d", y);
}

// Every pre-tax cash line of an item in the horizon: what it pays out, less what it gets back.
double preTaxCash(const ItemResult& item) {
    double sum = 0.0;
    for (const LineAmount& l : item.lines) {
        switch (l.line) {
        case CostLine::Capex:
        case CostLine::Prepayment:
        case CostLine::ContractPayments:
        case CostLine::Power:
        case CostLine::Colocation:
        case CostLine::Opex:
        case CostLine::Resale:
        case CostLine::Replacement:
        case CostLine::PrepaymentRecovery:
            sum += l.cash;
            break;
        default:
            break;
        }
    }
    return sum;
}

void checkTotals(const std::vector<AccountingYear>& years, double tau) {
    for (const AccountingYear& y : years) {
        using L = AccountingLine;
        const double ebitda = y[L::ServiceCost] + y[L::OperatingLeaseCost] + y[L::VariableLeaseCost] +
                              y[L::Power] + y[L::Colocation] + y[L::Opex] + y[L::Spot];
        QVERIFY(near(y.ebitdaCost, ebitda));
        QVERIFY(near(y.operatingCost, ebitda + y[L::Depreciation] + y[L::LeaseAmortization] +
                                          y[L::DisposalLoss] + y[L::DefaultWriteoff]));
        QVERIFY(near(y.pretaxCost, y.operatingCost + y[L::Interest]));
        QVERIFY(near(y.incomeTax, -tau * y.pretaxCost));
        QVERIFY(near(y.netIncomeImpact, -(1.0 - tau) * y.pretaxCost));
    }
}

// Every kind of contract booking and a fleet, all inside a horizon of 2030: a prepaid service
// contract, an operating lease with an escalator and a prepayment, a finance lease at take-or-pay
// 0.9, a fleet sold in the horizon; alternatives rent (the three contracts) and buy.
Portfolio everyBooking() {
    Portfolio p = basePortfolio(day(2026, 1, 1), 0.09, 0.21);
    p.utilization = {{day(2026, 1, 1), 0.6}, {day(2027, 6, 1), 0.95}};
    Contract service = simpleContract(day(2026, 3, 15), day(2028, 9, 30), 800, 2.2);
    service.prepayment = 0.2;
    service.takeOrPay = 0.7;
    service.escalator = 0.05;
    service.paymentTermsDays = 45;
    service.recoveryRate = 0.3;
    Contract op = lease(day(2026, 2, 1), day(2029, 1, 31), LeaseClassification::Operating, 0.07);
    op.id = std::string("op");
    op.takeOrPay = 0.8;
    op.prepayment = 0.1;
    op.escalator = 0.03;
    op.recoveryRate = 0.5;
    Contract fin = lease(day(2026, 1, 1), day(2028, 12, 31), LeaseClassification::Finance, 0.06);
    fin.id = std::string("fin");
    fin.takeOrPay = 0.9;
    fin.prepayment = 0.05;
    fin.tranches = {{day(2026, 1, 1), 500}, {day(2027, 1, 1), 1500}};
    Fleet f = simpleFleet(day(2026, 4, 1), day(2029, 3, 31));
    f.residualFraction = 0.2;
    f.powerPricePerMwh = 80;
    f.colocationPerKwMonth = 150;
    p.contracts = {service, op, fin};
    p.fleets = {f};
    p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c", "op", "fin"}}, {"buy", "Buy", {"f"}}};
    p.assumptions.horizonEnd = day(2030, 12, 31);
    return p;
}

// On one path, per slot: the pre-tax cost as booked over the horizon (MODEL.md 9's lines the path
// function names, and its accruals) and the pre-tax cash; and whether a default hit it.
struct BookedAndPaidSink {
    static constexpr bool kRecordsLines = true;
    static constexpr bool kRecordsAccounting = true;
    std::vector<double> booked, paid;
    std::vector<bool> replaced;
    void flow(int, int, FlowKind, double, double) {}
    void flowEither(int, int, bool, FlowKind, FlowKind, double, double) {}
    void line(int slot, int, CostLine l, double amount, double) {
        if (accountingLineOf(l) != kNotAnExpense)
            booked[std::size_t(slot)] += amount;
        switch (l) {
        case CostLine::Capex:
        case CostLine::Prepayment:
        case CostLine::ContractPayments:
        case CostLine::Power:
        case CostLine::Colocation:
        case CostLine::Opex:
        case CostLine::Resale:
        case CostLine::Replacement:
        case CostLine::PrepaymentRecovery:
        case CostLine::Spot:
            paid[std::size_t(slot)] += amount;
            break;
        default:
            break;
        }
        if (l == CostLine::Replacement && amount != 0.0)
            replaced[std::size_t(slot)] = true;
    }
    void accrual(int slot, int, double ebitda, double below) { booked[std::size_t(slot)] += ebitda + below; }
    void usage(int, int, double, double) {}
    void providerDefaulted(int, bool) {}
    void finish() {}
};

} // namespace

class AccountingTest : public QObject {
    Q_OBJECT

private slots:
    // Two months (31 + 28 days) at 1% a month: P = 1,488,000 and 1,344,000 at the months' ends;
    // L = 1,488,000 / 1.01 + 1,344,000 / 1.01^2. Operating: one straight-line cost of 2,832,000
    // over 59 days, equal to the payments (flat); the ROU asset equals the liability throughout.
    void flatOperatingLease() {
        const Contract c =
            lease(day(2026, 1, 1), day(2026, 2, 28), LeaseClassification::Operating, kOnePercentAMonth);
        const LeaseSchedule s = buildLeaseSchedule(c, day(2026, 1, 1), 12);
        QCOMPARE(s.periods.size(), std::size_t(2));
        QCOMPARE(s.periods[0].payment, 31 * kPerDay);
        QCOMPARE(s.periods[1].payment, 28 * kPerDay);
        QVERIFY(near(s.liabilityAtMeasurement, 1488000.0 / 1.01 + 1344000.0 / (1.01 * 1.01)));
        QCOMPARE(s.rouAtMeasurement, s.liabilityAtMeasurement);
        QVERIFY(near(s.periods[0].straightLineCost, 2832000.0 * 31 / 59));
        QVERIFY(near(s.periods[0].straightLineCost, 1488000.0));
        QVERIFY(near(s.periods[0].rouAsset, s.periods[0].closingLiability));
        QVERIFY(near(s.periods[0].closingLiability, 1344000.0 / 1.01));
        QCOMPARE(s.periods[1].closingLiability, 0.0);
        QCOMPARE(s.periods[1].rouAsset, 0.0);

        const EvaluationResult r = evaluate(withContract(c));
        const AccountingYear& y = year(r.items[0].accounting, 2026);
        QVERIFY(near(y[AccountingLine::OperatingLeaseCost], 2832000.0));
        QCOMPARE(y[AccountingLine::ServiceCost], 0.0);
        QCOMPARE(y[AccountingLine::Interest], 0.0); // inside the straight-line cost
        QVERIFY(near(y.ebitdaCost, 2832000.0));
        QCOMPARE(r.leases.size(), std::size_t(1));
        QCOMPARE(r.leases[0].maturity.total, 2832000.0);
        QVERIFY(near(r.leases[0].maturity.imputedInterest, 2832000.0 - s.liabilityAtMeasurement));
    }

    // Two years at a 10% escalator: payments 17,520,000 then 19,272,000; the straight-line cost
    // smooths them to 18,396,000 a year (365 days each). After year 1 the ROU asset is the
    // liability less the 876,000 expensed ahead of the payments.
    void escalatingOperatingLease() {
        Contract c = lease(day(2026, 1, 1), day(2027, 12, 31), LeaseClassification::Operating, 0.08);
        c.escalator = 0.10;
        const EvaluationResult r = evaluate(withContract(c));
        const auto& years = r.items[0].accounting;
        QVERIFY(near(year(years, 2026)[AccountingLine::OperatingLeaseCost], 18396000.0));
        QVERIFY(near(year(years, 2027)[AccountingLine::OperatingLeaseCost], 18396000.0));
        const LeaseResult& l = r.leases[0];
        QVERIFY(near(l.years[0].payment, 17520000.0));
        QVERIFY(near(l.years[1].payment, 19272000.0));
        QVERIFY(near(year(years, 2026)[BalanceItem::RouAsset],
                     year(years, 2026)[BalanceItem::LeaseLiability] - 876000.0));
        QCOMPARE(year(years, 2027)[BalanceItem::RouAsset], 0.0);
        QCOMPARE(year(years, 2027)[BalanceItem::LeaseLiability], 0.0);
    }

    // Finance: interest j L_k, amortization of the ROU asset by active days; the liability reaches
    // 0 after the last payment and interest + amortization = the fixed payments + the prepaid
    // balance at measurement (a prepayment of 25%: 708,000 of the 2,832,000).
    void financeLease() {
        Contract c =
            lease(day(2026, 1, 1), day(2026, 2, 28), LeaseClassification::Finance, kOnePercentAMonth);
        c.prepayment = 0.25;
        const LeaseSchedule s = buildLeaseSchedule(c, day(2026, 1, 1), 12);
        QVERIFY(near(s.prepaidAtMeasurement, 708000.0));
        QVERIFY(near(s.periods[0].payment, 0.75 * 1488000.0));
        const double L = 0.75 * (1488000.0 / 1.01 + 1344000.0 / (1.01 * 1.01));
        QVERIFY(near(s.liabilityAtMeasurement, L));
        QVERIFY(near(s.rouAtMeasurement, L + 708000.0));
        QVERIFY(near(s.periods[0].interest, 0.01 * L));
        QVERIFY(near(s.periods[1].interest, 0.01 * 0.75 * 1344000.0 / 1.01));
        QVERIFY(near(s.periods[0].amortization, (L + 708000.0) * 31 / 59));
        QCOMPARE(s.periods[1].closingLiability, 0.0);
        QCOMPARE(s.periods[1].rouAsset, 0.0);
        double expensed = 0.0;
        for (const auto& p : s.periods)
            expensed += p.interest + p.amortization;
        QVERIFY(near(expensed, 0.75 * 2832000.0 + 708000.0));

        const EvaluationResult r = evaluate(withContract(c));
        const AccountingYear& y = year(r.items[0].accounting, 2026);
        QCOMPARE(y.ebitdaCost, 0.0); // take-or-pay 1: no variable payments
        QVERIFY(near(y.pretaxCost, 2832000.0));
        QCOMPARE(y[BalanceItem::PrepaidBalance], 0.0); // inside the ROU asset
    }

    // Begun 2025-07-01, valued 2026-01-01, ends 2026-06-30, 20% prepaid: TCV 17,520,000, 184 days
    // (8,832,000) billed before t0, so 1,737,600 of the prepayment is left; measured at t0 on the
    // 181 days left, 80% of each month's bill a fixed payment.
    void leaseBegunBeforeTheValuationDate() {
        Contract c = lease(day(2025, 7, 1), day(2026, 6, 30), LeaseClassification::Finance, 0.05);
        c.prepayment = 0.2;
        const LeaseSchedule s = buildLeaseSchedule(c, day(2026, 1, 1), 12);
        QCOMPARE(s.measuredAt, day(2026, 1, 1));
        QCOMPARE(s.firstPeriod, 0);
        QCOMPARE(s.periods.size(), std::size_t(6));
        QVERIFY(near(s.prepaidAtMeasurement, 0.2 * (17520000.0 - 184 * kPerDay)));
        QVERIFY(near(s.prepaidAtMeasurement, 1737600.0));
        double payments = 0.0;
        for (const auto& p : s.periods)
            payments += p.payment;
        QVERIFY(near(payments, 0.8 * 181 * kPerDay));
        const EvaluationResult r = evaluate(withContract(c));
        QVERIFY(near(year(r.items[0].accounting, 2026).pretaxCost, payments + 1737600.0));
    }

    // A service contract prepaid 30%: each month's expense is the 70% billed plus 30% drawn at full
    // commitment; the prepaid balance falls as it is drawn, 0 before it is paid.
    void serviceContractWithAPrepayment() {
        Contract c = simpleContract(day(2027, 1, 1), day(2027, 12, 31), 1000, 2.0);
        c.prepayment = 0.3;
        c.takeOrPay = 0.5;
        Portfolio p = withContract(c);
        p.utilization = {{day(2026, 1, 1), 0.4}};
        const EvaluationResult r = evaluate(p);
        const auto& years = r.items[0].accounting;
        QCOMPARE(year(years, 2026)[BalanceItem::PrepaidBalance], 0.0);
        QCOMPARE(year(years, 2026).pretaxCost, 0.0);
        // Billed at max(0.5, 0.4): 0.7 x 0.5 x 17,520,000 + 0.3 x 17,520,000.
        QVERIFY(
            near(year(years, 2027)[AccountingLine::ServiceCost], 0.7 * 0.5 * 17520000.0 + 0.3 * 17520000.0));
        QVERIFY(std::abs(year(years, 2027)[BalanceItem::PrepaidBalance]) < 1e-6);
        // Expense over the life = cash: the prepayment and the 70% bills.
        QVERIFY(near(year(years, 2027).pretaxCost, preTaxCash(r.items[0])));
    }

    // Take-or-pay 0.8: at 50% use the bill is the floor (no variable payment); at 90% the 10% above
    // it is variable, 0.9 x 0.1 x F with 10% prepaid.
    void takeOrPayBelowOneWithVariablePayments() {
        Contract c = lease(day(2026, 1, 1), day(2026, 2, 28), LeaseClassification::Finance, 0.05);
        c.takeOrPay = 0.8;
        c.prepayment = 0.1;
        c.utilization = UtilizationCurve{{day(2026, 1, 1), 0.5}, {day(2026, 2, 1), 0.9}};
        const EvaluationResult r = evaluate(withContract(c));
        const AccountingYear& y = year(r.items[0].accounting, 2026);
        QVERIFY(near(y[AccountingLine::VariableLeaseCost], 0.9 * 0.1 * 28 * kPerDay));
        const LeaseSchedule s = buildLeaseSchedule(c, day(2026, 1, 1), 12);
        QVERIFY(near(s.periods[0].payment, 0.9 * 0.8 * 31 * kPerDay));
        c.lease.classification = LeaseClassification::Operating;
        const EvaluationResult o = evaluate(withContract(c));
        const AccountingYear& oy = year(o.items[0].accounting, 2026);
        // Operating: the straight-line cost of the fixed payments and the prepayment, plus the same
        // variable payment, all in EBITDA.
        QVERIFY(near(oy[AccountingLine::OperatingLeaseCost],
                     0.9 * 0.8 * 59 * kPerDay + 0.1 * 59 * kPerDay + 0.9 * 0.1 * 28 * kPerDay));
        QVERIFY(near(oy.pretaxCost, y.pretaxCost));
    }

    // Straight-line book over 5 years of Bc 1,000,000, MACRS 5 for tax, sold after 2 years for 30%:
    // depreciation 200,000 a year, NBV 600,000 at disposal, a loss of 300,000; deferred tax
    // 21% x (book NBV - tax NBV) while held.
    void fleetDepreciationDisposalAndDeferredTax() {
        Portfolio p = basePortfolio(day(2026, 1, 1), 0.09, 0.21);
        Fleet f = simpleFleet(day(2026, 1, 1), day(2027, 12, 31));
        f.residualFraction = 0.3;
        f.taxDepreciation.method = DepreciationMethod::Macrs5;
        f.taxDepreciation.lifeYears.reset();
        f.opexFractionPerYear = 0.012; // 1,000 a month
        p.fleets = {f};
        const EvaluationResult r = evaluate(p);
        const auto& years = r.items[0].accounting;
        QVERIFY(near(year(years, 2026)[AccountingLine::Depreciation], 200000.0));
        QVERIFY(near(year(years, 2026)[AccountingLine::Opex], 12000.0));
        QVERIFY(near(year(years, 2027)[AccountingLine::DisposalLoss], 600000.0 - 300000.0));
        QVERIFY(near(year(years, 2026)[BalanceItem::NbvBook], 800000.0));
        // MACRS 5 year 1: 20%, so tax NBV 800,000 too; year 2 (sold): 32% x 12/12 deducted, then 0.
        QVERIFY(std::abs(year(years, 2026)[BalanceItem::DeferredTaxLiability]) < 1e-6);
        QCOMPARE(year(years, 2027)[BalanceItem::NbvBook], 0.0);
        QVERIFY(near(year(years, 2027).ebitdaCost, 12000.0));
        // Expense over the life = cash: capex + opex - resale.
        QVERIFY(near(year(years, 2026).pretaxCost + year(years, 2027).pretaxCost, preTaxCash(r.items[0])));
        QVERIFY(near(preTaxCash(r.items[0]), 1000000.0 + 24000.0 - 300000.0));
        checkTotals(years, 0.21);
    }

    // Every row of every item and alternative adds up, and every item whose life lies inside the
    // horizon expenses exactly its pre-tax cash, in a portfolio of every kind: a service contract
    // prepaid, an operating and a finance lease at take-or-pay below 1, a fleet sold in the horizon.
    void linesAddUpAndExpenseEqualsCash() {
        const Portfolio p = everyBooking();
        const EvaluationResult r = evaluate(p);
        for (const ItemResult& item : r.items) {
            checkTotals(item.accounting, 0.21);
            double expensed = 0.0;
            for (const auto& y : item.accounting)
                expensed += y.pretaxCost;
            QVERIFY2(near(expensed, preTaxCash(item), 1e-11), item.id.c_str());
        }
        for (const AlternativeResult& a : r.alternatives)
            checkTotals(a.accounting, 0.21);
    }

    // The classification moves the books only: cash, NPV, the lines and every year's cash are the
    // same to the bit with no lease, an operating lease and a finance lease.
    void cashAndNpvDoNotDependOnTheClassification() {
        Contract c = simpleContract(day(2025, 10, 1), day(2029, 9, 30), 1000, 2.4);
        c.prepayment = 0.15;
        c.takeOrPay = 0.8;
        c.escalator = 0.04;
        Portfolio p = withContract(c, day(2026, 1, 1), 0.21);
        p.utilization = {{day(2026, 1, 1), 0.7}, {day(2027, 1, 1), 0.9}};
        const EvaluationResult none = evaluate(p);
        for (auto cls : {LeaseClassification::Operating, LeaseClassification::Finance}) {
            Portfolio q = p;
            q.contracts[0].lease = {cls, 0.065};
            const EvaluationResult r = evaluate(q);
            for (std::size_t a = 0; a < r.alternatives.size(); ++a) {
                QCOMPARE(r.alternatives[a].npvCost, none.alternatives[a].npvCost);
                QCOMPARE(r.alternatives[a].totalCash, none.alternatives[a].totalCash);
                for (std::size_t y = 0; y < r.alternatives[a].annual.size(); ++y) {
                    QCOMPARE(r.alternatives[a].annual[y].cash, none.alternatives[a].annual[y].cash);
                    QVERIFY(r.alternatives[a].annual[y].lineCash == none.alternatives[a].annual[y].lineCash);
                }
            }
            QCOMPARE(r.items[0].npvCost, none.items[0].npvCost);
            for (std::size_t y = 0; y < r.items[0].annual.size(); ++y)
                QVERIFY(r.items[0].annual[y].lineCash == none.items[0].annual[y].lineCash);
            QCOMPARE(r.leases.size(), std::size_t(1));
        }
        QVERIFY(none.leases.empty());
    }

    // The Monte Carlo books each path as the deterministic run is booked: with no shock, every
    // path's EBITDA and pre-tax cost of every alternative and year is the deterministic one, so p5,
    // p50 and p95 all are; and the main run's statistics are the same bits with or without the
    // accounting runs after it.
    void monteCarloWithoutShocksIsTheDeterministicView() {
        Portfolio p = everyBooking();
        p.market.gpuPrice.volatility = 0.0;
        p.market.powerPrice.volatility = 0.0;
        const EvaluationResult det = evaluate(p);
        auto o = cpuOptions(3000, 7, 2);
        o.accounting = true;
        const SimulationResult s = simulatePortfolio(p, testCatalog(), o);
        QCOMPARE(s.alternatives.size(), det.alternatives.size());
        for (std::size_t a = 0; a < s.alternatives.size(); ++a) {
            const auto& years = det.alternatives[a].accounting;
            QCOMPARE(s.alternatives[a].ebitdaCost.size(), years.size());
            for (std::size_t y = 0; y < years.size(); ++y) {
                const FanPoint& e = s.alternatives[a].ebitdaCost[y];
                const FanPoint& t = s.alternatives[a].pretaxCost[y];
                QCOMPARE(e.year, years[y].year);
                for (double v : {e.p5, e.p50, e.p95})
                    QVERIFY2(near(v, years[y].ebitdaCost, 1e-9), qPrintable(QString::number(years[y].year)));
                for (double v : {t.p5, t.p50, t.p95})
                    QVERIFY2(near(v, years[y].pretaxCost, 1e-9), qPrintable(QString::number(years[y].year)));
            }
        }
        QVERIFY(
            near(s.alternatives[0].ebitdaCost[1].p50, det.alternatives[0].accounting[1].ebitdaCost, 1e-9));
        auto plain = cpuOptions(3000, 7, 2);
        const SimulationResult without = simulatePortfolio(p, testCatalog(), plain);
        QVERIFY(without.alternatives[0].ebitdaCost.empty());
        for (std::size_t a = 0; a < s.alternatives.size(); ++a) {
            QCOMPARE(s.alternatives[a].npvCost.mean, without.alternatives[a].npvCost.mean);
            QCOMPARE(s.alternatives[a].npvCost.p95, without.alternatives[a].npvCost.p95);
            QCOMPARE(s.alternatives[a].annualCumulative.back().p50,
                     without.alternatives[a].annualCumulative.back().p50);
        }
    }

    // A default on a chosen day (docs/model.md 12.7) is booked on the deterministic run as a path
    // books a default (13.8): from its period the contracts book nothing more, in it each writes off
    // its carrying amount less the recovery, and nothing is carried after it; expense still equals
    // cash over each life, and without shocks every path's years are the deterministic ones.
    void aDefaultOnAChosenDayIsBookedAsAPathBooksIt() {
        Portfolio p = everyBooking();
        p.market.gpuPrice.volatility = 0.0;
        p.market.powerPrice.volatility = 0.0;
        p.contracts[1].defaultDate = day(2027, 5, 20); // the one provider of the three contracts
        const EvaluationResult det = evaluate(p);
        const EvaluationResult calm = evaluate(everyBooking());
        for (const char* id : {"c", "op", "fin"}) {
            const ItemResult& item = *det.item(id);
            double booked = 0.0;
            for (const AccountingYear& y : item.accounting)
                booked += y.pretaxCost;
            QVERIFY2(near(booked, preTaxCash(item), 1e-10), id);
            checkTotals(item.accounting, 0.21);
            const AccountingYear& y2027 = year(item.accounting, 2027);
            // (A finance lease's ROU asset may be below its liability by then: a negative write-off.)
            QVERIFY2(y2027[AccountingLine::DefaultWriteoff] != 0.0, id);
            for (const AccountingYear& y : item.accounting) {
                if (y.year < 2027)
                    continue;
                QCOMPARE(y[BalanceItem::PrepaidBalance], 0.0);
                QCOMPARE(y[BalanceItem::RouAsset], 0.0);
                QCOMPARE(y[BalanceItem::LeaseLiability], 0.0);
                if (y.year > 2027)
                    for (AccountingLine l :
                         {AccountingLine::ServiceCost, AccountingLine::OperatingLeaseCost,
                          AccountingLine::VariableLeaseCost, AccountingLine::LeaseAmortization,
                          AccountingLine::Interest, AccountingLine::DefaultWriteoff})
                        QCOMPARE(y[l], 0.0);
            }
            // The year before the default is booked as without it.
            const AccountingYear& before = year(item.accounting, 2026);
            const AccountingYear& unstressed = year(calm.item(id)->accounting, 2026);
            QCOMPARE(before.pretaxCost, unstressed.pretaxCost);
            QCOMPARE(before[BalanceItem::RouAsset], unstressed[BalanceItem::RouAsset]);
        }
        // The finance lease's write-off: its ROU asset less its liability after April 2027 (period
        // 15; the default's period 16 is May), its prepayment inside the ROU, nothing recovered.
        const CompiledPortfolio cp(p, testCatalog());
        const LeaseSchedule* fin = cp.leaseSchedule(2);
        QVERIFY(near(year(det.item("fin")->accounting, 2027)[AccountingLine::DefaultWriteoff],
                     fin->rouAfter(15) - fin->liabilityAfter(15), 1e-12));

        auto o = cpuOptions(1000, 3, 2);
        o.accounting = true;
        const SimulationResult s = simulatePortfolio(p, testCatalog(), o);
        QCOMPARE(s.defaults[0].fraction, 1.0);
        for (std::size_t a = 0; a < s.alternatives.size(); ++a) {
            const auto& years = det.alternatives[a].accounting;
            for (std::size_t y = 0; y < years.size(); ++y) {
                for (const FanPoint* f :
                     {&s.alternatives[a].ebitdaCost[y], &s.alternatives[a].pretaxCost[y]}) {
                    const double want =
                        f == &s.alternatives[a].ebitdaCost[y] ? years[y].ebitdaCost : years[y].pretaxCost;
                    for (double v : {f->p5, f->p50, f->p95})
                        QVERIFY2(near(v, want, 1e-9), qPrintable(QString::number(years[y].year)));
                }
            }
        }
    }

    // On every path, defaults included, each item whose life lies inside the horizon books exactly
    // its pre-tax cash over the horizon: a default stops the bills and the accruals and writes off
    // the carrying amount less the recovery (docs/model.md). 400 paths at a 40% hazard a year.
    void everyPathExpensesItsCash() {
        Portfolio p = everyBooking();
        // A finance lease begun before t0, prepaid and with a recovery: over the horizon it books its
        // cash and the prepaid balance it brings into it (inside its ROU asset at measurement).
        Contract old = lease(day(2025, 7, 1), day(2028, 6, 30), LeaseClassification::Finance, 0.05);
        old.id = std::string("old");
        old.prepayment = 0.2;
        old.recoveryRate = 0.6;
        p.contracts.push_back(old);
        (*p.alternatives)[0].items.push_back("old");
        for (Contract& c : p.contracts)
            c.providerDefaultHazard = 0.4;
        p.contracts[1].provider = std::string("Second");
        p.market.utilization.volatility = 0.3;
        // And the same with a demand: each item costed once per alternative that holds it.
        Portfolio withDemand = p;
        withDemand.market.utilization.volatility = 0.0;
        withDemand.demand = Demand{"H100", {{day(2026, 1, 1), 1500}, {day(2027, 7, 1), 2600}}};
        withDemand.market.demand.volatility = 0.3;
        (*withDemand.alternatives)[1].items.push_back("op");
        for (const Portfolio* q : {&p, &withDemand}) {
            const auto catalog = testCatalog();
            QVERIFY(!validatePortfolio(*q, catalog));
            const CompiledPortfolio cp(*q, catalog);
            const PathInputs& in = cp.inputs();
            int defaulted = 0;
            for (std::uint64_t path = 0; path < 300; ++path) {
                BookedAndPaidSink sink;
                sink.booked.assign(std::size_t(pathSlots(in)), 0.0);
                sink.paid = sink.booked;
                sink.replaced.assign(sink.booked.size(), false);
                PhiloxShocks shocks(11, path);
                simulatePath<double>(in, shocks, sink);
                for (int i = 0; i < in.items; ++i) {
                    const LeaseSchedule* l = cp.leaseSchedule(i);
                    const double broughtIn = cp.itemId(i) == "old" ? l->prepaidAtMeasurement : 0.0;
                    QVERIFY2(near(sink.booked[std::size_t(i)], sink.paid[std::size_t(i)] + broughtIn, 1e-10),
                             qPrintable(QString("path %1 item %2: booked %3, paid %4")
                                            .arg(path)
                                            .arg(QString::fromStdString(cp.itemId(i)))
                                            .arg(sink.booked[std::size_t(i)], 0, 'f', 4)
                                            .arg(sink.paid[std::size_t(i)], 0, 'f', 4)));
                    defaulted += sink.replaced[std::size_t(i)];
                }
            }
            QVERIFY(cp.leaseSchedule(cp.itemCount() - 1) == nullptr); // a fleet has none
            QVERIFY2(defaulted > 100, qPrintable(QString::number(defaulted)));
        }
    }

    // A lease that begins after the horizon books nothing in it, even in the horizon's clipped last
    // period, and is listed as signed, not commenced; a lease that ended before t0 is not listed.
    // A borrowing rate of exactly 100% is accepted (the bound is closed).
    void leasesOutsideTheHorizon() {
        Portfolio p = basePortfolio(day(2026, 3, 15), 0.09, 0.21);
        p.assumptions.horizonEnd = day(2030, 6, 20);
        Contract late = lease(day(2030, 6, 25), day(2031, 6, 30), LeaseClassification::Operating, 1.0);
        late.prepayment = 0.1;
        late.takeOrPay = 0.8;
        Contract ended = lease(day(2024, 1, 1), day(2025, 12, 31), LeaseClassification::Finance, 0.06);
        ended.id = std::string("ended");
        p.contracts = {late, ended};
        for (auto cls : {LeaseClassification::Operating, LeaseClassification::Finance}) {
            p.contracts[0].lease.classification = cls;
            const EvaluationResult r = evaluate(p);
            for (const AccountingYear& y : r.items[0].accounting) {
                QCOMPARE(y.pretaxCost, 0.0);
                QCOMPARE(y[BalanceItem::RouAsset], 0.0);
                QCOMPARE(y[BalanceItem::LeaseLiability], 0.0);
                QCOMPARE(y[BalanceItem::PrepaidBalance], 0.0);
            }
            QCOMPARE(r.leases.size(), std::size_t(1));
            QCOMPARE(r.leases[0].contract, std::string("c"));
            QCOMPARE(r.leases[0].measuredAt, day(2030, 6, 25));
            QVERIFY(r.leases[0].maturity.liability > 0.0);
            auto o = cpuOptions(64, 5, 1);
            o.accounting = true;
            const SimulationResult s = simulatePortfolio(p, testCatalog(), o);
            for (const FanPoint& f : s.alternatives[0].pretaxCost)
                QCOMPARE(f.p95, 0.0);
        }
    }

    // The accounting runs give the same bits on any thread count and whether the fan keeps its
    // values or its codes.
    void monteCarloBooksTheSameBitsOnAnyThreadCount() {
        Portfolio p = everyBooking();
        for (Contract& c : p.contracts)
            c.providerDefaultHazard = 0.2;
        p.market.utilization.volatility = 0.3;
        auto one = cpuOptions(9000, 3, 1);
        one.accounting = true;
        auto two = cpuOptions(9000, 3, 2);
        two.accounting = true;
        two.keepFanValues = true;
        const SimulationResult a = simulatePortfolio(p, testCatalog(), one);
        const SimulationResult b = simulatePortfolio(p, testCatalog(), two);
        for (std::size_t k = 0; k < a.alternatives.size(); ++k)
            for (std::size_t y = 0; y < a.alternatives[k].ebitdaCost.size(); ++y) {
                QCOMPARE(a.alternatives[k].ebitdaCost[y].p5, b.alternatives[k].ebitdaCost[y].p5);
                QCOMPARE(a.alternatives[k].ebitdaCost[y].p95, b.alternatives[k].ebitdaCost[y].p95);
                QCOMPARE(a.alternatives[k].pretaxCost[y].p50, b.alternatives[k].pretaxCost[y].p50);
            }
        // Not one value repeated: the paths differ (a default, utilization).
        QVERIFY(a.alternatives[0].pretaxCost[1].p5 < a.alternatives[0].pretaxCost[1].p95);
    }
};
;

QTEST_APPLESS_MAIN(AccountingTest)
#include "tst_accounting.moc"
