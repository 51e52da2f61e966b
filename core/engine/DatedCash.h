#pragma once
// Each alternative's after-tax cash flows on their own dates (MODEL.md 1: a period's cash at its end,
// shifted by payment terms; a prepayment at the contract's start; capex at in-service), summed per
// date. Discounted with DF(d) = (1 + r)^(-days/365) they give the alternative's NPV cost: it is the
// list a spreadsheet's XNPV(r, amounts, dates) recomputes, with the valuation date as its first date.
#include "calendar/Date.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <vector>

namespace ledger {

struct DatedCash {
    Date date;
    double amount = 0.0; // after tax, a cost positive
};

// Per alternative in the evaluation's order (the portfolio's, then spot), in date order, the first
// entry on the valuation date (0 when nothing is paid then). The portfolio must have passed
// validatePortfolio().
std::vector<std::vector<DatedCash>> datedCashByAlternative(const Portfolio& p, const SkuCatalog& catalog);

} // namespace ledger
