// The command line as a user runs it: exit codes, one-line errors, the table, the stable JSON.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(COMPUTELEDGER_BIN), args);
    if (!p.waitForFinished(60000))
        qFatal("computeledger did not finish");
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class CommandLineTest : public QObject {
    Q_OBJECT
private slots:
    void versionAndHelp() {
        auto r = run({"--version"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString("computeledger %1\n").arg(COMPUTELEDGER_VERSION));
        r = run({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("computeledger evaluate FILE [--json]"));
        QVERIFY(
            r.out.contains("computeledger goal-seek FILE --input PATH --target npv-equal:A,B | npv:A=VALUE"));
        QVERIFY(r.out.contains("computeledger stress FILE [--json]"));
        QVERIFY(r.out.contains("computeledger prices [--tier T] [--json]"));
        QVERIFY(r.out.contains(
            "computeledger calibrate SERIES.csv|bundled [--tier T] [--json] [--into FILE --out OUT]"));
        // The model a user has is docs/model.md; the specification is not shipped.
        QVERIFY(r.out.contains("evaluate a portfolio (docs/model.md)"));
        QVERIFY(!r.out.contains("MODEL.md"));
        r = run({"bench", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("computeledger bench"));
    }

    void evaluatePrintsTheTableAndVerdict() {
        const auto r = run({"evaluate", "--example"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Rent from CoreWeave (rent)"));
        QVERIFY(r.out.contains("Spot market (spot)"));
        QVERIFY(r.out.contains("Verdict: Buy and operate is cheapest"));
        // The breakeven sentences of the window and the PDF, by name.
        QVERIFY2(r.out.contains(
                     "Breakeven: Buy and operate beats the spot market above 0.379 times the demand.\n"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(
            "Breakeven: Rent from CoreWeave costs the same as Buy and operate at 0.554 times its "
            "contract prices.\n"));
        // The example's demand (MODEL.md 8): how each alternative meets it.
        QVERIFY2(r.out.contains("Demand: Every alternative meets the same demand: 37,224.0 M H100-equivalent "
                                "GPU-hours (GPUs of H100) over the horizon.\n"
                                "  Rent from CoreWeave: 89.7% of the demand from its own capacity, 10.3% "
                                "(3,819.5 M H100-equivalent GPU-hours) bought at spot; 5.2% of its capacity "
                                "idle.\n"),
                 qPrintable(r.out));
        // What the costs are made of: a line per row, an alternative per column, the NPV cost last.
        QVERIFY2(r.out.contains(
                     "NPV by cost line (USD M)                  rent             buy            spot\n"
                     "Capex                                        -         9,263.7               -\n"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(
            "Spot tax shield                              -               -        -7,085.4\n"
            "Shortfall bought at spot               1,945.9         2,983.8               -\n"
            "Shortfall tax shield                    -408.6          -626.6               -\n"
            "NPV cost after tax                    21,747.5        12,742.0        26,654.5\n"));
        QVERIFY(r.err.isEmpty());
    }

    void evaluateJsonHasTheStableKeys() {
        const auto r = run({"evaluate", "--example", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject portfolio = o["portfolio"].toObject();
        QCOMPARE(portfolio["valuation_date"].toString(), QString("2027-01-01"));
        QCOMPARE(portfolio["horizon_end"].toString(), QString("2032-12-20"));
        QCOMPARE(portfolio["periods"].toInt(), 72);
        const QJsonArray items = o["items"].toArray();
        QCOMPARE(items.size(), 4);
        for (const char* key : {"id", "kind", "npv_cost", "total_cash", "committed_gpu_hours",
                                "used_gpu_hours", "lcoc", "implied_price_per_gpu_hour", "annual"})
            QVERIFY2(items[0].toObject().contains(key), key);
        const QJsonObject row = items[2].toObject()["annual"].toArray()[0].toObject();
        for (const char* key : {"year", "cash", "committed_gpu_hours", "used_gpu_hours", "depreciation_book",
                                "depreciation_tax", "nbv_book", "nbv_tax"})
            QVERIFY2(row.contains(key), key);
        // The 2025 contract's price is implied from its $14.2B value over the tranche ramp.
        QVERIFY(std::abs(items[0].toObject()["implied_price_per_gpu_hour"].toDouble() - 5.0421) < 1e-4);
        const QJsonArray alts = o["alternatives"].toArray();
        QCOMPARE(alts.size(), 3);
        QCOMPARE(alts.last().toObject()["id"].toString(), QString("spot"));
        const QJsonArray comparisons = o["comparisons"].toArray();
        QCOMPARE(comparisons.size(), 3);
        const QJsonObject rentBuy = comparisons[0].toObject();
        QCOMPARE(rentBuy["a"].toString(), QString("rent"));
        QCOMPARE(rentBuy["npv_difference"].toDouble(),
                 alts[0].toObject()["npv_cost"].toDouble() - alts[1].toObject()["npv_cost"].toDouble());
    }

    void simulateAddsTheSimulationObject() {
        const auto r = run({"evaluate", "--example", "--json", "--simulate", "--paths", "2000", "--seed", "9",
                            "--device", "cpu", "--threads", "2"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object()["simulation"].toObject();
        QCOMPARE(s["paths"].toInt(), 2000);
        QCOMPARE(s["seed"].toInt(), 9);
        QVERIFY(s["device"].toString().startsWith("cpu ("));
        QCOMPARE(s["threads"].toInt(), 2);
        const QJsonArray alts = s["alternatives"].toArray();
        QCOMPARE(alts.size(), 3);
        QCOMPARE(alts[2].toObject()["id"].toString(), QString("spot"));
        const QJsonObject npv = alts[0].toObject()["npv_cost"].toObject();
        for (const char* key : {"mean", "std", "stderr", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75",
                                "p90", "p95", "p99", "cvar95"})
            QVERIFY2(npv.contains(key), key);
        QVERIFY(npv["p5"].toDouble() <= npv["p50"].toDouble() &&
                npv["p50"].toDouble() <= npv["p95"].toDouble());
        QCOMPARE(alts[0].toObject()["annual_cumulative"].toArray().size(), 6);
        double cheapest = 0.0;
        for (const auto& a : alts)
            cheapest += a.toObject()["prob_cheapest"].toDouble();
        QVERIFY(std::abs(cheapest - 1.0) < 1e-12);
        QCOMPARE(s["prob_cheaper"].toArray().size(), 3);
        QCOMPARE(s["defaults"].toArray()[0].toObject()["provider"].toString(), QString("CoreWeave"));
        // Same seed, same numbers; the file's seed when none is given.
        const auto again = run({"evaluate", "--example", "--json", "--simulate", "--paths", "2000", "--seed",
                                "9", "--device", "cpu", "--threads", "1"});
        const QJsonObject s2 = QJsonDocument::fromJson(again.out.toUtf8()).object()["simulation"].toObject();
        QCOMPARE(s2["alternatives"].toArray()[0].toObject()["npv_cost"].toObject()["mean"].toDouble(),
                 npv["mean"].toDouble());
        // Each alternative's mean NPV by line: the deterministic result's lines, in its order, adding
        // up to the mean NPV cost; the same bits on one thread as on two.
        const QJsonArray deterministic =
            QJsonDocument::fromJson(r.out.toUtf8()).object()["alternatives"].toArray();
        for (qsizetype a = 0; a < alts.size(); ++a) {
            const QJsonArray lines = alts[a].toObject()["lines"].toArray();
            const QJsonArray want = deterministic[a].toObject()["lines"].toArray();
            QCOMPARE(lines.size(), want.size());
            double sum = 0.0;
            for (qsizetype l = 0; l < lines.size(); ++l) {
                QCOMPARE(lines[l].toObject()["line"].toString(), want[l].toObject()["line"].toString());
                sum += lines[l].toObject()["mean"].toDouble();
            }
            const double mean = alts[a].toObject()["npv_cost"].toObject()["mean"].toDouble();
            QVERIFY(std::abs(sum - mean) <= 1e-9 * std::abs(mean));
            QCOMPARE(s2["alternatives"].toArray()[a].toObject()["lines"].toArray(), lines);
        }
        QCOMPARE(alts[2].toObject()["lines"].toArray()[0].toObject()["line"].toString(), QString("spot"));
        const auto fileSeed = run({"evaluate", "--example", "--json", "--simulate", "--paths", "10"});
        QCOMPARE(QJsonDocument::fromJson(fileSeed.out.toUtf8())
                     .object()["simulation"]
                     .toObject()["seed"]
                     .toInteger(),
                 20260101);
    }

    void simulationOptionsAreChecked() {
        auto r = run({"evaluate", "--example", "--paths", "10"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("computeledger evaluate: --paths needs --simulate\n"));
        r = run({"evaluate", "--example", "--simulate", "--paths", "0"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err,
                 QString("computeledger evaluate: --paths: \"0\" is not a whole number in 1..1000000000\n"));
        r = run({"evaluate", "--example", "--simulate", "--device", "tpu"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("computeledger evaluate: --device: \"tpu\" is not auto, cpu or gpu\n"));
    }

    void benchReportsThroughput() {
        const auto r = run({"bench", "--paths", "2000", "--months", "24", "--device", "cpu", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(o["device"].toString().startsWith("cpu ("));
        QCOMPARE(o["paths"].toInt(), 2000);
        QCOMPARE(o["months"].toInt(), 24);
        QVERIFY(o["path_months_per_second"].toDouble() > 0.0);
        QCOMPARE(o["path_months_per_second"].toDouble(), 2000.0 * 24 / o["path_seconds"].toDouble());
        QVERIFY(!o.contains("runs"));

        const auto repeated =
            run({"bench", "--paths", "2000", "--months", "24", "--device", "cpu", "--repeat", "3", "--json"});
        QCOMPARE(repeated.exitCode, 0);
        const QJsonObject ro = QJsonDocument::fromJson(repeated.out.toUtf8()).object();
        const QJsonArray runs = ro["runs"].toArray();
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs[0].toObject()["path_seconds"].toDouble(), ro["path_seconds"].toDouble());
        for (const auto& x : runs)
            QCOMPARE(x.toObject()["path_months_per_second"].toDouble(),
                     2000.0 * 24 / x.toObject()["path_seconds"].toDouble());
        const auto text =
            run({"bench", "--paths", "2000", "--months", "24", "--device", "cpu", "--repeat", "2"});
        QVERIFY2(text.out.contains("Run 1 (the first in this process):\n") && text.out.contains("Run 2:\n"),
                 qPrintable(text.out));
        QCOMPARE(text.out.count("Throughput:"), 2);
        const auto zero = run({"bench", "--repeat", "0"});
        QCOMPARE(zero.exitCode, 1);
        QCOMPARE(zero.err, QString("computeledger bench: --repeat: \"0\" is not a whole number in 1..100\n"));
    }

    // The fan kept as codes (the default) or as values: the same statistics, to the bit, in half
    // the memory; bench says which, how many paths ran again and the process's peak memory.
    void benchKeepsTheFanEitherWay() {
        const QStringList args = {"bench", "--paths", "6000", "--months", "36", "--device", "cpu", "--json"};
        const auto codes = run(args);
        const auto values = run(args + QStringList{"--fan", "values"});
        QCOMPARE(codes.exitCode, 0);
        QCOMPARE(values.exitCode, 0);
        const QJsonObject c = QJsonDocument::fromJson(codes.out.toUtf8()).object();
        const QJsonObject v = QJsonDocument::fromJson(values.out.toUtf8()).object();
        QCOMPARE(c["fan"].toString(), QString("buckets"));
        QCOMPARE(v["fan"].toString(), QString("values"));
        QCOMPARE(v["fan_paths_run_again"].toInteger(), qint64(0));
        QVERIFY(c["fan_paths_run_again"].toInteger() > 0 && c["fan_paths_run_again"].toInteger() < 6000);
        QVERIFY(c["peak_resident_mb"].toDouble() > 1.0);
        QCOMPARE(QJsonDocument(c["simulation"].toObject()["alternatives"].toArray()).toJson(),
                 QJsonDocument(v["simulation"].toObject()["alternatives"].toArray()).toJson());
        const auto text = run({"bench", "--paths", "64", "--months", "12", "--device", "cpu"});
        QVERIFY2(text.out.contains("Fan:                    buckets, ") &&
                     text.out.contains(" paths run again\n") && text.out.contains("Peak memory:            "),
                 qPrintable(text.out));
        const auto bad = run({"bench", "--fan", "floats"});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.err,
                 QString("computeledger bench: --fan: \"floats\" is not \"buckets\" or \"values\"\n"));
    }

    void benchWritesItsInputsAndStatistics() {
        QTemporaryDir dir;
        const QString inputs = dir.filePath("inputs.json");
        const auto r = run({"bench", "--paths", "333", "--months", "14", "--device", "cpu", "--lanes", "1",
                            "--seed", "5", "--json", "--write-inputs", inputs});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o["device"].toString(), QString("cpu (scalar)")); // any x86-64 has it
        // The first run's statistics, as `evaluate --json --simulate` prints them.
        const QJsonObject sim = o["simulation"].toObject();
        QCOMPARE(sim["paths"].toInt(), 333);
        QCOMPARE(sim["seed"].toInt(), 5);
        QCOMPARE(sim["alternatives"].toArray().size(), 3);
        QCOMPARE(sim["alternatives"].toArray()[2].toObject()["id"].toString(), QString("spot"));
        QCOMPARE(sim["defaults"].toArray().size(), 2);
        // The compiled arrays: 14 periods of 3 items, the outcome rows named.
        QFile f(inputs);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject in = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(in["periods"].toInt(), 14);
        QCOMPARE(in["items"].toInt(), 3);
        QCOMPARE(in["years"].toInt(), 2);
        QCOMPARE(in["hours"].toArray().size(), 14 * 3);
        QCOMPARE(in["periodEndDf"].toArray().size(), 14);
        QCOMPARE(in["providerHazard"].toArray().size(), 2);
        QCOMPARE(in["providerForcedDefault"].toArray(), (QJsonArray{14, 14})); // no default_date: none
        QCOMPARE(in["slotAlternativeOffsets"].toArray().size(), 3 + 2);
        QCOMPARE(in["alternative_ids"].toArray(), (QJsonArray{"rent", "buy", "spot"}));
        QCOMPARE(in["taxRate"].toDouble(), 0.21);

        const auto text = run({"bench", "--paths", "64", "--months", "12", "--device", "cpu"});
        QVERIFY2(text.out.contains(QRegularExpression("\\nMean NPV cost \\(run 1\\): rent [0-9,.]+ M, buy "
                                                      "[0-9,.]+ M, spot [0-9,.]+ M\\n$")),
                 qPrintable(text.out));
        const auto lanes = run({"bench", "--lanes", "12"});
        QCOMPARE(lanes.exitCode, 1);
        QCOMPARE(lanes.err, QString("computeledger bench: --lanes: \"12\" is not one of 32, 16, 8, 4, 1\n"));
        const auto nowhere =
            run({"bench", "--paths", "64", "--write-inputs", dir.filePath("no/such/dir/x.json")});
        QCOMPARE(nowhere.exitCode, 1);
        QVERIFY(nowhere.out.isEmpty());
        QVERIFY2(nowhere.err.startsWith(
                     "computeledger bench: --write-inputs: " + dir.filePath("no/such/dir/x.json") + ": "),
                 qPrintable(nowhere.err));
    }

    void convertAndCsvRoundTrip() {
        QTemporaryDir dir;
        const QString doc = dir.filePath("deal.cledger"), back = dir.filePath("back.json");
        QCOMPARE(run({"convert", QStringLiteral(EXAMPLE_JSON), doc}).exitCode, 0);
        QCOMPARE(run({"convert", doc, back}).exitCode, 0);
        QCOMPARE(run({"evaluate", doc, "--json"}).out,
                 run({"evaluate", QStringLiteral(EXAMPLE_JSON), "--json"}).out);
        QCOMPARE(run({"export-csv", doc, dir.filePath("csv")}).exitCode, 0);
        QFile contracts(dir.filePath("csv/contracts.csv"));
        QVERIFY(contracts.open(QIODevice::ReadOnly));
        QByteArray csv = contracts.readAll();
        csv.replace("cw-2025", "cw-copy").replace("cw-2026", "cw-copy2");
        QFile copy(dir.filePath("copy.csv"));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(csv);
        copy.close();
        const auto imported =
            run({"import-csv", doc, dir.filePath("copy.csv"), "--out", dir.filePath("more.json")});
        QCOMPARE(imported.exitCode, 0);
        const QJsonObject more = QJsonDocument::fromJson([&] {
                                     QFile f(dir.filePath("more.json"));
                                     f.open(QIODevice::ReadOnly);
                                     return f.readAll();
                                 }())
                                     .object();
        QCOMPARE(more["contracts"].toArray().size(), 4);
        // Each imported contract is put in an alternative of its own, so it is compared, and said.
        QCOMPARE(imported.out, "imported 2 items into " + dir.filePath("more.json") +
                                   "\nalternative added: cw-copy (CoreWeave 2025 (GB300))\n"
                                   "alternative added: cw-copy2 (CoreWeave 2026 expansion (Vera Rubin))\n");
        const QJsonArray alternatives = more["alternatives"].toArray();
        QCOMPARE(alternatives.size(), 4);
        QCOMPARE(alternatives[3]["items"].toArray(), QJsonArray({"cw-copy2"}));
        csv.replace("cw-copy2", "cw-copy");
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(csv);
        copy.close();
        const auto bad =
            run({"import-csv", doc, dir.filePath("copy.csv"), "--out", dir.filePath("bad.json")});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.err, dir.filePath("copy.csv") + ": row 3, column name: differs from row 2 for "
                                                     "\"cw-copy\" (a repeated row only adds a tranche)\n");
        QVERIFY(!QFile::exists(dir.filePath("bad.json")));
    }

    // Issue 17: a 1,000-GPU contract beside the example's fleets was "cheapest by USD 10,265 M". It
    // delivers 99.9% fewer H100-equivalent hours: the verdict and the breakevens leave it out and
    // say why; the JSON marks its comparisons.
    void aSmallerAlternativeIsNotCrowned() {
        QFile f(QStringLiteral(EXAMPLE_JSON));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject p = QJsonDocument::fromJson(f.readAll()).object();
        // Without a demand (with one every alternative is costed on it: tst_core_demand).
        p.remove("demand");
        QJsonObject market = p["market"].toObject();
        market.remove("demand");
        p["market"] = market;
        QJsonArray contracts = p["contracts"].toArray();
        contracts.append(
            QJsonObject{{"id", "small"},
                        {"name", "New contract"},
                        {"provider", "Acme"},
                        {"sku", "H100"},
                        {"start", "2027-01-01"},
                        {"end", "2029-12-31"},
                        {"tranches", QJsonArray{QJsonObject{{"date", "2027-01-01"}, {"gpus", 1000}}}},
                        {"price_per_gpu_hour", 2.0}});
        p["contracts"] = contracts;
        QJsonArray alternatives = p["alternatives"].toArray();
        alternatives.append(
            QJsonObject{{"id", "small"}, {"name", "New contract"}, {"items", QJsonArray{"small"}}});
        p["alternatives"] = alternatives;
        QTemporaryDir dir;
        const QString file = dir.filePath("small.json");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(p).toJson());
        out.close();
        const auto table = run({"evaluate", file});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains(
                     "Verdict: Buy and operate is cheapest, USD 3,072.3 M NPV below Spot market (the "
                     "next best).\n"),
                 qPrintable(table.out));
        QVERIFY(
            table.out.contains("Capacity: New contract delivers 99.9% fewer H100-equivalent GPU-hours "
                               "(30,945.0 M fewer) than Buy and operate, so it is not ranked against it on "
                               "NPV; add a demand to cost every alternative on the same need.\n"));
        for (const QString& line : table.out.split('\n'))
            if (line.startsWith("Breakeven:"))
                QVERIFY2(!line.contains("New contract"), qPrintable(line));
        const QJsonObject r =
            QJsonDocument::fromJson(run({"evaluate", file, "--json"}).out.toUtf8()).object();
        for (const auto& c : r["comparisons"].toArray()) {
            const QJsonObject o = c.toObject();
            const bool small = o["a"].toString() == "small" || o["b"].toString() == "small";
            QCOMPARE(o["capacity_matched"].toBool(), !small);
        }
        // The example itself: GB300 and VR200 on both sides, every pair matched.
        const QJsonObject example =
            QJsonDocument::fromJson(run({"evaluate", QStringLiteral(EXAMPLE_JSON), "--json"}).out.toUtf8())
                .object();
        for (const auto& c : example["comparisons"].toArray())
            QVERIFY(c.toObject()["capacity_matched"].toBool());
        QVERIFY(example["alternatives"].toArray()[0].toObject()["used_h100_hours"].toDouble() > 0.0);
    }

    void dealLibraryAndCatalog() {
        const auto deals = run({"deals"});
        QCOMPARE(deals.exitCode, 0);
        QVERIFY(deals.out.contains(
            "meta-coreweave-2025\n  Meta - CoreWeave (2025): USD 14.2 B, 2025-09-30 .. 2031-12-14, GB300"));
        QTemporaryDir dir;
        const QString out = dir.filePath("with-deal.json");
        QCOMPARE(
            run({"add-deal", QStringLiteral(EXAMPLE_JSON), "microsoft-iren-2025", "--out", out}).exitCode, 0);
        const QJsonObject result =
            QJsonDocument::fromJson(run({"evaluate", out, "--json"}).out.toUtf8()).object();
        QCOMPARE(result["items"].toArray().size(), 5);
        QCOMPARE(result["items"].toArray()[2].toObject()["id"].toString(), QString("microsoft-iren-2025"));
        // The added contract remembers its deal; adding the same deal again is refused, nothing written.
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonArray contracts =
            QJsonDocument::fromJson(written.readAll()).object()["contracts"].toArray();
        QCOMPARE(contracts.last().toObject()["deal"].toString(), QString("microsoft-iren-2025"));
        const QString twice = dir.filePath("twice.json");
        const auto again = run({"add-deal", out, "microsoft-iren-2025", "--out", twice});
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(again.err,
                 QString("computeledger add-deal: the deal \"microsoft-iren-2025\" is already in the "
                         "portfolio as contract \"microsoft-iren-2025\"; it is added once (edit that "
                         "contract to change its terms)\n"));
        QVERIFY(!QFile::exists(twice));
        // The example's CoreWeave contracts are the library's Meta deals.
        const auto example =
            run({"add-deal", QStringLiteral(EXAMPLE_JSON), "meta-coreweave-2025", "--out", twice});
        QCOMPARE(example.exitCode, 1);
        QVERIFY(example.err.contains("as contract \"cw-2025\""));
        const auto missing = run({"add-deal", QStringLiteral(EXAMPLE_JSON), "nope", "--out", out});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(
            missing.err,
            QString("computeledger add-deal: no deal \"nope\" in the library; see computeledger deals\n"));
        const auto catalog = run({"catalog"});
        QCOMPARE(catalog.exitCode, 0);
        QVERIFY(catalog.out.contains("H100  NVIDIA H100 SXM 80 GB"));
        QVERIFY(catalog.out.contains("estimate: "));
    }

    void badFileExitsOneWithOneLine() {
        QTemporaryDir dir;
        const QString path = dir.filePath("deal.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"format": "computeledger-portfolio", "version": 1, "name": "x", "valuation_date": "2026-01-01",
                    "assumptions": {"discount_rate": 0.1},
                    "fleets": [{"id": "f", "name": "f", "sku": "H100", "gpus": 10, "in_service": "2026-01-01",
                                "pue": 0.5, "power_price_per_mwh": 70, "power_escalator": 0,
                                "book_depreciation": {"method": "straight_line", "life_years": 5},
                                "tax_depreciation": {"method": "macrs_5"}}]})");
        f.close();
        const auto r = run({"evaluate", path, "--json"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, path + ": fleets[0].pue: 0.5 is below 1\n");
        QVERIFY(r.out.isEmpty());
        const auto missing = run({"evaluate", dir.filePath("nope.json")});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err, dir.filePath("nope.json") + ": no such file\n");
    }

    void badArgumentsExitOne() {
        auto r = run({"evaluate"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count('\n'), 1);
        r = run({"frobnicate"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(
            r.err,
            QString(
                "computeledger: \"frobnicate\" is neither a command nor a file; see computeledger --help\n"));
        r = run({"decode", "--tcv", "abc", "--start", "2025-09-30", "--end", "2031-12-14", "--price", "2.5"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("computeledger decode: --tcv: \"abc\" is not a number\n"));
        // What the user typed is quoted on one line, line breaks shown escaped.
        r = run(
            {"decode", "--tcv", "14\n2e9", "--start", "2025-09-30", "--end", "2031-12-14", "--price", "2.5"});
        QCOMPARE(r.err, QString("computeledger decode: --tcv: \"14\\n2e9\" is not a number\n"));
        r = run(
            {"decode", "--tcv", "1e-400", "--start", "2025-09-30", "--end", "2031-12-14", "--price", "2.5"});
        QCOMPARE(r.err, QString("computeledger decode: --tcv: \"1e-400\" is not a number\n"));
        // Within the bounds a contract has, and dates in the supported years (Boost's calendar ends
        // at 9999-12-31: a loop over the term's days once stepped past it, exit 2).
        r = run(
            {"decode", "--tcv", "14.2e9", "--start", "2025-09-30", "--end", "9999-12-31", "--price", "2.5"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(
            r.err,
            QString("computeledger decode: --end: 9999-12-31 is outside the supported years 1900..2200\n"));
        r = run({"decode", "--tcv", "1e308", "--start", "2025-09-30", "--end", "2031-12-14", "--price",
                 "1e-308"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("computeledger decode: --tcv: 1e+308 is outside (0, 1e+15]\n"));
        r = run({"decode", "--tcv", "14.2e9", "--start", "2025-09-30", "--end", "2031-12-14", "--price",
                 "1e-308"});
        QCOMPARE(r.err, QString("computeledger decode: --price: 1e-308 is outside [1e-04, 10000]\n"));
        r = run({"decode", "--tcv", "-5", "--start", "2025-09-30", "--end", "2031-12-14", "--price", "2"});
        QCOMPARE(r.err, QString("computeledger decode: --tcv: -5 is outside (0, 1e+15]\n"));
        r = run({"decode", "--tcv", "5", "--start", "2025-09-30", "--end", "2024-12-14", "--price", "2"});
        QCOMPARE(r.err, QString("computeledger decode: --end: 2024-12-14 is before start 2025-09-30\n"));
        // A leading '+' and surrounding spaces, as a spreadsheet or a shell may leave them, are read.
        r = run({"decode", "--tcv", " +14.2e9 ", "--start", "2025-09-30", "--end", "2031-12-14", "--price",
                 "+2.5"});
        QCOMPARE(r.exitCode, 0);
    }

    void reportWritesPdfCsvAndWorkbookWithoutADisplay() {
        QTemporaryDir dir;
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("QT_QPA_PLATFORM");
        const auto r =
            run({"report", EXAMPLE_JSON, "--pdf", dir.filePath("r.pdf"), "--csv", dir.filePath("csv"),
                 "--xlsx", dir.filePath("r.xlsx"), "--simulate", "--paths", "2000", "--seed", "5"},
                env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // It says what it wrote, where.
        const QString tables = r.out.section("tables)", 0, 0).section('(', -1).trimmed();
        QCOMPARE(r.out, QString("wrote PDF: %1\nwrote CSV: %2 (%3 tables)\nwrote Workbook: %4 (%5 sheets)\n")
                            .arg(QFileInfo(dir.filePath("r.pdf")).absoluteFilePath(),
                                 QFileInfo(dir.filePath("csv")).absoluteFilePath(), tables,
                                 QFileInfo(dir.filePath("r.xlsx")).absoluteFilePath())
                            .arg(tables.toInt() + 3));
        QCOMPARE(tables.toInt(), int(QDir(dir.filePath("csv")).entryList({"*.csv"}, QDir::Files).size()));
        QFile pdf(dir.filePath("r.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 20000);
        QFile xlsx(dir.filePath("r.xlsx"));
        QVERIFY(xlsx.open(QIODevice::ReadOnly));
        QVERIFY(xlsx.read(2) == "PK");
        for (const char* name : {"annual_summary.csv", "monthly_cashflows.csv", "alternatives.csv",
                                 "simulation_percentiles.csv", "simulation_fan.csv"})
            QVERIFY2(QFileInfo(dir.filePath(QString("csv/") + name)).size() > 40, name);
        // The CSV's NPV costs are evaluate --json's, to the last digit.
        const auto json = run({"evaluate", EXAMPLE_JSON, "--json"});
        const QJsonArray alts = QJsonDocument::fromJson(json.out.toUtf8()).object()["alternatives"].toArray();
        QFile csv(dir.filePath("csv/alternatives.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), alts.size() + 1);
        for (qsizetype i = 0; i < alts.size(); ++i)
            QCOMPARE(lines[i + 1].section(',', 4, 4).toDouble(), alts[i].toObject()["npv_cost"].toDouble());
    }

    void aRunBeyondTheMemoryBudgetIsRefused() {
        const auto r =
            run({"evaluate", EXAMPLE_JSON, "--simulate", "--paths", "100000000", "--memory-budget", "64"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("computeledger evaluate: ") && r.err.contains("64 MB") &&
                     r.err.count('\n') == 1,
                 qPrintable(r.err));
    }

    void reportArgumentsAreChecked() {
        QTemporaryDir dir;
        auto r = run({"report", EXAMPLE_JSON});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed(),
                 QString("computeledger report: nothing to write: give --pdf, --csv or --xlsx"));
        r = run({"report", EXAMPLE_JSON, "--pdf", dir.filePath("x.pdf"), "--paths", "10"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--paths needs --simulate"));
        r = run({"report", dir.filePath("missing.json"), "--pdf", dir.filePath("x.pdf")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("missing.json: no such file"), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(dir.filePath("x.pdf")));
        QVERIFY(QDir(dir.path()).mkdir("taken.pdf"));
        r = run({"report", EXAMPLE_JSON, "--pdf", dir.filePath("taken.pdf")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("computeledger report: ") && r.err.contains("taken.pdf"),
                 qPrintable(r.err));
    }

    void decodeImpliesGpusAndMegawatts() {
        const auto r = run({"decode", "--tcv", "14.2e9", "--start", "2025-09-30", "--end", "2031-12-14",
                            "--price", "2.5", "--sku", "GB300"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("2267 days"), qPrintable(r.out));
        QVERIFY2(r.out.contains("5,680,000,000"), qPrintable(r.out)); // GPU-hours = TCV / price
        QVERIFY2(r.out.contains("104,396"), qPrintable(r.out));       // TCV / (24 x 2267 days x 2.5)
        QVERIFY2(r.out.contains("198.4 MW"), qPrintable(r.out));      // x 1.9 kW per GB300
        // 14.2e9 x 365 / 2267 days = 2,286.3 M a year; 198.35 MW x 1.3 = 257.9 MW, the PUE said assumed.
        QVERIFY2(r.out.contains("Annual spend:         2,286.3 M a year"), qPrintable(r.out));
        QVERIFY2(r.out.contains("Facility power:       257.9 MW at a PUE of 1.3 (assumed; --pue)"),
                 qPrintable(r.out));
        const auto given = run({"decode", "--tcv", "14.2e9", "--start", "2025-09-30", "--end", "2031-12-14",
                                "--price", "2.5", "--sku", "GB300", "--pue", "1.1"});
        QVERIFY2(given.out.contains("Facility power:       218.2 MW at a PUE of 1.1\n"),
                 qPrintable(given.out));
        const auto bad = run({"decode", "--tcv", "14.2e9", "--start", "2025-09-30", "--end", "2031-12-14",
                              "--price", "2.5", "--sku", "GB300", "--pue", "0.9"});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.err, QString("computeledger decode: --pue: 0.9 is outside [1, 5]\n"));
    }

    void decodeSolvesAnyOneOfValuePriceAndGpus() {
        const QStringList term{"--start", "2025-09-30", "--end", "2031-12-14"}; // 2,267 days, 54,408 hours
        // "$14.2B for 100,000 GPUs": 14.2e9 / (100,000 x 54,408 hours) = 2.6099 per GPU-hour.
        auto r = run(QStringList{"decode", "--tcv", "14.2e9", "--gpus", "100000"} + term);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out,
                 QString("Term:                 2267 days\n"
                         "Implied price:        2.6099 per GPU-hour in the first year\n"
                         "Average price:        2.6099 per GPU-hour\n"
                         "Implied GPU-hours:    5,440,800,000\n"
                         "GPUs:                 100,000 (constant over the term)\n"
                         "Annual spend:         2,286.3 M a year (the value spread evenly over the term)\n"));
        QVERIFY(r.err.isEmpty());
        // "100,000 GPUs at 2.50": 2.5 x 100,000 x 54,408 = 13,602.0 M; a year 2.5 x 100,000 x 8,760
        // = 2,190.0 M; 100,000 x 1.9 kW per GB300 = 190 MW, x 1.3 = 247 MW.
        r = run(QStringList{"decode", "--gpus", "100000", "--price", "2.5", "--sku", "GB300"} + term);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out,
                 QString("Term:                 2267 days\n"
                         "Implied value:        13,602.0 M (the total contract value)\n"
                         "Average price:        2.5000 per GPU-hour\n"
                         "Implied GPU-hours:    5,440,800,000\n"
                         "GPUs:                 100,000 (constant over the term)\n"
                         "Annual spend:         2,190.0 M a year (the value spread evenly over the term)\n"
                         "Implied IT power:     190.0 MW (GB300)\n"
                         "Facility power:       247.0 MW at a PUE of 1.3 (assumed; --pue)\n"));
        // The escalator is inverted exactly: 2026..2030 at 3% a year weighs one GPU's 1,826 days as
        // 365 + 365 x 1.03 + 366 x 1.0609 + 365 x 1.092727 + 365 x 1.12550881 = 1,938.8955, so
        // 14.2e9 / (100,000 x 24 x 1,938.8955) = 3.0516 in the first year, x 1,938.8955 / 1,826 = 3.2402 on
        // average.
        r = run({"decode", "--tcv", "14.2e9", "--start", "2026-01-01", "--end", "2030-12-31", "--gpus",
                 "100000", "--escalator", "0.03"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Implied price:        3.0516 per GPU-hour in the first year\n"
                                "Average price:        3.2402 per GPU-hour\n"),
                 qPrintable(r.out));
    }

    void decodeTurnsAFacilitysGigawattsIntoGpus() {
        // "5 GW of AI factories" in GB300s (1.9 kW each in the catalog) at the assumed PUE of 1.3:
        // 5,000 MW / 1.3 = 3,846.2 MW of IT power, / 1.9 kW = 5e6 / 2.47 = 2,024,291 GPUs. No term.
        auto r = run({"decode", "--facility-gw", "5", "--sku", "GB300"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString("Implied GPUs:         2,024,291 (GB300 at 1.9 kW of IT power each)\n"
                                "Implied IT power:     3,846.2 MW (the facility power / the PUE)\n"
                                "Facility power:       5,000.0 MW at a PUE of 1.3 (assumed; --pue)\n"));
        QCOMPARE(run({"decode", "--facility-mw", "5000", "--sku", "GB300"}).out, r.out);
        // With a price over a term: 2.5 x 54,408 hours x 5e6 / 2.47 = 275,344.1 M; a year of it
        // 2.5 x 8,760 x 5e6 / 2.47 = 44,332.0 M.
        r = run({"decode", "--facility-gw", "5", "--sku", "GB300", "--price", "2.5", "--start", "2025-09-30",
                 "--end", "2031-12-14"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(
            r.out,
            QString(
                "Term:                 2267 days\n"
                "Implied value:        275,344.1 M (the total contract value)\n"
                "Average price:        2.5000 per GPU-hour\n"
                "Implied GPU-hours:    110,137,651,822\n"
                "Implied GPUs:         2,024,291 (GB300 at 1.9 kW of IT power each; constant over the term)\n"
                "Annual spend:         44,332.0 M a year (the value spread evenly over the term)\n"
                "Implied IT power:     3,846.2 MW (the facility power / the PUE)\n"
                "Facility power:       5,000.0 MW at a PUE of 1.3 (assumed; --pue)\n"));
        // A GPU count's power alone: 100,000 x 1.9 kW = 190 MW, x 1.1 = 209 MW, the PUE given.
        r = run({"decode", "--gpus", "100000", "--sku", "GB300", "--pue", "1.1"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString("GPUs:                 100,000\n"
                                "Implied IT power:     190.0 MW (GB300)\n"
                                "Facility power:       209.0 MW at a PUE of 1.1\n"));
    }

    void decodeRefusesAnythingButTwoOfTheThree() {
        const QStringList term{"--start", "2025-09-30", "--end", "2031-12-14"};
        auto refused = [](const QStringList& args, const QString& message) {
            const auto r = run(QStringList{"decode"} + args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY(r.out.isEmpty());
            QCOMPARE(r.err, "computeledger decode: " + message + "\n");
        };
        refused(QStringList{"--tcv", "14.2e9", "--price", "2.5", "--gpus", "100000"} + term,
                "--tcv, --price and --gpus are all given; give two and the third is solved");
        refused(QStringList{"--tcv", "14.2e9", "--price", "2.5", "--facility-gw", "5", "--sku", "GB300"} +
                    term,
                "--tcv, --price and --facility-gw are all given; give two and the third is solved");
        refused(QStringList{"--tcv", "14.2e9"} + term, "only --tcv is given; give --price or --gpus too");
        refused(QStringList{"--price", "2.5"} + term, "only --price is given; give --tcv or --gpus too");
        refused(QStringList{"--gpus", "100000"} + term,
                "only --gpus is given; give --tcv or --price too (or --sku for its power alone)");
        refused(term,
                "give two of --tcv, --price and --gpus (or --facility-mw or --facility-gw); the third is "
                "solved");
        refused({"--facility-gw", "5"},
                "--facility-gw needs --sku, whose kW per GPU turn the power into GPUs");
        refused(QStringList{"--facility-mw", "5000", "--price", "2.5"} + term,
                "--facility-mw needs --sku, whose kW per GPU turn the power into GPUs");
        refused({"--gpus", "100000", "--facility-gw", "5", "--sku", "GB300"},
                "--gpus and --facility-gw both give the GPUs; give one");
        refused({"--gpus", "1", "--facility-mw", "1", "--facility-gw", "5", "--sku", "GB300"},
                "--gpus, --facility-mw and --facility-gw all give the GPUs; give one");
        refused({"--tcv", "14.2e9", "--gpus", "100000"}, "--start is required");
        // The GPUs given have a fleet's bounds; a facility's power is read in the unit typed.
        refused(QStringList{"--tcv", "14.2e9", "--gpus", "0"} + term, "--gpus: 0 is outside (0, 1e+08]");
        refused(QStringList{"--tcv", "14.2e9", "--gpus", "-5"} + term, "--gpus: -5 is outside (0, 1e+08]");
        refused(QStringList{"--tcv", "14.2e9", "--gpus", "1.5e8"} + term,
                "--gpus: 1.5e+08 is outside (0, 1e+08]");
        refused(QStringList{"--tcv", "14.2e9", "--gpus", "abc"} + term, "--gpus: \"abc\" is not a number");
        refused({"--facility-gw", "0", "--sku", "GB300"}, "--facility-gw: 0 is outside (0, 50000]");
        refused({"--facility-mw", "1e8", "--sku", "GB300"}, "--facility-mw: 1e+08 is outside (0, 5e+07]");
        refused({"--facility-gw", "5", "--sku", "NOPE"}, "--sku: no SKU \"NOPE\" in the catalog");
        refused({"--facility-gw", "5", "--sku", "GB300", "--pue", "6"}, "--pue: 6 is outside [1, 5]");
        // The power alone has no money to spread over a term.
        refused({"--facility-gw", "5", "--sku", "GB300", "--start", "2025-09-30"},
                "--start needs --tcv or --price: the power alone has no term");
        refused({"--gpus", "100000", "--sku", "GB300", "--escalator", "0.1"},
                "--escalator needs --tcv or --price: the power alone has no term");
        // A solved figure outside what it could be given as: a dollar over 100 million GPUs for
        // 54,408 hours is 1 / 5.4408e12 = 1.838e-13 a GPU-hour; 100 million GPUs at 10,000 a
        // GPU-hour are 1e12 x 54,408 = 5.4408e16, above a contract's 1e15.
        refused(QStringList{"--tcv", "1", "--gpus", "1e8"} + term,
                "the implied price 1.837965005146302e-13 is outside [1e-04, 10000]");
        refused(QStringList{"--gpus", "1e8", "--price", "10000"} + term,
                "the implied contract value 5.4408e+16 is outside (0, 1e+15]");
    }

    void withoutADisplayTheAppPrintsTheEvaluation() {
        auto env = QProcessEnvironment::systemEnvironment();
        for (const char* var : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(var);
        const auto r = run({}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("no display found"));
        QVERIFY(r.out.contains("Verdict:"));
    }

    // Names are the user's text: ESC [31m in one must reach the terminal as the six characters
    // \u001b, not as a colour change (nor OSC 0 as a new window title), and the columns stay aligned.
    void evaluateTablePrintsControlCharactersInNamesEscaped() {
        QFile example(QStringLiteral(EXAMPLE_JSON));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QByteArray json = example.readAll();
        const QByteArray name = "\"name\": \"Meta: CoreWeave contracts vs. an owned fleet\"";
        const QByteArray buy = "{ \"id\": \"buy\", \"name\": \"Buy and operate\"";
        QVERIFY(json.contains(name) && json.contains(buy));
        json.replace(name, "\"name\": \"Meta \\u001b[31mred\\u001b[0m\"");
        json.replace(buy,
                     "{ \"id\": \"buy\\u001b]0;pwned\\u0007\", \"name\": \"Buy \\u001b[31mand operate\"");
        QTemporaryDir dir;
        QFile file(dir.filePath("ansi.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        const auto r = run({"evaluate", file.fileName()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(!r.out.contains(QChar(0x1b)));
        QVERIFY(!r.out.contains(QChar(0x07)));
        const QStringList lines = r.out.split('\n');
        QCOMPARE(lines[0], QString("Meta \\u001b[31mred\\u001b[0m"));
        QVERIFY2(lines[6].startsWith("Buy \\u001b[31mand operate (buy\\u001b]0;pwned\\u0007)     "),
                 qPrintable(lines[6]));
        // Every row as wide as the header: the width counts the escapes as printed.
        for (int i : {4, 5, 6, 7})
            QCOMPARE(lines[i].size(), lines[3].size());
        QVERIFY2(
            r.out.contains("\nVerdict: Buy \\u001b[31mand operate is cheapest, USD 9,005.5 M NPV below Rent "
                           "from CoreWeave (the next best).\n"),
            qPrintable(r.out));
        QVERIFY(r.out.contains(
            "\nBreakeven: Buy \\u001b[31mand operate beats the spot market above 0.379 times the demand.\n"));
    }

    // Every item ends before the valuation date: every alternative costs 0, and no output may name
    // one of them the cheapest (issue 13, item 11).
    void evaluateSaysNothingToCompareWhenEveryItemHasEnded() {
        QFile example(QStringLiteral(EXAMPLE_JSON));
        QVERIFY(example.open(QIODevice::ReadOnly));
        // Without the example's demand: one would still be bought at spot after every item ended.
        QByteArray json = example.readAll();
        const qsizetype demand = json.indexOf("  \"demand\": {"), market = json.indexOf("  \"market\": {");
        QVERIFY(demand > 0 && market > demand);
        json.remove(demand, market - demand);
        const QByteArray uncertainty =
            "    \"demand\": { \"reversion_per_year\": 1.0, \"volatility\": 0.15 },\n";
        QVERIFY(json.contains(uncertainty));
        json.replace(uncertainty, "");
        const QByteArray valuation = "\"valuation_date\": \"2027-01-01\"";
        QVERIFY(json.contains(valuation));
        QTemporaryDir dir;
        auto write = [&](const QString& fileName, const QByteArray& bytes) {
            QFile f(dir.filePath(fileName));
            if (!f.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(f.fileName()));
            f.write(bytes);
            return f.fileName();
        };
        // The latest end in the example is 2032-12-20.
        const QString ended =
            write("ended.json", QByteArray(json).replace(valuation, "\"valuation_date\": \"2034-01-01\""));
        auto r = run({"evaluate", ended});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith("* LCOC: cost per H100-equivalent GPU-hour, after tax, discounted\n\nNothing "
                                "to compare: every contract and fleet ends "
                                "before the valuation date 2034-01-01, so every alternative costs 0.\n"),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains("Verdict:"));
        QVERIFY(!r.out.contains("cheapest"));
        QVERIFY(!r.out.contains("Breakeven:"));
        QVERIFY(!r.out.contains("NPV by cost line"));
        QVERIFY(r.out.contains("Rent from CoreWeave (rent)                   0.0                     0.0"));

        r = run({"evaluate", ended, "--json"});
        QCOMPARE(r.exitCode, 0);
        QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(o["nothing_to_compare"].isBool());
        QCOMPARE(o["nothing_to_compare"].toBool(), true);
        const QJsonArray alts = o["alternatives"].toArray();
        QCOMPARE(alts.size(), 3);
        for (const QJsonValue& a : alts) {
            QCOMPARE(a.toObject()["npv_cost"].toDouble(), 0.0);
            QCOMPARE(a.toObject()["total_cash"].toDouble(), 0.0);
        }

        // Items that all start after an explicit horizon end: the same verdict, with the other reason.
        QByteArray early = json;
        early.replace(valuation, "\"valuation_date\": \"2024-01-01\"")
            .replace("\"assumptions\": { \"discount_rate\": 0.09, \"tax_rate\": 0.21 }",
                     "\"assumptions\": { \"discount_rate\": 0.09, \"tax_rate\": 0.21, \"horizon_end\": "
                     "\"2024-06-30\" }");
        const QString later = write("later.json", early);
        r = run({"evaluate", later});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith(
                     "\n\nNothing to compare: no contract or fleet has a cash flow between the valuation "
                     "date 2024-01-01 and the horizon end 2024-06-30, so every alternative costs 0.\n"),
                 qPrintable(r.out));
        o = QJsonDocument::fromJson(run({"evaluate", later, "--json"}).out.toUtf8()).object();
        QCOMPARE(o["nothing_to_compare"].toBool(), true);

        // The example itself has a verdict, and says so in the JSON too.
        o = QJsonDocument::fromJson(run({"evaluate", QStringLiteral(EXAMPLE_JSON), "--json"}).out.toUtf8())
                .object();
        QVERIFY(o["nothing_to_compare"].isBool());
        QCOMPARE(o["nothing_to_compare"].toBool(), false);
    }

    // goal-seek: the TCV of the first contract at which renting costs what spot does; evaluated at
    // that TCV the two NPVs agree. The text says the bracket, the iterations and the tolerance.
    void goalSeekSolvesForAnInput() {
        const QString example = QStringLiteral(EXAMPLE_JSON);
        const QStringList args = {"goal-seek", example,
                                  "--input",   "/contracts/id=cw-2025/total_contract_value",
                                  "--target",  "npv-equal:rent,spot",
                                  "--bracket", "1e9,5e10"};
        auto r = run(args + QStringList{"--json"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o["status"].toString(), QString("solved"));
        QCOMPARE(o["value_in_file"].toDouble(), 14.2e9);
        QCOMPARE(o["bracket"].toObject()["source"].toString(), QString("--bracket"));
        QCOMPARE(o["bracket"].toObject()["lo"].toDouble(), 1e9);
        QVERIFY(o["target_at_lo"].toDouble() < 0.0 && o["target_at_hi"].toDouble() > 0.0);
        QVERIFY(o["iterations"].toInt() >= 1);
        QCOMPARE(o["evaluations"].toInt(), o["iterations"].toInt() + 2);
        QCOMPARE(o["tolerance"].toObject()["relative"].toDouble(), 1e-12);
        const double tcv = o["solution"].toDouble();
        QVERIFY(tcv > 14.2e9 && tcv < 5e10);
        QFile file(example);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray json = file.readAll();
        QVERIFY(json.contains("\"total_contract_value\": 14.2e9,"));
        json.replace("\"total_contract_value\": 14.2e9,",
                     "\"total_contract_value\": " + QByteArray::number(tcv, 'g', 17) + ",");
        QTemporaryDir dir;
        QFile solved(dir.filePath("solved.json"));
        QVERIFY(solved.open(QIODevice::WriteOnly));
        solved.write(json);
        solved.close();
        const QJsonObject e =
            QJsonDocument::fromJson(run({"evaluate", solved.fileName(), "--json"}).out.toUtf8()).object();
        double rent = 0.0, spot = 0.0;
        for (const QJsonValue& a : e["alternatives"].toArray()) {
            if (a.toObject()["id"].toString() == "rent")
                rent = a.toObject()["npv_cost"].toDouble();
            if (a.toObject()["id"].toString() == "spot")
                spot = a.toObject()["npv_cost"].toDouble();
        }
        QVERIFY2(std::abs(rent - spot) <= 1e-6 * spot, qPrintable(QString::number(rent - spot)));

        r = run(args);
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split('\n');
        QCOMPARE(lines[0],
                 QString("Input:        /contracts/id=cw-2025/total_contract_value (1.42e+10 in the file)"));
        QCOMPARE(lines[1],
                 QString("Target:       npv-equal:rent,spot (NPV cost of rent - NPV cost of spot = 0)"));
        QVERIFY(lines[2].startsWith("Solution:     2"));
        QVERIFY(lines[3].startsWith("Residual:     ") && lines[3].endsWith(" USD"));
        QVERIFY(lines[4].startsWith("Bracket:      [1e+09, 5e+10] (--bracket); the target is -"));
        QVERIFY(lines[5].startsWith("Narrowed to:  ["));
        QVERIFY(
            lines[6].startsWith("Method:       TOMS 748 (Boost.Math toms748_solve), until the bracket is at "
                                "most 1e-12 x |x| or 1e-15 x the starting width wide"));
        // The default bracket: a fleet's capex has no finite upper bound, so a tenth to ten times it.
        r = run(
            {"goal-seek", example, "--input", "/fleets/0/capex_per_gpu", "--target", "npv-equal:buy,rent"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Bracket:      [5500, 550000] (a tenth to ten times the value in the file)"),
                 qPrintable(r.out));
    }

    // No solution in the bracket is said plainly, with the target at both ends; a bad path or
    // argument gets one line.
    void goalSeekSaysWhenThereIsNoSolution() {
        const QString example = QStringLiteral(EXAMPLE_JSON);
        auto r = run({"goal-seek", example, "--input", "/contracts/id=cw-2025/total_contract_value",
                      "--target", "npv-equal:rent,buy", "--bracket", "2e10,3e10"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith(example + ": goal seek: no solution in [2e+10, 3e+10]: NPV cost of rent - "
                                            "NPV cost of buy is "),
                 qPrintable(r.err));
        QVERIFY(r.err.endsWith(" at 3e+10, the same sign\n"));
        r = run({"goal-seek", example, "--input", "/contracts/id=nope/price_per_gpu_hour", "--target",
                 "npv-equal:rent,buy"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, example + ": /contracts/id=nope/price_per_gpu_hour: contracts has no entry with id "
                                  "\"nope\"\n");
        // The default bracket's end the file refuses: its message, and what to do.
        r = run({"goal-seek", example, "--input", "/contracts/0/total_contract_value", "--target",
                 "npv-equal:rent,spot"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("goal seek: at /contracts/0/total_contract_value = 1e+15: ") &&
                     r.err.contains("contracts[0].total_contract_value: 1e+15 implies ") &&
                     r.err.endsWith("; give --bracket LO,HI within what the file accepts\n"),
                 qPrintable(r.err));
        for (const auto& [extra, message] :
             {std::pair{QStringList{"--target", "npv-equal:rent,buy"}, QString("--input is required")},
              std::pair{QStringList{"--input", "/fleets/0/gpus"}, QString("--target is required")},
              std::pair{QStringList{"--input", "/fleets/0/gpus", "--target", "irr:rent=1"},
                        QString("--target: \"irr\" is not a target kind")},
              std::pair{
                  QStringList{"--input", "/fleets/0/gpus", "--target", "npv:rent=1", "--bracket", "3,1"},
                  QString("--bracket: \"3,1\" is not LO,HI")}}) {
            r = run(QStringList{"goal-seek", example} + extra);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.startsWith("computeledger goal-seek: " + message), qPrintable(r.err));
        }
    }

    // stress: the smallest move of each input alone that flips the verdict, ranked; the file's
    // scenarios that flip it; with --simulate the share of paths.
    void stressRanksTheMovesThatFlipTheVerdict() {
        QFile file(QStringLiteral(EXAMPLE_JSON));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        auto set = [](const QString& path, double value) {
            return QJsonObject{{"path", path}, {"value", value}};
        };
        // Both contracts at a third of their value (below the breakeven factor 0.554), and dearer power.
        doc["scenarios"] = QJsonArray{
            QJsonObject{{"name", "Cheap rent"},
                        {"overrides", QJsonArray{set("/contracts/0/total_contract_value", 14.2e9 / 3),
                                                 set("/contracts/1/total_contract_value", 21e9 / 3)}}},
            QJsonObject{{"name", "Dear power"},
                        {"overrides", QJsonArray{set("/fleets/0/power_price_per_mwh", 120)}}}};
        QTemporaryDir dir;
        QFile withScenarios(dir.filePath("scenarios.json"));
        QVERIFY(withScenarios.open(QIODevice::WriteOnly));
        withScenarios.write(QJsonDocument(doc).toJson());
        withScenarios.close();
        auto r = run({"stress", QStringLiteral(EXAMPLE_JSON)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.out.startsWith("Reverse stress: Buy and operate (buy) is cheapest; the next best is Rent from "
                             "CoreWeave (rent)\nGap: the next best's NPV cost minus the winner's, USD "
                             "9,005.5 M as given\n"),
            qPrintable(r.out));
        QVERIFY(r.out.contains("Contract prices                     x0.554        44.6%     x0 to x10\n"));
        QVERIFY(r.out.contains(
            "Contract prices x0.554 (a move of 44.6%) flips Buy and operate to Rent from CoreWeave.\n"));
        QVERIFY(r.out.contains("Residual value                      cannot        -         x0 to x10\n"));
        QVERIFY(!r.out.contains("Scenarios:"));
        r = run({"stress", withScenarios.fileName()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith("Scenarios: 1 of 2 flip the verdict: \"Cheap rent\".\n"), qPrintable(r.out));

        r = run({"stress", withScenarios.fileName(), "--json", "--simulate", "--paths", "2000"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o["winner"].toString(), QString("buy"));
        QCOMPARE(o["runner_up"].toString(), QString("rent"));
        const QJsonArray inputs = o["inputs"].toArray();
        double previous = 0.0;
        bool steady = false;
        for (const QJsonValue& v : inputs) {
            const QJsonObject x = v.toObject();
            if (x["flips"].toBool()) {
                QVERIFY(!steady); // every flip before the inputs that cannot
                QVERIFY(x["move"].toDouble() >= previous);
                previous = x["move"].toDouble();
                QVERIFY(std::abs(x["residual"].toDouble()) <= 1e-6 * o["base_gap"].toDouble());
            } else {
                steady = true;
                QVERIFY(x["flip_at"].isNull());
                QVERIFY(x["gap_at_min"].toDouble() > 0.0 && x["gap_at_max"].toDouble() > 0.0);
            }
        }
        QVERIFY(steady);
        QCOMPARE(inputs[0].toObject()["id"].toString(), QString("contract_prices"));
        QCOMPARE(inputs[0].toObject()["label"].toString(), QString("x0.554"));
        QCOMPARE(o["scenarios"].toObject()["flip"].toInt(), 1);
        QCOMPARE(o["simulation"].toObject()["paths"].toInt(), 2000);
        const double share = o["simulation"].toObject()["probability_flip"].toDouble();
        QVERIFY(share >= 0.0 && share <= 1.0);
        r = run({"stress", withScenarios.fileName(), "--simulate", "--paths", "2000"});
        QVERIFY2(r.out.endsWith(" of them (Rent from CoreWeave costs less than Buy and operate).\n"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("Monte Carlo, 2,000 paths: the verdict flips on "));
        r = run({"stress", QStringLiteral(EXAMPLE_JSON), "--paths", "2000"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("computeledger stress: --paths needs --simulate\n"));
    }
};

QTEST_GUILESS_MAIN(CommandLineTest)
#include "tst_command_line.moc"
