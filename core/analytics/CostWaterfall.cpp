#include "analytics/CostWaterfall.h"

#include <array>

namespace ledger {

CostWaterfall costWaterfall(const EvaluationResult& r, const std::string& alternative,
                            const std::string& reference) {
    CostWaterfall w{alternative, reference, 0.0, 0.0, {}};
    const AlternativeResult* a = r.alternative(alternative);
    const AlternativeResult* b = r.alternative(reference);
    if (!a || !b)
        return w;
    w.alternativeNpv = a->npvCost;
    w.referenceNpv = b->npvCost;
    std::array<double, kCostLines> difference{};
    std::array<bool, kCostLines> held{};
    for (const auto& l : a->lines) {
        difference[std::size_t(l.line)] += l.npv;
        held[std::size_t(l.line)] = true;
    }
    for (const auto& l : b->lines) {
        difference[std::size_t(l.line)] -= l.npv;
        held[std::size_t(l.line)] = true;
    }
    for (int l = 0; l < kCostLines; ++l) {
        if (held[std::size_t(l)] && difference[std::size_t(l)] != 0.0)
            w.steps.push_back({CostLine(l), difference[std::size_t(l)]});
    }
    return w;
}

std::pair<std::string, std::string> cheapestAgainstNextBest(const EvaluationResult& r) {
    const auto ranked = r.rankedAtFullCapacity(); // the verdict's: one that buys less is not cheaper
    if (ranked.size() < 2)
        return {};
    return {ranked[0]->id, ranked[1]->id};
}

} // namespace ledger
