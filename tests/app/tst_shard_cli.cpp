// simulate --shard, merge and slurm (issue 24, docs/scale-out.md) as a user runs them: shards merged
// equal one evaluate --simulate run byte for byte but for the run's timings, threads, device and
// shard count; --shard auto reads Slurm's, Kubernetes' and AWS Batch's task index; each refusal of
// the merge names its problem; a sweep merges into one result per scenario.
#include "CliRun.h"
#include "data/ScenarioGrid.h"
#include "data/ShardFile.h"
#include "data/SkuCatalogJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using ledger::testing::Run;
using ledger::testing::run;

namespace {

const QString kExample = QStringLiteral(EXAMPLE_JSON);
constexpr int kPaths = 30000;

// The JSON's text without the lines that say how the run went (issue 24's exceptions).
QString withoutRunLines(const QString& json) {
    static const QRegularExpression runLine(R"re(^ *"(seconds|path_seconds|threads|device|shards)":.*$\n)re",
                                            QRegularExpression::MultilineOption);
    QString s = json;
    s.remove(runLine);
    return s;
}

// The environment without any scheduler's task variables, plus `set`.
QProcessEnvironment schedulerEnvironment(const QStringList& set) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT",
                          "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"})
        env.remove(v);
    for (const QString& kv : set)
        env.insert(kv.section('=', 0, 0), kv.section('=', 1));
    return env;
}

// Shards 0 .. count - 1 of `file` into dir, as paths.
QStringList shards(const QString& file, const QTemporaryDir& dir, int count, const QString& prefix,
                   const QStringList& more = {}) {
    QStringList out;
    for (int i = 0; i < count; ++i) {
        const QString path = dir.filePath(QString("%1-%2.clshard").arg(prefix).arg(i));
        const Run r = run(QStringList{"simulate", file, "--paths", QString::number(kPaths), "--shard",
                                      QString("%1/%2").arg(i).arg(count), "--out", path} +
                          more);
        if (r.exitCode != 0)
            qFatal("simulate failed: %s", qPrintable(r.err));
        out << path;
    }
    return out;
}

QString writeJson(const QTemporaryDir& dir, const QString& name, const QJsonObject& root) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(QJsonDocument(root).toJson());
    return path;
}

QJsonObject example() {
    QFile f(kExample);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no example");
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class ShardCliTest : public QObject {
    Q_OBJECT

private slots:
    void mergedShardsAreOneRunByteForByte() {
        QTemporaryDir dir;
        const QStringList files = shards(kExample, dir, 4, "s");
        const Run merged = run(QStringList{"merge"} + files + QStringList{"--json"});
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
        const Run single = run({"evaluate", kExample, "--simulate", "--paths", QString::number(kPaths),
                                "--device", "cpu", "--json"});
        QCOMPARE(single.exitCode, 0);
        QVERIFY(merged.out.size() > 10000);
        QCOMPARE(withoutRunLines(merged.out), withoutRunLines(single.out));
        const QJsonObject simulation =
            QJsonDocument::fromJson(merged.out.toUtf8()).object()["simulation"].toObject();
        QCOMPARE(simulation["shards"].toInt(), 4);
        QCOMPARE(simulation["paths"].toInt(), kPaths);
        QVERIFY(simulation["device"].toString().startsWith("cpu ("));
        // The order the files are given in does not matter; the table says it merged them.
        QStringList reversed(files.rbegin(), files.rend());
        const Run table = run(QStringList{"merge"} + reversed);
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("Merged from 4 shards."));
        const Run plain =
            run({"evaluate", kExample, "--simulate", "--paths", QString::number(kPaths), "--device", "cpu"});
        const QString firstLines = plain.out.section("Monte Carlo", 0, 0);
        QVERIFY(firstLines.size() > 200);
        QVERIFY(table.out.startsWith(firstLines));
    }

    // The shard's range: the rule on whole units, its manifest saying which of how many it is.
    void aShardHoldsItsRangeAndSaysSo() {
        QTemporaryDir dir;
        const QString path = dir.filePath("one.clshard");
        const Run r =
            run({"simulate", kExample, "--paths", "30000", "--seed", "5", "--shard", "2/4", "--out", path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString error;
        const auto m = ledger::data::readShardManifest(path, &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->index, 2);
        QCOMPARE(m->count, 4);
        QCOMPARE(m->paths, std::int64_t(30000));
        QCOMPARE(m->seed, std::uint64_t(5));
        const std::int64_t units = (30000 + m->unit - 1) / m->unit;
        QCOMPARE(m->range.begin, 2 * units / 4 * m->unit);
        QCOMPARE(m->range.end, 3 * units / 4 * m->unit);
        QVERIFY(r.out.contains(
            QString("shard 2 of 4: paths %1 to %2 of 30000").arg(m->range.begin).arg(m->range.end)));
        QCOMPARE(m->version, QStringLiteral(COMPUTELEDGER_VERSION));
        QVERIFY(m->device.startsWith("cpu ("));
        QCOMPARE(m->inputsHash.size(), 64);
        QVERIFY(m->accounting);
    }

    void autoReadsTheSchedulersTaskIndex() {
        QTemporaryDir dir;
        const QString path = dir.filePath("auto.clshard");
        auto shardOf = [&](const QString& spec, const QStringList& env) {
            return run({"simulate", kExample, "--paths", "5000", "--shard", spec, "--out", path}, 120000,
                       schedulerEnvironment(env));
        };
        struct Case {
            QString spec;
            QStringList env;
            QString says;
        };
        for (const Case& c :
             {Case{"auto", {"SLURM_ARRAY_TASK_ID=2", "SLURM_ARRAY_TASK_COUNT=4"}, "shard 2 of 4"},
              Case{"auto/8",
                   {"SLURM_ARRAY_TASK_ID=5", "SLURM_ARRAY_TASK_MIN=5", "SLURM_ARRAY_TASK_COUNT=1"},
                   "shard 5 of 8"},
              Case{"auto/3", {"JOB_COMPLETION_INDEX=1"}, "shard 1 of 3"},
              Case{"auto/5", {"AWS_BATCH_JOB_ARRAY_INDEX=4"}, "shard 4 of 5"}}) {
            const Run r = shardOf(c.spec, c.env);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.startsWith(c.says), qPrintable(r.out));
        }
        struct Refusal {
            QString spec;
            QStringList env;
            QString message;
        };
        for (const Refusal& c :
             {Refusal{"auto",
                      {},
                      "computeledger simulate: --shard: auto: this is not an array task (none of "
                      "SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX is set); "
                      "give --shard I/S\n"},
              Refusal{"auto",
                      {"JOB_COMPLETION_INDEX=1"},
                      "computeledger simulate: --shard: auto: the scheduler does not say how many tasks the "
                      "array has; give --shard auto/S\n"},
              Refusal{
                  "auto/4",
                  {"AWS_BATCH_JOB_ARRAY_INDEX=4"},
                  "computeledger simulate: --shard: AWS_BATCH_JOB_ARRAY_INDEX is 4: 4 shards are numbered 0 "
                  "to 3\n"},
              Refusal{"auto",
                      {"SLURM_ARRAY_TASK_ID=x", "SLURM_ARRAY_TASK_COUNT=4"},
                      "computeledger simulate: --shard: SLURM_ARRAY_TASK_ID is \"x\", not a task index\n"},
              Refusal{"4/4",
                      {},
                      "computeledger simulate: --shard: the task is 4: 4 shards are numbered 0 to 3\n"},
              Refusal{"3", {}, "computeledger simulate: --shard: \"3\" is not I/S, auto or auto/S\n"},
              Refusal{"1/0",
                      {},
                      "computeledger simulate: --shard: \"1/0\": the shard count must be a whole number "
                      "in 1..100000\n"}}) {
            const Run r = shardOf(c.spec, c.env);
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.err, c.message);
        }
        const Run noOut = run({"simulate", kExample, "--shard", "0/2"});
        QCOMPARE(noOut.exitCode, 1);
        QCOMPARE(noOut.err,
                 QString("computeledger simulate: --out SHARD_FILE is required (where the shard is "
                         "written)\n"));
    }

    void theMergeRefusesWhatIsNotOneRun() {
        QTemporaryDir dir;
        const QStringList files = shards(kExample, dir, 3, "s");
        auto merge = [&](const QStringList& given) {
            return run(QStringList{"merge"} + given + QStringList{"--json"});
        };
        auto refused = [&](const QStringList& given, const QString& message) {
            const Run r = merge(given);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out.left(200)));
            QCOMPARE(r.err, "computeledger merge: " + message + "\n");
        };
        QString error;
        const auto m1 = ledger::data::readShardManifest(files[1], &error);
        QVERIFY(m1);
        // A missing range, a repeated one.
        refused({files[0], files[2]}, QString("1 of the 3 shards is missing: 1 (paths %1 to %2)")
                                          .arg(m1->range.begin)
                                          .arg(m1->range.end));
        refused({files[0], files[1], files[1], files[2]},
                QString("shard 1 of 3 (paths %1 to %2) is given twice: %3 and %3")
                    .arg(m1->range.begin)
                    .arg(m1->range.end)
                    .arg(files[1]));
        // Another seed, other inputs.
        const QString seed7 = dir.filePath("seed7.clshard");
        QCOMPARE(run({"simulate", kExample, "--paths", QString::number(kPaths), "--seed", "7", "--shard",
                      "1/3", "--out", seed7})
                     .exitCode,
                 0);
        refused({files[0], seed7, files[2]},
                QString("%1 and %2 are shards of different runs: seed 20260101 and 7").arg(files[0], seed7));
        QJsonObject other = example();
        other["name"] = "Another deal";
        const QString otherFile = writeJson(dir, "other.json", other);
        const QString otherShard = dir.filePath("other.clshard");
        QCOMPARE(run({"simulate", otherFile, "--paths", QString::number(kPaths), "--shard", "1/3", "--out",
                      otherShard})
                     .exitCode,
                 0);
        const Run differentInputs = merge({files[0], otherShard, files[2]});
        QCOMPARE(differentInputs.exitCode, 1);
        QVERIFY2(
            differentInputs.err.startsWith(QString("computeledger merge: %1 and %2 are shards of different "
                                                   "inputs (the portfolio files' hashes ")
                                               .arg(files[0], otherShard)),
            qPrintable(differentInputs.err));
        // Another version: the same shard, its manifest saying another.
        {
            auto m = ledger::data::readShardManifest(files[1], &error);
            QVERIFY(m);
            const ledger::data::ShardManifest old = *m;
            m->version = "0.0.9";
            const ledger::CompiledPortfolio cp(
                *ledger::data::shardPortfolio(old, ledger::data::bundledSkuCatalog(), &error),
                ledger::data::bundledSkuCatalog(), ledger::monteCarloCompilation());
            ledger::ShardOutcomes outcomes(cp.inputs(), old.range, old.accounting);
            QVERIFY2(ledger::data::readShardOutcomes(files[1], old, outcomes, nullptr, &error),
                     qPrintable(error));
            const QString older = dir.filePath("older.clshard");
            QVERIFY2(ledger::data::writeShardFile(older, *m, outcomes, nullptr, &error), qPrintable(error));
            refused({files[0], older, files[2]},
                    QString("%1 and %2 are shards of different runs: computeledger version %3 and 0.0.9")
                        .arg(files[0], older, QStringLiteral(COMPUTELEDGER_VERSION)));
        }
        // A damaged file: cut short, one byte changed, not a shard at all.
        QFile source(files[1]);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        const QString cut = dir.filePath("cut.clshard"), flipped = dir.filePath("flipped.clshard"),
                      text = dir.filePath("text.clshard");
        auto write = [](const QString& path, const QByteArray& b) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(b);
        };
        write(cut, bytes.left(bytes.size() / 2));
        QByteArray changed = bytes;
        changed[changed.size() - 1000] = char(changed[changed.size() - 1000] ^ 0x01);
        write(flipped, changed);
        write(text, "not a shard\n");
        refused(
            {files[0], cut, files[2]},
            QString(
                "%1: is damaged: it holds %2 bytes where its manifest needs %3 (cut short or appended to)")
                .arg(cut)
                .arg(bytes.size() / 2)
                .arg(bytes.size()));
        refused({files[0], flipped, files[2]},
                flipped + ": is damaged: its checksum does not match its contents");
        refused({files[0], text},
                text + ": is not a shard file (computeledger simulate --shard writes them)");
        refused({dir.filePath("none.clshard")},
                dir.filePath("none.clshard") + ": cannot be read (No such file or directory)");
        // After every refusal the good shards still merge.
        QCOMPARE(merge(files).exitCode, 0);
    }

    // --into stores the merged run in the document, as evaluate --save-run does.
    void theMergedRunGoesIntoTheDocument() {
        QTemporaryDir dir;
        const QString doc = dir.filePath("deal.cledger");
        QCOMPARE(run({"convert", kExample, doc}).exitCode, 0);
        const QStringList files = shards(doc, dir, 2, "d");
        const Run merged = run(QStringList{"merge"} + files + QStringList{"--into", doc});
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
        const Run runs = run({"runs", doc});
        QCOMPARE(runs.exitCode, 0);
        QVERIFY2(runs.out.contains(QRegularExpression(R"(\n +1 +\S+ +30000 +20260101 +cpu \()")),
                 qPrintable(runs.out));
        QJsonObject other = example();
        other["name"] = "Another deal";
        const QString otherDoc = dir.filePath("other.cledger");
        QCOMPARE(run({"convert", writeJson(dir, "other.json", other), otherDoc}).exitCode, 0);
        const Run refused = run(QStringList{"merge"} + files + QStringList{"--into", otherDoc});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err,
                 "computeledger merge: --into: " + otherDoc +
                     " holds other inputs than the shards' portfolio; its runs would not be of it\n");
        const Run notDoc = run(QStringList{"merge"} + files + QStringList{"--into", kExample});
        QCOMPARE(notDoc.exitCode, 1);
        QCOMPARE(notDoc.err, "computeledger merge: --into: " + kExample +
                                 " is not a .cledger document (convert the portfolio first)\n");
    }

    // A sweep: each scenario x shard one task; the merge gives one result per scenario, as
    // evaluate --all-scenarios --simulate does.
    void aSweepMergesIntoOneResultPerScenario() {
        QTemporaryDir dir;
        QJsonObject root = example();
        root["scenarios"] = QJsonArray{QJsonObject{
            {"name", "Cheap rent"},
            {"overrides", QJsonArray{QJsonObject{{"path", "/contracts/id=cw-2025/total_contract_value"},
                                                 {"value", 5e9}}}}}};
        const QString file = writeJson(dir, "sweep.json", root);
        QStringList files;
        for (int task = 0; task < 4; ++task) { // 2 scenarios x 2 shards
            const QString path = dir.filePath(QString("t%1.clshard").arg(task));
            const Run r = run({"simulate", file, "--paths", QString::number(kPaths), "--sweep", "all",
                               "--shard", QString("%1/2").arg(task), "--out", path});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY(r.out.startsWith(QString("shard %1 of 2").arg(task % 2)));
            QCOMPARE(r.out.contains("of scenario \"Cheap rent\""), task >= 2);
            files << path;
        }
        const Run merged = run(QStringList{"merge"} + files + QStringList{"--json"});
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
        const Run single = run({"evaluate", file, "--all-scenarios", "--simulate", "--paths",
                                QString::number(kPaths), "--device", "cpu", "--json"});
        QCOMPARE(single.exitCode, 0);
        QCOMPARE(withoutRunLines(merged.out), withoutRunLines(single.out));
        const QJsonArray list = QJsonDocument::fromJson(merged.out.toUtf8()).object()["scenarios"].toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[1].toObject()["scenario"].toString(), QString("Cheap rent"));
        // One scenario's shards alone: that scenario's result, as evaluate --scenario gives it.
        const Run cheap = run({"merge", files[2], files[3], "--json"});
        QCOMPARE(cheap.exitCode, 0);
        const Run scenario = run({"evaluate", file, "--scenario", "Cheap rent", "--simulate", "--paths",
                                  QString::number(kPaths), "--device", "cpu", "--json"});
        QCOMPARE(withoutRunLines(cheap.out), withoutRunLines(scenario.out));
        // A missing shard of one scenario is named with it.
        const Run missing = run({"merge", files[0], files[1], files[2]});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(
            missing.err.startsWith("computeledger merge: 1 of the 2 shards of scenario \"Cheap rent\" is "
                                   "missing: 1 (paths "),
            qPrintable(missing.err));
        const Run unknown = run({"simulate", file, "--sweep", "Base case,Dear rent", "--shard", "0/1",
                                 "--out", dir.filePath("x.clshard")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.err,
                 QString("computeledger simulate: --sweep: the file has no scenario \"Dear rent\"\n"));
    }

    // Contract options (docs/model.md 17): the rules are fitted once, before the shards, and every
    // shard applies them; the merge values the options as evaluate --simulate does, to the byte.
    void contractOptionsShardWithRulesFittedOnce() {
        QTemporaryDir dir;
        const QString file = QStringLiteral(OPTIONS_JSON), rules = dir.filePath("rules.json");
        const QStringList run20k{"--paths", "20000"};
        const Run fit =
            run(QStringList{"fit-options", file, "--regression-paths", "5000", "--out", rules} + run20k);
        QVERIFY2(fit.exitCode == 0, qPrintable(fit.err));
        QCOMPARE(fit.out, "exercise rules of 3 option(s) in 1 fit(s), written to " + rules + "\n");
        QStringList files;
        for (int i = 0; i < 3; ++i) {
            files << dir.filePath(QString("o%1.clshard").arg(i));
            const Run r = run(QStringList{"simulate", file, "--shard", QString("%1/3").arg(i),
                                          "--exercise-rules", rules, "--out", files.last()} +
                              run20k);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        const Run merged = run(QStringList{"merge", dir.path(), "--json"}); // the folder: every shard in it
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
        const Run single = run(QStringList{"evaluate", file, "--simulate", "--regression-paths", "5000",
                                           "--device", "cpu", "--json"} +
                               run20k);
        QCOMPARE(single.exitCode, 0);
        QCOMPARE(withoutRunLines(merged.out), withoutRunLines(single.out));
        const QJsonArray options = QJsonDocument::fromJson(merged.out.toUtf8()).object()["options"].toArray();
        QCOMPARE(options.size(), 3);
        QCOMPARE(options[2].toObject()["monte_carlo"].toObject()["paths"].toInt(), 20000);
        QCOMPARE(options[2].toObject()["monte_carlo"].toObject()["regression_paths"].toInt(), 5000);
        QVERIFY(options[2].toObject()["monte_carlo"].toObject()["value"].toDouble() > 1e6);

        // Without the rules, with another seed's, of other inputs, or two fits in one run: refused.
        auto refused = [&](const QStringList& args, const QString& message) {
            const Run r = run(args);
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.err, message + "\n");
        };
        const QString x = dir.filePath("x.clshard");
        refused(QStringList{"simulate", file, "--shard", "0/3", "--out", x} + run20k,
                "computeledger simulate: " + file +
                    " has contract options: fit their exercise rules once, before the shards (computeledger "
                    "fit-options FILE --paths N --out RULES), and give every shard --exercise-rules RULES");
        refused(
            QStringList{"simulate", file, "--seed", "3", "--shard", "0/3", "--exercise-rules", rules, "--out",
                        x} +
                run20k,
            "computeledger simulate: --exercise-rules: " + rules +
                ": its rules were fitted with seed 7; this run's seed is 3: fit them with the run's seed");
        refused(QStringList{"fit-options", file, "--device", "gpu", "--out", dir.filePath("gpu.json")} +
                    run20k,
                "computeledger fit-options: --device gpu: the rules are fitted on the CPU, where the shards "
                "apply them; leave out --device");
        refused({"fit-options", kExample, "--out", dir.filePath("none.json")},
                "computeledger fit-options: " + kExample + " has no contract options");
        refused({"simulate", kExample, "--shard", "0/3", "--exercise-rules", rules, "--out", x},
                "computeledger simulate: --exercise-rules: " + kExample + " has no contract options");
        QJsonObject edited = QJsonDocument::fromJson([&] {
                                 QFile f(file);
                                 f.open(QIODevice::ReadOnly);
                                 return f.readAll();
                             }())
                                 .object();
        edited["name"] = "Edited";
        const QString editedFile = writeJson(dir, "edited.json", edited);
        refused(QStringList{"simulate", editedFile, "--shard", "0/3", "--exercise-rules", rules, "--out", x} +
                    run20k,
                "computeledger simulate: --exercise-rules: " + rules +
                    ": its rules were fitted on other inputs than this portfolio's; fit them again");
        const QString other = dir.filePath("other-rules.json");
        QCOMPARE(run(QStringList{"fit-options", file, "--regression-paths", "4000", "--out", other} + run20k)
                     .exitCode,
                 0);
        QCOMPARE(run(QStringList{"simulate", file, "--shard", "1/3", "--exercise-rules", other, "--out", x} +
                     run20k)
                     .exitCode,
                 0);
        refused({"merge", files[0], x, files[2]},
                "computeledger merge: " + files[0] + " and " + x +
                    " applied different exercise rules to the contract options: fit them once and give every "
                    "shard the same --exercise-rules");

        // computeledger slurm: a fit job first, the array after it, the merge after the array.
        const QString out = dir.filePath("slurm");
        const Run slurm = run(
            {"slurm", file, "--paths", "20000", "--regression-paths", "5000", "--shards", "4", "--dir", out});
        QVERIFY2(slurm.exitCode == 0, qPrintable(slurm.err));
        QFile fitScript(out + "/fit.sbatch"), shardsScript(out + "/shards.sbatch"),
            submit(out + "/submit.sh");
        QVERIFY(fitScript.open(QIODevice::ReadOnly) && shardsScript.open(QIODevice::ReadOnly) &&
                submit.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(fitScript.readAll())
                    .contains(" fit-options portfolio.json --paths 20000 --seed 7 --regression-paths 5000"));
        QVERIFY(QString::fromUtf8(shardsScript.readAll()).contains(" --exercise-rules exercise-rules.json"));
        const QString chain = QString::fromUtf8(submit.readAll());
        QVERIFY(chain.contains("fit=$(sbatch --parsable fit.sbatch)"));
        QVERIFY(
            chain.contains("array=$(sbatch --parsable --dependency=afterok:\"${fit%%;*}\" shards.sbatch)"));
    }

    // slurm --grid: every combination of the axes is a scenario of the run's copy; the generated
    // scripts, run as Slurm would run them (each task with its SLURM_ARRAY_TASK_ID; an #SBATCH line
    // is a comment to bash), merge into evaluate --all-scenarios' result for that copy.
    void aGridOnTheCommandLineSweepsEveryCombination() {
        QTemporaryDir dir;
        const QString out = dir.filePath("grid");
        const Run r = run({"slurm", kExample, "--paths", "3000", "--shards", "2", "--grid",
                           "/contracts/id=cw-2025/total_contract_value=5e9,7e9", "--grid",
                           "/assumptions/discount_rate=0.08,0.1", "--dir", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith("10 tasks of 3000 paths in " + out)); // (base + 4) x 2
        QFile copy(out + "/portfolio.json");
        QVERIFY(copy.open(QIODevice::ReadOnly));
        const QJsonArray scenarios = QJsonDocument::fromJson(copy.readAll()).object()["scenarios"].toArray();
        QCOMPARE(scenarios.size(), 4);
        QCOMPARE(scenarios[0].toObject()["name"].toString(),
                 QString("total_contract_value=5000000000; discount_rate=0.08"));
        QCOMPARE(scenarios[3].toObject()["name"].toString(),
                 QString("total_contract_value=7000000000; discount_rate=0.1"));
        for (int task = 0; task < 10; ++task) {
            QProcess bash;
            QProcessEnvironment env = schedulerEnvironment({QString("SLURM_ARRAY_TASK_ID=%1").arg(task)});
            env.insert("PATH", QProcessEnvironment::systemEnvironment().value("PATH"));
            bash.setProcessEnvironment(env);
            bash.start("bash", {out + "/shards.sbatch"});
            QVERIFY(bash.waitForFinished(60000));
            QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
        }
        QProcess merge;
        merge.start("bash", {out + "/merge.sbatch"});
        QVERIFY(merge.waitForFinished(60000));
        QVERIFY2(merge.exitCode() == 0, merge.readAllStandardError().constData());
        QFile result(out + "/result.json");
        QVERIFY(result.open(QIODevice::ReadOnly));
        const Run single = run({"evaluate", out + "/portfolio.json", "--all-scenarios", "--simulate",
                                "--paths", "3000", "--device", "cpu", "--json"});
        QCOMPARE(single.exitCode, 0);
        QCOMPARE(withoutRunLines(QString::fromUtf8(result.readAll())), withoutRunLines(single.out));
        // A bad axis is named.
        const Run bad = run({"slurm", kExample, "--shards", "2", "--grid",
                             "/contracts/id=cw-2025/take_or_pay=1.5", "--dir", out});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.startsWith("computeledger slurm: --grid: scenario \"take_or_pay=1.5\" "
                                    "(/contracts/id=cw-2025/take_or_pay): contracts[0].take_or_pay: "),
                 qPrintable(bad.err));
        const Run twice = run({"slurm", kExample, "--shards", "2", "--grid",
                               "/contracts/id=cw-2025/take_or_pay=0.8,0.80", "--dir", out});
        QCOMPARE(twice.exitCode, 1);
        QCOMPARE(
            twice.err,
            QString("computeledger slurm: --grid: /contracts/id=cw-2025/take_or_pay: 0.8 is given twice\n"));
        const Run axisTwice =
            run({"slurm", kExample, "--shards", "2", "--grid", "/contracts/id=cw-2025/take_or_pay=0.8",
                 "--grid", "/contracts/id=cw-2025/take_or_pay=0.9", "--dir", out});
        QCOMPARE(axisTwice.exitCode, 1);
        QCOMPARE(axisTwice.err,
                 QString("computeledger slurm: --grid: /contracts/id=cw-2025/take_or_pay is an axis "
                         "twice: give its values in one --grid\n"));
        // A text value may hold "/" and "=": the path ends at the first "=" that is not an id step's.
        QString error;
        const auto date = ledger::data::parseGridAxis("/contracts/id=cw-2025/end=2031/12/31,a=b", &error);
        QVERIFY2(date, qPrintable(error));
        QCOMPARE(date->path, std::string("/contracts/id=cw-2025/end"));
        QCOMPARE(date->values, (std::vector<std::string>{"\"2031/12/31\"", "\"a=b\""}));
        const Run notAxis = run({"slurm", kExample, "--shards", "2", "--grid", "price=4", "--dir", out});
        QCOMPARE(notAxis.exitCode, 1);
        QVERIFY(notAxis.err.startsWith("computeledger slurm: --grid: \"price=4\" is not PATH=V1,V2,..."));
    }

    void slurmWritesAnArrayJobAndItsMerge() {
        QTemporaryDir dir;
        const QString out = dir.filePath("run");
        const Run r = run({"slurm", kExample, "--paths", "200000", "--shards", "8", "--partition", "batch",
                           "--time", "01:00:00", "--cpus-per-task", "4", "--dir", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("8 tasks of 200000 paths in " + out));
        auto read = [&](const QString& name) {
            QFile f(out + "/" + name);
            if (!f.open(QIODevice::ReadOnly))
                qFatal("no %s", qPrintable(name));
            return QString::fromUtf8(f.readAll());
        };
        const QString shardsScript = read("shards.sbatch"), mergeScript = read("merge.sbatch"),
                      submit = read("submit.sh");
        for (const QString& line :
             {QString("#SBATCH --array=0-7"), QString("#SBATCH --partition=batch"),
              QString("#SBATCH --time=01:00:00"), QString("#SBATCH --cpus-per-task=4"),
              QString("cd '" + out + "'\n"), QString("#SBATCH --output=logs/shard-%a.out"),
              QString(" simulate portfolio.json --paths 200000 --seed 20260101 --shard auto/8 "
                      "--device cpu --threads \"${SLURM_CPUS_PER_TASK:-1}\" --memory-budget "),
              QString(" --out shards/shard-\"${SLURM_ARRAY_TASK_ID}\".clshard\n")})
            QVERIFY2(shardsScript.contains(line), qPrintable(line + "\n" + shardsScript));
        QVERIFY(mergeScript.contains(" merge shards --json"));
        QVERIFY(mergeScript.contains("> result.json"));
        QVERIFY(submit.contains("sbatch --parsable shards.sbatch"));
        QVERIFY(submit.contains("--dependency=afterok:\"${array%%;*}\" merge.sbatch"));
        QVERIFY(!QFile::exists(out + "/fit.sbatch")); // no contract options, no fit job
        QVERIFY(QFile::exists(out + "/portfolio.json"));
        QVERIFY(QFileInfo(out + "/submit.sh").isExecutable());
        // A sweep of every scenario: scenarios x shards tasks.
        QJsonObject root = example();
        root["scenarios"] = QJsonArray{QJsonObject{{"name", "Same"}, {"overrides", QJsonArray{}}},
                                       QJsonObject{{"name", "Also same"}, {"overrides", QJsonArray{}}}};
        const Run sweep = run({"slurm", writeJson(dir, "s.json", root), "--shards", "4", "--sweep", "all",
                               "--dir", dir.filePath("sweep")});
        QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.err));
        QFile sweepScript(dir.filePath("sweep/shards.sbatch"));
        QVERIFY(sweepScript.open(QIODevice::ReadOnly));
        const QString sweepText = QString::fromUtf8(sweepScript.readAll());
        QVERIFY(sweepText.contains("#SBATCH --array=0-11"));
        QVERIFY(sweepText.contains("--shard auto/4 --sweep 'all'"));
        // Refusals name the option.
        const Run badTime = run({"slurm", kExample, "--shards", "8", "--time", "an hour", "--dir", out});
        QCOMPARE(badTime.exitCode, 1);
        QCOMPARE(badTime.err,
                 QString("computeledger slurm: --time: \"an hour\" is not a Slurm time limit (MM, "
                         "HH:MM:SS or D-HH:MM:SS)\n"));
        const Run noShards = run({"slurm", kExample, "--dir", out});
        QCOMPARE(noShards.exitCode, 1);
        QCOMPARE(noShards.err,
                 QString("computeledger slurm: --shards S is required (array tasks per scenario)\n"));
    }
};

QTEST_GUILESS_MAIN(ShardCliTest)
#include "tst_shard_cli.moc"
