// computeledger slurm: the sbatch scripts of a sharded run (docs/scale-out.md): an array job of
// `simulate --shard auto` tasks and a merge job that waits for all of them (afterok). Slurm
// schedules; this command only writes what it is given to run.
#include "app/Commands.h"

#include "app/CommandSupport.h"
#include "app/ShardSpec.h"
#include "data/CledgerDocument.h"
#include "data/PortfolioJson.h"
#include "data/ScenarioGrid.h"
#include "data/ScenarioResults.h"
#include "engine/CompiledPortfolio.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/Shards.h"
#include "options/OptionValuation.h"
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

// Megabytes to ask Slurm for: what the job holds at once, and room for the program itself.
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
    parser.addOption({"grid",
                      "an axis of deal variants, PATH=V1,V2,... (repeat it: every combination is a "
                      "scenario of the sweep)",
                      "AXIS"});
    parser.addOption(
        {"regression-paths", "paths the contract options' rules are fitted on (default: --paths)", "M"});
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
        return readWholeNumber(parser, "slurm", name, lo, hi, v, &error);
    };
    const QString path = pos[1];
    const OpenedPortfolio opened = openPortfolio(path);
    if (!opened.ok())
        return kUserError;
    // A grid on the command line becomes scenarios of the run's copy of the portfolio.
    Portfolio p = opened.portfolio();
    std::vector<data::GridAxis> axes;
    for (const QString& spec : parser.values("grid")) {
        auto axis = data::parseGridAxis(spec, &error);
        if (!axis)
            return userError("computeledger slurm: --grid: " + error);
        axes.push_back(std::move(*axis));
    }
    if (!axes.empty()) {
        auto grid = data::gridScenarios(p, axes, opened.catalog, &error);
        if (!grid)
            return userError("computeledger slurm: --grid: " + error);
        for (Scenario& s : *grid)
            p.scenarios.push_back(std::move(s));
    }
    long long shards = 0, paths = p.simulation.paths, seed = (long long)p.simulation.seed, cpus = 1;
    if (!integer("shards", 1, kMaxShards, &shards) || !integer("paths", 1, kMaxPaths, &paths) ||
        !integer("seed", 0, (long long)kMaxSeed, &seed) || !integer("cpus-per-task", 1, 4096, &cpus))
        return userError(error);
    if (parser.isSet("time") &&
        !QRegularExpression(R"(^(\d+-)?\d+(:\d{1,2}){0,2}$)").match(parser.value("time")).hasMatch())
        return userError("computeledger slurm: --time: \"" + parser.value("time") +
                         "\" is not a Slurm time limit (MM, HH:MM:SS or D-HH:MM:SS)");
    if (parser.isSet("partition") &&
        !QRegularExpression(R"(^[A-Za-z0-9_.,-]+$)").match(parser.value("partition")).hasMatch())
        return userError("computeledger slurm: --partition: \"" + parser.value("partition") +
                         "\" is not a partition name");
    long long regression = 0;
    if (!integer("regression-paths", 100, kMaxPaths, &regression))
        return userError(error);
    const bool withOptions = hasContractOptions(p);
    if (regression > 0 && !withOptions)
        return userError("computeledger slurm: --regression-paths: " + path + " has no contract options");
    std::vector<std::string> sweep;
    if (parser.isSet("sweep") && !sweepScenarios(p, parser.value("sweep"), &sweep, &error))
        return userError("computeledger slurm: --sweep: " + error);
    // Without --sweep a grid sweeps every scenario of the copy (the base case, the file's own, then
    // every combination): "all", not their names, which for thousands would not fit a command line.
    QString sweepList = parser.value("sweep");
    if (!axes.empty() && !parser.isSet("sweep")) {
        sweepList = "all";
        sweepScenarios(p, sweepList, &sweep, &error);
    }
    const long long tasks = shards * (long long)std::max<std::size_t>(1, sweep.size());
    if (tasks > kMaxShards)
        return userError(QString("computeledger slurm: %1 tasks (scenarios x shards) are more than %2")
                             .arg(tasks)
                             .arg(kMaxShards));

    const QString dir =
        QFileInfo(parser.isSet("dir") ? parser.value("dir") : path + ".slurm").absoluteFilePath();
    const QString program = parser.isSet("computeledger") ? parser.value("computeledger")
                                                          : QCoreApplication::applicationFilePath();
    // The scripts quote every path for the shell; a line break would end a line of them.
    for (const auto& [what, value] :
         {std::pair{QString("--dir"), dir}, std::pair{QString("--computeledger"), program}})
        if (value.contains(QRegularExpression("[\\x00-\\x1f\\x7f]")))
            return userError("computeledger slurm: " + what + ": \"" + value +
                             "\" holds a control character");
    if (!QDir().mkpath(dir + "/shards") || !QDir().mkpath(dir + "/logs"))
        return userError("computeledger slurm: " + dir + ": cannot be created");
    // The run reads its own copy, written from what was read: editing FILE after submitting cannot
    // change a task's inputs, and the copy is a plain JSON file whatever FILE was.
    const QString input = dir + "/portfolio.json";
    if (!data::savePortfolioFile(p, input, &error))
        return userError("computeledger slurm: " + error);
    // The tasks read the copy as a file: it must read back (a grid's scenarios included).
    if (const data::PortfolioLoad back = data::loadPortfolioFile(input, opened.catalog); !back.ok())
        return userError("computeledger slurm: the run's copy would not read back: " + back.error);

    // Memory: a task keeps its shard's outcomes, the merge all of them (docs/scale-out.md); the
    // budget each command checks is what the job asks Slurm for.
    const CompiledPortfolio cp(p, opened.catalog, monteCarloCompilation());
    const std::int64_t unit = shardUnitPaths(cp.inputs());
    const std::int64_t units = (paths + unit - 1) / unit;
    const std::int64_t largest = std::min<std::int64_t>(paths, (units + shards - 1) / shards * unit);
    // With contract options a task also runs their two ways on its paths, and the fit on its own.
    const std::uint64_t optionBytes = withOptions ? optionValuationBytes(p, opened.catalog, largest) : 0;
    const long long shardMb = megabytesFor(PathOutcomes::bytesFor(largest, cp.inputs()) * 3 + optionBytes);
    const long long mergeMb =
        megabytesFor(mergeBytes(cp.inputs(), paths, true) + optionPathsBytes(p, opened.catalog, paths));
    const long long fitMb =
        withOptions
            ? megabytesFor(optionValuationBytes(p, opened.catalog, regression > 0 ? regression : paths))
            : 0;
    auto directive = [](const QString& d) { return "#SBATCH " + d + "\n"; };
    // Logs are relative: sbatch runs in DIR (submit.sh changes to it), so no path goes into a directive.
    auto header = [&](const QString& comment, const QString& name, long long mb, const QString& log,
                      const QString& array = QString()) {
        QString h = "#!/bin/bash\n# " + comment + "\n" + directive("--job-name=" + name) +
                    (array.isEmpty() ? QString() : directive(array)) +
                    directive(QString("--cpus-per-task=%1").arg(cpus)) +
                    directive(QString("--mem=%1M").arg(mb)) + directive("--output=logs/" + log);
        if (parser.isSet("partition"))
            h += directive("--partition=" + parser.value("partition"));
        if (parser.isSet("time"))
            h += directive("--time=" + parser.value("time"));
        return h + "set -euo pipefail\ncd " + shellWord(dir) + "\n";
    };
    const QString threads = " --threads \"${SLURM_CPUS_PER_TASK:-1}\"";
    const QString run = QString(" --paths %1 --seed %2").arg(paths).arg(seed);
    const QString sweepArg = sweep.empty() ? QString() : " --sweep " + shellWord(sweepList);
    const QString rulesArg = withOptions ? QString(" --exercise-rules exercise-rules.json") : QString();
    const QString fitScript =
        header(
            "The contract options' exercise rules, fitted once before the shards; every shard applies them.",
            "cledger-fit", fitMb, "fit.out") +
        "exec " + shellWord(program) + " fit-options portfolio.json" + run +
        (regression > 0 ? QString(" --regression-paths %1").arg(regression) : QString()) + sweepArg +
        threads + QString(" --memory-budget %1").arg(fitMb) + " --out exercise-rules.json\n";
    const QString shardsScript =
        header(QString("A sharded ComputeLedger run (docs/scale-out.md): %1 array tasks, each one shard of "
                       "%2 paths.")
                   .arg(tasks)
                   .arg(paths),
               "cledger-shards", shardMb, "shard-%a.out", QString("--array=0-%1").arg(tasks - 1)) +
        "# A failed task runs again alone with: sbatch --array=I shards.sbatch\n" + "exec " +
        shellWord(program) + " simulate portfolio.json" + run + QString(" --shard auto/%1").arg(shards) +
        sweepArg + rulesArg + " --device cpu" + threads + QString(" --memory-budget %1").arg(shardMb) +
        " --out shards/shard-\"${SLURM_ARRAY_TASK_ID}\".clshard\n";
    const QString mergeScript =
        header("The merge of the shards into one run's statistics, once every task has succeeded.",
               "cledger-merge", mergeMb, "merge.out") +
        "exec " + shellWord(program) + " merge shards --json" + threads +
        QString(" --memory-budget %1").arg(mergeMb) + " > result.json\n";
    const QString submitScript =
        "#!/bin/bash\n# Submits the " + QString(withOptions ? "fit, then the " : "") +
        "array job, then the merge to run after every task has succeeded.\nset -euo pipefail\ncd " +
        shellWord(dir) + "\nrm -f shards/shard-*.clshard result.json" +
        (withOptions ? " exercise-rules.json" : "") + "\n" +
        (withOptions
             ? QString("fit=$(sbatch --parsable fit.sbatch)\n"
                       "array=$(sbatch --parsable --dependency=afterok:\"${fit%%;*}\" shards.sbatch)\n")
             : QString("array=$(sbatch --parsable shards.sbatch)\n")) +
        "merge=$(sbatch --parsable --dependency=afterok:\"${array%%;*}\" merge.sbatch)\n"
        "echo \"array job ${array%%;*}, merge job ${merge%%;*}: the result goes to\" " +
        shellWord(dir + "/result.json") + "\n";
    QFile::remove(dir + "/fit.sbatch");
    for (const auto& [name, text] :
         {std::pair{QString("shards.sbatch"), shardsScript}, std::pair{QString("merge.sbatch"), mergeScript},
          std::pair{QString("submit.sh"), submitScript}, std::pair{QString("fit.sbatch"), fitScript}}) {
        if (name == "fit.sbatch" && !withOptions)
            continue;
        if (!writeScript(dir + "/" + name, text, &error))
            return userError("computeledger slurm: " + error);
    }
    if (tasks > 1000)
        out() << QString("Note: %1 tasks are more than the 1,001 of Slurm's default MaxArraySize; ask the "
                         "cluster's administrators, or use fewer shards\n")
                     .arg(tasks);
    out() << QString("%1 tasks of %2 paths in %3: submit them with\n  bash %4\n")
                 .arg(tasks)
                 .arg(paths)
                 .arg(dir, shellWord(dir + "/submit.sh"));
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
