#include "montecarlo/PathOutcomes.h"

namespace ledger {

namespace {
std::int64_t padded(std::int64_t n) { return (n + 7) / 8 * 8; }
} // namespace

PathOutcomes::PathOutcomes(std::int64_t n, const PathInputs& in)
    : paths(n)
    , stride(padded(n))
    , alternatives(in.alternatives)
    , years(in.years)
    , providers(in.providers)
    , npv(std::size_t(stride) * alternatives, 0.0)
    , cash(npv.size(), 0.0)
    , lcoc(npv.size(), 0.0)
    , cumulative(npv.size() * years, 0.0)
    , defaulted(std::size_t(stride) * providers, 0) {}

std::uint64_t PathOutcomes::bytesFor(std::int64_t n, const PathInputs& in) {
    return std::uint64_t(padded(n)) * (std::uint64_t(in.alternatives) * (3 + in.years) * sizeof(double) + in.providers);
}

} // namespace ledger
