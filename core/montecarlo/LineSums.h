#pragma once
// The Monte Carlo's mean NPV by cost line (docs/model.md, "Cost lines"): one running sum per
// alternative and line for the whole run, never a row per path. A path's lines go into a small
// scratch as it runs (PathOutcomeSink::line), a chunk of paths sums them, and the chunk's sums join
// the run's in an order-free sum, so the means are the same to the bit for any thread count (and
// any fan storage); a lane width of its own adds in its own order. (C++17: the CUDA backend
// includes this.)
#include "engine/CostLine.h"
#include "engine/PathInputs.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace ledger {

// A sum of doubles whose value does not depend on the order of its terms: each term is rounded to a
// multiple of 2^-40 (a trillionth of a dollar) and added as a 128-bit integer, exactly, so chunks
// finishing in any order on any thread give one answer; a double sum would not. A term of 2^62 or
// more in size (4.6e18), an infinity or a NaN goes to a plain double beside it instead.
class OrderFreeSum {
public:
    void add(double x) {
        if (std::fabs(x) < kLargest)
            fixed_ += static_cast<__int128>(std::nearbyint(std::ldexp(x, kFractionBits)));
        else
            rest_ += x;
    }
    void add(const OrderFreeSum& o) {
        fixed_ += o.fixed_;
        rest_ += o.rest_;
    }
    double value() const { return std::ldexp(static_cast<double>(fixed_), -kFractionBits) + rest_; }
    // Its exact state, as a shard file keeps it (docs/scale-out.md): the integer sum and the rest.
    __int128 fixedPart() const { return fixed_; }
    double restPart() const { return rest_; }
    static OrderFreeSum fromParts(__int128 fixed, double rest) {
        OrderFreeSum s;
        s.fixed_ = fixed;
        s.rest_ = rest;
        return s;
    }

private:
    static constexpr int kFractionBits = 40;
    static constexpr double kLargest = 4611686018427387904.0; // 2^62: below 2^102 fixed, 2^25 terms fit
    __int128 fixed_ = 0;
    double rest_ = 0.0;
};

// Every alternative's line sums of a run: sums[alternative * kCostLines + line], each the sum over
// the paths of the line's NPV on the path (summed lines only: engine/CostLine.h).
struct LineSums {
    int alternatives = 0;
    std::vector<OrderFreeSum> sums;

    explicit LineSums(int alternatives_ = 0)
        : alternatives(alternatives_)
        , sums(std::size_t(alternatives_) * kCostLines) {}
    void add(const LineSums& o) {
        for (std::size_t c = 0; c < sums.size(); ++c)
            sums[c].add(o.sums[c]);
    }
    double sum(int alternative, CostLine line) const {
        return sums[std::size_t(alternative) * kCostLines + std::size_t(line)].value();
    }
};

// Cells a run's slots sum their lines in: kSummedLinesPerSlot for each slot (pathSlots).
inline int slotLineCells(const PathInputs& in) {
    return pathSlots(in) * kSummedLinesPerSlot;
}

// Whose lines a slot has: a contract's, a fleet's, spot's (the slot after the items), or an
// alternative's shortfall (the slots after spot's, with a demand).
inline LineOwner slotLineOwner(const PathInputs& in, int slot) {
    return slot > in.items                                    ? LineOwner::Shortfall
           : slot == in.items                                 ? LineOwner::Spot
           : slot < in.kindBegin[int(ItemKind::Contract) + 1] ? LineOwner::Contract
                                                              : LineOwner::Fleet;
}

// Adds slot cells' sums (slotCells[slot * kSummedLinesPerSlot + summedCell(line)]) to the lines of
// every alternative each slot belongs to.
void addSlotSums(const PathInputs& in, const double* slotCells, LineSums& into);

// One thread's line sums while a chunk of paths runs: `folded`, running sums one register wide
// ([cell * foldedLanes + lane], each pack's registers added together into them), and for a last
// pack padded beyond the run, its lanes one by one (`tail`, [cell * lanes + lane]) so that only the
// run's paths join. Chunks start at fixed paths, so a chunk's sums do not depend on the thread.
struct ChunkLineSums {
    int cells = 0, lanes = 1, foldedLanes = 1;
    std::int64_t runEnd = 0; // paths at or beyond it only pad a last pack: not counted
    std::vector<double> folded, tail, cellSums;

    ChunkLineSums(const PathInputs& in, int lanes_, int foldedLanes_)
        : cells(slotLineCells(in))
        , lanes(lanes_)
        , foldedLanes(foldedLanes_)
        , folded(std::size_t(cells) * std::size_t(foldedLanes_), 0.0)
        , tail(std::size_t(cells) * std::size_t(lanes_), 0.0)
        , cellSums(std::size_t(cells), 0.0) {}
    // Whether the pack starting at path `first` runs beyond the run's paths.
    bool padded(std::int64_t first) const { return first + lanes > runEnd; }
    // The padded pack at `first` has run into `tail`: its lanes within the run join the sums.
    void foldTail(std::int64_t first) {
        const int paths = int(runEnd - first);
        for (int c = 0; c < cells; ++c)
            for (int l = 0; l < lanes; ++l) {
                double& x = tail[std::size_t(c) * std::size_t(lanes) + std::size_t(l)];
                if (l < paths)
                    folded[std::size_t(c) * std::size_t(foldedLanes) + std::size_t(l % foldedLanes)] += x;
                x = 0.0;
            }
    }
    // Adds the chunk's sums to the run's alternatives and starts the next chunk at zero.
    void foldChunk(const PathInputs& in, LineSums& into) {
        for (int c = 0; c < cells; ++c) {
            double sum = 0.0;
            for (int l = 0; l < foldedLanes; ++l) {
                double& x = folded[std::size_t(c) * std::size_t(foldedLanes) + std::size_t(l)];
                sum += x;
                x = 0.0;
            }
            cellSums[std::size_t(c)] = sum;
        }
        addSlotSums(in, cellSums.data(), into);
    }
};

} // namespace ledger
