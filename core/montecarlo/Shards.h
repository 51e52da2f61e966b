#pragma once
// A run split across machines (docs/scale-out.md): each shard runs a range of the run's paths and
// keeps every path's outcomes; put together in path order they give the statistics of one run of
// all the paths to the bit (MODEL.md 6.1's counter makes any range reproducible).
#include "engine/CompiledPortfolio.h"
#include "montecarlo/LineSums.h"
#include "montecarlo/MonteCarloEngine.h"
#include "montecarlo/PathOutcomes.h"
#include "montecarlo/SimulationResult.h"

#include <cstdint>
#include <memory>
#include <string>

namespace ledger {

// The most shards a run is split into (scenarios x shards tasks for a sweep).
constexpr int kMaxShards = 100000;

struct ShardRange {
    std::int64_t begin = 0, end = 0; // paths [begin, end)
    std::int64_t paths() const { return end - begin; }
};

// The paths a shard boundary falls on: the CPU backend's chunks (cpuChunkPaths) start at its
// multiples, and a chunk sums its cost lines in its own order, so shards that start and end on
// them sum the lines as one run does. The statistics need no alignment: the merge computes them
// over all the paths in path order, in the run's own fixed blocks (kSumBlockPaths).
std::int64_t shardUnitPaths(const PathInputs& in);

// Shard `index` (0-based) of `count` of a run of `paths`: [floor(I U / S), floor((I+1) U / S)) in
// whole units of `unit` paths, U = ceil(paths / unit), the last shard ending at `paths`. A shard
// may be empty when there are more shards than units. paths <= kMaxPaths and count <= kMaxShards
// keep the arithmetic in 64 bits. Throws std::invalid_argument when
// index is not in [0, count) or count < 1.
ShardRange shardRange(std::int64_t paths, int index, int count, std::int64_t unit);

// Every path's outcomes of a range of a run, kept in full: what the statistics read (the NPV cost,
// LCOC, defaults and cumulative cash at the year ends), with the accounting view (MODEL.md 9) each
// year's EBITDA and pre-tax cost as booked, and the cost lines' sums.
struct ShardOutcomes {
    ShardRange range;
    bool accounting = false;
    std::unique_ptr<PathOutcomes> cash, ebitda, pretax; // ebitda and pretax only with accounting
    LineSums lines;
    std::string device; // as SimulationResult::device ("cpu (avx512 x4)")
    int threads = 0;

    // What the outcomes are for: a run of the shard's paths, which writes every row of the accounting
    // view's two passes, or a merge, which reads only their year rows (the rest is not allocated).
    enum class Use { Run, Merge };
    // Room for the range's outcomes (not zeroed: a run or a merge fills every path).
    ShardOutcomes(const PathInputs& in, ShardRange range, bool accounting, Use use = Use::Run);
};

// The device a shard of o runs on, as SimulationResult::device says it ("cpu (avx512 x4)"): shards
// of one run must agree on it, their paths' last bits being the lanes'.
std::string shardDeviceName(const SimulationOptions& o);

// Bytes a merge's outcomes of `paths` paths take (ShardOutcomes::Use::Merge): the cash rows and,
// with the accounting view, its two passes' year rows.
std::uint64_t mergeBytes(const PathInputs& in, std::int64_t paths, bool accounting);

// Runs paths o.firstPath .. o.firstPath + o.paths on the CPU (a shard must sum its lines as the
// CPU run it is part of: o.device gpu is refused), keeping every outcome. The range should start
// and end on shardUnitPaths() (or end at the run's last path). Throws SimulationRequestError
// (also when o.control cancels it).
ShardOutcomes runShard(const CompiledPortfolio& cp, const SimulationOptions& o);

// Puts a shard's outcomes into the whole run's (whose range holds the shard's) and adds its line
// sums to the run's; the device and thread count are the shard's. Throws std::invalid_argument
// when the shard does not fit or keeps another view.
void placeShard(const ShardOutcomes& shard, ShardOutcomes& all);

// The statistics of a whole run from all its paths' outcomes (range [0, paths)): the same bits as
// simulatePortfolio of those paths on the CPU, with o.accounting as o says and its seed. `threads`
// as the statistics' reductions use them (any count: the same bits).
SimulationResult summarizeShards(const CompiledPortfolio& cp, const ShardOutcomes& all, std::uint64_t seed,
                                 int threads);

} // namespace ledger
