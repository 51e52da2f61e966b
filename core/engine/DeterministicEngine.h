#pragma once
// The deterministic evaluation of MODEL.md 3-5 and 7: the path function with every shock at zero,
// recorded period by period, then rolled up into items, alternatives, years and comparisons.
#include "engine/CompiledPortfolio.h"
#include "engine/EvaluationResult.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

namespace ledger {

struct EvaluateOptions {
    bool analytics = true; // breakeven utilization and useful-life sensitivity (re-evaluations)
};

// The portfolio must have passed validatePortfolio().
EvaluationResult evaluatePortfolio(const Portfolio& p, const SkuCatalog& catalog,
                                   const EvaluateOptions& o = {});

// The compiled inputs of the shock-free path: u_k and the demand as given (MODEL.md 3.1, 4, 8), the
// logit transform and the demand's noise being the Monte Carlo's. DatedCash walks the same path.
PathInputs deterministicInputs(const CompiledPortfolio& cp);

// NPV cost per alternative (portfolio order, then spot) of one compiled portfolio, deterministic.
std::vector<double> alternativeNpvCosts(const CompiledPortfolio& cp);

} // namespace ledger
