// The tornado (MODEL.md 7): inputs moved one at a time; a contract-price move shifts the NPV
// difference by exactly that share of the contracts' NPV (it is affine in the prices).
#include "TestPortfolios.h"
#include "analytics/Sensitivity.h"
#include "engine/CompiledPortfolio.h"
#include "engine/DeterministicEngine.h"
#include "portfolio/SensitivityInputs.h"
#include "portfolio/Validation.h"

#include <set>

#include <QTest>

using namespace ledger;
using namespace ledger::testing;

namespace {

// Rent at 2.0 against a fleet: the first test's portfolio.
Portfolio rentAgainstBuy() {
    auto p = basePortfolio(day(2027, 1, 1), 0.08, 0.21);
    p.contracts = {simpleContract(day(2027, 1, 1), day(2029, 12, 31), 100, 2.0)};
    auto f = simpleFleet(day(2027, 1, 1), day(2029, 12, 31));
    f.powerPricePerMwh = 60;
    p.fleets = {f};
    p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}, {"buy", "Buy", {"f"}}};
    return p;
}

// NPV_rent - NPV_buy as the tornado computes it, for a portfolio moved by hand.
double rentMinusBuy(const Portfolio& p) {
    CompiledPortfolio cp(p, testCatalog());
    const auto npv = alternativeNpvCosts(cp);
    return npv[0] - npv[1];
}

const SensitivityBar& bar(const Sensitivity& s, const std::string& id) {
    const auto it = std::find_if(s.bars.begin(), s.bars.end(), [&](const auto& b) { return b.id == id; });
    if (it == s.bars.end())
        qFatal("no bar %s", id.c_str());
    return *it;
}

std::optional<std::string> problem(const Portfolio& p) {
    const auto e = validatePortfolio(p, testCatalog());
    return e ? std::optional(e->toString()) : std::nullopt;
}

} // namespace

class SensitivityTest : public QObject {
    Q_OBJECT
private slots:
    void contractPricesMoveTheDifferenceAffinely() {
        const Portfolio p = rentAgainstBuy();
        const auto r = evaluate(p);
        const Sensitivity s = npvDifferenceSensitivity(p, testCatalog(), 0, 1);
        QCOMPARE(s.a, std::string("rent"));
        QCOMPARE(s.b, std::string("buy"));
        QVERIFY(near(s.base, r.alternatives[0].npvCost - r.alternatives[1].npvCost));
        const auto prices = std::find_if(s.bars.begin(), s.bars.end(),
                                         [](const auto& b) { return b.input == "Contract prices"; });
        QVERIFY(prices != s.bars.end());
        QVERIFY(near(prices->high - s.base, 0.2 * r.items[0].npvCost, 1e-9));
        QVERIFY(near(prices->low - s.base, -0.2 * r.items[0].npvCost, 1e-9));
        // Power only moves the fleet: a higher price makes buying dearer, so rent minus buy falls.
        const auto power = std::find_if(s.bars.begin(), s.bars.end(),
                                        [](const auto& b) { return b.input == "Power price"; });
        QVERIFY(power->high < s.base && power->low > s.base);
        // Widest swing first.
        for (std::size_t i = 1; i < s.bars.size(); ++i)
            QVERIFY(std::abs(s.bars[i - 1].high - s.bars[i - 1].low) >=
                    std::abs(s.bars[i].high - s.bars[i].low));
    }

    // Issue 19: the user's settings move the bars. Contract prices x0.5 / x1.5 give exactly the
    // difference of the portfolio with its prices halved and raised by half, computed here by hand;
    // a low above the high is taken as given; every other input keeps its default bar.
    void userSettingsMoveTheBars() {
        const Portfolio p = rentAgainstBuy();
        Portfolio custom = p;
        custom.sensitivity["contract_prices"] = {0.5, 1.5};
        custom.sensitivity["utilization"] = {0.15, -0.2};
        const Sensitivity given = npvDifferenceSensitivity(p, testCatalog(), 0, 1);
        const Sensitivity s = npvDifferenceSensitivity(custom, testCatalog(), 0, 1);
        QCOMPARE(s.base, given.base);

        Portfolio half = p, more = p;
        *half.contracts[0].pricePerGpuHour = 1.0;
        *more.contracts[0].pricePerGpuHour = 3.0;
        const SensitivityBar& prices = bar(s, "contract_prices");
        QCOMPARE(prices.input, std::string("Contract prices"));
        QCOMPARE(prices.lowLabel, std::string("x0.5"));
        QCOMPARE(prices.highLabel, std::string("x1.5"));
        QCOMPARE(prices.low, rentMinusBuy(half));
        QCOMPARE(prices.high, rentMinusBuy(more));
        QVERIFY(prices.low != bar(given, "contract_prices").low);
        // Affine in the prices: half the contracts' NPV either way (the default moved a fifth).
        const auto r = evaluate(p);
        QVERIFY(near(prices.high - s.base, 0.5 * r.items[0].npvCost, 1e-9));

        // Utilization up 15 points at "low", down 20 at "high": the portfolio's curve (1.0 when
        // empty) and every item's own, moved by hand.
        Portfolio up = p, down = p;
        auto shift = [](Portfolio& q, double points) {
            if (q.utilization.empty())
                q.utilization.push_back({Date(1900, 1, 1), 1.0});
            for (auto& pt : q.utilization)
                pt.value = std::clamp(pt.value + points, 0.0, 1.0);
            for (auto& c : q.contracts)
                if (c.utilization)
                    for (auto& pt : *c.utilization)
                        pt.value = std::clamp(pt.value + points, 0.0, 1.0);
            for (auto& f : q.fleets)
                if (f.utilization)
                    for (auto& pt : *f.utilization)
                        pt.value = std::clamp(pt.value + points, 0.0, 1.0);
        };
        shift(up, 0.15);
        shift(down, -0.2);
        const SensitivityBar& utilization = bar(s, "utilization");
        QCOMPARE(utilization.lowLabel, std::string("+15 pts"));
        QCOMPARE(utilization.highLabel, std::string("-20 pts"));
        QCOMPARE(utilization.low, rentMinusBuy(up));
        QCOMPARE(utilization.high, rentMinusBuy(down));

        for (const std::string id : {"gpu_market_prices", "gpu_price_trend", "fleet_capex", "power_price",
                                     "residual_value", "discount_rate", "tax_rate"}) {
            QCOMPARE(bar(s, id).low, bar(given, id).low);
            QCOMPARE(bar(s, id).high, bar(given, id).high);
            QCOMPARE(bar(s, id).lowLabel, bar(given, id).lowLabel);
        }
    }

    // The defaults are the settings the tornado always had, labelled as before.
    void theDefaultsAreTheTornadosSettings() {
        const Sensitivity s = npvDifferenceSensitivity(rentAgainstBuy(), testCatalog(), 0, 1);
        const std::vector<std::array<std::string, 4>> expected = {
            {"contract_prices", "Contract prices", "x0.8", "x1.2"},
            {"gpu_market_prices", "GPU market (spot) prices", "x0.7", "x1.3"},
            {"gpu_price_trend", "GPU price trend", "-30%/yr", "0%/yr"},
            {"fleet_capex", "Fleet capex", "x0.8", "x1.2"},
            {"power_price", "Power price", "x0.7", "x1.3"},
            {"utilization", "Utilization", "-10 pts", "+10 pts"},
            {"residual_value", "Residual value", "x0.5", "x1.5"},
            {"discount_rate", "Discount rate", "-3 pts", "+3 pts"},
            {"tax_rate", "Tax rate", "-5 pts", "+5 pts"}};
        QCOMPARE(s.bars.size(), expected.size());
        for (const auto& [id, name, low, high] : expected) {
            QCOMPARE(bar(s, id).input, name);
            QCOMPARE(bar(s, id).lowLabel, low);
            QCOMPARE(bar(s, id).highLabel, high);
        }
        // Declared once each: unique ids, every input found by its id, defaults within the bounds.
        std::set<std::string> ids;
        for (const auto& info : sensitivityInputs()) {
            QVERIFY(ids.insert(info.id).second);
            QCOMPARE(findSensitivityInput(info.id), &info);
            QCOMPARE(&sensitivityInput(info.input), &info);
            QVERIFY(info.min <= info.defaults.low && info.defaults.low <= info.max);
            QVERIFY(info.min <= info.defaults.high && info.defaults.high <= info.max);
        }
        QCOMPARE(ids.size(), std::size_t(10));
        QVERIFY(!findSensitivityInput("contract_price"));
    }

    void labelsFollowTheKind() {
        QCOMPARE(sensitivitySettingLabel(SensitivityKind::Factor, 0.8), std::string("x0.8"));
        QCOMPARE(sensitivitySettingLabel(SensitivityKind::Factor, 0.0), std::string("x0"));
        QCOMPARE(sensitivitySettingLabel(SensitivityKind::Points, -0.1), std::string("-10 pts"));
        QCOMPARE(sensitivitySettingLabel(SensitivityKind::Points, 0.075), std::string("+7.5 pts"));
        QCOMPARE(sensitivitySettingLabel(SensitivityKind::Points, -0.0), std::string("0 pts"));
        QCOMPARE(sensitivitySettingLabel(SensitivityKind::Points, 0.07), std::string("+7 pts"));
        QCOMPARE(sensitivitySettingLabel(SensitivityKind::PerYear, -0.3), std::string("-30%/yr"));
        QCOMPARE(sensitivitySettingLabel(SensitivityKind::PerYear, 0.05), std::string("5%/yr"));
        QCOMPARE(sensitivitySettingLabel(SensitivityKind::PerYear, -0.0), std::string("0%/yr"));
    }

    // Validation names the path: a known input, finite settings within its bounds; low above high
    // and low equal to high are allowed.
    void validationNamesTheSetting() {
        Portfolio p = rentAgainstBuy();
        QCOMPARE(problem(p), std::nullopt);
        p.sensitivity["contract_prices"] = {-1, 1.2};
        QCOMPARE(problem(p), std::optional<std::string>("sensitivity.contract_prices.low: -1 is below 0"));
        p.sensitivity["contract_prices"] = {0.8, 11};
        QCOMPARE(problem(p), std::optional<std::string>("sensitivity.contract_prices.high: 11 is above 10"));
        p.sensitivity["contract_prices"] = {1.3, 0.7}; // low above high: allowed
        QCOMPARE(problem(p), std::nullopt);
        p.sensitivity["tax_rate"] = {0.02, 0.02}; // a bar of no width: allowed
        QCOMPARE(problem(p), std::nullopt);
        p.sensitivity["utilization"] = {-0.1, std::numeric_limits<double>::quiet_NaN()};
        QCOMPARE(problem(p),
                 std::optional<std::string>("sensitivity.utilization.high: is not a finite number"));
        p.sensitivity["utilization"] = {-1.5, 0.1};
        QCOMPARE(problem(p), std::optional<std::string>("sensitivity.utilization.low: -1.5 is below -1"));
        p.sensitivity["utilization"] = {-0.1, 0.1};
        p.sensitivity["gpu_price_trend"] = {-2.5, 0};
        QCOMPARE(problem(p), std::optional<std::string>("sensitivity.gpu_price_trend.low: -2.5 is below -2"));
        p.sensitivity.erase("gpu_price_trend");
        p.sensitivity["price"] = {0.8, 1.2};
        QCOMPARE(problem(p), std::optional<std::string>(
                                 "sensitivity.price: is not a sensitivity input (one of contract_prices, "
                                 "gpu_market_prices, gpu_price_trend, fleet_capex, power_price, utilization, "
                                 "demand, residual_value, discount_rate, tax_rate)"));
    }

    // With a demand the utilization curves are not used: the tornado moves the demand instead. A
    // 100-GPU take-or-pay contract at 1.5 against a 110-GPU demand (flat market, spot at 2.0, no tax
    // or discounting; g = 8,760 x 2.0 a GPU-year at spot): rent - spot = 1,314,000 + 10 g - 110 g.
    // x1.2 (132 GPUs) adds shortfall to rent and spot alike: the same. x0.8 (88 GPUs) is within
    // the contract: 1,314,000 - 88 g.
    void aDemandReplacesUtilization() {
        auto p = basePortfolio(day(2027, 1, 1), 0.0, 0.0);
        p.assumptions.horizonEnd = day(2027, 12, 31);
        p.contracts = {simpleContract(day(2027, 1, 1), day(2027, 12, 31), 100, 1.5)};
        p.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c"}}};
        p.market.gpuPrice = {0.0, 1.0, 0.0, std::nullopt};
        p.demand = Demand{"H100", {{day(2027, 1, 1), 110}}};
        const Sensitivity s = npvDifferenceSensitivity(p, testCatalog(), 0, 1);
        QCOMPARE(s.b, std::string("spot"));
        const auto demand =
            std::find_if(s.bars.begin(), s.bars.end(), [](const auto& b) { return b.input == "Demand"; });
        QVERIFY(demand != s.bars.end());
        QVERIFY(std::none_of(s.bars.begin(), s.bars.end(),
                             [](const auto& b) { return b.input == "Utilization"; }));
        const double gpuYear = 8760.0 * 2.0;
        QVERIFY(near(s.base, 1314000 - 100 * gpuYear));
        QVERIFY(near(demand->high, 1314000 - 100 * gpuYear));
        QVERIFY(near(demand->low, 1314000 - 88 * gpuYear));

        // The user's demand setting: x0.5 (55 GPUs, within the contract) and x1 (as given).
        p.sensitivity["demand"] = {0.5, 1.0};
        const Sensitivity custom = npvDifferenceSensitivity(p, testCatalog(), 0, 1);
        QCOMPARE(bar(custom, "demand").lowLabel, std::string("x0.5"));
        QVERIFY(near(bar(custom, "demand").low, 1314000 - 55 * gpuYear));
        QCOMPARE(bar(custom, "demand").high, custom.base);
    }
};

QTEST_APPLESS_MAIN(SensitivityTest)
#include "tst_sensitivity.moc"
