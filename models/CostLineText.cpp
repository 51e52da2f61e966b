#include "models/CostLineText.h"

#include <QCoreApplication>

#include <algorithm>

namespace ledger::models {

namespace {

// In CostLine's order.
constexpr const char* kLabels[kCostLines] = {
    QT_TRANSLATE_NOOP("ledger::CostLine", "Capex"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Prepayment"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Contract payments"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Contract tax shield"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Power"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Colocation"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Opex"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Operating tax shield"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Depreciation tax shield"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Resale"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Disposal tax"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Replacement at market"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Replacement tax shield"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Prepayment recovery"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Write-off tax shield"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Spot purchases"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Spot tax shield"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Shortfall bought at spot"),
    QT_TRANSLATE_NOOP("ledger::CostLine", "Shortfall tax shield"),
};

constexpr bool everyLineHasALabel() {
    for (const char* label : kLabels)
        if (label == nullptr)
            return false;
    return true;
}
static_assert(everyLineHasALabel(), "kLabels: one label per CostLine");

} // namespace

std::vector<CostLine> costLinesShown(const EvaluationResult& r) {
    std::vector<CostLine> out;
    for (int l = 0; l < kCostLines; ++l) {
        const bool any =
            std::any_of(r.alternatives.begin(), r.alternatives.end(), [&](const AlternativeResult& a) {
                const auto npv = lineNpv(a, CostLine(l));
                return npv && *npv != 0.0;
            });
        if (any)
            out.push_back(CostLine(l));
    }
    return out;
}

std::optional<double> lineNpv(const AlternativeResult& a, CostLine line) {
    for (const auto& l : a.lines)
        if (l.line == line)
            return l.npv;
    return std::nullopt;
}

QString costLineLabel(CostLine line) {
    return QCoreApplication::translate("ledger::CostLine", kLabels[int(line)]);
}

} // namespace ledger::models
