// evaluate --scenario and --all-scenarios (issue 21): a scenario's result has evaluate's keys and its
// numbers are the scenario's; --all-scenarios gives the base case first and one result per scenario,
// the winner and whether it flips the verdict, with a Monte Carlo on each on the same seed and paths;
// and the refusals name what is wrong.
#include "CliRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using ledger::testing::Run;
using ledger::testing::run;

QJsonObject json(const Run& r) {
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

// The example with a scenario that makes renting cheap and one that changes nothing.
QString withScenarios(const QTemporaryDir& dir) {
    QFile f(QStringLiteral(EXAMPLE_JSON));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no example");
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    root["scenarios"] = QJsonArray{
        QJsonObject{
            {"name", "Cheap rent"},
            {"description", "CoreWeave at a third of the price"},
            {"overrides",
             QJsonArray{
                 QJsonObject{{"path", "/contracts/id=cw-2025/total_contract_value"}, {"value", 5e9}},
                 QJsonObject{{"path", "/contracts/id=cw-2026/total_contract_value"}, {"value", 8e9}}}}},
        QJsonObject{{"name", "Same"}, {"overrides", QJsonArray{}}}};
    const QString path = dir.filePath("scenarios.json");
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write");
    out.write(QJsonDocument(root).toJson());
    return path;
}

} // namespace

class ScenarioCliTest : public QObject {
    Q_OBJECT
private slots:
    void oneScenarioHasEvaluatesKeys() {
        QTemporaryDir dir;
        const QString file = withScenarios(dir);
        const QJsonObject base = json(run({"evaluate", file, "--json"}));
        const Run same = run({"evaluate", file, "--scenario", "Same", "--json"});
        QCOMPARE(same.exitCode, 0);
        QJsonObject o = json(same);
        QCOMPARE(o.value("scenario").toString(), QString("Same"));
        o.remove("scenario");
        QCOMPARE(o, base); // a scenario with no overrides is the base case, every number
        const QJsonObject cheap = json(run({"evaluate", file, "--scenario", "Cheap rent", "--json"}));
        QStringList keys = cheap.keys();
        keys.removeOne("scenario");
        QCOMPARE(keys, base.keys()); // the same keys as evaluate's
        QVERIFY(cheap.value("alternatives")[0]["npv_cost"].toDouble() <
                base.value("alternatives")[0]["npv_cost"].toDouble() / 2);
        const Run table = run({"evaluate", file, "--scenario", "Cheap rent"});
        QVERIFY2(table.out.startsWith("Scenario: Cheap rent\n"), qPrintable(table.out.left(80)));
    }

    void allScenariosAndTheirMonteCarlo() {
        QTemporaryDir dir;
        const QString file = withScenarios(dir);
        const Run r = run(
            {"evaluate", file, "--all-scenarios", "--json", "--simulate", "--paths", "500", "--seed", "9"});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = json(r).value("scenarios").toArray();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0]["scenario"].toString(), QString("Base case"));
        QVERIFY(rows[0]["base"].toBool());
        QCOMPARE(rows[0]["winner"].toString(), QString("buy"));
        QCOMPARE(rows[1]["winner"].toString(), QString("rent"));
        QVERIFY(rows[1]["flips_verdict"].toBool());
        QCOMPARE(rows[1]["description"].toString(), QString("CoreWeave at a third of the price"));
        QVERIFY(!rows[2]["flips_verdict"].toBool());
        // The same seed and paths: the scenario with no overrides has the base case's statistics.
        const QJsonObject baseRun = rows[0]["result"]["simulation"].toObject();
        const QJsonObject sameRun = rows[2]["result"]["simulation"].toObject();
        QCOMPARE(baseRun.value("alternatives"), sameRun.value("alternatives"));
        QCOMPARE(baseRun.value("paths").toInt(), 500);
        // And the deterministic result is evaluate's for that scenario.
        QJsonObject one = json(run({"evaluate", file, "--scenario", "Cheap rent", "--json"}));
        one.remove("scenario");
        QJsonObject row = rows[1]["result"].toObject();
        QVERIFY(row.contains("simulation"));
        row.remove("simulation");
        QCOMPARE(row, one);
        const Run table = run({"evaluate", file, "--all-scenarios"});
        QVERIFY2(table.out.contains("Cheap rent *"), qPrintable(table.out));
        QVERIFY(table.out.contains("Base case"));
    }

    void refusals() {
        QTemporaryDir dir;
        const QString file = withScenarios(dir);
        Run r = run({"evaluate", file, "--scenario", "Nope"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed(),
                 QString("computeledger evaluate: %1 has no scenario \"Nope\" (it has \"Cheap rent\", "
                         "\"Same\")")
                     .arg(file));
        r = run({"evaluate", QStringLiteral(EXAMPLE_JSON), "--scenario", "Any"});
        QVERIFY2(r.err.contains("has no scenario \"Any\" (it has none)"), qPrintable(r.err));
        r = run({"evaluate", file, "--all-scenarios", "--scenario", "Same"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--all-scenarios evaluates every scenario"));
    }
};

QTEST_APPLESS_MAIN(ScenarioCliTest)
#include "tst_scenario_cli.moc"
