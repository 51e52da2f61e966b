// Contract options by least-squares Monte Carlo (docs/model.md 17; issue 23): an extension valued against
// the one-dimensional Gaussian integral its optimal rule gives when only the GPU price moves; the bounds
// every valuation keeps (worth at least nothing and at least its intrinsic value, worthless when out of
// reach, the contract with the extension built in when always exercised, the deterministic saving when
// nothing moves); the same value on any thread count, and the same savings when a run is split; the
// rule fitted on its own paths; each option kind's items; bad options name their field.
#include "TestPortfolios.h"
#include "calendar/DiscountCurve.h"
#include "options/OptionValuation.h"
#include "options/OptionVariants.h"
#include "portfolio/Defaults.h"
#include "portfolio/OptionTerms.h"
#include "portfolio/Validation.h"

#include <QTest>

#include <cmath>

using namespace ledger;
using namespace ledger::testing;

namespace {

constexpr std::uint64_t kSeed = 20261203;
constexpr double kTrend = -0.10, kReversion = 1.0, kVolatility = 0.35, kTax = 0.21, kRate = 0.08;
constexpr double kUtilization = 0.8, kGpus = 100.0;

// A 2027-2028 take-or-pay contract (80%) on 100 H100s at 2.40 whose holder may, on 1 July 2028,
// extend it through 2029 at `price`; only the GPU price moves (no jump, no default, no utilization
// or power noise). The H100's market price is 2.00 (testCatalog).
Portfolio extensionCase(double price) {
    Portfolio p = basePortfolio(day(2027, 1, 1), kRate, kTax);
    p.utilization = {{day(2027, 1, 1), kUtilization}};
    Contract c = simpleContract(day(2027, 1, 1), day(2028, 12, 31), kGpus, 2.4);
    c.takeOrPay = 0.8;
    ContractOption o;
    o.id = std::string("extend");
    o.exerciseDate = day(2028, 7, 1);
    o.newEnd = day(2029, 12, 31);
    o.pricePerGpuHour = price;
    c.options = {o};
    p.contracts = {c};
    p.market.gpuPrice = {kTrend, kReversion, kVolatility, std::nullopt};
    p.market.powerPrice.volatility = 0.0;
    requireValid(p);
    return p;
}

OptionValuationSettings settings(std::int64_t paths, int threads = 0) {
    OptionValuationSettings s;
    s.simulation = cpuOptions(paths, kSeed, threads);
    return s;
}

OptionResult valueOne(const Portfolio& p, const OptionValuationSettings& s) {
    const auto all = valueOptions(p, testCatalog(), s);
    if (all.size() != 1)
        qFatal("expected one option, got %d", int(all.size()));
    return all[0];
}

// The semi-analytic value (docs/model.md 17, "A check"): the extension's hours cost A after tax when
// exercised, whatever the path; without it the used hours are bought at market, whose expected cost
// given X at the exercise date is W(z) = sum_k c_k exp(m_k + z b_k + v_k / 2), z = X_T - m_T. The
// optimal holder exercises when W(z) > A, so the value is E[max(0, W(Z) - A)], Z ~ N(0, s_T^2): a
// one-dimensional integral, here by the trapezoid rule on +-12 standard deviations.
double quadratureValue(double price) {
    const Date t0 = day(2027, 1, 1);
    const DiscountCurve curve(t0, kRate);
    const int kT = 18; // July 2028
    const double dt = 1.0 / 12.0, tT = kT * dt;
    auto variance = [](double years) {
        return kVolatility * kVolatility * (1.0 - std::exp(-2.0 * kReversion * years)) / (2.0 * kReversion);
    };
    double exercisedCost = 0.0;
    std::vector<double> c, m, b, v;
    for (int k = 24; k < 36; ++k) { // 2029, month by month
        const Date start = addMonths(t0, k), end = addMonths(t0, k + 1);
        const double hours = 24.0 * kGpus * double((end - start).days());
        const double df = curve.factor(end);
        exercisedCost += (1.0 - kTax) * hours * price * std::max(0.8, kUtilization) * df;
        c.push_back((1.0 - kTax) * hours * kUtilization * 2.0 * df);
        m.push_back(kTrend * k * dt);
        b.push_back(std::exp(-kReversion * (k * dt - tT)));
        v.push_back(variance(k * dt - tT));
    }
    const double sT = std::sqrt(variance(tT));
    constexpr int kSteps = 24000;
    const double lo = -12.0 * sT, h = 24.0 * sT / kSteps;
    double integral = 0.0;
    for (int i = 0; i <= kSteps; ++i) {
        const double z = lo + i * h;
        double w = 0.0;
        for (std::size_t j = 0; j < c.size(); ++j)
            w += c[j] * std::exp(m[j] + z * b[j] + 0.5 * v[j]);
        const double density = std::exp(-0.5 * z * z / (sT * sT)) / (sT * std::sqrt(2.0 * M_PI));
        integral += (i == 0 || i == kSteps ? 0.5 : 1.0) * std::max(0.0, w - exercisedCost) * density * h;
    }
    return integral;
}

} // namespace

class TestOptions : public QObject {
    Q_OBJECT
private slots:
    // The check the issue asks for: LSMC within 3 standard errors and within 1% of the integral.
    void extensionMatchesTheGaussianIntegral() {
        const double price = 1.5;
        const double exact = quadratureValue(price);
        const OptionResult r = valueOne(extensionCase(price), settings(400000));
        qInfo("LSMC %.2f +- %.2f, integral %.2f, exercised on %.1f%% of paths", r.value, r.valueStderr, exact,
              100.0 * r.exerciseProbability);
        QVERIFY2(exact > 5e4, qPrintable(QString::number(exact))); // a value worth checking
        QVERIFY2(
            std::abs(r.value - exact) <= 3.0 * r.valueStderr,
            qPrintable(QString("LSMC %1 +- %2, integral %3").arg(r.value).arg(r.valueStderr).arg(exact)));
        QVERIFY2(std::abs(r.value - exact) <= 0.01 * exact,
                 qPrintable(QString("LSMC %1, integral %2").arg(r.value).arg(exact)));
        // Only the index moves: the rule is a polynomial in e^X alone, and it turns once, exercising
        // where the market would be dearer (above the boundary).
        QCOMPARE(int(r.rule.basis.size()), 4);
        QCOMPARE(r.boundarySide, BoundarySide::Above);
        QVERIFY(r.boundaryIndex && r.boundaryPrice);
        QVERIFY(near(*r.boundaryPrice, *r.boundaryIndex * 2.0));
        QVERIFY(r.exerciseProbability > 0.05 && r.exerciseProbability < 0.95);
        QCOMPARE(r.paths, std::int64_t(400000));
        QCOMPARE(r.regressionPaths, std::int64_t(400000));
    }

    // 0 <= value, value >= intrinsic - 3 SE, time value = value - intrinsic.
    void valueIsAtLeastItsIntrinsicValue() {
        for (double price : {1.3, 1.6, 1.9}) {
            const OptionResult r = valueOne(extensionCase(price), settings(40000));
            QVERIFY2(r.value >= -3.0 * r.valueStderr, qPrintable(QString::number(r.value)));
            QVERIFY2(r.value >= r.intrinsicValue - 3.0 * r.valueStderr,
                     qPrintable(QString("%1 < %2").arg(r.value).arg(r.intrinsicValue)));
            QCOMPARE(r.timeValue, r.value - r.intrinsicValue);
            // Intrinsic: decided once on the deterministic path, then the mean saving of that decision.
            QCOMPARE(r.exercisedOnDeterministicPath, r.deterministicExercised < r.deterministicWithout);
            if (!r.exercisedOnDeterministicPath)
                QCOMPARE(r.intrinsicValue, 0.0);
        }
    }

    // Far above any market path: never exercised, worth exactly nothing.
    void anOptionOutOfReachIsWorthNothing() {
        const OptionResult r = valueOne(extensionCase(500.0), settings(20000));
        QCOMPARE(r.value, 0.0);
        QCOMPARE(r.exerciseProbability, 0.0);
        QCOMPARE(r.intrinsicValue, 0.0);
        QCOMPARE(r.boundarySide, BoundarySide::Never);
        QCOMPARE(r.npvWithOption.mean, r.npvWithout.mean);
    }

    // Nearly free: exercised on every path, and then the alternative is the contract with the extension
    // built in, path by path (the same run of a portfolio holding both).
    void anOptionAlwaysExercisedIsTheContractWithTheExtension() {
        const Portfolio p = extensionCase(0.01);
        const OptionResult r = valueOne(p, settings(20000));
        QCOMPARE(r.exerciseProbability, 1.0);
        QCOMPARE(r.boundarySide, BoundarySide::Always);
        Portfolio built = p;
        built.contracts[0].options.clear();
        Contract extension = simpleContract(day(2029, 1, 1), day(2029, 12, 31), kGpus, 0.01);
        extension.id = std::string("ext");
        extension.takeOrPay = 0.8;
        built.contracts.push_back(extension);
        built.alternatives = std::vector<Alternative>{{"rent", "Rent", {"c", "ext"}}};
        requireValid(built);
        const SimulationResult s = simulatePortfolio(built, testCatalog(), cpuOptions(20000, kSeed));
        QVERIFY2(near(r.npvWithOption.mean, s.alternatives[0].npvCost.mean, 1e-12),
                 qPrintable(QString("%1 vs %2")
                                .arg(r.npvWithOption.mean, 0, 'g', 17)
                                .arg(s.alternatives[0].npvCost.mean, 0, 'g', 17)));
        QVERIFY(near(r.npvWithOption.p95, s.alternatives[0].npvCost.p95, 1e-12));
        QVERIFY(near(r.value, r.npvWithout.mean - s.alternatives[0].npvCost.mean, 1e-9));
    }

    // Nothing moves: every path is the deterministic run, so each kind's value is its deterministic
    // saving when positive, else 0, and it is exercised on all paths or none.
    void withoutUncertaintyEachKindIsWorthItsDeterministicSaving() {
        Portfolio p = extensionCase(1.2);
        p.market.gpuPrice.volatility = 0.0;
        Contract& c = p.contracts[0];
        ContractOption expand;
        expand.id = std::string("expand");
        expand.kind = OptionKind::Expand;
        expand.exerciseDate = day(2027, 6, 1);
        expand.start = day(2027, 9, 1);
        expand.leadTimeDays = 60;
        expand.gpus = 50.0;
        expand.priceFactor = 0.5;
        ContractOption exit;
        exit.id = std::string("exit");
        exit.kind = OptionKind::Terminate;
        exit.exerciseDate = day(2028, 3, 31);
        exit.fee = 10000.0;
        c.options.push_back(expand);
        c.options.push_back(exit);
        requireValid(p);
        const auto all = valueOptions(p, testCatalog(), settings(2000));
        QCOMPARE(int(all.size()), 3);
        for (const auto& r : all) {
            const double saving = r.deterministicWithout - r.deterministicExercised;
            QVERIFY2(near(r.value, std::max(0.0, saving), 1e-9),
                     qPrintable(QString("%1: %2 vs %3")
                                    .arg(QString::fromStdString(r.option.optionId))
                                    .arg(r.value)
                                    .arg(saving)));
            QCOMPARE(r.exerciseProbability, saving > 0.0 ? 1.0 : 0.0);
            QVERIFY(near(r.intrinsicValue, r.value, 1e-9));
        }
        // The termination by hand: from 1 April 2028 the contract's bills (80% of 100 GPUs at 2.40,
        // paid at the month's end) are replaced by the used 80% bought at the market's 2.00 x e^(m_k),
        // and the fee is paid after tax on 31 March.
        const DiscountCurve curve(p.valuationDate, kRate);
        double saving = -(1.0 - kTax) * 10000.0 * curve.factor(day(2028, 3, 31));
        for (int k = 15; k < 24; ++k) {
            const Date start = addMonths(p.valuationDate, k), end = addMonths(p.valuationDate, k + 1);
            const double hours = 24.0 * kGpus * double((end - start).days());
            const double market = 2.0 * std::exp(kTrend * k / 12.0);
            saving += (1.0 - kTax) * hours * 0.8 * (2.4 - market) * curve.factor(end);
        }
        const OptionResult& exitResult = all[2];
        QCOMPARE(exitResult.option.optionId, std::string("exit"));
        QVERIFY2(near(exitResult.deterministicWithout - exitResult.deterministicExercised, saving, 1e-9),
                 qPrintable(
                     QString("%1 vs %2")
                         .arg(exitResult.deterministicWithout - exitResult.deterministicExercised, 0, 'f', 4)
                         .arg(saving, 0, 'f', 4)));
    }

    // Any thread count, the same bits; the rule applied to two halves of the paths gives the savings
    // of the whole run (a run split across machines applies one rule).
    void threadsAndShardsAgree() {
        const Portfolio p = extensionCase(1.6);
        const OptionResult one = valueOne(p, settings(8192, 1));
        const OptionResult two = valueOne(p, settings(8192, 2));
        QCOMPARE(one.value, two.value);
        QCOMPARE(one.valueStderr, two.valueStderr);
        QCOMPARE(one.rule.coefficients, two.rule.coefficients);
        QCOMPARE(one.npvWithOption.p50, two.npvWithOption.p50);

        const OptionVariants v = buildOptionVariants(p, testCatalog());
        SimulationOptions whole = cpuOptions(8192, kSeed, 2);
        std::int64_t exercised = 0;
        const auto all = optionSavings(v, testCatalog(), 0, one.rule, whole, &exercised);
        QCOMPARE(double(exercised) / 8192.0, one.exerciseProbability);
        SimulationOptions first = whole, second = whole;
        first.paths = 4096;
        second.paths = 4096;
        second.firstPath = 4096;
        auto joined = optionSavings(v, testCatalog(), 0, one.rule, first, nullptr);
        const auto rest = optionSavings(v, testCatalog(), 0, one.rule, second, nullptr);
        joined.insert(joined.end(), rest.begin(), rest.end());
        QCOMPARE(joined, all);
        double sum = 0.0;
        for (double x : all)
            sum += x;
        QVERIFY(near(sum / 8192.0, one.value, 1e-12));
    }

    // The rule is fitted on its own paths: a fit on the main paths themselves (foresight) is not what is
    // reported, and the regression paths start at 2^62.
    void theRuleHasItsOwnPaths() {
        const Portfolio p = extensionCase(1.6);
        OptionValuationSettings s = settings(4096);
        const OptionResult a = valueOne(p, s);
        s.regressionPaths = 8192;
        const OptionResult b = valueOne(p, s);
        QCOMPARE(b.regressionPaths, std::int64_t(8192));
        QVERIFY(a.rule.coefficients != b.rule.coefficients); // other paths, another fit
        // The main paths are the same: without the option, the same NPVs to the bit.
        QCOMPARE(a.npvWithout.mean, b.npvWithout.mean);
        QCOMPARE(kRegressionFirstPath, std::int64_t(1) << 62);
    }

    // What each kind adds to the portfolio: the items and alternatives of docs/model.md 17.
    void variantsOfEachKind() {
        Portfolio p = extensionCase(1.6);
        p.contracts[0].escalator = 0.05;
        ContractOption exit;
        exit.id = std::string("exit");
        exit.kind = OptionKind::Terminate;
        exit.exerciseDate = day(2028, 3, 31);
        exit.fee = 10000.0;
        p.contracts[0].options.push_back(exit);
        requireValid(p);
        const OptionVariants v = buildOptionVariants(p, testCatalog());
        QCOMPARE(int(v.cases.size()), 2);
        const auto& d = v.portfolio;
        // The extension: its tranche at the price, and the same hours at market.
        const Contract& ext = d.contracts[1];
        QCOMPARE(ext.start, day(2029, 1, 1));
        QCOMPARE(ext.end, day(2029, 12, 31));
        QCOMPARE(*ext.pricePerGpuHour, 1.6);
        QCOMPARE(ext.escalator, 0.0);
        QVERIFY(!ext.marketIndexed);
        const Contract& market = d.contracts[2];
        QVERIFY(market.marketIndexed);
        QCOMPARE(*market.pricePerGpuHour, 2.0);
        QCOMPARE(market.takeOrPay, 0.0);
        QCOMPARE(market.providerDefaultHazard, 0.0);
        // The termination: the contract to the exercise date at its own price, then the rest at market.
        const Contract& cut = d.contracts[3];
        QCOMPARE(cut.end, day(2028, 3, 31));
        QCOMPARE(*cut.pricePerGpuHour, 2.4);
        const Contract& rest = d.contracts[4];
        QCOMPARE(rest.start, day(2028, 4, 1));
        QCOMPARE(rest.end, day(2028, 12, 31));
        QVERIFY(rest.marketIndexed);
        QVERIFY(near(v.cases[1].feeCost, (1.0 - kTax) * 10000.0 *
                                             DiscountCurve(p.valuationDate, kRate).factor(day(2028, 3, 31))));
        // The price on a day follows the escalator by contract years (MODEL.md 3.1).
        QVERIFY(near(contractPriceOn(p.contracts[0], day(2028, 12, 31)), 2.4 * 1.05));
        QVERIFY(near(contractPriceOn(p.contracts[0], day(2027, 12, 31)), 2.4));
        // The horizon reaches the option's end (MODEL.md 1: the latest end of any item or option).
        QCOMPARE(horizonEnd(p), day(2029, 12, 31));
    }

    // With a demand the option's hours are met as the shortfall at spot: nothing is added without it.
    void withADemandTheShortfallMeetsTheHours() {
        Portfolio p = extensionCase(1.6);
        p.demand = Demand{"H100", {{day(2027, 1, 1), 100.0}}};
        requireValid(p);
        const OptionVariants v = buildOptionVariants(p, testCatalog());
        QCOMPARE(int(v.portfolio.contracts.size()), 2); // the extension only
        QCOMPARE(v.cases[0].without, v.cases[0].asWritten);
        const OptionResult r = valueOne(p, settings(20000));
        QVERIFY(r.value >= -3.0 * r.valueStderr);
        QVERIFY(r.exerciseProbability > 0.0);
    }

    // An editor changing an option's type (portfolio/OptionTerms): what the new kind does not take goes,
    // what it needs starts, the rest stays; the result validates, and back again gives the kind's terms.
    void anOptionMadeAnotherKindKeepsOnlyItsTerms() {
        const Portfolio p = extensionCase(1.6);
        const Contract& c = p.contracts[0]; // 2027-01-01 .. 2028-12-31, 100 GPUs
        ContractOption o = c.options[0];
        o.gpus = 80.0;
        o.notes = "from the term sheet";
        // Which kinds take which terms: the table's takenBy, as docs/file-format.md's "for" column says.
        QVERIFY(optionTakes("new_end", OptionKind::Extend));
        QVERIFY(!optionTakes("new_end", OptionKind::Expand));
        QVERIFY(optionTakes("gpus", OptionKind::Expand));
        QVERIFY(!optionTakes("gpus", OptionKind::Terminate));
        QVERIFY(optionTakes("fee", OptionKind::Terminate));
        QVERIFY(!optionTakes("fee", OptionKind::Extend));
        QVERIFY(optionTakes("exercise_date", OptionKind::Terminate));
        QVERIFY(optionTakes("notes", OptionKind::Expand));
        QVERIFY(!optionTakes("strike", OptionKind::Extend));

        const ReshapedOption exit = reshapeOption(o, OptionKind::Terminate, c);
        QVERIFY(exit.option.kind == OptionKind::Terminate);
        QCOMPARE(exit.cleared, (std::vector<std::string>{"new_end", "gpus", "price_per_gpu_hour"}));
        QCOMPARE(exit.filled, std::vector<std::string>{"fee"});
        QCOMPARE(exit.option.fee, std::optional<double>(0.0));
        QVERIFY(!exit.option.newEnd && !exit.option.gpus && !exit.option.pricePerGpuHour);
        QCOMPARE(exit.option.id, std::string("extend"));
        QCOMPARE(exit.option.exerciseDate, day(2028, 7, 1));
        QCOMPARE(exit.option.notes, std::string("from the term sheet"));

        const ReshapedOption more = reshapeOption(o, OptionKind::Expand, c);
        QCOMPARE(more.cleared, std::vector<std::string>{"new_end"});
        QCOMPARE(more.filled, std::vector<std::string>{"start"});
        QCOMPARE(more.option.start, std::optional<Date>(day(2028, 7, 1))); // the exercise date, no lead time
        QCOMPARE(more.option.gpus, std::optional<double>(80.0));           // both kinds take it: kept
        QCOMPARE(more.option.pricePerGpuHour, std::optional<double>(1.6));

        // From a termination back to an extension: a new end a year after the contract's, the last
        // tranche's GPUs (left empty, the default), and a price factor of 1.
        const ReshapedOption back = reshapeOption(exit.option, OptionKind::Extend, c);
        QCOMPARE(back.cleared, std::vector<std::string>{"fee"});
        QCOMPARE(back.filled, (std::vector<std::string>{"new_end", "price_factor"}));
        QCOMPARE(back.option.newEnd, std::optional<Date>(day(2029, 12, 31)));
        QCOMPARE(back.option.priceFactor, std::optional<double>(1.0));
        QVERIFY(!back.option.gpus);
        for (const ContractOption& made : {exit.option, more.option, back.option}) {
            Portfolio q = p;
            q.contracts[0].options = {made};
            requireValid(q);
        }

        // A new option: exercised half a year before the contract's end, its id its kind and year,
        // free among the portfolio's options.
        const ContractOption fresh = starterOption(p, c, OptionKind::Extend);
        QCOMPARE(fresh.id, std::string("extend-2028"));
        QCOMPARE(fresh.exerciseDate, day(2028, 6, 30));
        QCOMPARE(fresh.newEnd, std::optional<Date>(day(2029, 12, 31)));
        QCOMPARE(fresh.priceFactor, std::optional<double>(1.0));
        Portfolio q = p;
        q.contracts[0].options.push_back(fresh);
        requireValid(q);
        QCOMPARE(starterOption(q, c, OptionKind::Extend).id, std::string("extend-2028-2"));
    }

    void badOptionsNameTheField() {
        struct Case {
            const char* what;
            void (*edit)(ContractOption&);
            const char* path;
            const char* words;
        };
        const Case cases[] = {
            {"exercise outside the term", [](ContractOption& o) { o.exerciseDate = day(2029, 3, 1); },
             "contracts[0].options[0].exercise_date", "outside the contract term"},
            {"exercise before t0", [](ContractOption& o) { o.exerciseDate = day(2026, 12, 1); },
             "contracts[0].options[0].exercise_date", "outside the contract term"},
            {"new end before the end", [](ContractOption& o) { o.newEnd = day(2028, 6, 30); },
             "contracts[0].options[0].new_end", "is not after the contract's end 2028-12-31"},
            {"no new end", [](ContractOption& o) { o.newEnd.reset(); }, "contracts[0].options[0].new_end",
             "missing"},
            {"both prices", [](ContractOption& o) { o.priceFactor = 0.9; },
             "contracts[0].options[0].price_factor", "not both"},
            {"a fee on an extension", [](ContractOption& o) { o.fee = 5.0; }, "contracts[0].options[0].fee",
             "is not a term of an extend option"},
            {"a negative fee",
             [](ContractOption& o) {
                 o.kind = OptionKind::Terminate;
                 o.newEnd.reset();
                 o.pricePerGpuHour.reset();
                 o.fee = -1.0;
             },
             "contracts[0].options[0].fee", "-1 is below 0"},
            {"terminate without a fee",
             [](ContractOption& o) {
                 o.kind = OptionKind::Terminate;
                 o.newEnd.reset();
                 o.pricePerGpuHour.reset();
             },
             "contracts[0].options[0].fee", "missing"},
            {"expand too soon",
             [](ContractOption& o) {
                 o.kind = OptionKind::Expand;
                 o.newEnd.reset();
                 o.gpus = 10.0;
                 o.start = day(2028, 7, 15);
                 o.leadTimeDays = 30;
             },
             "contracts[0].options[0].start", "before the exercise date plus the lead time, 2028-07-31"},
        };
        for (const Case& c : cases) {
            Portfolio p = extensionCase(1.6);
            c.edit(p.contracts[0].options[0]);
            const auto error = validatePortfolio(p, testCatalog());
            QVERIFY2(error, c.what);
            QVERIFY2(error->path == c.path,
                     qPrintable(QString("%1: %2").arg(c.what, QString::fromStdString(error->toString()))));
            QVERIFY2(error->message.find(c.words) != std::string::npos,
                     qPrintable(QString("%1: %2").arg(c.what, QString::fromStdString(error->toString()))));
        }
        // Two options of one id.
        Portfolio p = extensionCase(1.6);
        p.contracts[0].options.push_back(p.contracts[0].options[0]);
        const auto error = validatePortfolio(p, testCatalog());
        QVERIFY(error);
        QCOMPARE(error->path, std::string("contracts[0].options[1].id"));
    }
};

QTEST_APPLESS_MAIN(TestOptions)
#include "tst_options.moc"
