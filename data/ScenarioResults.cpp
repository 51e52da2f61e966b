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
    std::vector<ScenarioOutcome> out;
    ScenarioOutcome base{kBaseCaseName, {}, true, evaluatePortfolio(p, catalog, o), std::nullopt, false};
    base.winner = verdictWinner(base.evaluation);
    out.push_back(std::move(base));
    const std::optional<std::size_t> baseWinner = out.front().winner;
    const std::string baseId =
        baseWinner ? out.front().evaluation.alternatives[*baseWinner].id : std::string();
    for (const Scenario& s : p.scenarios) {
        const auto applied = withScenario(p, s, catalog, error);
        if (!applied)
            return std::nullopt;
        ScenarioOutcome x{s.name,       s.description, false, evaluatePortfolio(*applied, catalog, o),
                          std::nullopt, false};
        x.winner = verdictWinner(x.evaluation);
        const std::string id = x.winner ? x.evaluation.alternatives[*x.winner].id : std::string();
        x.flipsVerdict = id != baseId;
        out.push_back(std::move(x));
    }
    return out;
}

} // namespace ledger::data
