#pragma once
// The reductions the statistics need (OutcomeReductions.h) over outcomes in host memory: a run's
// PathOutcomes, or one row of values.
#include "montecarlo/OutcomeReductions.h"
#include "montecarlo/PathOutcomes.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace ledger {

// The order statistics at `ranks` (ascending, distinct, < values.size()) of values, in that order:
// by counting in buckets and ordering only the buckets that hold a wanted rank.
std::vector<double> orderStatisticsOf(std::span<const double> values, const std::vector<std::int64_t>& ranks);

// One row of values, answering for whatever row is asked (the span forms of Statistics.h).
class SpanReductions final : public OutcomeReductions {
public:
    explicit SpanReductions(std::span<const double> values)
        : values_(values) {}
    std::int64_t paths() const override { return std::int64_t(values_.size()); }
    int alternatives() const override { return 1; }
    int years() const override { return 0; }
    int providers() const override { return 0; }
    bool concurrentRows() const override { return true; }
    std::int64_t count(OutcomeRowId) override { return paths(); }
    std::pair<double, double> minMax(OutcomeRowId) override;
    std::vector<double> sums(OutcomeRowId, SumTerm term, const std::vector<ValueRange>& ranges) override;
    std::int64_t countAtLeast(OutcomeRowId, double threshold) override;
    std::vector<double> orderStatistics(OutcomeRowId, const std::vector<std::int64_t>& ranks) override;
    std::vector<std::int64_t> histogram(OutcomeRowId, const HistogramBins& bins) override;
    std::vector<std::int64_t> cheapestCounts() override { return {paths()}; }
    std::int64_t cheaperCount(int, int) override { return 0; }
    std::int64_t defaultCount(int) override { return 0; }

private:
    std::span<const double> values_;
};

// Runs paths [begin, end) of the run again into `slice` (which keeps values, slice.first = begin),
// each giving the bits it gave in the run.
using RunPathsAgain = std::function<void(PathOutcomes& slice, std::int64_t begin, std::int64_t end)>;

// A run's outcomes on the CPU. Where the run kept only each path's fan code (FanStorage::Buckets),
// the fan's order statistics are found by running again the few paths whose codes hold a wanted
// rank, in groups of `groupWidth` paths starting at multiples of it.
class CpuReductions final : public OutcomeReductions {
public:
    explicit CpuReductions(const PathOutcomes& out, int threads = 1, RunPathsAgain runAgain = {},
                           int groupWidth = 1)
        : out_(out)
        , threads_(threads)
        , runAgain_(std::move(runAgain))
        , groupWidth_(groupWidth)
        , compacted_(std::size_t(threads > 0 ? threads : 1)) {}
    std::int64_t paths() const override { return out_.paths; }
    int alternatives() const override { return out_.alternatives; }
    int years() const override { return out_.years; }
    int providers() const override { return out_.providers; }
    bool concurrentRows() const override { return true; }
    void prepareOrderStatistics(OutcomeKind kind, const std::vector<std::int64_t>& ranks) override;
    std::int64_t count(OutcomeRowId row) override;
    std::pair<double, double> minMax(OutcomeRowId row) override;
    std::vector<double> sums(OutcomeRowId row, SumTerm term, const std::vector<ValueRange>& ranges) override;
    std::int64_t countAtLeast(OutcomeRowId row, double threshold) override;
    std::vector<double> orderStatistics(OutcomeRowId row, const std::vector<std::int64_t>& ranks) override;
    std::vector<std::int64_t> histogram(OutcomeRowId row, const HistogramBins& bins) override;
    std::vector<std::int64_t> cheapestCounts() override;
    std::int64_t cheaperCount(int a, int b) override;
    std::int64_t defaultCount(int provider) override;
    // Paths the fan's order statistics ran again (after prepareOrderStatistics; `bench` shows it).
    std::int64_t fanPathsRunAgain() const { return fanPathsRunAgain_; }

private:
    // The row's values: a span into the outcomes, or (LCOC) its finite values, copied once into
    // the calling thread's cache (a summary asks for them six times).
    std::span<const double> values(OutcomeRowId row, std::vector<double>& held);

    const PathOutcomes& out_;
    int threads_;
    RunPathsAgain runAgain_;
    int groupWidth_;
    std::vector<std::int64_t> fanRanks_;
    std::vector<std::vector<double>> fanOrderStatistics_; // per fan row, at fanRanks_
    std::int64_t fanPathsRunAgain_ = 0;
    struct CompactedRow {
        int row = -1;
        std::vector<double> values;
    };
    std::vector<CompactedRow> compacted_; // per OpenMP thread: the LCOC row it last asked for
};

} // namespace ledger
