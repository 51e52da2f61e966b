#pragma once
// A row of per-path outcomes as a span over its paths (the padding left out).
#include "montecarlo/PathOutcomes.h"

#include <span>

namespace ledger {

inline std::span<const double> outcomeRow(const PathOutcomes& out, const OutcomeBuffer& v,
                                          std::size_t index) {
    return {out.rowStart(v, index), std::size_t(out.paths)};
}

} // namespace ledger
