#include "data/ScenarioResults.h"

namespace ledger::data {

std::optional<std::size_t> verdictWinner(const EvaluationResult& r) {
    if (r.nothingToCompare())
        return std::nullopt;
    const auto ranked = r.rankedAtFullCapacity();
    if (ranked.size() < 2)
        return std::nullopt;
    return std::size_t(ranked.front() - r.alternatives.data());
}

std::optional<std::vector<ScenarioOutcome>> evaluateScenarios(const Portfolio& p, const SkuCatalog& catalog,
                                                              QString* error, const EvaluateOptions& o) {
    const auto applied = withEveryScenario(p, catalog, error);
    if (!applied)
        return std::nullopt;
    return evaluateAppliedScenarios(p, *applied, catalog, o);
}

std::vector<ScenarioOutcome> evaluateAppliedScenarios(const Portfolio& p,
                                                      const std::vector<Portfolio>& applied,
                                                      const SkuCatalog& catalog, const EvaluateOptions& o) {
    std::vector<ScenarioOutcome> out;
    ScenarioOutcome base{kBaseCaseName, {}, true, evaluatePortfolio(p, catalog, o), std::nullopt, false};
    base.winner = verdictWinner(base.evaluation);
    out.push_back(std::move(base));
    const std::optional<std::size_t> baseWinner = out.front().winner;
    const std::string baseId =
        baseWinner ? out.front().evaluation.alternatives[*baseWinner].id : std::string();
    for (std::size_t i = 0; i < p.scenarios.size() && i < applied.size(); ++i) {
        const Scenario& s = p.scenarios[i];
        ScenarioOutcome x{s.name,       s.description, false, evaluatePortfolio(applied[i], catalog, o),
                          std::nullopt, false};
        x.winner = verdictWinner(x.evaluation);
        const std::string id = x.winner ? x.evaluation.alternatives[*x.winner].id : std::string();
        x.flipsVerdict = id != baseId;
        out.push_back(std::move(x));
    }
    return out;
}

} // namespace ledger::data
