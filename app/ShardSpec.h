#pragma once
// Which task of an array job this is (`simulate --shard`): I/S given, or (auto) the index the
// scheduler gives the task: Slurm's SLURM_ARRAY_TASK_ID, Kubernetes' JOB_COMPLETION_INDEX, AWS
// Batch's AWS_BATCH_JOB_ARRAY_INDEX. With a sweep, one task per scenario and shard.
#include "montecarlo/Shards.h"
#include "portfolio/Portfolio.h"

#include <QProcessEnvironment>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace ledger::app {

struct ShardTask {
    int index = 0;    // the shard, 0 .. count - 1
    int count = 1;    // shards per scenario
    int scenario = 0; // the sweep's scenario (0 without a sweep)
};

// spec: "I/S" (with a sweep of N scenarios, I is the task, 0 .. N x S - 1: scenario I / S, shard
// I % S), "auto/S" (the task from the environment), or "auto" (the count too: Slurm's
// SLURM_ARRAY_TASK_COUNT, divided by N). A bad spec or environment: nullopt and a one-line reason.
std::optional<ShardTask> readShardSpec(const QString& spec, int scenarios, const QProcessEnvironment& env,
                                       QString* error);

// A sweep's scenarios: "all" (the base case, then every scenario of the file) or names separated
// by commas ("Base case" for the base case). An unknown or repeated name: false and the reason.
bool sweepScenarios(const Portfolio& p, const QString& list, std::vector<std::string>* names, QString* error);

} // namespace ledger::app
