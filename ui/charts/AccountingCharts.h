#pragma once
// The accounting view's chart (MODEL.md 9): EBITDA cost by fiscal year, every alternative side by side.
#include "engine/EvaluationResult.h"

#include <QChart>

namespace ledger::ui {

// One bar per alternative (seriesColor's colours) and fiscal year, in millions, pre-tax, costs
// positive; the years labelled as the Accounting tab's columns (models/AccountingText.h).
void drawEbitdaCostByAlternative(QChart* chart, const EvaluationResult& r);

} // namespace ledger::ui
