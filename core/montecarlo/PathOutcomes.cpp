#include "montecarlo/PathOutcomes.h"

namespace ledger {

PathOutcomes::PathOutcomes(std::int64_t n, const PathInputs& in)
    : paths(n)
    , alternatives(in.alternatives)
    , years(in.years)
    , providers(in.providers)
    , npv(std::size_t(n) * alternatives, 0.0)
    , cash(npv.size(), 0.0)
    , lcoc(npv.size(), 0.0)
    , cumulative(npv.size() * years, 0.0)
    , defaulted(std::size_t(n) * providers, 0) {}

PathOutcomeSink PathOutcomes::sinkFor(const PathInputs& in, std::int64_t p) {
    return PathOutcomeSink{&in,
                           npv.data() + p,
                           cash.data() + p,
                           lcoc.data() + p,
                           years > 0 ? cumulative.data() + p : nullptr,
                           providers > 0 ? defaulted.data() + p : nullptr,
                           long(paths)};
}

std::uint64_t PathOutcomes::bytesFor(std::int64_t n, const PathInputs& in) {
    return std::uint64_t(n) * (std::uint64_t(in.alternatives) * (3 + in.years) * sizeof(double) + in.providers);
}

} // namespace ledger
