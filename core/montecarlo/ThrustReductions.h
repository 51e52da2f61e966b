#pragma once
// The reductions the statistics need (OutcomeReductions.h) as Thrust algorithms over outcome rows in
// one memory: the GPU's (thrust::device with device_vector: GpuRun in CudaBackend.cu, where only
// the answers cross the bus) or, built by the host compiler on Thrust's C++ system, the host's
// (thrust::host with host_vector), where tests/core/tst_thrust_reductions.cpp holds every answer to
// CpuReductions' bit for bit. Radix sort or CUB's reductions underneath on the GPU; sums over
// ranges are one thread per range adding in order, which is what MODEL.md 6.1 fixes.
// (C++17: nvcc compiles this.)
#include "montecarlo/OutcomeReductions.h"

#include <thrust/binary_search.h>
#include <thrust/copy.h>
#include <thrust/count.h>
#include <thrust/functional.h>
#include <thrust/gather.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/reduce.h>
#include <thrust/sort.h>
#include <thrust/transform.h>

#include <cstdint>
#include <vector>

namespace ledger {

// Where a run's outcome rows are (PathOutcomes' layout: row r of paths at [r * stride]).
struct OutcomeArrays {
    const double* npv = nullptr;
    const double* lcoc = nullptr;
    const double* cumulative = nullptr;
    const unsigned char* defaulted = nullptr;
    std::int64_t paths = 0, stride = 0;
    int alternatives = 0, years = 0, providers = 0;
};

namespace thrust_reductions {

struct IsFinite {
    LEDGER_HD bool operator()(double x) const { return finiteValue(x); }
};
struct AtLeast {
    double threshold;
    LEDGER_HD bool operator()(double x) const { return x >= threshold; }
};
struct RangeSum {
    const double* values;
    SumTerm term;
    LEDGER_HD double operator()(const ValueRange& r) const {
        double sum = 0.0;
        for (std::int64_t i = r.begin; i < r.end; ++i)
            sum += term(values[i]);
        return sum;
    }
};
struct BinOf {
    HistogramBins bins;
    LEDGER_HD int operator()(double x) const { return finiteValue(x) ? bins.of(x) : -1; }
};
struct Cheapest {
    const double* npv;
    std::int64_t stride;
    int alternatives;
    LEDGER_HD int operator()(std::int64_t i) const {
        int best = 0;
        for (int a = 1; a < alternatives; ++a)
            if (npv[a * stride + i] < npv[best * stride + i])
                best = a;
        return best;
    }
};
struct Cheaper {
    const double* x;
    const double* y;
    LEDGER_HD bool operator()(std::int64_t i) const { return x[i] < y[i]; }
};
struct Flagged {
    LEDGER_HD bool operator()(unsigned char f) const { return f != 0; }
};

} // namespace thrust_reductions

template <class Exec, template <class...> class Vector>
class ThrustReductions final : public OutcomeReductions {
public:
    ThrustReductions(Exec exec, const OutcomeArrays& a)
        : exec_(exec)
        , a_(a)
        , lcocCounts_(std::size_t(a.alternatives), -1) {}

    std::int64_t paths() const override { return a_.paths; }
    int alternatives() const override { return a_.alternatives; }
    int years() const override { return a_.years; }
    int providers() const override { return a_.providers; }
    bool concurrentRows() const override { return false; }

    std::int64_t count(OutcomeRowId row) override {
        if (row.kind != OutcomeKind::Lcoc)
            return a_.paths;
        std::int64_t& n = lcocCounts_[std::size_t(row.index)];
        if (n < 0) {
            const double* p = a_.lcoc + row.index * a_.stride;
            n = std::int64_t(thrust::count_if(exec_, p, p + a_.paths, thrust_reductions::IsFinite{}));
        }
        return n;
    }
    std::pair<double, double> minMax(OutcomeRowId row) override {
        const double* p = values(row);
        const std::int64_t n = count(row);
        // Exact in any order; the first value as the start is one of the values.
        const double first = fetch(p);
        return {thrust::reduce(exec_, p, p + n, first, thrust::minimum<double>()),
                thrust::reduce(exec_, p, p + n, first, thrust::maximum<double>())};
    }
    std::vector<double> sums(OutcomeRowId row, SumTerm term, const std::vector<ValueRange>& ranges) override {
        const double* p = values(row);
        Vector<ValueRange> onDevice(ranges.begin(), ranges.end());
        Vector<double> sums(ranges.size());
        thrust::transform(exec_, onDevice.begin(), onDevice.end(), sums.begin(),
                          thrust_reductions::RangeSum{p, term});
        return toHost(sums);
    }
    std::int64_t countAtLeast(OutcomeRowId row, double threshold) override {
        const double* p = values(row);
        return std::int64_t(
            thrust::count_if(exec_, p, p + count(row), thrust_reductions::AtLeast{threshold}));
    }
    std::vector<double> orderStatistics(OutcomeRowId row, const std::vector<std::int64_t>& ranks) override {
        const double* p = values(row);
        const std::int64_t n = count(row);
        // A fresh vector of n, not a resize: growing an empty one copies through a null iterator.
        Vector<double> sorted(static_cast<std::size_t>(n));
        thrust::copy(exec_, p, p + n, sorted.begin());
        thrust::sort(exec_, sorted.begin(), sorted.end());
        Vector<std::int64_t> at(ranks.begin(), ranks.end());
        Vector<double> picked(ranks.size());
        thrust::gather(exec_, at.begin(), at.end(), sorted.begin(), picked.begin());
        return toHost(picked);
    }
    std::vector<std::int64_t> histogram(OutcomeRowId row, const HistogramBins& bins) override {
        const double* p = values(row);
        const std::int64_t n = count(row);
        Vector<int> binOf(static_cast<std::size_t>(n));
        thrust::transform(exec_, p, p + n, binOf.begin(), thrust_reductions::BinOf{bins});
        thrust::sort(exec_, binOf.begin(), binOf.end());
        // ends[k]: the values in bins up to k - 1 (bin -1: the values that are not finite).
        Vector<std::int64_t> ends(static_cast<std::size_t>(bins.bins) + 1);
        thrust::upper_bound(exec_, binOf.begin(), binOf.end(), thrust::counting_iterator<int>(-1),
                            thrust::counting_iterator<int>(bins.bins), ends.begin());
        const std::vector<std::int64_t> upTo = toHost(ends);
        std::vector<std::int64_t> counts(std::size_t(bins.bins));
        for (std::size_t b = 0; b < counts.size(); ++b)
            counts[b] = upTo[b + 1] - upTo[b];
        return counts;
    }
    std::vector<std::int64_t> cheapestCounts() override {
        Vector<int> best(static_cast<std::size_t>(a_.paths));
        thrust::transform(exec_, thrust::counting_iterator<std::int64_t>(0),
                          thrust::counting_iterator<std::int64_t>(a_.paths), best.begin(),
                          thrust_reductions::Cheapest{a_.npv, a_.stride, a_.alternatives});
        std::vector<std::int64_t> wins;
        for (int a = 0; a < a_.alternatives; ++a)
            wins.push_back(std::int64_t(thrust::count(exec_, best.begin(), best.end(), a)));
        return wins;
    }
    std::int64_t cheaperCount(int a, int b) override {
        return std::int64_t(
            thrust::count_if(exec_, thrust::counting_iterator<std::int64_t>(0),
                             thrust::counting_iterator<std::int64_t>(a_.paths),
                             thrust_reductions::Cheaper{a_.npv + a * a_.stride, a_.npv + b * a_.stride}));
    }
    std::int64_t defaultCount(int provider) override {
        const unsigned char* f = a_.defaulted + provider * a_.stride;
        return std::int64_t(thrust::count_if(exec_, f, f + a_.paths, thrust_reductions::Flagged{}));
    }

private:
    // The row's values in order: the outcomes themselves, or (LCOC) the finite ones copied out.
    const double* values(OutcomeRowId row) {
        switch (row.kind) {
        case OutcomeKind::Npv:
            return a_.npv + row.index * a_.stride;
        case OutcomeKind::Cumulative:
            return a_.cumulative + row.index * a_.stride;
        case OutcomeKind::Lcoc:
            break;
        }
        if (compactedRow_ != row.index) {
            const double* p = a_.lcoc + row.index * a_.stride;
            compacted_ = Vector<double>(static_cast<std::size_t>(count(row)));
            thrust::copy_if(exec_, p, p + a_.paths, compacted_.begin(), thrust_reductions::IsFinite{});
            compactedRow_ = row.index;
        }
        return thrust::raw_pointer_cast(compacted_.data());
    }
    double fetch(const double* p) {
        Vector<double> one(1);
        thrust::copy(exec_, p, p + 1, one.begin());
        return toHost(one)[0];
    }
    template <class T> static std::vector<T> toHost(const Vector<T>& v) {
        std::vector<T> host(v.size());
        thrust::copy(v.begin(), v.end(), host.begin());
        return host;
    }

    Exec exec_;
    OutcomeArrays a_;
    std::vector<std::int64_t> lcocCounts_;
    Vector<double> compacted_;
    int compactedRow_ = -1;
};

} // namespace ledger
