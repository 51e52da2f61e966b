#pragma once
// Per-path outputs of a run, alternative-major so each alternative's values are contiguous:
// value of alternative a on path p at [a * stride + p], stride being the path count rounded up to
// 32 so the vector backends can always write whole lanes. Only per-path results are kept, never
// per-step values, so memory is bounded by paths x alternatives x (2 + years).
// (C++17: the CUDA backend includes this; montecarlo/OutcomeRow.h gives spans for C++20 code.)
#include "engine/PathInputs.h"
#include "montecarlo/PathOutcomeSink.h"

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace ledger {

// Large outcome buffers (hundreds of MB for a million paths) are asked to be backed by 2 MB pages
// where the kernel offers them (Linux transparent huge pages in "madvise" mode): first touching
// 4 KB pages one by one cost a quarter of a 1M x 120 run in page faults. Others get plain memory.
void* allocateOutcomeBytes(std::size_t bytes);
void freeOutcomeBytes(void* p, std::size_t bytes);

// Outcome storage is not zeroed on allocation: the backend that fills a slice zeroes it first, on
// the thread that will use it (one pass over memory instead of two, spread over the cores).
template <class T> struct UninitializedAllocator {
    using value_type = T;
    UninitializedAllocator() = default;
    template <class U> UninitializedAllocator(const UninitializedAllocator<U>&) {}
    T* allocate(std::size_t n) { return static_cast<T*>(allocateOutcomeBytes(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) { freeOutcomeBytes(p, n * sizeof(T)); }
    // Default-initialisation: a double is left as it is, not zeroed.
    template <class U> void construct(U* p) { ::new (static_cast<void*>(p)) U; }
    template <class U, class... Args> void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
    template <class U> bool operator==(const UninitializedAllocator<U>&) const { return true; }
    template <class U> bool operator!=(const UninitializedAllocator<U>&) const { return false; }
};
using OutcomeBuffer = std::vector<double, UninitializedAllocator<double>>;
using FlagBuffer = std::vector<unsigned char, UninitializedAllocator<unsigned char>>;

struct PathOutcomes {
    std::int64_t paths = 0;
    std::int64_t stride = 0;
    int alternatives = 0;
    int years = 0;
    int providers = 0;
    // A path's total cash cost (MODEL.md 6.2) is its cumulative cash at the last year end: no row of
    // its own.
    OutcomeBuffer npv, lcoc, cumulative;
    FlagBuffer defaulted;

    PathOutcomes(std::int64_t paths, const PathInputs& in);

    // The sink writing path p's outcome (lanes p .. p+3 for a four-path lane type).
    template <class V> PathOutcomeSink<V> sinkFor(const PathInputs& in, std::int64_t p) {
        return PathOutcomeSink<V>{&in,
                                  npv.data() + p,
                                  lcoc.data() + p,
                                  years > 0 ? cumulative.data() + p : nullptr,
                                  providers > 0 ? defaulted.data() + p : nullptr,
                                  long(stride)};
    }
    // Where row `index` (an alternative, or alternative x years + year) of v starts.
    const double* rowStart(const OutcomeBuffer& v, std::size_t index) const {
        return v.data() + index * std::size_t(stride);
    }
    bool defaultedOn(int provider, std::int64_t p) const {
        return defaulted[std::size_t(provider) * stride + p] != 0;
    }

    // Zeroes paths [begin, end) of every row: the backend's first touch of its slice.
    void clear(std::int64_t begin, std::int64_t end);
    // Bytes a run of `paths` paths needs for its outcomes.
    static std::uint64_t bytesFor(std::int64_t paths, const PathInputs& in);
};

} // namespace ledger
