#pragma once
// docs/model.md 17: an option valued as two ways of covering the same hours, side by side in one
// portfolio so that both run on the same paths (common random numbers). For each option and each
// alternative holding its contract, the portfolio gains two alternatives:
//  - without: the option's hours met the way the portfolio says (with a demand, the shortfall bought at
//    spot; without one, bought at market: SKU market price x e^X x on-demand premium, deductible);
//  - with: the option exercised (an extension's or expansion's tranche at its price, from the same
//    provider; a termination's contract cut at the exercise date, its remaining hours met as above,
//    and its fee).
// The items and providers of the portfolio keep their places, so every path draws what it draws in
// the portfolio's own run.
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <string>
#include <vector>

namespace ledger {

struct OptionCase {
    std::string optionId;
    std::string contractId;
    std::string alternativeId; // the portfolio's alternative holding the contract
    OptionKind kind = OptionKind::Extend;
    Date exerciseDate;
    int asWritten = 0; // the alternatives of OptionVariants::portfolio (as written, without, with)
    int without = 0;
    int with = 0;
    // The exercise's cost outside the items: a termination's fee after tax, discounted to t0.
    double feeCost = 0.0;
    std::string provider; // the contract's provider (whether it has defaulted is part of the state)
};

struct OptionVariants {
    Portfolio portfolio;           // the portfolio with every option's items and alternatives added
    std::vector<OptionCase> cases; // in the order of the contracts and their options
};

// The portfolio must have passed validatePortfolio(). No options: no cases, the portfolio as it is.
OptionVariants buildOptionVariants(const Portfolio& p, const SkuCatalog& catalog);

// The contract's price on day d (MODEL.md 3.1: p0 x (1 + escalator)^y(d), y the full contract years).
double contractPriceOn(const Contract& c, const Date& d);

} // namespace ledger
