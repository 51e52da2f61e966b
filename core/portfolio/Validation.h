#pragma once
// Semantic checks of a portfolio (ranges, date order, references). The JSON reader checks syntax
// and types; both report "<path>: <problem>" with the path in JSON notation, e.g.
// "fleets[0].pue: 0.5 is below 1", so the GUI, the CLI and the importers speak alike.
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <optional>
#include <string>

namespace ledger {

// Dates outside these years are refused: calendar arithmetic stays far from Boost's limits.
constexpr int kFirstSupportedYear = 1900;
constexpr int kLastSupportedYear = 2200;

struct ValidationError {
    std::string path;
    std::string message;
    std::string toString() const;
};

// The first problem found, or nullopt when the portfolio can be evaluated.
std::optional<ValidationError> validatePortfolio(const Portfolio& p, const SkuCatalog& catalog);

// Shortest text that reads back as the same double ("0.5", "1e+400" never occurs: finite only).
std::string formatNumber(double v);

} // namespace ledger
