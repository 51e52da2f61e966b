#include "app/ShardSpec.h"

#include "data/ScenarioResults.h"
#include "data/Scenarios.h"

#include <QStringList>

#include <algorithm>

namespace ledger::app {

namespace {

bool wholeNumber(const QString& text, long long lo, long long hi, long long* v) {
    bool ok = false;
    *v = text.trimmed().toLongLong(&ok);
    return ok && *v >= lo && *v <= hi;
}

// The task index the scheduler gave this task, and where it came from.
std::optional<long long> taskFromEnvironment(const QProcessEnvironment& env, QString* from, QString* error) {
    // The index as the scheduler gives it: the generated array starts at 0, and a failed task run
    // again alone (sbatch --array=5) keeps its number.
    for (const char* variable :
         {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"}) {
        if (!env.contains(variable))
            continue;
        long long index = 0;
        if (!wholeNumber(env.value(variable), 0, 1LL << 40, &index)) {
            *error = QString("%1 is \"%2\", not a task index").arg(variable, env.value(variable));
            return std::nullopt;
        }
        *from = variable;
        return index;
    }
    *error = "auto: this is not an array task (none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, "
             "AWS_BATCH_JOB_ARRAY_INDEX is set); give --shard I/S";
    return std::nullopt;
}

} // namespace

std::optional<ShardTask> readShardSpec(const QString& spec, int scenarios, const QProcessEnvironment& env,
                                       QString* error) {
    const QStringList parts = spec.split('/');
    if (parts.size() > 2 || parts[0].isEmpty() || (parts.size() == 1 && parts[0] != "auto")) {
        *error = "\"" + spec + "\" is not I/S, auto or auto/S";
        return std::nullopt;
    }
    long long count = 0, task = 0;
    if (parts.size() == 2 && !wholeNumber(parts[1], 1, kMaxShards, &count)) {
        *error = QString("\"%1\": the shard count must be a whole number in 1..%2").arg(spec).arg(kMaxShards);
        return std::nullopt;
    }
    QString from = "the task";
    if (parts[0] == "auto") {
        const auto index = taskFromEnvironment(env, &from, error);
        if (!index)
            return std::nullopt;
        task = *index;
        if (count == 0) {
            long long tasks = 0;
            if (!env.contains("SLURM_ARRAY_TASK_COUNT") ||
                !wholeNumber(env.value("SLURM_ARRAY_TASK_COUNT"), 1, 1LL << 40, &tasks)) {
                *error = "auto: the scheduler does not say how many tasks the array has; give --shard auto/S";
                return std::nullopt;
            }
            if (tasks % scenarios != 0 || tasks / scenarios > kMaxShards) {
                *error =
                    QString("auto: the array's %1 tasks are not a whole number of shards (at most %2) for "
                            "each of the sweep's %3 scenarios")
                        .arg(tasks)
                        .arg(kMaxShards)
                        .arg(scenarios);
                return std::nullopt;
            }
            count = tasks / scenarios;
        }
    } else if (!wholeNumber(parts[0], 0, 1LL << 40, &task)) {
        *error = "\"" + spec + "\": the shard index must be a whole number from 0";
        return std::nullopt;
    }
    const long long tasks = count * scenarios;
    if (task >= tasks) {
        *error = scenarios > 1 ? QString("%1 is %2: a sweep of %3 scenarios in %4 shards has tasks 0 to %5")
                                     .arg(from)
                                     .arg(task)
                                     .arg(scenarios)
                                     .arg(count)
                                     .arg(tasks - 1)
                               : QString("%1 is %2: %3 shards are numbered 0 to %4")
                                     .arg(from)
                                     .arg(task)
                                     .arg(count)
                                     .arg(count - 1);
        return std::nullopt;
    }
    return ShardTask{int(task % count), int(count), int(task / count)};
}

bool sweepScenarios(const Portfolio& p, const QString& list, std::vector<std::string>* names,
                    QString* error) {
    names->clear();
    if (list.trimmed() == "all") {
        names->push_back(data::kBaseCaseName);
        for (const auto& s : p.scenarios)
            names->push_back(s.name);
        return true;
    }
    for (const QString& part : list.split(',')) {
        const std::string name = part.trimmed().toStdString();
        if (name != data::kBaseCaseName && !data::findScenario(p, name)) {
            *error = QString("the file has no scenario \"%1\"").arg(QString::fromStdString(name));
            return false;
        }
        if (std::find(names->begin(), names->end(), name) != names->end()) {
            *error = QString("\"%1\" is named twice").arg(QString::fromStdString(name));
            return false;
        }
        names->push_back(name);
    }
    return true;
}

} // namespace ledger::app
