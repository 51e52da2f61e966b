#pragma once
// Per-path outputs of a run, alternative-major so each alternative's values are contiguous:
// value of alternative a on path p at [a * paths + p]. Only per-path results are kept, never
// per-step values, so memory is bounded by paths x alternatives x (3 + years).
#include "engine/PathInputs.h"
#include "montecarlo/PathOutcomeSink.h"

#include <cstdint>
#include <vector>

namespace ledger {

struct PathOutcomes {
    std::int64_t paths = 0;
    int alternatives = 0;
    int years = 0;
    int providers = 0;
    std::vector<double> npv, cash, lcoc, cumulative;
    std::vector<unsigned char> defaulted;

    PathOutcomes(std::int64_t paths, const PathInputs& in);
    // The sink writing path p's outcome.
    PathOutcomeSink sinkFor(const PathInputs& in, std::int64_t p);
    // Bytes a run of `paths` paths needs for its outcomes.
    static std::uint64_t bytesFor(std::int64_t paths, const PathInputs& in);
};

} // namespace ledger
