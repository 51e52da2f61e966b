#pragma once
// The JSON `evaluate --json` prints (docs/cli.md), built once for every command that prints it:
// evaluate, and merge, whose output must equal evaluate's byte for byte but for the run's timings.
#include "data/ScenarioResults.h"
#include "engine/EvaluationResult.h"
#include "montecarlo/SimulationResult.h"
#include "options/OptionValuation.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace ledger::app {

// The evaluation, with "scenario" when one was applied, "simulation" with a run and "options" with
// contract options.
QJsonObject evaluationOutput(const EvaluationResult& result, const std::string& scenario,
                             const SimulationResult* simulation, const std::vector<OptionResult>& options);

// One entry of `evaluate --all-scenarios --json`'s "scenarios": the scenario, whether it is the
// base case and flips the verdict, its description and winner, and its result.
QJsonObject scenarioOutput(const data::ScenarioOutcome& x, const QJsonObject& result);

} // namespace ledger::app
