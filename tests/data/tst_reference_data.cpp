// The bundled reference data: every GPU figure sourced and dated, the deal library complete and
// consistent, a library deal added to a portfolio as a contract that evaluates, and every point of
// the H100 price series linked to its source.
#include "analytics/DealContract.h"
#include "data/PortfolioJson.h"
#include "data/PriceSeries.h"
#include "data/ReferenceData.h"
#include "data/SkuCatalogJson.h"
#include "engine/DeterministicEngine.h"
#include "portfolio/Validation.h"
#include "resources/BundledResources.h"

#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace ledger;
using namespace ledger::data;

namespace {

// Hosts the reference data must not cite: forums, sites that repost or summarize other outlets'
// reporting, and machine-written wikis. A figure cites the filing, the vendor or the outlet that
// reported it instead.
const QStringList kDeniedHosts = {"reddit.com",
                                  "windowsforum.com",
                                  "news.ycombinator.com",
                                  "thedailyscout.com",
                                  "anyfans.com",
                                  "particle.news",
                                  "hubkub.com",
                                  "up2info.com",
                                  "longbridge.com",
                                  "longbridge.cn",
                                  "trendinginfo.blog",
                                  "pages.dev",
                                  "contracts.justia.com",
                                  "nai500.com",
                                  "softwareherald.com",
                                  "globaldatacenterhub.com",
                                  "aiwiki.ai",
                                  "grokipedia.com",
                                  "hyper.ai",
                                  "jaredwatkins.com"};

// Names of the project's own notes, which mean nothing to a user reading a source or a note.
const QStringList kInternalNames = {"domain_facts",
                                    "mission_anchors",
                                    "market_accounting_options",
                                    "perf_reliability_anchors",
                                    "aesthetics_anchors",
                                    "MODEL.md",
                                    "research/",
                                    "seeds/",
                                    ".md"};

const QRegularExpression kUrl(QStringLiteral("https?://[^\\s)]+"));

// What is wrong with one user-visible text (a source, a note, a title), or empty.
QString textProblem(const QString& text) {
    for (auto it = kUrl.globalMatch(text); it.hasNext();) {
        const QString host = QUrl(it.next().captured(0)).host().toLower();
        if (host.isEmpty())
            return "an unreadable link in: " + text;
        for (const QString& denied : kDeniedHosts)
            if (host == denied || host.endsWith("." + denied))
                return "cites " + host + " (a forum, aggregator or machine-written page): " + text;
    }
    QString prose = text;
    prose.remove(kUrl);
    for (const QString& name : kInternalNames)
        if (prose.contains(name, Qt::CaseInsensitive))
            return "names an internal file (" + name + "): " + text;
    return {};
}

} // namespace

class ReferenceDataTest : public QObject {
    Q_OBJECT
private slots:
    void catalogHasEverySkuWithSources() {
        const auto entries = bundledGpuCatalog();
        QStringList ids;
        for (const auto& e : entries) {
            ids << QString::fromStdString(e.sku.id);
            QVERIFY(e.memoryGb > 0);
            QCOMPARE(int(e.sources.size()), 5);
            for (const auto& [figure, source] : e.sources) {
                QVERIFY2(!source.source.empty(), figure.c_str());
                QVERIFY2(source.date.size() == 7 || source.date.size() == 10, source.date.c_str());
            }
        }
        for (const char* required :
             {"H100", "H200", "B200", "GB200", "GB300", "MI300X", "MI325X", "MI355X", "MI450"})
            QVERIFY2(ids.contains(required), required);
        const auto h100 =
            std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.sku.id == "H100"; });
        QCOMPARE(h100->memoryGb, 80.0);
        QCOMPARE(h100->sku.perfIndex, 1.0);
        QVERIFY(h100->sources.at("capex_per_gpu").estimate); // no list prices are published
    }

    void catalogProblemsAreNamed() {
        QString error;
        const QByteArray missing = R"({"format": "computeledger-sku-catalog", "version": 1, "skus": [
            {"id": "X", "name": "X", "perf_index": 1, "market_price_per_gpu_hour": 1, "capex_per_gpu": 1,
             "it_kw_per_gpu": 1, "memory_gb": 80, "sources": {"perf_index": {"source": "s", "date": "2026-01", "estimate": true}}}]})";
        QVERIFY(readGpuCatalogJson(missing, "cat.json", &error).empty());
        QCOMPARE(error,
                 QString("cat.json: skus[0].sources.market_price_per_gpu_hour: missing: every figure needs a "
                         "source and a date"));
    }

    void dealLibraryIsCompleteAndConsistent() {
        const auto deals = bundledDealLibrary();
        QVERIFY(deals.size() >= 10);
        const auto find = [&](const char* id) {
            const auto it =
                std::find_if(deals.begin(), deals.end(), [&](const Deal& d) { return d.id == id; });
            if (it == deals.end())
                qFatal("deal %s missing", id);
            return *it;
        };
        const Deal meta = find("meta-coreweave-2025");
        QCOMPARE(meta.totalContractValue, 14.2e9);
        QCOMPARE(meta.end, Date(2031, 12, 14));
        QCOMPARE(meta.sku, std::string("GB300"));
        QVERIFY(std::find(meta.facts.begin(), meta.facts.end(), "total_contract_value") != meta.facts.end());
        QVERIFY(std::find(meta.assumptions.begin(), meta.assumptions.end(), "tranches") !=
                meta.assumptions.end());
        for (const auto& d : deals) {
            QVERIFY2(!d.sources.empty() && d.sources.front().rfind("http", 0) == 0, d.id.c_str());
            QVERIFY2(d.end >= d.start, d.id.c_str());
        }
    }

    void sourcesArePublicAndCitable() {
        // The check itself: a bad link coming back is caught.
        QVERIFY(!textProblem("https://www.reddit.com/r/hardware/comments/x").isEmpty());
        QVERIFY(!textProblem("NVIDIA claim via https://aiwiki.ai/wiki/nvidia_h200/raw").isEmpty());
        QVERIFY(!textProblem("From domain_facts.md, section B1").isEmpty());
        QVERIFY(!textProblem("See research/notes").isEmpty());
        QVERIFY(textProblem("CoreWeave 8-K https://www.sec.gov/Archives/edgar/data/1769628/x.htm").isEmpty());

        for (const Deal& d : bundledDealLibrary()) {
            QVERIFY2(!d.sources.empty(), d.id.c_str());
            for (const auto& source : d.sources) {
                const QString s = QString::fromStdString(source);
                // Each deal source is one link, to the filing, release or article itself.
                QVERIFY2(s.startsWith("https://") && !s.contains(' '), qPrintable(s));
                const QString problem = textProblem(s);
                QVERIFY2(problem.isEmpty(), qPrintable(QString::fromStdString(d.id) + ": " + problem));
            }
            for (const auto& text : {d.title, d.delivered, d.notes}) {
                const QString problem = textProblem(QString::fromStdString(text));
                QVERIFY2(problem.isEmpty(), qPrintable(QString::fromStdString(d.id) + ": " + problem));
            }
        }
        for (const auto& e : bundledGpuCatalog()) {
            const QString id = QString::fromStdString(e.sku.id);
            for (const auto& text : {e.sku.name, e.sku.notes}) {
                const QString problem = textProblem(QString::fromStdString(text));
                QVERIFY2(problem.isEmpty(), qPrintable(id + ": " + problem));
            }
            for (const auto& [figure, source] : e.sources) {
                const QString s = QString::fromStdString(source.source);
                const QString where = id + "." + QString::fromStdString(figure);
                const QString problem = textProblem(s);
                QVERIFY2(problem.isEmpty(), qPrintable(where + ": " + problem));
                // A figure is either sourced by a link or says it is our assumption; a published
                // spec (not an estimate) always has its link.
                const bool linked = kUrl.match(s).hasMatch();
                QVERIFY2(linked || s.startsWith("Assumption"), qPrintable(where));
                QVERIFY2(linked || source.estimate, qPrintable(where));
            }
        }
    }

    // Every price point has one link to its source, a day it was read, a tier and a SKU, and its note
    // passes the same checks as the catalog's.
    void pricePointsAreSourced() {
        const PriceSeries series = bundledPriceSeries();
        QVERIFY(series.points.size() >= 10);
        for (const PricePoint& p : series.points) {
            const QString where = QString::fromStdString(formatIsoDate(p.date));
            const QString source = QString::fromStdString(p.source);
            QVERIFY2(source.startsWith("https://") && !source.contains(' '), qPrintable(where));
            for (const QString& text :
                 {source, QString::fromStdString(p.note), QString::fromStdString(p.sku)}) {
                const QString problem = textProblem(text);
                QVERIFY2(problem.isEmpty(), qPrintable(where + ": " + problem));
            }
            QVERIFY2(p.dateRead && p.tier && !p.sku.empty() && !p.note.empty(), qPrintable(where));
        }
    }

    void dealProblemsAreNamed() {
        QString error;
        const QByteArray bad = R"({"format": "computeledger-deal-library", "version": 1, "deals": [
            {"id": "d", "title": "D", "buyer": "B", "provider": "P", "announced": "2025-01-01",
             "total_contract_value": 1e9, "start": "2025-01-01", "end": "2029-12-31", "sku": "H100", "delivered": "x",
             "facts": ["total_contract_value", "start"], "assumptions": ["end", "sku", "tranches"],
             "sources": ["https://example.com"], "notes": ""}]})";
        QVERIFY(readDealLibraryJson(bad, "deals.json", bundledSkuCatalog(), &error).empty());
        QCOMPARE(
            error,
            QString(
                "deals.json: deals[0]: announced must be listed in exactly one of facts and assumptions"));
    }

    void everyDealBecomesAContractThatEvaluates() {
        const auto catalog = bundledSkuCatalog();
        const auto load = loadPortfolioJsonFile(resources::examplePortfolioPath(), catalog);
        QVERIFY(load.ok());
        for (const Deal& d : bundledDealLibrary()) {
            Portfolio p = *load.portfolio;
            const std::size_t i = addDealAsContract(p, d, catalog);
            const auto err = validatePortfolio(p, catalog);
            QVERIFY2(!err, err ? err->toString().c_str() : "");
            const Contract& c = p.contracts[i];
            QCOMPARE(*c.totalContractValue, d.totalContractValue);
            QCOMPARE(c.provider, d.provider);
            QVERIFY(c.notes.find("From the deal library (" + d.id + ")") == 0);
            QCOMPARE(p.alternatives->back().items, std::vector<std::string>{c.id});
            const auto r = evaluatePortfolio(p, catalog, EvaluateOptions{false});
            const auto* item = r.item(c.id);
            QVERIFY(item && item->totalContractValue);
            QVERIFY(std::abs(*item->totalContractValue - d.totalContractValue) <=
                    1e-6 * d.totalContractValue);
            QVERIFY(!p.sources.at("contracts[" + std::to_string(i) + "].total_contract_value").empty());
        }
        // The same deal twice gets a fresh id.
        Portfolio p = *load.portfolio;
        const Deal first = bundledDealLibrary().front();
        addDealAsContract(p, first, catalog);
        const std::size_t second = addDealAsContract(p, first, catalog);
        QCOMPARE(p.contracts[second].id, first.id + "-2");
    }
};

QTEST_GUILESS_MAIN(ReferenceDataTest)
#include "tst_reference_data.moc"
