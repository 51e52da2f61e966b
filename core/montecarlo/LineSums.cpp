#include "montecarlo/LineSums.h"

namespace ledger {

void addSlotSums(const PathInputs& in, const double* slotCells, LineSums& into) {
    for (int slot = 0; slot < pathSlots(in); ++slot) {
        const LineOwner owner = slotLineOwner(in, slot);
        for (int l = 0; l < kCostLines; ++l) {
            const CostLine line = CostLine(l);
            if (lineOwner(line) != owner || summedCell(line) < 0)
                continue;
            const double sum = slotCells[slot * kSummedLinesPerSlot + summedCell(line)];
            for (int at = in.slotAlternativeOffsets[slot]; at < in.slotAlternativeOffsets[slot + 1]; ++at)
                into.sums[std::size_t(in.slotAlternatives[at]) * kCostLines + std::size_t(l)].add(sum);
        }
    }
}

} // namespace ledger
