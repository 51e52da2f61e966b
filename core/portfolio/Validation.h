#pragma once
// Semantic checks of a portfolio (ranges, date order, references). The JSON reader checks syntax
// and types; both report "<path>: <problem>" with the path in JSON notation, e.g.
// "fleets[0].pue: 0.5 is below 1", so the GUI, the CLI and the importers speak alike.
#include "portfolio/Limits.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <optional>
#include <string>
#include <string_view>

namespace ledger {

struct ValidationError {
    std::string path;
    std::string message;
    std::string toString() const;
};

// The first problem found, or nullopt when the portfolio can be evaluated.
std::optional<ValidationError> validatePortfolio(const Portfolio& p, const SkuCatalog& catalog);

// Shortest text that reads back as the same double ("0.5", "1e+400" never occurs: finite only).
std::string formatNumber(double v);
// The other direction, for text fields (CSV cells, command-line values): a finite number in the C
// locale, the whole text and nothing else ("2.40", "+1e3"; not "2,40", " 2", "0x10", "inf", "1e400",
// nor "1e-400", which would silently be 0).
std::optional<double> parseFiniteNumber(std::string_view text);

} // namespace ledger
