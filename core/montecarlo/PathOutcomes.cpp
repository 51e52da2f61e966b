#include "montecarlo/PathOutcomes.h"

#include <algorithm>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace ledger {

namespace {
std::int64_t padded(std::int64_t n) {
    return (n + 31) / 32 * 32;
}
constexpr std::size_t kHugePage = std::size_t(2) << 20;
} // namespace

void* allocateOutcomeBytes(std::size_t bytes) {
    if (bytes < 4 * kHugePage)
        return ::operator new(bytes);
    // Whole 2 MB pages, 2 MB aligned, so every page can be a huge one.
    const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (!p)
        throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    (void)madvise(p, rounded, MADV_HUGEPAGE); // advice only: without it the pages are small
#endif
    return p;
}

void freeOutcomeBytes(void* p, std::size_t bytes) {
    if (bytes < 4 * kHugePage)
        ::operator delete(p);
    else
        std::free(p);
}

PathOutcomes::PathOutcomes(std::int64_t n, const PathInputs& in, FanStorage fan, std::int64_t firstPath)
    : paths(n)
    , stride(padded(n))
    , alternatives(in.alternatives)
    , years(in.years)
    , providers(in.providers)
    , first(firstPath)
    , fanStorage(fan)
    , npv(std::size_t(stride) * alternatives)
    , lcoc(npv.size())
    , cumulative(fan == FanStorage::Values ? npv.size() * years : 0)
    , defaulted(std::size_t(stride) * providers)
    , fanBucket(fan == FanStorage::Buckets ? npv.size() * years : 0) {}

void PathOutcomes::clear(std::int64_t begin, std::int64_t end) {
    const std::size_t n = std::size_t(end - begin);
    auto zero = [&](auto& buffer, std::size_t rows) {
        for (std::size_t r = 0; r < rows; ++r)
            std::fill_n(buffer.data() + r * std::size_t(stride) + (begin - first), n, 0);
    };
    zero(npv, std::size_t(alternatives));
    zero(lcoc, std::size_t(alternatives));
    if (!cumulative.empty())
        zero(cumulative, std::size_t(alternatives) * years);
    zero(defaulted, std::size_t(providers));
}

void PathOutcomes::store(const PathOutcomes& from, std::int64_t count) {
    const std::size_t at = std::size_t(from.first - first), n = std::size_t(count);
    auto copy = [&](const auto& source, auto& target, std::size_t rows) {
        for (std::size_t r = 0; r < rows; ++r)
            std::copy_n(source.data() + r * std::size_t(from.stride), n,
                        target.data() + r * std::size_t(stride) + at);
    };
    copy(from.npv, npv, std::size_t(alternatives));
    copy(from.lcoc, lcoc, std::size_t(alternatives));
    copy(from.defaulted, defaulted, std::size_t(providers));
    if (fanStorage == FanStorage::Values) {
        copy(from.cumulative, cumulative, std::size_t(alternatives) * years);
        return;
    }
    for (std::size_t r = 0; r < std::size_t(alternatives) * std::size_t(years); ++r) {
        const FanScale& scale = fanScales[r];
        const double* values = from.cumulative.data() + r * std::size_t(from.stride);
        std::uint16_t* codes = fanBucket.data() + r * std::size_t(stride) + at;
        for (std::size_t i = 0; i < n; ++i)
            codes[i] = scale.code(values[i]);
    }
}

std::uint64_t PathOutcomes::bytesFor(std::int64_t n, const PathInputs& in, FanStorage fan) {
    const std::uint64_t fanBytes = fan == FanStorage::Values ? sizeof(double) : sizeof(std::uint16_t);
    return std::uint64_t(padded(n)) * (std::uint64_t(in.alternatives) * 2 * sizeof(double) +
                                       std::uint64_t(in.alternatives) * in.years * fanBytes + in.providers);
}

} // namespace ledger
