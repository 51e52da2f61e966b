#include "engine/EvaluationResult.h"

#include <algorithm>
#include <cmath>

namespace ledger {

const char* toString(BreakevenOutcome o) {
    switch (o) {
    case BreakevenOutcome::Value:
        return "value";
    case BreakevenOutcome::Never:
        return "never";
    case BreakevenOutcome::Always:
        return "always";
    }
    return "value";
}

const AlternativeResult* EvaluationResult::alternative(const std::string& id) const {
    for (const auto& a : alternatives) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

const ItemResult* EvaluationResult::item(const std::string& id) const {
    for (const auto& i : items) {
        if (i.id == id)
            return &i;
    }
    return nullptr;
}

std::vector<const AlternativeResult*> EvaluationResult::rankedByNpvCost() const {
    std::vector<const AlternativeResult*> ranked;
    for (const auto& a : alternatives)
        ranked.push_back(&a);
    std::stable_sort(ranked.begin(), ranked.end(), [](auto* x, auto* y) { return x->npvCost < y->npvCost; });
    return ranked;
}

double EvaluationResult::mostUsedH100Hours() const {
    double most = 0.0;
    for (const auto& a : alternatives)
        most = std::max(most, a.usedH100Hours);
    return most;
}

namespace {
bool sameCapacity(double x, double y) {
    return std::abs(x - y) <= kCapacityTolerance * std::max(x, y);
}
bool atFullCapacity(const AlternativeResult& a, double most) {
    return sameCapacity(a.usedH100Hours, most);
}
} // namespace

bool capacityMatched(const AlternativeResult& a, const AlternativeResult& b) {
    return sameCapacity(a.usedH100Hours, b.usedH100Hours);
}

std::vector<const AlternativeResult*> EvaluationResult::rankedAtFullCapacity() const {
    const double most = mostUsedH100Hours();
    std::vector<const AlternativeResult*> ranked;
    for (const AlternativeResult* a : rankedByNpvCost())
        if (atFullCapacity(*a, most))
            ranked.push_back(a);
    return ranked;
}

std::vector<const AlternativeResult*> EvaluationResult::shortOfCapacity() const {
    const double most = mostUsedH100Hours();
    std::vector<const AlternativeResult*> out;
    for (const auto& a : alternatives)
        if (!atFullCapacity(a, most))
            out.push_back(&a);
    return out;
}

bool EvaluationResult::nothingToCompare() const {
    // Exact zeros: an item outside the horizon contributes nothing, not a rounding residue, and any
    // real cost, however small, is a difference worth reporting.
    return std::all_of(alternatives.begin(), alternatives.end(), [](const AlternativeResult& a) {
        return a.npvCost == 0.0 && a.totalCash == 0.0 &&
               std::all_of(a.annual.begin(), a.annual.end(),
                           [](const AnnualRow& y) { return y.cash == 0.0; });
    });
}

} // namespace ledger
