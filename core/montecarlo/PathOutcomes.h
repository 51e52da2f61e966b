#pragma once
// Per-path outputs of a run, alternative-major so each alternative's values are contiguous:
// value of alternative a on path p at [a * stride + p], stride being the path count rounded up to
// eight so the vector backends can always write whole lanes. Only per-path results are kept, never
// per-step values, so memory is bounded by paths x alternatives x (3 + years).
// (C++17: the CUDA backend includes this; montecarlo/OutcomeRow.h gives spans for C++20 code.)
#include "engine/PathInputs.h"
#include "montecarlo/PathOutcomeSink.h"

#include <cstdint>
#include <vector>

namespace ledger {

struct PathOutcomes {
    std::int64_t paths = 0;
    std::int64_t stride = 0;
    int alternatives = 0;
    int years = 0;
    int providers = 0;
    std::vector<double> npv, cash, lcoc, cumulative;
    std::vector<unsigned char> defaulted;

    PathOutcomes(std::int64_t paths, const PathInputs& in);

    // The sink writing path p's outcome (lanes p .. p+3 for a four-path lane type).
    template <class V>
    PathOutcomeSink<V> sinkFor(const PathInputs& in, std::int64_t p) {
        return PathOutcomeSink<V>{&in,
                                  npv.data() + p,
                                  cash.data() + p,
                                  lcoc.data() + p,
                                  years > 0 ? cumulative.data() + p : nullptr,
                                  providers > 0 ? defaulted.data() + p : nullptr,
                                  long(stride)};
    }
    // Where row `index` (an alternative, or alternative x years + year) of v starts.
    const double* rowStart(const std::vector<double>& v, std::size_t index) const {
        return v.data() + index * std::size_t(stride);
    }
    bool defaultedOn(int provider, std::int64_t p) const { return defaulted[std::size_t(provider) * stride + p] != 0; }

    // Bytes a run of `paths` paths needs for its outcomes.
    static std::uint64_t bytesFor(std::int64_t paths, const PathInputs& in);
};

} // namespace ledger
