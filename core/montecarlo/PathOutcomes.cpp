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

PathOutcomes::PathOutcomes(std::int64_t n, const PathInputs& in)
    : paths(n)
    , stride(padded(n))
    , alternatives(in.alternatives)
    , years(in.years)
    , providers(in.providers)
    , npv(std::size_t(stride) * alternatives)
    , lcoc(npv.size())
    , cumulative(npv.size() * years)
    , defaulted(std::size_t(stride) * providers) {}

void PathOutcomes::clear(std::int64_t begin, std::int64_t end) {
    const std::size_t n = std::size_t(end - begin);
    auto zero = [&](auto& buffer, std::size_t rows) {
        for (std::size_t r = 0; r < rows; ++r)
            std::fill_n(buffer.data() + r * std::size_t(stride) + begin, n, 0);
    };
    zero(npv, std::size_t(alternatives));
    zero(lcoc, std::size_t(alternatives));
    zero(cumulative, std::size_t(alternatives) * years);
    zero(defaulted, std::size_t(providers));
}

std::uint64_t PathOutcomes::bytesFor(std::int64_t n, const PathInputs& in) {
    return std::uint64_t(padded(n)) *
           (std::uint64_t(in.alternatives) * (2 + in.years) * sizeof(double) + in.providers);
}

} // namespace ledger
