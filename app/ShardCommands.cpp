// computeledger simulate --shard and computeledger merge (docs/scale-out.md): a run split into
// array tasks on Slurm (or Kubernetes, AWS Batch), each writing a shard file, and the merge that
// gives the statistics of one run of all the paths, to the bit.
#include "app/Commands.h"

#include "app/CommandSupport.h"
#include "app/EvaluationOutput.h"
#include "app/ResultTable.h"
#include "app/ShardSpec.h"
#include "app/SimulationOptions.h"
#include "data/CledgerDocument.h"
#include "data/EvaluationJson.h"
#include "data/OptionsJson.h"
#include "data/OutputFiles.h"
#include "data/ScenarioResults.h"
#include "data/Scenarios.h"
#include "data/ShardFile.h"
#include "data/SimulationJson.h"
#include "data/SkuCatalogJson.h"
#include "engine/DeterministicEngine.h"
#include "montecarlo/CpuBackend.h"
#include "montecarlo/Shards.h"
#include "resources/BundledResources.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QProcessEnvironment>
#include <QSaveFile>

#include <chrono>
#include <map>

namespace ledger::app {

namespace {

QString quotedName(const std::string& s) {
    return "\"" + QString::fromStdString(s) + "\"";
}

// The portfolio a task simulates: the base case, or a scenario of the file applied.
std::optional<Portfolio> withScenarioNamed(const Portfolio& base, const std::string& scenario,
                                           const SkuCatalog& catalog, const QString& where, QString* error) {
    if (scenario.empty() || scenario == data::kBaseCaseName)
        return base;
    const Scenario* s = data::findScenario(base, scenario);
    if (!s) {
        *error = where + " has no scenario " + quotedName(scenario);
        return std::nullopt;
    }
    auto applied = data::withScenario(base, *s, catalog, error);
    if (!applied)
        *error = where + ": " + *error;
    return applied;
}

constexpr const char* kRulesKind = "computeledger exercise rules";

// The fit of `scenario` ("" for the base case) in an exercise rules file (fit-options), checked
// against the inputs it is to be applied to: nullopt and a one-line reason otherwise.
std::optional<QJsonObject> rulesFor(const QString& path, const Portfolio& base, const Portfolio& simulated,
                                    const std::string& scenario, std::uint64_t seed, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + ": cannot be read (" + f.errorString() + ")";
        return std::nullopt;
    }
    const QJsonObject root = QJsonDocument::fromJson(f.read(kMaxFileBytes)).object();
    if (root.value("kind").toString() != QLatin1String(kRulesKind) || !root.value("fits").isArray()) {
        *error = path + ": is not an exercise rules file (computeledger fit-options writes them)";
        return std::nullopt;
    }
    if (root.value("base_hash").toString() != data::portfolioInputsHash(base)) {
        *error = path + ": its rules were fitted on other inputs than this portfolio's; fit them again";
        return std::nullopt;
    }
    for (const QJsonValue& v : root.value("fits").toArray()) {
        const QJsonObject fit = v.toObject();
        if (fit.value("scenario").toString().toStdString() != scenario)
            continue;
        if (fit.value("inputs_hash").toString() != data::simulationInputsHash(simulated)) {
            *error = path + ": is damaged: its fit of " +
                     (scenario.empty() ? QString("the base case") : "scenario " + quotedName(scenario)) +
                     " is of other inputs";
            return std::nullopt;
        }
        if (fit.value("rules").toObject().value("seed").toString() != QString::number(seed)) {
            *error = path +
                     QString(": its rules were fitted with seed %1; this run's seed is %2: fit them with the "
                             "run's seed")
                         .arg(fit.value("rules").toObject().value("seed").toString())
                         .arg(seed);
            return std::nullopt;
        }
        return fit.value("rules").toObject();
    }
    *error = path + ": holds no fit of " +
             (scenario.empty() ? QString("the base case") : "scenario " + quotedName(scenario)) +
             " (fit-options --sweep fits every scenario of a sweep)";
    return std::nullopt;
}

} // namespace

int simulateCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("simulate", "subcommand");
    parser.addPositionalArgument("FILE", "portfolio JSON file or .cledger document");
    addSimulationOptions(parser);
    parser.addOption({"shard",
                      "which shard: I/S (0-based), auto, or auto/S (the task index from Slurm, "
                      "Kubernetes or AWS Batch)",
                      "SHARD", "0/1"});
    parser.addOption({"out", "the shard file to write", "SHARD_FILE"});
    parser.addOption({"scenario", "simulate the file's scenario NAME instead of the base case", "NAME"});
    parser.addOption({"sweep",
                      "a sweep's scenarios, comma-separated, or all (the base case and every scenario): "
                      "the task index picks the scenario and the shard",
                      "SCENARIOS"});
    parser.addOption({"exercise-rules", "the contract options' rules, fitted once (fit-options)", "RULES"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return userError("computeledger simulate: expected one FILE; see computeledger --help");
    if (!parser.isSet("out"))
        return userError("computeledger simulate: --out SHARD_FILE is required (where the shard is written)");
    if (parser.isSet("scenario") && parser.isSet("sweep"))
        return userError("computeledger simulate: give --scenario or --sweep, not both");
    const QString path = pos[1];
    const OpenedPortfolio opened = openPortfolio(path);
    if (!opened.ok())
        return kUserError;
    const Portfolio& base = opened.portfolio();
    if (hasContractOptions(base) && !parser.isSet("exercise-rules"))
        return userError("computeledger simulate: " + path +
                         " has contract options: fit their exercise rules once, before the shards "
                         "(computeledger fit-options FILE --paths N --out RULES), and give every shard "
                         "--exercise-rules RULES");
    if (!hasContractOptions(base) && parser.isSet("exercise-rules"))
        return userError("computeledger simulate: --exercise-rules: " + path + " has no contract options");

    std::vector<std::string> sweep;
    if (parser.isSet("sweep") && !sweepScenarios(base, parser.value("sweep"), &sweep, &error))
        return userError("computeledger simulate: --sweep: " + error);
    const auto task = readShardSpec(parser.value("shard"), int(std::max<std::size_t>(1, sweep.size())),
                                    QProcessEnvironment::systemEnvironment(), &error);
    if (!task)
        return userError("computeledger simulate: --shard: " + error);
    std::string scenario = parser.isSet("scenario") ? parser.value("scenario").toStdString() : std::string();
    if (!sweep.empty())
        scenario = sweep[std::size_t(task->scenario)];
    if (scenario == data::kBaseCaseName)
        scenario.clear();
    const auto portfolio = withScenarioNamed(base, scenario, opened.catalog, path, &error);
    if (!portfolio)
        return userError("computeledger simulate: " + error);

    SimulationOptions o;
    o.paths = portfolio->simulation.paths;
    o.seed = portfolio->simulation.seed;
    o.accounting = true; // as evaluate --simulate: the accounting view's percentiles
    if (!readSimulationOptions(parser, "simulate", o, &error))
        return userError(error);
    // Where the shard goes is checked before a run that may take hours.
    const QString outPath = parser.value("out");
    if (const QString clash = data::outputOverwritesInput({outPath}, {path}); !clash.isEmpty())
        return userError("computeledger simulate: " + clash);
    if (const QFileInfo folder(QFileInfo(outPath).absolutePath()); !folder.isDir() || !folder.isWritable())
        return userError("computeledger simulate: --out: " + folder.filePath() +
                         " is not a folder this can write to");
    const auto start = std::chrono::steady_clock::now();
    const CompiledPortfolio cp(*portfolio, opened.catalog, monteCarloCompilation());
    const std::int64_t unit = shardUnitPaths(cp.inputs());
    const ShardRange range = shardRange(o.paths, task->index, task->count, unit);

    data::ShardManifest m;
    m.version = QCoreApplication::applicationVersion();
    m.baseHash = data::portfolioInputsHash(base);
    m.inputsHash = data::simulationInputsHash(*portfolio);
    m.scenario = QString::fromStdString(scenario);
    m.seed = o.seed;
    m.paths = o.paths;
    m.range = range;
    m.index = task->index;
    m.count = task->count;
    m.unit = unit;
    m.accounting = o.accounting;
    m.portfolio = QJsonDocument::fromJson(data::writePortfolioJson(base)).object();
    m.alternatives = cp.inputs().alternatives;
    m.years = cp.inputs().years;
    m.providers = cp.inputs().providers;
    m.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);

    std::optional<FittedOptions> fit;
    if (parser.isSet("exercise-rules")) {
        const auto rules =
            rulesFor(parser.value("exercise-rules"), base, *portfolio, scenario, o.seed, &error);
        if (!rules)
            return userError("computeledger simulate: --exercise-rules: " + error);
        fit = data::fittedOptionsFromJson(*rules, &error);
        if (!fit)
            return userError("computeledger simulate: --exercise-rules: " + parser.value("exercise-rules") +
                             ": is damaged: " + error);
        m.exerciseRules = *rules;
        m.options = int(fit->options.size());
    }
    std::optional<ShardOutcomes> shard;
    std::optional<OptionPaths> optionRows;
    try {
        if (range.paths() > 0) {
            SimulationOptions mine = o;
            mine.paths = range.paths();
            mine.firstPath = range.begin;
            const auto pathsStart = std::chrono::steady_clock::now();
            shard.emplace(runShard(cp, mine));
            m.pathSeconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - pathsStart).count();
            m.device = QString::fromStdString(shard->device);
            m.threads = shard->threads;
            if (fit) {
                mine.device = ComputeDevice::Cpu;
                optionRows.emplace(optionPaths(*portfolio, opened.catalog, *fit, mine));
            }
        } else {
            // More shards than units of paths: this one has none, and says so to the merge.
            shard.emplace(cp.inputs(), range, o.accounting);
            shard->device = shardDeviceName(o);
            m.device = QString::fromStdString(shard->device);
            if (fit)
                optionRows.emplace(m.options, range.begin, 0);
        }
    } catch (const SimulationRequestError& e) {
        return userError("computeledger simulate: " + QString::fromUtf8(e.what()));
    } catch (const std::invalid_argument& e) {
        return userError("computeledger simulate: --exercise-rules: " + QString::fromUtf8(e.what()));
    }
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!data::writeShardFile(outPath, m, *shard, optionRows ? &*optionRows : nullptr, &error))
        return userError("computeledger simulate: " + error);
    out() << QString("shard %1 of %2").arg(task->index).arg(task->count) +
                 (scenario.empty() ? QString() : " of scenario " + quotedName(scenario)) +
                 QString(": paths %1 to %2 of %3").arg(range.begin).arg(range.end).arg(o.paths) +
                 ", written to " + outPath + " (" +
                 QLocale(QLocale::English).toString(double(QFileInfo(outPath).size()) / 1e6, 'f', 1) +
                 " MB)\n";
    out().flush();
    return kSuccess;
}

namespace {

struct ShardInput {
    QString path;
    data::ShardManifest manifest;
};

// One scenario's shards (the base case's without a sweep), in shard order once checked.
struct ShardGroup {
    std::string scenario;
    std::vector<ShardInput> shards;
};

// What every shard of one merge must share with the first; the first that differs, named.
QString sameRun(const ShardInput& first, const ShardInput& other) {
    const data::ShardManifest &a = first.manifest, &b = other.manifest;
    auto differ = [&](const QString& what, const QString& x, const QString& y) {
        return QString("%1 and %2 are shards of different runs: %3 %4 and %5")
            .arg(first.path, other.path, what, x, y);
    };
    if (a.version != b.version)
        return differ("computeledger version", a.version, b.version);
    if (a.baseHash != b.baseHash)
        return QString("%1 and %2 are shards of different inputs (the portfolio files' hashes %3 and %4 "
                       "differ)")
            .arg(first.path, other.path, a.baseHash.left(12), b.baseHash.left(12));
    if (a.seed != b.seed)
        return differ("seed", QString::number(a.seed), QString::number(b.seed));
    if (a.paths != b.paths)
        return differ("paths", QString::number(a.paths), QString::number(b.paths));
    if (a.count != b.count)
        return differ("shard count", QString::number(a.count), QString::number(b.count));
    if (a.unit != b.unit || a.accounting != b.accounting || a.alternatives != b.alternatives ||
        a.years != b.years || a.providers != b.providers)
        return QString("%1 and %2 are shards of different runs: their outcomes' shapes differ")
            .arg(first.path, other.path);
    if (a.exerciseRules != b.exerciseRules && a.scenario == b.scenario)
        return QString(
                   "%1 and %2 applied different exercise rules to the contract options: fit them once and "
                   "give every shard the same --exercise-rules")
            .arg(first.path, other.path);
    if (a.device != b.device)
        return QString("%1 and %2 ran on different CPU lanes (%3 and %4): their paths' last bits differ, so "
                       "no single run equals them; run every shard on one kind of CPU (Slurm --constraint)")
            .arg(first.path, other.path, a.device, b.device);
    return {};
}

// Orders a group's shards 0 .. count - 1: each exactly once, each over the range the rule gives.
bool orderGroup(ShardGroup& g, QString* error) {
    const data::ShardManifest& m = g.shards.front().manifest;
    const QString of = g.scenario.empty() ? QString() : " of scenario " + quotedName(g.scenario);
    std::vector<const ShardInput*> at(std::size_t(m.count), nullptr);
    for (const ShardInput& s : g.shards) {
        const ShardRange expected = shardRange(m.paths, s.manifest.index, m.count, m.unit);
        if (s.manifest.range.begin != expected.begin || s.manifest.range.end != expected.end) {
            // The path last: a "%2" in it must not take a number's place.
            *error = QString("is damaged: shard %1 of %2 holds paths %3 to %4, not %5 to %6")
                         .arg(s.manifest.index)
                         .arg(m.count)
                         .arg(s.manifest.range.begin)
                         .arg(s.manifest.range.end)
                         .arg(expected.begin)
                         .arg(expected.end)
                         .prepend(s.path + ": ");
            return false;
        }
        const ShardInput*& slot = at[std::size_t(s.manifest.index)];
        if (slot) {
            *error = QString("shard %1 of %2%3 (paths %4 to %5) is given twice: %6 and %7")
                         .arg(s.manifest.index)
                         .arg(m.count)
                         .arg(of)
                         .arg(expected.begin)
                         .arg(expected.end)
                         .arg(slot->path, s.path);
            return false;
        }
        slot = &s;
    }
    QStringList missing;
    for (int i = 0; i < m.count; ++i)
        if (!at[std::size_t(i)]) {
            const ShardRange r = shardRange(m.paths, i, m.count, m.unit);
            missing << QString("%1 (paths %2 to %3)").arg(i).arg(r.begin).arg(r.end);
        }
    if (!missing.isEmpty()) {
        *error = QString("%1 of the %2 shards%3 %4 missing: %5")
                     .arg(missing.size())
                     .arg(m.count)
                     .arg(of, missing.size() == 1 ? "is" : "are")
                     .arg(missing.mid(0, 8).join(", ") + (missing.size() > 8 ? ", ..." : ""));
        return false;
    }
    std::vector<ShardInput> ordered;
    for (const ShardInput* s : at)
        ordered.push_back(*s);
    g.shards = std::move(ordered);
    return true;
}

// One group's statistics (and its options' values) from its shards' outcomes, as one run of all the
// paths.
struct MergedRun {
    SimulationResult run;
    std::vector<OptionResult> options;
};
std::optional<MergedRun> mergeGroup(const ShardGroup& g, const Portfolio& portfolio,
                                    const SkuCatalog& catalog, const SimulationOptions& o, QString* error) {
    const data::ShardManifest& m = g.shards.front().manifest;
    const CompiledPortfolio cp(portfolio, catalog, monteCarloCompilation());
    const PathInputs& in = cp.inputs();
    if (in.alternatives != m.alternatives || in.years != m.years || in.providers != m.providers ||
        shardUnitPaths(in) != m.unit) {
        *error = g.shards.front().path + ": is damaged: its outcomes' shape is not its portfolio's";
        return std::nullopt;
    }
    SimulationOptions whole = o;
    whole.paths = m.paths;
    try {
        requireOutcomeMemory(whole, mergeBytes(in, m.paths, m.accounting) +
                                        std::uint64_t(m.options) * 4 * 8 * std::uint64_t(m.paths));
        ShardOutcomes all(in, {0, m.paths}, m.accounting, ShardOutcomes::Use::Merge);
        std::optional<OptionPaths> allOptions;
        std::optional<FittedOptions> fit;
        if (m.options > 0) {
            fit = data::fittedOptionsFromJson(m.exerciseRules, error);
            if (!fit) {
                *error = g.shards.front().path + ": is damaged: its exercise rules: " + *error;
                return std::nullopt;
            }
            if (int(fit->options.size()) != m.options) {
                *error = g.shards.front().path + ": is damaged: it keeps the paths of " +
                         QString::number(m.options) + " options under rules for " +
                         QString::number(fit->options.size());
                return std::nullopt;
            }
            allOptions.emplace(m.options, 0, m.paths);
        }
        double pathSeconds = 0.0;
        for (const ShardInput& s : g.shards) {
            if (!data::readShardOutcomes(s.path, s.manifest, all, allOptions ? &*allOptions : nullptr, error))
                return std::nullopt;
            pathSeconds += s.manifest.pathSeconds;
        }
        all.device = m.device.toStdString();
        MergedRun merged{summarizeShards(cp, all, m.seed, o.threads > 0 ? o.threads : 1), {}};
        merged.run.pathSeconds = pathSeconds;
        if (allOptions)
            merged.options = summarizeOptions(portfolio, catalog, *fit, *allOptions);
        return merged;
    } catch (const SimulationRequestError& e) {
        *error = QString::fromUtf8(e.what());
    } catch (const std::bad_alloc&) {
        *error =
            QString("paths: the memory for the outcomes of %1 paths could not be allocated").arg(m.paths);
    }
    return std::nullopt;
}

} // namespace

int mergeCommand(const QStringList& args) {
    const auto start = std::chrono::steady_clock::now();
    QCommandLineParser parser;
    parser.addPositionalArgument("merge", "subcommand");
    parser.addPositionalArgument("SHARD", "the shard files of one run (or of one sweep)", "SHARD...");
    parser.addOption({"json", "print the stable JSON result (evaluate --simulate --json's)"});
    parser.addOption({"into", "store each merged run in the .cledger document", "DOC"});
    parser.addOption({"threads", "CPU threads of the statistics (default: all cores)", "T"});
    parser.addOption({"memory-budget", "refuse a merge whose outcomes need more (default 8192)", "MB"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    // A folder stands for the shard files in it: an array of thousands would not fit a command line.
    QStringList files;
    for (const QString& given : parser.positionalArguments().mid(1)) {
        if (!QFileInfo(given).isDir()) {
            files << given;
            continue;
        }
        const QStringList names = QDir(given).entryList({"*.clshard"}, QDir::Files, QDir::Name);
        if (names.isEmpty())
            return userError("computeledger merge: " + given + ": holds no shard files (*.clshard)");
        for (const QString& name : names)
            files << QDir(given).filePath(name);
    }
    if (files.isEmpty())
        return userError("computeledger merge: expected the shard files; see computeledger --help");
    SimulationOptions o;
    long long threads = defaultCpuThreads(), budget = (long long)(o.memoryBudgetBytes >> 20);
    if (!readWholeNumber(parser, "merge", "threads", 1, 1024, &threads, &error) ||
        !readWholeNumber(parser, "merge", "memory-budget", 1, 1LL << 30, &budget, &error))
        return userError(error);
    o.threads = int(threads);
    o.memoryBudgetBytes = std::uint64_t(budget) << 20;

    // Every manifest first: a merge that cannot finish reads no outcomes.
    std::vector<ShardInput> inputs;
    for (const QString& f : files) {
        auto m = data::readShardManifest(f, &error);
        if (!m)
            return userError("computeledger merge: " + error);
        inputs.push_back({f, std::move(*m)});
    }
    for (const ShardInput& s : inputs)
        if (const QString d = sameRun(inputs.front(), s); !d.isEmpty())
            return userError("computeledger merge: " + d);
    const SkuCatalog catalog = data::bundledSkuCatalog();
    const auto base = data::shardPortfolio(inputs.front().manifest, catalog, &error);
    if (!base)
        return userError("computeledger merge: " + inputs.front().path + ": is damaged: " + error);
    if (data::portfolioInputsHash(*base) != inputs.front().manifest.baseHash)
        return userError("computeledger merge: " + inputs.front().path +
                         ": is damaged: its portfolio does not match its inputs hash");

    // The base case first, then the scenarios in the file's order.
    std::vector<ShardGroup> groups;
    auto rank = [&](const std::string& name) {
        if (name.empty())
            return -1;
        for (std::size_t i = 0; i < base->scenarios.size(); ++i)
            if (base->scenarios[i].name == name)
                return int(i);
        return int(base->scenarios.size());
    };
    for (const ShardInput& s : inputs) {
        const std::string scenario = s.manifest.scenario.toStdString();
        auto g = std::find_if(groups.begin(), groups.end(),
                              [&](const ShardGroup& x) { return x.scenario == scenario; });
        if (g == groups.end())
            g = groups.insert(groups.end(), ShardGroup{scenario, {}});
        g->shards.push_back(s);
    }
    std::stable_sort(groups.begin(), groups.end(), [&](const ShardGroup& a, const ShardGroup& b) {
        return rank(a.scenario) < rank(b.scenario);
    });
    std::vector<Portfolio> portfolios;
    for (ShardGroup& g : groups) {
        if (!orderGroup(g, &error))
            return userError("computeledger merge: " + error);
        auto applied = withScenarioNamed(*base, g.scenario, catalog, "the shards' portfolio", &error);
        if (!applied)
            return userError("computeledger merge: " + error);
        for (const ShardInput& s : g.shards)
            if (data::simulationInputsHash(*applied) != s.manifest.inputsHash)
                return userError("computeledger merge: " + s.path +
                                 ": is damaged: its inputs hash is not its scenario's");
        portfolios.push_back(std::move(*applied));
    }

    std::vector<SimulationResult> runs;
    std::vector<std::vector<OptionResult>> options;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        auto r = mergeGroup(groups[i], portfolios[i], catalog, o, &error);
        if (!r)
            return userError("computeledger merge: " + error);
        runs.push_back(std::move(r->run));
        options.push_back(std::move(r->options));
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (SimulationResult& r : runs)
        r.seconds = seconds;

    auto resultJson = [&](std::size_t i, const EvaluationResult& evaluation) {
        // evaluate --all-scenarios values no options; evaluate (--scenario) does.
        QJsonObject o = evaluationOutput(evaluation, groups[i].scenario, &runs[i],
                                         groups.size() > 1 ? std::vector<OptionResult>{} : options[i]);
        QJsonObject simulation = o["simulation"].toObject();
        simulation["shards"] = int(groups[i].shards.size());
        o["simulation"] = simulation;
        return o;
    };
    auto overflows = [&](const QJsonObject& o) {
        const QString bad = data::firstNonFinite(o);
        if (!bad.isEmpty())
            userError("computeledger merge: " + bad +
                      " overflows (not a finite number); the inputs are too large to compute");
        return !bad.isEmpty();
    };
    // Every result checked before anything is stored: a refused merge writes nothing.
    for (std::size_t i = 0; i < groups.size(); ++i)
        if (overflows(resultJson(i, evaluatePortfolio(portfolios[i], catalog))))
            return kUserError;
    if (parser.isSet("into")) {
        const QString doc = parser.value("into");
        if (!data::isSqliteFile(doc))
            return userError("computeledger merge: --into: " + doc +
                             " is not a .cledger document (convert the portfolio first)");
        const data::PortfolioLoad stored = data::loadPortfolioFile(doc, catalog);
        if (!stored.ok())
            return userError("computeledger merge: --into: " + stored.error);
        if (data::portfolioInputsHash(*stored.portfolio) != inputs.front().manifest.baseHash)
            return userError("computeledger merge: --into: " + doc +
                             " holds other inputs than the shards' portfolio; its runs would not be of it");
        for (std::size_t i = 0; i < groups.size(); ++i) {
            data::SimulationRunRecord run;
            run.inputsHash = groups[i].shards.front().manifest.inputsHash;
            run.seed = runs[i].seed;
            run.paths = runs[i].paths;
            run.device = QString::fromStdString(runs[i].device);
            run.seconds = runs[i].seconds;
            run.statistics = QJsonDocument(data::simulationToJson(runs[i])).toJson(QJsonDocument::Compact);
            if (!data::appendSimulationRun(doc, run, &error))
                return userError("computeledger merge: --into: " + error);
        }
    }

    const bool sweep = groups.size() > 1;
    if (!sweep) {
        const EvaluationResult evaluation = evaluatePortfolio(portfolios[0], catalog);
        if (parser.isSet("json")) {
            out() << QJsonDocument(resultJson(0, evaluation)).toJson(QJsonDocument::Indented);
        } else {
            if (!groups[0].scenario.empty())
                out() << "Scenario: " << QString::fromStdString(groups[0].scenario) << "\n\n";
            out() << formatResultTable(portfolios[0], evaluation);
            out() << simulationTable(runs[0], portfolios[0].currency);
            if (!options[0].empty())
                out() << optionsTable(options[0], portfolios[0].currency);
            out() << QString("\nMerged from %1 shards.\n").arg(groups[0].shards.size());
        }
        out().flush();
        return kSuccess;
    }
    // A sweep: one result per scenario, as evaluate --all-scenarios gives them.
    const auto outcomes = data::evaluateScenarios(*base, catalog, &error);
    if (!outcomes)
        return userError("computeledger merge: the shards' portfolio: " + error);
    QJsonArray list;
    std::vector<data::ScenarioOutcome> shown;
    std::vector<std::optional<SimulationResult>> shownRuns;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const std::string name = groups[i].scenario.empty() ? data::kBaseCaseName : groups[i].scenario;
        const auto x = std::find_if(outcomes->begin(), outcomes->end(),
                                    [&](const data::ScenarioOutcome& s) { return s.name == name; });
        QJsonObject result = resultJson(i, x->evaluation);
        result.remove("scenario");
        list.append(scenarioOutput(*x, result));
        shown.push_back(*x);
        shownRuns.push_back(runs[i]);
    }
    if (parser.isSet("json"))
        out() << QJsonDocument(QJsonObject{{"scenarios", list}}).toJson(QJsonDocument::Indented);
    else
        out() << scenarioMatrixTable(shown, shownRuns, base->currency);
    out().flush();
    return kSuccess;
}

int fitOptionsCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument("fit-options", "subcommand");
    parser.addPositionalArgument("FILE", "portfolio JSON file or .cledger document");
    addSimulationOptions(parser);
    parser.addOption({"regression-paths",
                      "paths the exercise rules are fitted on (default: as many as --paths, as evaluate)",
                      "N"});
    parser.addOption({"out", "the rules file to write", "RULES"});
    parser.addOption({"scenario", "fit the file's scenario NAME instead of the base case", "NAME"});
    parser.addOption(
        {"sweep", "fit every scenario of a sweep: all, or names separated by commas", "SCENARIOS"});
    QString error;
    if (!parse(parser, args, &error))
        return userError(error);
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2)
        return userError("computeledger fit-options: expected one FILE; see computeledger --help");
    if (!parser.isSet("out"))
        return userError("computeledger fit-options: --out RULES is required (where the rules are written)");
    if (parser.isSet("scenario") && parser.isSet("sweep"))
        return userError("computeledger fit-options: give --scenario or --sweep, not both");
    const QString path = pos[1];
    const OpenedPortfolio opened = openPortfolio(path);
    if (!opened.ok())
        return kUserError;
    const Portfolio& base = opened.portfolio();
    if (!hasContractOptions(base))
        return userError("computeledger fit-options: " + path + " has no contract options");
    std::vector<std::string> scenarios{parser.isSet("scenario") ? parser.value("scenario").toStdString()
                                                                : std::string()};
    if (parser.isSet("sweep") && !sweepScenarios(base, parser.value("sweep"), &scenarios, &error))
        return userError("computeledger fit-options: --sweep: " + error);
    QJsonArray fits;
    for (std::string scenario : scenarios) {
        if (scenario == data::kBaseCaseName)
            scenario.clear();
        const auto portfolio = withScenarioNamed(base, scenario, opened.catalog, path, &error);
        if (!portfolio)
            return userError("computeledger fit-options: " + error);
        // The settings evaluate --simulate reads, so the rules are the ones it fits.
        OptionValuationSettings settings;
        settings.simulation.paths = portfolio->simulation.paths;
        settings.simulation.seed = portfolio->simulation.seed;
        if (!readSimulationOptions(parser, "fit-options", settings.simulation, &error))
            return userError(error);
        // The shards run on the CPU; a fit on a GPU would be of last bits they never see.
        if (settings.simulation.device == ComputeDevice::Gpu)
            return userError(
                "computeledger fit-options: --device gpu: the rules are fitted on the CPU, where "
                "the shards apply them; leave out --device");
        settings.simulation.device = ComputeDevice::Cpu;
        if (!readRegressionPaths(parser, "fit-options", &settings.regressionPaths, &error))
            return userError(error);
        try {
            const FittedOptions fit = fitOptions(*portfolio, opened.catalog, settings);
            fits.append(QJsonObject{{"scenario", QString::fromStdString(scenario)},
                                    {"inputs_hash", data::simulationInputsHash(*portfolio)},
                                    {"rules", data::fittedOptionsToJson(fit)}});
        } catch (const SimulationRequestError& e) {
            return userError("computeledger fit-options: " + QString::fromUtf8(e.what()));
        }
    }
    const QJsonObject root{{"kind", kRulesKind},
                           {"version", QCoreApplication::applicationVersion()},
                           {"base_hash", data::portfolioInputsHash(base)},
                           {"fits", fits}};
    const QString outPath = parser.value("out");
    if (const QString clash = data::outputOverwritesInput({outPath}, {path}); !clash.isEmpty())
        return userError("computeledger fit-options: " + clash);
    QSaveFile f(outPath);
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return userError("computeledger fit-options: " + outPath + ": cannot be written (" + f.errorString() +
                         ")");
    out() << QString("exercise rules of %1 option(s) in %2 fit(s), written to %3\n")
                 .arg(fits.isEmpty() ? 0 : fits[0].toObject()["rules"].toObject()["options"].toArray().size())
                 .arg(fits.size())
                 .arg(outPath);
    out().flush();
    return kSuccess;
}

} // namespace ledger::app
