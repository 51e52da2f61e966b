#pragma once
// A public compute deal from the bundled library (resources/deals/deals.json): what was announced,
// which fields are public facts and which are assumptions a user must set, and where it was reported.
#include "calendar/Date.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <string>
#include <vector>

namespace ledger {

struct Deal {
    std::string id;
    std::string title;
    std::string buyer;
    std::string provider;
    Date announced;
    double totalContractValue = 0.0;
    Date start;
    Date end; // inclusive
    std::string sku;
    std::string delivered;
    std::vector<std::string> facts;       // field names that are public facts
    std::vector<std::string> assumptions; // field names the user must set or check
    std::vector<std::string> sources;     // URLs
    std::string notes;
};

// Adds the deal to the portfolio as a contract pre-filled from the library: its value, term,
// provider and SKU, with one tranche of the constant GPU count its value implies at the SKU's
// market price (the news decoder; an assumption to replace). The contract's notes and the
// portfolio's sources say which numbers are facts and where they come from. When the portfolio
// lists its alternatives, the contract gets one of its own. Returns the new contract's index.
std::size_t addDealAsContract(Portfolio& p, const Deal& deal, const SkuCatalog& catalog);

} // namespace ledger
