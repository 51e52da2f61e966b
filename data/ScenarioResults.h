#pragma once
// The base case and every scenario evaluated: what the scenario matrix shows (scenarios as rows,
// alternatives as columns, the winner of each row and whether it flips the verdict), the command
// line's --all-scenarios prints and the PDF's "How the decision holds up" page holds.
#include "data/Scenarios.h"
#include "engine/DeterministicEngine.h"

#include <optional>
#include <string>
#include <vector>

namespace ledger::data {

struct ScenarioOutcome {
    std::string name; // the scenario's, or kBaseCaseName
    std::string description;
    bool base = false;
    EvaluationResult evaluation;
    // The cheapest alternative at full capacity when two or more are ranked and something costs
    // (the verdict's winner), as an index into evaluation.alternatives.
    std::optional<std::size_t> winner;
    bool flipsVerdict = false; // its winner is not the base case's
};

inline constexpr const char* kBaseCaseName = "Base case";

// The verdict's winner of one evaluation (none when there is nothing to compare or fewer than two
// alternatives are ranked).
std::optional<std::size_t> verdictWinner(const EvaluationResult& r);

// The base case, then each scenario in the file's order. Nullopt and *error (naming the scenario)
// when one does not apply.
std::optional<std::vector<ScenarioOutcome>> evaluateScenarios(const Portfolio& p, const SkuCatalog& catalog,
                                                              QString* error, const EvaluateOptions& o = {});

// The same of scenarios already applied (applied[i]: p.scenarios[i] applied to p, as withScenario
// gives it), so a caller that holds them does not apply them again.
std::vector<ScenarioOutcome> evaluateAppliedScenarios(const Portfolio& p,
                                                      const std::vector<Portfolio>& applied,
                                                      const SkuCatalog& catalog,
                                                      const EvaluateOptions& o = {});

} // namespace ledger::data
