#pragma once
// What a contract option is worth, in words a reader of the window and the PDF reads
// (docs/model.md 17): what the right is, its value and how often it is exercised, and where.
#include "options/OptionValuation.h"

#include <QString>

namespace ledger::models {

// "Extend to 2031-12-31 at 0.9 x the last price", "Add 500 GPUs from 2028-04-01 at 1.90 per GPU-hour",
// "End on 2028-06-30 for a fee of USD 1.5 M".
QString optionTermsInWords(const Portfolio& p, const OptionResult& r);
// The value sentence: with a Monte Carlo, "Worth USD 4.3 M (+- 0.0 M) of NPV cost to Rent: exercised
// on 99.9% of paths, when ... ; intrinsic value USD 4.3 M, time value USD 0.0 M."; without, the
// deterministic path's saving and decision.
QString optionValueInWords(const OptionResult& r, const std::string& currency,
                           const QString& alternativeName);
// Where the rule turns: "exercised when the H100's market price on 2029-06-30 is above USD 1.62 per
// GPU-hour", "exercised on every path in the range seen", ...
QString optionBoundaryInWords(const Portfolio& p, const OptionResult& r);

} // namespace ledger::models
