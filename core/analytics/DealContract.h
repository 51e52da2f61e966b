#pragma once
// A library deal (portfolio/Deal.h) made a contract of a portfolio, its GPUs implied by the news
// decoder: analytics, above the portfolio types it fills in.
#include "portfolio/Deal.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <cstddef>

namespace ledger {

// Adds the deal to the portfolio as a contract pre-filled from the library: its value, term,
// provider and SKU, with one tranche of the constant GPU count its value implies at the SKU's
// market price (the news decoder; an assumption to replace). The contract's notes and the
// portfolio's sources say which numbers are facts and where they come from. When the portfolio
// lists its alternatives, the contract gets one of its own. Returns the new contract's index.
std::size_t addDealAsContract(Portfolio& p, const Deal& deal, const SkuCatalog& catalog);

// The contract of the portfolio added from that library deal (its `deal` field), if any: a deal
// added twice would count its capacity and cost twice.
const Contract* contractFromDeal(const Portfolio& p, const std::string& dealId);

// "the deal \"X\" is already in the portfolio as contract \"Y\" (...)": the one message every front end
// gives.
std::string dealAlreadyInMessage(const Deal& deal, const Contract& in);

} // namespace ledger
