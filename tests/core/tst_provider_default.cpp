// A provider's default on a chosen day (docs/model.md 12.7, a stress of issue 21) against hand
// arithmetic: the deterministic run bills before it, buys the committed hours at market from its
// period, recovers and writes off the undrawn prepayment in it, and books the write-off; every Monte
// Carlo path defaults then at the latest (the earlier of the hazard's time and the date); and a
// provider without a default_date is not moved by another's, to the bit.
#include "TestPortfolios.h"
#include "engine/CompiledPortfolio.h"
#include "engine/PathFunction.h"
#include "montecarlo/PhiloxShocks.h"

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

namespace {

// 10 GPUs at 3.00 an hour over 2027 and 2028 (720 a day billed), 20% prepaid, half of what is
// undrawn recovered, tax 21%, no discounting; the market (H100 at 2.00) without trend or shocks and
// a replacement premium of 1.5: 720 a day bought at market. The provider defaults on 2027-04-15,
// in period 3 (April).
Portfolio defaulting() {
    Portfolio p = basePortfolio(day(2027, 1, 1), 0.0, 0.21);
    Contract c = simpleContract(day(2027, 1, 1), day(2028, 12, 31), 10, 3.0);
    c.prepayment = 0.2;
    c.recoveryRate = 0.5;
    c.defaultDate = day(2027, 4, 15);
    p.contracts = {c};
    p.market.gpuPrice = {0.0, 1.0, 0.0, std::nullopt};
    p.market.powerPrice.volatility = 0.0;
    p.market.replacementPremium = 1.5;
    return p;
}

const LineAmount* lineOf(const std::vector<LineAmount>& lines, CostLine l) {
    for (const auto& x : lines)
        if (x.line == l)
            return &x;
    return nullptr;
}

// The first period in which a path's contract slot buys its hours at market (-1: never).
struct FirstReplacementSink {
    int first = -1;
    void flow(int, int, FlowKind, double, double) {}
    void flowEither(int slot, int k, bool mask, FlowKind where, FlowKind, double, double) {
        if (slot == 0 && mask && where == FlowKind::ContractReplacement && first < 0)
            first = k;
    }
    void usage(int, int, double, double) {}
    void providerDefaulted(int, bool) {}
    void finish() {}
};

} // namespace

class ProviderDefaultTest : public QObject {
    Q_OBJECT
private slots:
    void theDeterministicRunDefaultsOnTheDate() {
        const Portfolio p = defaulting();
        const auto r = evaluate(p);
        const auto& item = r.items[0];
        QCOMPARE(int(item.monthly.size()), 24);
        const double tcv = 720.0 * 731; // 526,320
        QVERIFY(near(*item.totalContractValue, tcv));
        // Billed before the default: (1 - 0.2) x B - 0.21 x B; January with the prepayment 0.2 TCV.
        QVERIFY(near(item.monthly[0].cash, 105264.0 + 0.59 * 720 * 31)); // 118,432.80
        QVERIFY(near(item.monthly[1].cash, 0.59 * 720 * 28));            // 11,894.40
        QVERIFY(near(item.monthly[2].cash, 0.59 * 720 * 31));            // 13,168.80
        // April: 30 days bought at 2.00 x 1.5 (17,064 after tax); the undrawn prepayment
        // 0.2 x (526,320 - 720 x 90) = 92,304 comes back half (46,152), the rest written off and
        // deductible (-9,691.92).
        QVERIFY(near(item.monthly[3].cash, 0.79 * 720 * 30 - 46152.0 - 0.21 * 46152.0)); // -38,779.92
        QVERIFY(near(item.monthly[4].cash, 0.79 * 720 * 31));                            // 17,632.80
        QVERIFY(near(item.monthly[13].cash, 0.79 * 720 * 29));                           // Feb 2028
        QVERIFY(near(item.monthly[23].cash, 0.79 * 720 * 31));
        // 641 days replaced; the NPV is the cash (no discounting).
        const double total = 105264.0 + 0.59 * 720 * 90 + 0.79 * 720 * 641 - 46152.0 - 0.21 * 46152.0;
        QVERIFY(near(item.totalCash, total)); // 452,252.88
        QVERIFY(near(item.npvCost, total));
        QVERIFY(near(lineOf(item.lines, CostLine::Replacement)->cash, 720.0 * 641));
        QVERIFY(near(lineOf(item.lines, CostLine::ReplacementTaxShield)->cash, -0.21 * 720 * 641));
        QVERIFY(near(lineOf(item.lines, CostLine::PrepaymentRecovery)->cash, -46152.0));
        QVERIFY(near(lineOf(item.lines, CostLine::WriteoffTaxShield)->cash, -0.21 * 46152.0));
        QVERIFY(near(lineOf(item.lines, CostLine::ContractPayments)->cash, 0.8 * 720 * 90));
        // The committed hours are still the contract's; the used hours still count.
        QVERIFY(near(item.committedGpuHours, 240.0 * 731));

        // The accounting view: the bills of January to March with the prepaid share drawn (64,800),
        // the replacement in spot, the write-off of the undrawn prepayment less the recovery, and no
        // prepaid balance once the provider is gone. Expense equals cash.
        const AccountingYear& y2027 = item.accounting[0];
        const AccountingYear& y2028 = item.accounting[1];
        QCOMPARE(y2027.year, 2027);
        QVERIFY(near(y2027[AccountingLine::ServiceCost], 720.0 * 90));
        QVERIFY(near(y2027[AccountingLine::Spot], 720.0 * 275));
        QVERIFY(near(y2027[AccountingLine::DefaultWriteoff], 46152.0));
        QCOMPARE(y2027[BalanceItem::PrepaidBalance], 0.0);
        QCOMPARE(y2028[AccountingLine::ServiceCost], 0.0);
        QVERIFY(near(y2028[AccountingLine::Spot], 720.0 * 366));
        QCOMPARE(y2028[AccountingLine::DefaultWriteoff], 0.0);
        QVERIFY(near(y2027.pretaxCost + y2028.pretaxCost, 105264.0 + 0.8 * 720 * 90 + 720.0 * 641 - 46152.0));

        // Without the date: every month billed, and the prepaid balance at the end of 2027
        // 0.2 x (526,320 - 720 x 365) = 52,704.
        Portfolio calm = p;
        calm.contracts[0].defaultDate.reset();
        const auto c = evaluate(calm);
        QVERIFY(near(c.items[0].monthly[3].cash, 0.59 * 720 * 30));
        QVERIFY(near(c.items[0].totalCash, 105264.0 + 0.59 * tcv));
        QVERIFY(near(c.items[0].accounting[0][BalanceItem::PrepaidBalance], 52704.0));
        QCOMPARE(c.items[0].accounting[0][AccountingLine::DefaultWriteoff], 0.0);
        QCOMPARE(lineOf(c.items[0].lines, CostLine::Replacement)->cash, 0.0);
    }

    // The period is the one containing the date; a provider's earliest date applies.
    void theEarliestDateOfAProviderApplies() {
        Portfolio p = defaulting();
        Contract other = p.contracts[0];
        other.id = std::string("c2");
        other.defaultDate = day(2027, 3, 31); // the last day of period 2
        p.contracts.push_back(other);
        p.contracts[0].defaultDate = day(2028, 1, 1);
        requireValid(p);
        const CompiledPortfolio cp(p, testCatalog());
        QCOMPARE(cp.inputs().providers, 1);
        QCOMPARE(cp.inputs().providerForcedDefault[0], 2);
        const auto r = evaluate(p);
        for (const auto& item : r.items) {
            QVERIFY(near(item.monthly[2].cash,
                         0.79 * 720 * 31 - 0.5 * 0.2 * (tcvOf(item) - 720.0 * 59) * (1.0 + 0.21)));
            QVERIFY(near(item.monthly[1].cash, 0.59 * 720 * 28));
        }
        // No date: no forced period (the horizon's 24 months).
        p.contracts[0].defaultDate.reset();
        p.contracts[1].defaultDate.reset();
        QCOMPARE(CompiledPortfolio(p, testCatalog()).inputs().providerForcedDefault[0], 24);
    }

    // With no hazard every path defaults in the date's period (a default share of 1) and, with no
    // other shock, every path is the deterministic run, to the bit, on every lane width.
    void everyPathDefaultsOnTheDate() {
        const Portfolio p = defaulting();
        requireValid(p);
        const auto det = evaluatePortfolio(p, testCatalog(), EvaluateOptions{false});
        for (const int lanes : {1, 4, 8, 16, 32}) {
            auto o = cpuOptions(1003, 5);
            o.maxLanes = lanes;
            const auto sim = simulatePortfolio(p, testCatalog(), o);
            QCOMPARE(int(sim.defaults.size()), 1);
            QCOMPARE(sim.defaults[0].provider, std::string("Provider"));
            QCOMPARE(sim.defaults[0].fraction, 1.0);
            QCOMPARE(sim.alternatives.size(), det.alternatives.size());
            for (std::size_t a = 0; a < sim.alternatives.size(); ++a) {
                const auto& s = sim.alternatives[a].npvCost;
                QCOMPARE(s.std, 0.0);
                QCOMPARE(s.min, det.alternatives[a].npvCost);
                QCOMPARE(s.max, det.alternatives[a].npvCost);
                QCOMPARE(sim.alternatives[a].lcoc->min, *det.alternatives[a].lcoc);
            }
        }
        QVERIFY(near(det.alternatives[0].npvCost, det.items[0].npvCost));
    }

    // With a hazard the provider defaults at the earlier of its random time and the date: path by
    // path, the first period bought at market is min(floor(12 tau), 3).
    void aPathDefaultsAtTheEarlierOfItsHazardAndTheDate() {
        Portfolio p = defaulting();
        p.contracts[0].providerDefaultHazard = 0.5;
        requireValid(p);
        const CompiledPortfolio cp(p, testCatalog());
        const PathInputs& in = cp.inputs();
        int early = 0;
        for (std::uint64_t path = 0; path < 2000; ++path) {
            PhiloxShocks shocks(20260101, path);
            const double random = shocks.defaultPeriod(in, 0);
            FirstReplacementSink sink;
            simulatePath<double>(in, shocks, sink);
            QCOMPARE(sink.first, int(std::min(random, 3.0)));
            early += random < 3.0;
        }
        // P(tau < 3 months) = 1 - e^(-0.5 / 4) = 11.75%: both kinds of path are there.
        QVERIFY2(early > 150 && early < 320, qPrintable(QString::number(early)));
        const auto sim = simulatePortfolio(p, testCatalog(), cpuOptions(2000, 20260101));
        QCOMPARE(sim.defaults[0].fraction, 1.0);
    }

    // A second provider with no default_date is not moved by the first one's: its items, its
    // alternative's Monte Carlo statistics and its default share are the bits of the portfolio with
    // no date at all.
    void anotherProvidersDateMovesNothingElse() {
        Portfolio calm = stochasticPortfolio();
        Contract second = simpleContract(day(2027, 1, 1), day(2034, 12, 31), 700, 2.1);
        second.id = std::string("c2");
        second.provider = std::string("Second");
        second.prepayment = 0.15;
        second.providerDefaultHazard = 0.08;
        second.recoveryRate = 0.2;
        calm.contracts.push_back(second);
        calm.alternatives->push_back({"rent2", "Rent from Second", {"c2"}});
        requireValid(calm);
        Portfolio stressed = calm;
        stressed.contracts[0].defaultDate = day(2029, 6, 30);
        requireValid(stressed);

        const auto a = evaluate(calm);
        const auto b = evaluate(stressed);
        for (const char* id : {"c2", "f"}) {
            const ItemResult& x = *a.item(id);
            const ItemResult& y = *b.item(id);
            QCOMPARE(y.npvCost, x.npvCost);
            QCOMPARE(y.totalCash, x.totalCash);
            for (std::size_t k = 0; k < x.monthly.size(); ++k)
                QCOMPARE(y.monthly[k].cash, x.monthly[k].cash);
        }
        QVERIFY(b.item("c")->npvCost != a.item("c")->npvCost);

        const auto sa = simulatePortfolio(calm, testCatalog(), cpuOptions(3000, 9));
        const auto sb = simulatePortfolio(stressed, testCatalog(), cpuOptions(3000, 9));
        // Providers in sorted order: "Provider", "Second".
        QCOMPARE(sb.defaults[0].fraction, 1.0);
        QVERIFY(sa.defaults[0].fraction < 1.0);
        QCOMPARE(sb.defaults[1].fraction, sa.defaults[1].fraction);
        for (const std::size_t alt : {std::size_t(1), std::size_t(2)}) { // buy, rent2
            const auto& x = sa.alternatives[alt];
            const auto& y = sb.alternatives[alt];
            QCOMPARE(y.id, x.id);
            QCOMPARE(y.npvCost.mean, x.npvCost.mean);
            QCOMPARE(y.npvCost.std, x.npvCost.std);
            QCOMPARE(y.npvCost.p5, x.npvCost.p5);
            QCOMPARE(y.npvCost.p95, x.npvCost.p95);
            QCOMPARE(y.annualCumulative.back().p50, x.annualCumulative.back().p50);
        }
        QVERIFY(sb.alternatives[0].npvCost.mean != sa.alternatives[0].npvCost.mean);
    }

    // Validation: a default_date lies within [valuation_date, horizon end].
    void theDateLiesInTheHorizon() {
        Portfolio p = defaulting();
        p.contracts[0].defaultDate = day(2026, 12, 31);
        auto err = validatePortfolio(p, testCatalog());
        QVERIFY(err);
        QCOMPARE(err->toString(),
                 std::string("contracts[0].default_date: 2026-12-31 is before valuation_date 2027-01-01"));
        p.contracts[0].defaultDate = day(2029, 1, 1);
        err = validatePortfolio(p, testCatalog());
        QVERIFY(err);
        QCOMPARE(err->toString(),
                 std::string("contracts[0].default_date: 2029-01-01 is after the horizon end 2028-12-31"));
        for (const Date d : {day(2027, 1, 1), day(2028, 12, 31)}) {
            p.contracts[0].defaultDate = d;
            QVERIFY(!validatePortfolio(p, testCatalog()));
        }
    }

private:
    static double tcvOf(const ItemResult& item) { return *item.totalContractValue; }
};

QTEST_APPLESS_MAIN(ProviderDefaultTest)
#include "tst_provider_default.moc"
