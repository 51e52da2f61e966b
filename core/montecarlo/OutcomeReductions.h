#pragma once
// What the Monte Carlo statistics (MODEL.md 6.2) ask of a run's per-path outcomes, wherever those
// live: in host memory (CpuReductions) or on the GPU (GpuReductions: only these answers cross the
// bus). Each answer is either exact (a count, a minimum, an order statistic) or a sum taken in an
// order fixed here, so every implementation gives the same bits and Statistics.cpp turns them into
// the same summaries (docs/monte-carlo.md, "Statistics").
// (C++17: the CUDA reductions include this.)
#include "engine/LedgerHD.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace ledger {

// A row of per-path outcomes: an alternative's NPV cost or LCOC, or its cumulative cash at a year
// end (index alternative x years + year). An LCOC row holds only its finite values, in path order:
// a path without used hours has no LCOC.
enum class OutcomeKind { Npv, Lcoc, Cumulative };
struct OutcomeRowId {
    OutcomeKind kind = OutcomeKind::Npv;
    int index = 0;
};

// A term summed over a row's values: x - shift, (x - shift)^2, or x where x >= shift (0 elsewhere:
// x + 0 is x to the bit, so the tail's sum is the sum over the tail alone).
struct SumTerm {
    enum Kind { Deviation, SquaredDeviation, TailAtLeast };
    Kind kind = Deviation;
    double shift = 0.0;
    LEDGER_HD double operator()(double x) const {
        if (kind == TailAtLeast)
            return x >= shift ? x : 0.0;
        const double d = x - shift;
        return kind == Deviation ? d : d * d;
    }
};

// Values [begin, end) of a row, counted in row order.
struct ValueRange {
    std::int64_t begin = 0, end = 0;
};

// The NPV cost histogram's equal bins over [low, high]; the same arithmetic on every device.
struct HistogramBins {
    double low = 0.0, width = 0.0;
    int bins = 1;
    bool spread = false; // false when the range is empty or too wide: every value in bin 0
    static HistogramBins over(double low, double high, int bins) {
        HistogramBins b;
        b.low = low;
        b.bins = bins;
        b.width = (high - low) / bins;
        b.spread = b.width - b.width == 0.0 && b.width > 0.0;
        return b;
    }
    LEDGER_HD int of(double v) const {
        if (!spread)
            return 0;
        double at = (v - low) / width;
        at = at < 0.0 ? 0.0 : at;
        at = at > double(bins - 1) ? double(bins - 1) : at;
        return int(at);
    }
};

// Finite (neither infinite nor NaN), by arithmetic that nvcc and the host compilers agree on.
LEDGER_HD inline bool finiteValue(double x) {
    return x - x == 0.0;
}

class OutcomeReductions {
public:
    virtual ~OutcomeReductions() = default;
    virtual std::int64_t paths() const = 0;
    virtual int alternatives() const = 0;
    virtual int years() const = 0;
    virtual int providers() const = 0;
    // Whether calls on different rows may run at once (the CPU's do; one GPU stream's do not).
    virtual bool concurrentRows() const = 0;
    // Told before the order statistics at `ranks` of every row of `kind` are asked for, one row at
    // a time: an implementation that finds them for all rows in one pass does it here.
    virtual void prepareOrderStatistics(OutcomeKind, const std::vector<std::int64_t>& /*ranks*/) {}

    // How many values the row holds (paths(), or fewer for an LCOC row).
    virtual std::int64_t count(OutcomeRowId row) = 0;
    // The least and the greatest value (the row is not empty).
    virtual std::pair<double, double> minMax(OutcomeRowId row) = 0;
    // For each range, the sum of term(x) over its values, added one by one in row order from 0.0.
    virtual std::vector<double> sums(OutcomeRowId row, SumTerm term,
                                     const std::vector<ValueRange>& ranges) = 0;
    // How many values are >= threshold.
    virtual std::int64_t countAtLeast(OutcomeRowId row, double threshold) = 0;
    // The order statistics at the given ranks (0 = the least; ascending, distinct, < count).
    virtual std::vector<double> orderStatistics(OutcomeRowId row, const std::vector<std::int64_t>& ranks) = 0;
    // Counts of the finite values in each bin (the infinities an overflow left are not counted).
    virtual std::vector<std::int64_t> histogram(OutcomeRowId row, const HistogramBins& bins) = 0;

    // Per alternative, the paths on which its NPV cost is the lowest (ties: the first alternative).
    virtual std::vector<std::int64_t> cheapestCounts() = 0;
    // The paths on which alternative a's NPV cost is below b's.
    virtual std::int64_t cheaperCount(int a, int b) = 0;
    // The paths on which the provider defaulted.
    virtual std::int64_t defaultCount(int provider) = 0;
};

} // namespace ledger
