#pragma once
// The readable table `computeledger evaluate` prints without --json.
#include "data/ScenarioResults.h"
#include "engine/EvaluationResult.h"
#include "montecarlo/SimulationResult.h"
#include "portfolio/Portfolio.h"

#include <QString>

#include <optional>
#include <vector>

namespace ledger::app {

QString formatResultTable(const Portfolio& p, const EvaluationResult& r);

// The scenario matrix (evaluate --all-scenarios): a row per scenario, the base case first, each
// alternative's NPV cost, the winner and whether it flips the verdict; with Monte Carlo runs (one per
// row, on the same seed and paths) the winner's probability of being cheapest.
QString scenarioMatrixTable(const std::vector<data::ScenarioOutcome>& rows,
                            const std::vector<std::optional<SimulationResult>>& runs,
                            const std::string& currency);

} // namespace ledger::app
