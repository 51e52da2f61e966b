#pragma once
// Reverse stress (docs/model.md 11.9): for the verdict's pair (the winner and the runner-up at full
// capacity), the smallest move of each tornado input alone (portfolio/SensitivityInputs.h, moved as
// the tornado moves it: analytics/Sensitivity.h) at which the runner-up's NPV cost equals the
// winner's, found by goal seek (analytics/GoalSeek.h) over the input's allowed settings, and the
// inputs ranked by how small that move is.
#include "analytics/GoalSeek.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SensitivityInputs.h"
#include "portfolio/SkuCatalog.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace ledger {

struct VerdictFlip {
    std::string id;    // the input's id, "gpu_market_prices"
    std::string input; // its name, "GPU market (spot) prices"
    SensitivityKind kind = SensitivityKind::Factor;
    double base = 0.0;            // the setting that moves nothing (noMoveSetting)
    double min = 0.0, max = 0.0;  // the settings searched (SensitivityInputInfo::min..max)
    std::optional<double> flipAt; // the setting nearest the base at which the gap is 0; none: it
                                  // cannot flip the verdict within min..max
    double move = std::numeric_limits<double>::infinity(); // |flipAt - base| / scale: the ranking
    double scale = 1.0;                                    // what the move is relative to (moveScale)
    double residual = 0.0;                                 // the gap at flipAt
    // The root finder's bracket (the cell of the outward scan where the gap changed sign), its steps.
    double bracketLo = 0.0, bracketHi = 0.0;
    int iterations = 0;
    // Without a flip: the gap at the two ends of the range (both above 0). With one, the gap at the
    // last setting scanned on each side.
    double gapAtMin = 0.0, gapAtMax = 0.0;
};

struct ReverseStress {
    std::string winner, runnerUp; // ids
    std::size_t winnerIndex = 0, runnerUpIndex = 0;
    double baseGap = 0.0; // NPV_runnerUp - NPV_winner as given (0 or more: the winner is the cheaper)
    // The inputs that flip the verdict, smallest move first (equal moves keep the tornado's order),
    // then those that cannot, in the tornado's order.
    std::vector<VerdictFlip> inputs;
    int evaluations = 0; // deterministic runs made
};

// The outward scan: on each side of the base, the gap at base + (bound - base) x 2^-k, k = 6 down to
// 0; the first cell where it is 0 or below is solved to the tolerance.
inline constexpr int kReverseStressScanSteps = 7;

// winner, runnerUp: indices into the alternatives (the portfolio's, then spot), the decision's pair
// (models::decisionPair). The portfolio must be valid.
ReverseStress reverseStress(const Portfolio& p, const SkuCatalog& catalog, std::size_t winner,
                            std::size_t runnerUp, const GoalSeekTolerance& tolerance = {});

// What a move of an input is measured against: 1 for a factor (x0.72 is a move of 0.28); for a shift
// in points, the shifted value as given (the discount rate, the tax rate, the mean utilization point);
// for the trend, its value as given; 1 where that is 0.
double moveScale(const Portfolio& p, SensitivityInput input);

// NPV_runnerUp - NPV_winner with one input at a setting (the deterministic engine).
double verdictGap(const Portfolio& p, const SkuCatalog& catalog, std::size_t winner, std::size_t runnerUp,
                  SensitivityInput input, double setting);

} // namespace ledger
