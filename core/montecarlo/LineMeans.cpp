#include "montecarlo/LineMeans.h"

#include "engine/PathFunction.h"

#include <array>

namespace ledger {

namespace {

using AlternativeLines = std::vector<std::array<double, kCostLines>>;

// The path-free lines of one path, per alternative: every path has them alike.
struct PathFreeSink {
    static constexpr bool kRecordsLines = true;
    const PathInputs* in;
    AlternativeLines* lines;
    void flow(int, int, FlowKind, double, double) {}
    void flowEither(int, int, bool, FlowKind, FlowKind, double, double) {}
    void line(int slot, int, CostLine l, double amount, double df) {
        if (!isPathFreeIn(l, in->uncertainFleets, in->deliveryVariants))
            return;
        for (int at = in->slotAlternativeOffsets[slot]; at < in->slotAlternativeOffsets[slot + 1]; ++at)
            (*lines)[std::size_t(in->slotAlternatives[at])][std::size_t(l)] += amount * df;
    }
    void usage(int, int, double, double) {}
    void providerDefaulted(int, bool) {}
    void finish() {}
};

} // namespace

std::vector<std::vector<LineMean>> lineMeans(const PathInputs& in, const LineSums& sums, std::int64_t paths,
                                             const std::vector<double>& npvMeans) {
    const std::size_t A = std::size_t(in.alternatives);
    std::vector<std::array<bool, kCostLines>> listed(A, std::array<bool, kCostLines>{});
    std::vector<std::array<bool, kLineOwners>> owners(A, std::array<bool, kLineOwners>{});
    for (int slot = 0; slot < pathSlots(in); ++slot) {
        const LineOwner owner = slotLineOwner(in, slot);
        for (int at = in.slotAlternativeOffsets[slot]; at < in.slotAlternativeOffsets[slot + 1]; ++at) {
            const std::size_t a = std::size_t(in.slotAlternatives[at]);
            owners[a][std::size_t(owner)] = true;
            for (int l = 0; l < kCostLines; ++l)
                listed[a][std::size_t(l)] = listed[a][std::size_t(l)] || lineOwner(CostLine(l)) == owner;
        }
    }
    AlternativeLines pathFree(A, std::array<double, kCostLines>{});
    DeterministicShocks shocks;
    PathFreeSink sink{&in, &pathFree};
    simulatePath<double>(in, shocks, sink);

    std::vector<std::vector<LineMean>> out(A);
    const double tau = in.taxRate;
    for (std::size_t a = 0; a < A; ++a) {
        std::array<double, kCostLines> mean{};
        // The line found as the rest: the own line of the one owner the alternative holds (one of
        // both kinds has none: its items summed their own lines, PathInputs::ownLineSummed; a
        // shortfall is always summed).
        int rest = -1, kinds = 0;
        for (int o = 0; o < kLineOwners; ++o)
            if (owners[a][std::size_t(o)] && hasOwnLine(LineOwner(o))) {
                ++kinds;
                rest = int(ownLine(LineOwner(o)));
            }
        if (!in.ownLinesAsRest || kinds != 1)
            rest = -1;
        for (int l = 0; l < kCostLines; ++l) {
            const CostLine line = CostLine(l);
            if (isPathFreeIn(line, in.uncertainFleets, in.deliveryVariants))
                mean[std::size_t(l)] = pathFree[a][std::size_t(l)];
            else if (isSummedLine(line) && l != rest)
                mean[std::size_t(l)] = sums.sum(int(a), line) / double(paths);
        }
        // Tax shields of lines other than the rest.
        for (int l = 0; l < kCostLines; ++l)
            if (taxShieldOf(CostLine(l)) != kNoShield && l != rest)
                mean[std::size_t(taxShieldOf(CostLine(l)))] += -tau * mean[std::size_t(l)];
        if (rest >= 0 && listed[a][std::size_t(rest)]) {
            // NPV = the others + rest + (its shield's share: -tau x rest), so rest = (NPV - others) / (1 -
            // tau).
            double others = 0.0;
            for (int l = 0; l < kCostLines; ++l)
                if (listed[a][std::size_t(l)] && l != rest)
                    others += mean[std::size_t(l)];
            const bool shielded = taxShieldOf(CostLine(rest)) != kNoShield;
            mean[std::size_t(rest)] = (npvMeans[a] - others) / (shielded ? 1.0 - tau : 1.0);
            if (shielded)
                mean[std::size_t(taxShieldOf(CostLine(rest)))] += -tau * mean[std::size_t(rest)];
        }
        for (int l = 0; l < kCostLines; ++l)
            if (listed[a][std::size_t(l)])
                out[a].push_back({CostLine(l), mean[std::size_t(l)]});
    }
    return out;
}

} // namespace ledger
