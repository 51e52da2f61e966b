#include "montecarlo/Shards.h"

#include "montecarlo/CpuBackend.h"
#include "montecarlo/CpuReductions.h"
#include "montecarlo/Statistics.h"

#include <algorithm>
#include <new>
#include <stdexcept>
#include <utility>

namespace ledger {

std::int64_t shardUnitPaths(const PathInputs& in) {
    return cpuChunkPaths(in);
}

ShardRange shardRange(std::int64_t paths, int index, int count, std::int64_t unit) {
    if (count < 1 || index < 0 || index >= count)
        throw std::invalid_argument("shard " + std::to_string(index) + " of " + std::to_string(count) +
                                    ": the index must be 0 to " + std::to_string(count - 1));
    const std::int64_t units = (paths + unit - 1) / unit;
    // i x U fits 64 bits: U <= paths <= kMaxPaths (1e9), i <= count <= kMaxShards (1e5).
    auto boundary = [&](std::int64_t i) { return std::min(paths, i * units / count * unit); };
    return {boundary(index), index + 1 == count ? paths : boundary(index + 1)};
}

std::uint64_t mergeBytes(const PathInputs& in, std::int64_t paths, bool accounting) {
    const std::uint64_t padded = std::uint64_t(paths + 31) / 32 * 32;
    const std::uint64_t yearRows =
        padded * std::uint64_t(in.alternatives) * std::uint64_t(in.years) * sizeof(double);
    return PathOutcomes::bytesFor(paths, in) + (accounting ? 2 * yearRows : 0);
}

ShardOutcomes::ShardOutcomes(const PathInputs& in, ShardRange r, bool withAccounting, Use use)
    : range(r)
    , accounting(withAccounting)
    , lines(in.alternatives) {
    auto make = [&](FanQuantity q) {
        auto out = std::make_unique<PathOutcomes>(r.paths(), in, FanStorage::Values, r.begin);
        out->fanQuantity = q;
        if (q != FanQuantity::CumulativeCash && use == Use::Merge) {
            // The merge reads the year rows alone; the pass's NPV, LCOC and defaults stay unwritten.
            out->npv = OutcomeBuffer();
            out->lcoc = OutcomeBuffer();
            out->defaulted = FlagBuffer();
        }
        return out;
    };
    cash = make(FanQuantity::CumulativeCash);
    if (accounting) {
        ebitda = make(FanQuantity::EbitdaCost);
        pretax = make(FanQuantity::PretaxCost);
    }
}

std::string shardDeviceName(const SimulationOptions& o) {
    return cpuDeviceName(cpuLanes(o.maxLanes));
}

ShardOutcomes runShard(const CompiledPortfolio& cp, const SimulationOptions& o) {
    if (o.device == ComputeDevice::Gpu)
        throw SimulationRequestError("device gpu: a shard runs on the CPU (its cost lines must add up as the "
                                     "CPU run's do); leave out --device gpu");
    const PathInputs& in = cp.inputs();
    const std::uint64_t bytes = PathOutcomes::bytesFor(o.paths, in) * (o.accounting ? 3 : 1);
    requireOutcomeMemory(o, bytes);
    std::unique_ptr<ShardOutcomes> shard;
    try {
        shard =
            std::make_unique<ShardOutcomes>(in, ShardRange{o.firstPath, o.firstPath + o.paths}, o.accounting);
    } catch (const std::bad_alloc&) {
        throw SimulationRequestError(
            "paths: the " + std::to_string(bytes >> 20) + " MB that " + std::to_string(o.paths) +
            " paths need for their outcomes could not be allocated; run fewer paths");
    }
    shard->threads = o.threads > 0 ? o.threads : defaultCpuThreads();
    shard->device = shardDeviceName(o);
    bool ran = runPathsOnCpu(in, o.seed, *shard->cash, shard->threads, o.maxLanes, o.control, &shard->lines);
    // The accounting view's quantities, each a run of its own over the same paths (as simulatePortfolio).
    for (PathOutcomes* q : {shard->ebitda.get(), shard->pretax.get()})
        if (ran && q)
            ran = runPathsOnCpu(in, o.seed, *q, shard->threads, o.maxLanes, o.control);
    if (!ran)
        throw SimulationRequestError("cancelled");
    return std::move(*shard);
}

void placeShard(const ShardOutcomes& shard, ShardOutcomes& all) {
    if (shard.range.begin < all.range.begin || shard.range.end > all.range.end ||
        shard.accounting != all.accounting)
        throw std::invalid_argument("placeShard: the shard does not fit the run");
    const std::int64_t n = shard.range.paths();
    all.cash->store(*shard.cash, n);
    // The accounting view's passes: their year rows (all a merge keeps of them).
    for (const auto& [from, to] :
         {std::pair{shard.ebitda.get(), all.ebitda.get()}, std::pair{shard.pretax.get(), all.pretax.get()}}) {
        if (!to)
            continue;
        for (std::size_t row = 0; row < std::size_t(to->alternatives) * std::size_t(to->years); ++row)
            std::copy_n(from->cumulative.data() + row * std::size_t(from->stride), n,
                        to->cumulative.data() + row * std::size_t(to->stride) +
                            std::size_t(from->first - to->first));
    }
    all.lines.add(shard.lines);
    all.device = shard.device;
    all.threads = shard.threads;
}

SimulationResult summarizeShards(const CompiledPortfolio& cp, const ShardOutcomes& all, std::uint64_t seed,
                                 int threads) {
    if (all.range.begin != 0)
        throw std::invalid_argument("summarizeShards: the outcomes must start at path 0");
    SimulationResult result;
    result.paths = all.range.end;
    result.seed = seed;
    result.device = all.device;
    result.threads = threads;
    const RunLabels labels = runLabels(cp);
    CpuReductions reductions(*all.cash, threads);
    summarizeRun(reductions, labels, threads, result);
    if (all.accounting) {
        CpuReductions ebitda(*all.ebitda, threads), pretax(*all.pretax, threads);
        const auto e = yearPercentiles(ebitda, cp.firstYear(), threads);
        const auto t = yearPercentiles(pretax, cp.firstYear(), threads);
        for (std::size_t a = 0; a < result.alternatives.size(); ++a) {
            result.alternatives[a].ebitdaCost = e[a];
            result.alternatives[a].pretaxCost = t[a];
        }
    }
    addLineMeans(cp, all.lines, result);
    return result;
}

} // namespace ledger
