// The limits of portfolio/Limits.h: a portfolio with every input at its bound evaluates and
// simulates to finite numbers only (a SKU priced at 1e300 once crashed the Monte Carlo's histogram,
// a discount rate of -0.9999999999 over 40 years overflowed), and just past each new bound is
// refused with a message naming the input.
#include "TestPortfolios.h"
#include "montecarlo/MonteCarloEngine.h"
#include "portfolio/Limits.h"

#include <QTest>

#include <cmath>
#include <string>

using namespace ledger;
using namespace ledger::testing;

namespace {

const Sku kLargest{"MAX", "every bound", kMaxPerfIndex, kMaxPricePerGpuHour, kMaxCapexPerGpu, kMaxItKwPerGpu,
                   {}};

// Every number at the bound that makes costs largest: 300 years of a 100% escalator before a
// 40-year horizon discounted at -50%, the largest GPU counts, prices, power and premiums, and the
// wildest market the rules allow.
Portfolio largestPortfolio() {
    auto p = basePortfolio(day(2160, 1, 1), kMinDiscountRate, 0.0);
    p.assumptions.horizonEnd = day(2199, 12, 31);
    p.skus = {kLargest};
    p.utilization = {{day(1900, 1, 1), 1.0}};
    for (int i = 0; i < 3; ++i) {
        auto c = simpleContract(day(1900, 1, 1), day(2199, 12, 31), kMaxGpus, kMaxPricePerGpuHour);
        c.id = "c" + std::to_string(i);
        c.sku = "MAX";
        c.escalator = 1.0;
        c.takeOrPay = 1.0;
        c.providerDefaultHazard = i == 0 ? 0.0 : 10.0; // one never defaults, the others at once
        p.contracts.push_back(c);
        auto f = simpleFleet(day(2160, 1, 1), day(2199, 12, 31));
        f.id = "f" + std::to_string(i);
        f.sku = "MAX";
        f.gpus = kMaxGpus;
        f.capexPerGpu = kMaxCapexPerGpu;
        f.overheadFraction = 10.0;
        f.itKwPerGpu = kMaxItKwPerGpu;
        f.pue = 5.0;
        f.powerPricePerMwh = 1e5;
        f.powerEscalator = 1.0;
        f.colocationPerKwMonth = 1e5;
        f.opexFractionPerYear = 1.0;
        f.bookDepreciation.lifeYears = 40;
        f.taxDepreciation.lifeYears = 40;
        p.fleets.push_back(f);
    }
    auto& m = p.market;
    m.gpuPrice = {kMaxAbsGpuTrendPerYear, 0.0, kMaxVolatility, std::nullopt};
    m.utilization = {0.0, kMaxVolatility};
    m.powerPrice = {0.0, kMaxVolatility};
    m.replacementPremium = 100.0;
    m.onDemandPremium = 100.0;
    return p;
}

bool finite(const DistributionSummary& s) {
    for (double v : {s.mean, s.std, s.stderr_, s.min, s.max, s.p1, s.p5, s.p50, s.p95, s.p99, s.cvar95})
        if (!std::isfinite(v))
            return false;
    return true;
}

} // namespace

class LimitsTest : public QObject {
    Q_OBJECT
private slots:
    void everyInputAtItsBoundGivesFiniteNumbers() {
        const Portfolio p = largestPortfolio();
        const SkuCatalog catalog = testCatalog();
        const auto invalid = validatePortfolio(p, catalog);
        QVERIFY2(!invalid, invalid ? invalid->toString().c_str() : "");
        const EvaluationResult r = evaluatePortfolio(p, catalog);
        double largest = 0.0;
        for (const auto& a : r.alternatives) {
            QVERIFY2(std::isfinite(a.npvCost) && std::isfinite(a.totalCash), a.id.c_str());
            QVERIFY(!a.lcoc || std::isfinite(*a.lcoc));
            for (const auto& y : a.annual)
                QVERIFY(std::isfinite(y.cash) && std::isfinite(y.nbvBook) && std::isfinite(y.nbvTax));
            largest = std::max(largest, std::abs(a.npvCost));
        }
        for (const auto& i : r.items)
            for (const auto& m : i.monthly)
                QVERIFY2(std::isfinite(m.cash) && std::isfinite(m.presentValue), i.id.c_str());
        for (const auto& c : r.comparisons)
            QVERIFY(std::isfinite(c.npvDifference) &&
                    (!c.breakevenPriceFactor || std::isfinite(*c.breakevenPriceFactor)));
        // Large indeed (so the bounds are what is tested), and far from what a square overflows.
        qInfo("largest NPV cost: %g", largest);
        QVERIFY2(largest > 1e90 && largest < 1e140, std::to_string(largest).c_str());

        SimulationOptions o;
        o.paths = 256;
        o.seed = 7;
        o.device = ComputeDevice::Cpu;
        o.threads = 1;
        const SimulationResult s = simulatePortfolio(p, catalog, o);
        for (const auto& a : s.alternatives) {
            QVERIFY2(finite(a.npvCost), a.id.c_str());
            QVERIFY(!a.lcoc || finite(*a.lcoc));
            for (const auto& f : a.annualCumulative)
                QVERIFY(std::isfinite(f.p5) && std::isfinite(f.p50) && std::isfinite(f.p95));
            for (const auto& c : a.convergence)
                QVERIFY(std::isfinite(c.mean) && std::isfinite(c.halfWidth95));
            std::int64_t counted = 0;
            for (auto n : a.npvHistogram.counts)
                counted += n;
            QCOMPARE(counted, std::int64_t(256));
        }
    }

    void justPastEachBoundIsRefused_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::addRow("sku price") << 0 << "skus[0].market_price_per_gpu_hour: 1e+300 is above 10000";
        QTest::addRow("discount rate") << 1 << "assumptions.discount_rate: -0.9999999999 is below -0.5";
        QTest::addRow("seed")
            << 2
            << "simulation.seed: 9007199254740992 is above 2^53 - 1 (9007199254740991), the "
               "largest seed a JSON number holds exactly";
        QTest::addRow("implied price")
            << 3
            << "contracts[0].total_contract_value: 1e+15 implies 114155251141.5525 per GPU-hour for the "
               "committed GPUs, above 10000";
        QTest::addRow("tranches") << 4 << "contracts[0].tranches: 10001 entries; at most 10000";
        QTest::addRow("name") << 5 << "contracts[0].name: 1001 bytes long; at most 1000";
        QTest::addRow("notes") << 6 << "fleets[0].notes: 100001 bytes long; at most 100000";
        QTest::addRow("volatility") << 7 << "market.power_price.volatility: 2.5 is above 2";
        QTest::addRow("trend") << 8 << "market.gpu_price.trend_per_year: -2.5 is below -2";
        QTest::addRow("capex") << 9 << "skus[0].capex_per_gpu: 10000001 is above 1e+07";
        QTest::addRow("blank name") << 10 << "contracts[0].provider: must not be blank (only spaces)";
    }

    void justPastEachBoundIsRefused() {
        QFETCH(int, which);
        QFETCH(QString, message);
        auto p = basePortfolio(day(2027, 1, 1), 0.08, 0.21);
        p.contracts.push_back(simpleContract(day(2027, 1, 1), day(2027, 12, 31), 1, 2.0));
        p.fleets.push_back(simpleFleet(day(2027, 1, 1), day(2031, 12, 31)));
        Sku sku = kLargest;
        switch (which) {
        case 0:
            sku.marketPricePerGpuHour = 1e300;
            p.skus = {sku};
            break;
        case 1:
            p.assumptions.discountRate = -0.9999999999;
            break;
        case 2:
            p.simulation.seed = kMaxSeed + 1;
            break;
        case 3: // one GPU for a year: USD 1e15 / 8,760 hours = 1.14e11 an hour
            p.contracts[0].pricePerGpuHour.reset();
            p.contracts[0].totalContractValue = kMaxContractValue;
            break;
        case 4:
            for (int i = 1; i <= 10000; ++i)
                p.contracts[0].tranches.push_back({day(2027, 1, 1), 1});
            break;
        case 5:
            p.contracts[0].name = std::string(kMaxNameBytes + 1, 'n');
            break;
        case 6:
            p.fleets[0].notes = std::string(kMaxNotesBytes + 1, 'n');
            break;
        case 7:
            p.market.powerPrice.volatility = 2.5;
            break;
        case 8:
            p.market.gpuPrice.trendPerYear = -2.5;
            break;
        case 9:
            sku.capexPerGpu = kMaxCapexPerGpu + 1;
            p.skus = {sku};
            break;
        case 10: // a quoted "   " in a CSV cell is kept as typed, and refused here
            p.contracts[0].provider = "   ";
            break;
        }
        const auto err = validatePortfolio(p, testCatalog());
        QVERIFY(err);
        QCOMPARE(QString::fromStdString(err->toString()), message);
    }
};

QTEST_MAIN(LimitsTest)
#include "tst_limits.moc"
