// A contract's default_date (a stress, docs/model.md 12.7) in the files: JSON and .cledger keep it
// (and leave it out when it is not given), and the "Provider default" stress template
// (data/StressTemplates.h) made into a scenario and applied evaluates as a portfolio holding the
// dates itself.
#include "data/CledgerDocument.h"
#include "data/PortfolioJson.h"
#include "data/Scenarios.h"
#include "data/SkuCatalogJson.h"
#include "data/StressTemplates.h"
#include "engine/DeterministicEngine.h"
#include "montecarlo/MonteCarloEngine.h"
#include "resources/BundledResources.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ledger;
using namespace ledger::data;

namespace {

Portfolio example() {
    const auto load = loadPortfolioJsonFile(resources::examplePortfolioPath(), bundledSkuCatalog());
    if (!load.ok())
        qFatal("%s", qPrintable(load.error));
    return *load.portfolio;
}

// The example with a second provider: cw-2026 is Lambda's.
Portfolio twoProviders() {
    Portfolio p = example();
    p.contracts[1].provider = std::string("Lambda");
    return p;
}

SimulationOptions smallRun() {
    SimulationOptions o;
    o.paths = 2000;
    o.seed = 17;
    o.device = ComputeDevice::Cpu;
    o.threads = 1;
    return o;
}

} // namespace

class ProviderDefaultFilesTest : public QObject {
    Q_OBJECT
private slots:
    void theDateRoundTripsInJson() {
        Portfolio p = example();
        QVERIFY(!writePortfolioJson(p).contains("default_date")); // not given: not written
        p.contracts[1].defaultDate = Date(2029, 3, 15);
        const QByteArray json = writePortfolioJson(p);
        QVERIFY(json.contains("\"default_date\": \"2029-03-15\""));
        const auto back = readPortfolioJson(json, "p.json", bundledSkuCatalog());
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(back.portfolio->contracts[1].defaultDate, std::optional<Date>(Date(2029, 3, 15)));
        QVERIFY(!back.portfolio->contracts[0].defaultDate);
        QCOMPARE(writePortfolioJson(*back.portfolio), json);
        // A date outside the horizon is refused with the field named.
        p.contracts[1].defaultDate = Date(2033, 1, 1);
        const auto late = readPortfolioJson(writePortfolioJson(p), "late.json", bundledSkuCatalog());
        QCOMPARE(late.error,
                 QString("late.json: contracts[1].default_date: 2033-01-01 is after the horizon end "
                         "2032-12-20"));
    }

    void theDateRoundTripsInTheDocument() {
        QTemporaryDir dir;
        const QString file = dir.filePath("default.cledger");
        Portfolio p = example();
        p.contracts[0].defaultDate = Date(2027, 1, 1); // the valuation date: the first period
        QString error;
        QVERIFY2(savePortfolioFile(p, file, &error), qPrintable(error));
        const auto back = loadPortfolioFile(file, bundledSkuCatalog());
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(back.portfolio->contracts[0].defaultDate, std::optional<Date>(Date(2027, 1, 1)));
        QVERIFY(!back.portfolio->contracts[1].defaultDate);
        QCOMPARE(writePortfolioJson(*back.portfolio), writePortfolioJson(p));
    }

    // The template's scenario sets default_date on every contract of the provider, and applied to the
    // base case it is the portfolio holding those dates: the same file, the same numbers.
    void theScenarioIsThePortfolioWithTheDates() {
        const Portfolio p = twoProviders();
        QString error;
        const auto s = providerDefaultScenario(p, "CoreWeave", Date(2028, 6, 30), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->name, std::string("CoreWeave defaults on 2028-06-30"));
        QCOMPARE(s->overrides.size(), std::size_t(1));
        QCOMPARE(s->overrides[0].path, std::string("/contracts/id=cw-2025/default_date"));
        QCOMPARE(s->overrides[0].valueJson, std::string("\"2028-06-30\""));
        const auto applied = withScenario(p, *s, bundledSkuCatalog(), &error);
        QVERIFY2(applied, qPrintable(error));

        Portfolio direct = p;
        direct.contracts[0].defaultDate = Date(2028, 6, 30);
        QCOMPARE(writePortfolioJson(*applied), writePortfolioJson(direct));
        const EvaluationResult a = evaluatePortfolio(*applied, bundledSkuCatalog(), EvaluateOptions{false});
        const EvaluationResult d = evaluatePortfolio(direct, bundledSkuCatalog(), EvaluateOptions{false});
        const EvaluationResult base = evaluatePortfolio(p, bundledSkuCatalog(), EvaluateOptions{false});
        QCOMPARE(a.alternatives.size(), d.alternatives.size());
        for (std::size_t i = 0; i < a.alternatives.size(); ++i) {
            QCOMPARE(a.alternatives[i].npvCost, d.alternatives[i].npvCost);
            QCOMPARE(a.alternatives[i].totalCash, d.alternatives[i].totalCash);
        }
        for (std::size_t i = 0; i < a.items.size(); ++i)
            QCOMPARE(a.items[i].npvCost, d.items[i].npvCost);
        // CoreWeave's contract moved, Lambda's did not.
        QVERIFY(a.item("cw-2025")->npvCost != base.item("cw-2025")->npvCost);
        QCOMPARE(a.item("cw-2026")->npvCost, base.item("cw-2026")->npvCost);

        const SimulationResult sa = simulatePortfolio(*applied, bundledSkuCatalog(), smallRun());
        const SimulationResult sd = simulatePortfolio(direct, bundledSkuCatalog(), smallRun());
        QCOMPARE(sa.defaults[0].provider, std::string("CoreWeave"));
        QCOMPARE(sa.defaults[0].fraction, 1.0);
        QCOMPARE(sa.defaults[1].fraction, sd.defaults[1].fraction);
        QVERIFY(sa.defaults[1].fraction < 1.0);
        for (std::size_t i = 0; i < sa.alternatives.size(); ++i) {
            QCOMPARE(sa.alternatives[i].npvCost.mean, sd.alternatives[i].npvCost.mean);
            QCOMPARE(sa.alternatives[i].npvCost.p95, sd.alternatives[i].npvCost.p95);
        }

        // Every contract of the provider: both of the example's are CoreWeave's.
        const auto both = providerDefaultScenario(example(), "CoreWeave", Date(2030, 1, 1), &error);
        QVERIFY2(both, qPrintable(error));
        QCOMPARE(both->overrides.size(), std::size_t(2));
        QCOMPARE(both->overrides[1].path, std::string("/contracts/id=cw-2026/default_date"));
        const auto bothApplied = withScenario(example(), *both, bundledSkuCatalog(), &error);
        QVERIFY2(bothApplied, qPrintable(error));
        for (const Contract& c : bothApplied->contracts)
            QCOMPARE(c.defaultDate, std::optional<Date>(Date(2030, 1, 1)));
    }

    void theTemplateNeedsAProviderAndADate() {
        const auto& templates = stressTemplates();
        const auto t = std::find_if(templates.begin(), templates.end(), [](const StressTemplate& x) {
            return x.kind == StressKind::ProviderDefault;
        });
        QVERIFY(t != templates.end());
        QCOMPARE(QString(t->name), QString("Provider default"));
        QString error;
        QVERIFY(!stressScenario(example(), StressKind::ProviderDefault, bundledSkuCatalog(), &error));
        QCOMPARE(
            error,
            QString("Provider default: needs a provider and a date (which provider defaults, and when)"));
        QVERIFY(!providerDefaultScenario(twoProviders(), "Nebius", Date(2028, 1, 1), &error));
        QCOMPARE(
            error,
            QString("Provider default: no contract has provider \"Nebius\" (the providers: \"CoreWeave\", "
                    "\"Lambda\")"));
        QVERIFY(!providerDefaultScenario(example(), "CoreWeave", Date(2026, 12, 31), &error));
        QCOMPARE(error, QString("Provider default: 2026-12-31 is outside valuation_date 2027-01-01 .. the "
                                "horizon end 2032-12-20"));
        Portfolio none = example();
        none.contracts.clear();
        none.alternatives.reset();
        QVERIFY(!providerDefaultScenario(none, "CoreWeave", Date(2028, 1, 1), &error));
        QCOMPARE(error,
                 QString("Provider default: the portfolio has no contract: there is no provider to default"));
    }
};

QTEST_APPLESS_MAIN(ProviderDefaultFilesTest)
#include "tst_provider_default.moc"
