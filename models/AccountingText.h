#pragma once
// The words of the accounting view (MODEL.md 9) as the window shows them: a finance reader's names
// for the lines, subtotals and balance-sheet items of core/engine/AccountingLine.h, the fiscal year's
// label, and which leases an alternative holds.
#include "engine/AccountingLine.h"
#include "engine/EvaluationResult.h"
#include "portfolio/Portfolio.h"

#include <QString>

#include <vector>

namespace ledger::models {

// "Service cost", "Spot and shortfall purchases", "Disposal loss (gain)", ...
QString accountingLineLabel(AccountingLine line);
// What the line holds, for a tooltip.
QString accountingLineTooltip(AccountingLine line);
// "NBV of fleets (book)", "Right-of-use asset", "Lease liability", ...
QString balanceItemLabel(BalanceItem item);
// A fiscal year as a column says it: "FY2027" when fiscal years end in another month than December
// (fiscalYearEndMonth 1..11), else the calendar year "2027".
QString fiscalYearLabel(int year, int fiscalYearEndMonth);
// The leases (EvaluationResult::leases) among the contracts the alternative holds, in the
// portfolio's order; none for spot.
std::vector<const LeaseResult*> leasesOf(const EvaluationResult& r, const AlternativeResult& alternative);

} // namespace ledger::models
