#pragma once
// A public compute deal from the bundled library (resources/deals/deals.json): what was announced,
// which fields are public facts and which are assumptions a user must set, and where it was reported.
#include "calendar/Date.h"
#include "portfolio/Portfolio.h"

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

} // namespace ledger
