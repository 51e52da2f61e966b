#pragma once
// Where one alternative saves against another, line by line (issue 16): the NPV difference of two
// alternatives as a waterfall from the reference's NPV cost to the other's, one step per cost line
// (contract payments avoided, capex, power, tax shields, resale). The Compare tab and the PDF draw it.
#include "engine/EvaluationResult.h"

#include <string>
#include <vector>

namespace ledger {

struct WaterfallStep {
    CostLine line = CostLine::Capex;
    double difference = 0.0; // NPV of the line in `alternative` less in `reference`
};

struct CostWaterfall {
    std::string alternative; // where the waterfall ends
    std::string reference;   // where it starts
    double alternativeNpv = 0.0;
    double referenceNpv = 0.0;
    std::vector<WaterfallStep> steps; // the lines either holds with a difference, in CostLine's order
};

// Empty steps (and both NPVs 0) when either id names no alternative of r.
CostWaterfall costWaterfall(const EvaluationResult& r, const std::string& alternative,
                            const std::string& reference);

// The pair an executive asks about first: the cheapest alternative against the next best (ranked by
// NPV cost); empty ids when r has fewer than two alternatives.
std::pair<std::string, std::string> cheapestAgainstNextBest(const EvaluationResult& r);

} // namespace ledger
