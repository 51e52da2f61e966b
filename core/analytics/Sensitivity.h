#pragma once
// The tornado of MODEL.md 7: each main input moved to its low and its high setting (the portfolio's
// own, else the defaults: portfolio/SensitivityInputs.h), everything else held, and the NPV
// difference between two alternatives recomputed.
#include "portfolio/Portfolio.h"
#include "portfolio/SensitivityInputs.h"
#include "portfolio/SkuCatalog.h"

#include <string>
#include <vector>

namespace ledger {

struct SensitivityBar {
    std::string input;     // what moved, e.g. "Contract prices"
    std::string lowLabel;  // e.g. "x0.8"
    std::string highLabel; // e.g. "x1.2"
    double low = 0.0;      // NPV_a - NPV_b with the input at its low setting
    double high = 0.0;     // ... at its high setting
    std::string id;        // the input's id, "contract_prices" (portfolio/SensitivityInputs.h)
};

struct Sensitivity {
    std::string a, b;                 // the alternatives compared (ids; b may be "spot")
    double base = 0.0;                // NPV_a - NPV_b as given
    std::vector<SensitivityBar> bars; // widest swing first
};

// a, b: indices into the alternatives (the portfolio's, then spot). The portfolio must be valid.
Sensitivity npvDifferenceSensitivity(const Portfolio& p, const SkuCatalog& catalog, std::size_t a,
                                     std::size_t b);

// Moves one input of p to a setting, as the tornado moves it (docs/model.md 11.4: a factor, a shift
// in points, or the trend per year itself). p must be valid; the SKUs and fleet capex a move needs
// are resolved through the catalog (and copied into p). The input must apply to p
// (sensitivityInputApplies): the demand's factor needs a demand, the trend no forward curve.
void applySensitivitySetting(SensitivityInput input, Portfolio& p, const SkuCatalog& catalog, double setting);

// The setting that moves nothing: x1 for a factor, 0 points for a shift, the portfolio's own trend
// for the GPU price trend.
double noMoveSetting(const Portfolio& p, SensitivityInput input);

} // namespace ledger
