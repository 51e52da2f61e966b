// computeledger slurm: the sbatch scripts of a sharded run (docs/scale-out.md): an array job of
// `simulate --shard auto` tasks and a merge job that waits for all of them (afterok). Slurm
// schedules; this command only writes what it is given to run.
#include "app/Commands.h"

#include "app/CommandSupport.h"
#include "app/ShardSpec.h"
#include "data/CledgerDocument.h"
#include "engine/CompiledPortfolio.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/Shards.h"
#include "portfolio/Limits.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace ledger::app {

namespace {

// A word the shell reads as it is: in single quotes, each ' closed, escaped and reopened.
QString shellWord(const QString& s) {
    QString q = s;
    q.replace("'", "'\\''");
    return "'" + q + "'";
}

bool writeScript(const QString& path, const QString& text, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) != text.toUtf8().size() || !f.commit()) {
        *error = path + ": cannot be written (" + f.errorString() + ")";
        return false;
    }
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner | QFileDevice::ExeGroup);
    return true;
}

// Megabytes to ask Slurm for: the outcomes (three sets with the accounting view), doubled for the
// merge's copy of the shard it reads, and room for the program itself.
long long megabytesFor(std::uint64_t outcomeBytes) {
    return (long long)(outcomeBytes >> 20) + 512;
}

} // namespace

int slurmCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("slurm", "subcommand");
    parser.addPositionalArgument("FILE", "portfolio JSON file or .cledger document");
    parser.addOption({"paths", "Monte Carlo paths of the whole run (default: the file's)", "N"});
    parser.addOption({"seed", "random seed (default: the file's)", "S"});
    parser.addOption({"shards", "array tasks per scenario", "S"});
    parser.addOption({"partition", "the Slurm partition (default: the cluster's)", "P"});
    parser.addOption({"time", "each task's time limit, as sbatch --time takes it (HH:MM:SS)", "T"});
    parser.addOption({"cpus-per-task", "CPUs of each shard task (default 1)", "C"});
    parser.addOption({"sweep", "one run per scenario: all, or names separated by commas", "SCENARIOS"});
    parser.addOption(
        {"dir", "where the scripts, the shards and the result go (default: FILE's name + .slurm)", "DIR"});
    parser.addOption({"computeledger", "the program the nodes run (default: this one)", "PATH"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return userError("computeledger slurm: expected one FILE; see computeledger --help");
    if (!parser.isSet("shards"))
        return userError("computeledger slurm: --shards S is required (array tasks per scenario)");
    auto integer = [&](const char* name, long long lo, long long hi, long long* v) {
        bool ok = false;
        *v = parser.value(name).toLongLong(&ok);
        if (ok && *v >= lo && *v <= hi)
            return true;
        error = QString("computeledger slurm: --%1: \"%2\" is not a whole number in %3..%4")
                    .arg(name, parser.value(name))
                    .arg(lo)
                    .arg(hi);
        return false;
    };
    const QString path = pos[1];
    const OpenedPortfolio opened = openPortfolio(path);
    if (!opened.ok())
        return kUserError;
    const Portfolio& p = opened.portfolio();
    long long shards = 0, paths = p.simulation.paths, seed = (long long)p.simulation.seed, cpus = 1;
    if (!integer("shards", 1, kMaxShards, &shards) ||
        (parser.isSet("paths") && !integer("paths", 1, kMaxPaths, &paths)) ||
        (parser.isSet("seed") && !integer("seed", 0, (long long)kMaxSeed, &seed)) ||
        (parser.isSet("cpus-per-task") && !integer("cpus-per-task", 1, 4096, &cpus)))
        return userError(error);
    if (parser.isSet("time") &&
        !QRegularExpression(R"(^(\d+-)?\d+(:\d{1,2}){0,2}$)").match(parser.value("time")).hasMatch())
        return userError("computeledger slurm: --time: \"" + parser.value("time") +
                         "\" is not a Slurm time limit (MM, HH:MM:SS or D-HH:MM:SS)");
    if (parser.isSet("partition") &&
        !QRegularExpression(R"(^[A-Za-z0-9_.,-]+$)").match(parser.value("partition")).hasMatch())
        return userError("computeledger slurm: --partition: \"" + parser.value("partition") +
                         "\" is not a partition name");
    std::vector<std::string> sweep;
    if (parser.isSet("sweep") && !sweepScenarios(p, parser.value("sweep"), &sweep, &error))
        return userError("computeledger slurm: --sweep: " + error);
    const long long tasks = shards * (long long)std::max<std::size_t>(1, sweep.size());
    if (tasks > kMaxShards)
        return userError(QString("computeledger slurm: %1 tasks (scenarios x shards) are more than %2")
                             .arg(tasks)
                             .arg(kMaxShards));

    const QString dir =
        QFileInfo(parser.isSet("dir") ? parser.value("dir") : path + ".slurm").absoluteFilePath();
    if (!QDir().mkpath(dir + "/shards") || !QDir().mkpath(dir + "/logs"))
        return userError("computeledger slurm: " + dir + ": cannot be created");
    // The run reads its own copy: editing the file after submitting cannot change a task's inputs.
    const QString input = dir + "/portfolio." + QFileInfo(path).suffix();
    if (const QString source = QFileInfo(path).absoluteFilePath(); source != input) {
        QFile::remove(input);
        if (!QFile::copy(source, input))
            return userError("computeledger slurm: " + input + ": cannot be written");
    }
    const QString program = parser.isSet("computeledger") ? parser.value("computeledger")
                                                          : QCoreApplication::applicationFilePath();

    // Memory: a shard keeps its paths' outcomes; the merge all of them and one shard's.
    const CompiledPortfolio cp(p, opened.catalog, monteCarloCompilation());
    const std::uint64_t all = PathOutcomes::bytesFor(paths, cp.inputs()) * 3;
    const ShardRange largest = shardRange(paths, 0, int(shards), shardUnitPaths(cp.inputs()));
    const std::uint64_t one =
        PathOutcomes::bytesFor(std::max<std::int64_t>(largest.paths(), shardUnitPaths(cp.inputs())),
                               cp.inputs()) *
        3;
    QString common = "#!/bin/bash\n";
    auto directive = [](const QString& d) { return "#SBATCH " + d + "\n"; };
    QString options;
    if (parser.isSet("partition"))
        options += directive("--partition=" + parser.value("partition"));
    if (parser.isSet("time"))
        options += directive("--time=" + parser.value("time"));
    const QString sweepArg = sweep.empty() ? QString() : " --sweep " + shellWord(parser.value("sweep"));
    const QString shardsScript =
        common + "# A sharded ComputeLedger run (docs/scale-out.md): " + QString::number(tasks) +
        " array tasks, each one shard of " + QString::number(paths) + " paths.\n" +
        directive("--job-name=cledger-shards") + directive(QString("--array=0-%1").arg(tasks - 1)) +
        directive(QString("--cpus-per-task=%1").arg(cpus)) +
        directive(QString("--mem=%1M").arg(megabytesFor(one))) +
        directive("--output=" + dir + "/logs/shard-%a.out") + options + "set -euo pipefail\n" + "exec " +
        shellWord(program) + " simulate " + shellWord(input) +
        QString(" --paths %1 --seed %2").arg(paths).arg(seed) + QString(" --shard auto/%1").arg(shards) +
        sweepArg + " --device cpu --threads \"${SLURM_CPUS_PER_TASK:-1}\"" + " --out " +
        shellWord(dir + "/shards") + "/shard-\"${SLURM_ARRAY_TASK_ID}\".clshard\n";
    const QString mergeScript =
        common + "# The merge of the shards into one run's statistics, once every task has succeeded.\n" +
        directive("--job-name=cledger-merge") + directive(QString("--cpus-per-task=%1").arg(cpus)) +
        directive(QString("--mem=%1M").arg(megabytesFor(all + one))) +
        directive("--output=" + dir + "/logs/merge.out") + options + "set -euo pipefail\n" + "cd " +
        shellWord(dir) + "\n" + "exec " + shellWord(program) +
        " merge shards/shard-*.clshard --json --threads \"${SLURM_CPUS_PER_TASK:-1}\" > result.json\n";
    const QString submitScript =
        "#!/bin/bash\n# Submits the array job, then the merge to run after every task has succeeded.\n"
        "set -euo pipefail\ncd " +
        shellWord(dir) +
        "\n"
        "rm -f shards/shard-*.clshard result.json\n"
        "array=$(sbatch --parsable shards.sbatch)\n"
        "array=${array%%;*}\n"
        "merge=$(sbatch --parsable --dependency=afterok:\"$array\" merge.sbatch)\n"
        "echo \"array job $array, merge job ${merge%%;*}: the result goes to " +
        dir + "/result.json\"\n";
    for (const auto& [name, text] :
         {std::pair{QString("shards.sbatch"), shardsScript}, std::pair{QString("merge.sbatch"), mergeScript},
          std::pair{QString("submit.sh"), submitScript}})
        if (!writeScript(dir + "/" + name, text, &error))
            return userError("computeledger slurm: " + error);
    out() << QString("%1 tasks of %2 paths in %3: submit them with\n  bash %4\n")
                 .arg(tasks)
                 .arg(paths)
                 .arg(dir, shellWord(dir + "/submit.sh"));
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
