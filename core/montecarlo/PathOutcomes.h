#pragma once
// Per-path outputs of a run, alternative-major so each alternative's values are contiguous:
// value of alternative a on path p at [a * stride + p], stride being the path count rounded up to
// 32 so the vector backends can always write whole lanes. Only per-path results are kept, never
// per-step values, so memory is bounded by paths x alternatives x (2 + years) values, or by
// paths x alternatives x 2 values and years buckets where the fan keeps buckets.
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
using BucketBuffer = std::vector<std::uint16_t, UninitializedAllocator<std::uint16_t>>;

// How a run keeps each path's cumulative cash at the year ends, the rows of the yearly fan: the
// values themselves (8 bytes a path and row), or only the bucket each value falls in (2 bytes), the
// few values the fan's percentiles need being found again afterwards (CpuReductions).
enum class FanStorage { Values, Buckets };

// What the year rows hold: each year end's cumulative cash cost (the fan), or (MODEL.md 9, a run of
// its own over the same paths) each year's EBITDA cost or pre-tax cost as booked.
enum class FanQuantity { CumulativeCash, EbitdaCost, PretaxCost };

// The fan code of a value in one fan row: equal-width buckets over [low, high) with one bucket
// below and one above, each split in three around the value many paths share there, if the pilot
// paths showed one (a take-or-pay floor, a path without default: exact ties are common). Codes
// 3b, 3b + 1, 3b + 2: below the shared value (or the whole bucket when there is none), equal to it,
// above it. A monotone map, so every value with a code is at most every value with a higher one,
// and every value with code 3b + 1 is the shared value.
struct FanScale {
    static constexpr int kBuckets = 21845;     // 3 codes each: 65,535 fit 16 bits
    static constexpr int kMaxShared = 8;       // shared values per row, the pilot's most frequent
    double low = 0.0, high = 0.0, scale = 0.0; // scale: interior buckets per unit
    // A short list, not a table per bucket: coding a value touches no memory beyond these lines.
    int sharedCount = 0;
    int sharedBucket[kMaxShared] = {};
    double sharedValue[kMaxShared] = {};

    static FanScale spanning(double low, double high) {
        FanScale s;
        s.low = low;
        s.high = high;
        s.scale = double(kBuckets - 2) / (high - low);
        return s;
    }
    int bucket(double x) const {
        if (x < low)
            return 0;
        if (!(x < high))
            return kBuckets - 1;
        const double at = (x - low) * scale; // NaN (an overflowed range) falls in the last interior one
        return 1 + (at < double(kBuckets - 3) ? int(at) : kBuckets - 3);
    }
    // The shared value of bucket b, if it has one.
    bool sharedIn(int b, double* value) const {
        for (int i = 0; i < sharedCount; ++i)
            if (sharedBucket[i] == b) {
                *value = sharedValue[i];
                return true;
            }
        return false;
    }
    std::uint16_t code(double x) const {
        const int b = bucket(x);
        double m = 0.0;
        if (!sharedIn(b, &m))
            return std::uint16_t(3 * b);
        return std::uint16_t(3 * b + (x < m ? 0 : x == m ? 1 : 2));
    }
    // Whether every value with this code is one known value (it is then *value).
    bool exact(std::uint16_t code, double* value) const { return code % 3 == 1 && sharedIn(code / 3, value); }
};

struct PathOutcomes {
    std::int64_t paths = 0;
    std::int64_t stride = 0;
    int alternatives = 0;
    int years = 0;
    int providers = 0;
    std::int64_t first = 0; // the path index at position 0 (a slice of a run: the paths first ...)
    FanStorage fanStorage = FanStorage::Values;
    FanQuantity fanQuantity = FanQuantity::CumulativeCash;
    // A path's total cash cost (MODEL.md 6.2) is its cumulative cash at the last year end: no row of
    // its own.
    OutcomeBuffer npv, lcoc, cumulative; // cumulative: only with FanStorage::Values
    FlagBuffer defaulted;
    BucketBuffer fanBucket; // [(alternative * years + year) * stride]: fan codes, FanStorage::Buckets
    std::vector<FanScale> fanScales; // per fan row: FanStorage::Buckets

    PathOutcomes(std::int64_t paths, const PathInputs& in, FanStorage fan = FanStorage::Values,
                 std::int64_t first = 0);

    // The sink writing path p's outcome (lanes p .. p+3 for a four-path lane type); needs the values.
    template <class V, SinkLines kLines = SinkLines::None, bool kAccounting = false>
    PathOutcomeSink<V, kLines, kAccounting> sinkFor(const PathInputs& in, std::int64_t p) {
        const std::int64_t at = p - first;
        PathOutcomeSink<V, kLines, kAccounting> sink{&in,
                                                     npv.data() + at,
                                                     lcoc.data() + at,
                                                     years > 0 ? cumulative.data() + at : nullptr,
                                                     providers > 0 ? defaulted.data() + at : nullptr,
                                                     long(stride)};
        sink.pretax = fanQuantity == FanQuantity::PretaxCost;
        return sink;
    }
    // Where row `index` (an alternative, or alternative x years + year) of v starts.
    const double* rowStart(const OutcomeBuffer& v, std::size_t index) const {
        return v.data() + index * std::size_t(stride);
    }
    bool defaultedOn(int provider, std::int64_t p) const {
        return defaulted[std::size_t(provider) * stride + p] != 0;
    }

    // Zeroes paths [begin, end) of every row of values: the backend's first touch of its slice.
    void clear(std::int64_t begin, std::int64_t end);
    // Copies paths [from.first, from.first + count) of a slice that kept its values into these
    // outcomes: the values, or the cumulative cash as fan buckets.
    void store(const PathOutcomes& from, std::int64_t count);
    // Bytes a run of `paths` paths needs for its outcomes.
    static std::uint64_t bytesFor(std::int64_t paths, const PathInputs& in,
                                  FanStorage fan = FanStorage::Values);
};

} // namespace ledger
