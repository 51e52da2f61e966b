#pragma once
// Accumulates a Monte Carlo path's outcome per alternative straight into the per-path output arrays
// (alternative a of path p at base[a * stride], the lanes of a pack at p, p + 1, ...); the CPU backends and
// the CUDA kernel use it alike. After the path: NPV cost, LCOC, cumulative cash at each year end
// (the last of which is the path's total cash: MODEL.md 6.2 asks for both, one row serves both).
// With kLines, also the NPV of the lines the paths must sum, a running sum per slot and line
// (lines[(slot * kSummedLinesPerSlot + summedCell(line)) * lineStride], the lanes side by side): a
// CPU thread's sums over a chunk (montecarlo/LineSums.h) or a GPU thread's over its paths.
#include "engine/AccountingLine.h"
#include "engine/CostLine.h"
#include "engine/LaneMath.h"
#include "engine/LedgerHD.h"
#include "engine/PathInputs.h"

namespace ledger {

// Whether a sink sums lines, and how a pack's lanes go into the sums: added together into one
// register's width (Folded: sums over paths, lanes mixed), or each lane on its own (ByLane: a pack
// whose last lanes are padding beyond the run, to be left out).
enum class SinkLines { None, Folded, ByLane };

// With kAccounting (MODEL.md 9), the year rows take each year's EBITDA cost (or, with `pretax`, its
// pre-tax cost) as booked instead of the cumulative cash: the pre-tax lines that are expenses and
// what the books add to them (engine/AccountingLine.h, PathFunction.h's accrual).
template <class V, SinkLines kLines = SinkLines::None, bool kAccounting = false> struct PathOutcomeSink {
    static constexpr bool kRecordsLines = kLines != SinkLines::None || kAccounting;
    static constexpr bool kRecordsAccounting = kAccounting;
    const PathInputs* in;
    double* npv;              // [alternative * stride]
    double* lcoc;             // [alternative * stride]: the LCOC weight while the path runs
    double* cumulative;       // [(alternative * years + year) * stride]: annual cash, then cumulated
    unsigned char* defaulted; // [provider * stride]
    long stride;
    double* lines = nullptr; // with kLines
    long lineStride = 0;
    bool pretax = false; // with kAccounting: the pre-tax cost, else the EBITDA cost

    // A slot's flow costs every alternative the slot belongs to alike.
    LEDGER_HD void flow(int slot, int k, FlowKind line, V amount, V df) {
        for (int at = in->slotAlternativeOffsets[slot]; at < in->slotAlternativeOffsets[slot + 1]; ++at)
            cost(in->slotAlternatives[at], k, line, amount, df);
    }
    // A flow of one line on some lanes (mask) and another on the rest: here one cost, lines aside.
    template <class Mask>
    LEDGER_HD void flowEither(int slot, int k, Mask, FlowKind where, FlowKind, V amount, V df) {
        flow(slot, k, where, amount, df);
    }
    // One alternative's cost (a flow that differs by alternative comes here directly).
    LEDGER_HD void cost(long a, int k, FlowKind, V amount, V df) {
        laneAccumulate(npv + a * stride, amount * df);
        if constexpr (!kAccounting)
            laneAccumulate(cumulative + (a * in->years + in->periodYear[k]) * stride, amount);
    }
    // An amount of the accounting view into the year of period k of every alternative of the slot.
    LEDGER_HD void book(int slot, int k, V amount) {
        for (int at = in->slotAlternativeOffsets[slot]; at < in->slotAlternativeOffsets[slot + 1]; ++at)
            laneAccumulate(cumulative +
                               (long(in->slotAlternatives[at]) * in->years + in->periodYear[k]) * stride,
                           amount);
    }
    LEDGER_HD void accrual(int slot, int k, V ebitda, V below) {
        if constexpr (kAccounting)
            book(slot, k, pretax ? ebitda + below : ebitda);
    }
    // A part of a flow: summed into the slot's cell if the line is one the paths must sum
    // (engine/CostLine.h, decided here at compile time); the alternatives take the slots' sums
    // after the run (LineSums.h).
    template <CostLine L> LEDGER_HD void line(int slot, int k, LineTag<L>, V amount, V df) {
        if constexpr (kAccounting) {
            if constexpr (accountingLineOf(L) != kNotAnExpense)
                book(slot, k, amount); // every such line is inside EBITDA
        } else if constexpr (isSummedLine(L)) {
            if constexpr (isOwnLine(L)) {
                // Found as the rest unless the slot is in an alternative of both kinds.
                if (in->ownLinesAsRest && (lineOwner(L) == LineOwner::Spot || !in->ownLineSummed[slot]))
                    return;
            }
            constexpr int kCell = summedCell(L);
            double* cell = lines + (long(slot) * kSummedLinesPerSlot + kCell) * lineStride;
            if constexpr (kLines == SinkLines::Folded)
                laneAccumulateFolded(cell, amount * df);
            else
                laneAccumulate(cell, amount * df);
        }
    }
    LEDGER_HD void usage(int slot, int, V, V weight) {
        for (int at = in->slotAlternativeOffsets[slot]; at < in->slotAlternativeOffsets[slot + 1]; ++at)
            laneAccumulate(lcoc + long(in->slotAlternatives[at]) * stride, weight);
    }
    template <class Mask> LEDGER_HD void providerDefaulted(int j, Mask mask) {
        laneSetFlags(defaulted + long(j) * stride, mask);
    }
    LEDGER_HD void finish() {
        for (long a = 0; a < in->alternatives; ++a) {
            const V weight = Lanes<V>::load(lcoc + a * stride);
            // No used hours on this path: LCOC is undefined (NaN here, left out of the statistics).
            laneStore(lcoc + a * stride,
                      select(weight > V(0.0), Lanes<V>::load(npv + a * stride) / weight, V(NAN)));
            if constexpr (kAccounting)
                continue; // a year's cost, not cumulated
            V running(0.0);
            for (int y = 0; y < in->years; ++y) {
                double* cell = cumulative + (a * in->years + y) * stride;
                running = running + Lanes<V>::load(cell);
                laneStore(cell, running);
            }
        }
    }
};

} // namespace ledger
