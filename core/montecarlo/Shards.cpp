#include "montecarlo/Shards.h"

#include "montecarlo/CpuBackend.h"
#include "montecarlo/CpuReductions.h"
#include "montecarlo/Statistics.h"

#include <new>
#include <stdexcept>

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

ShardOutcomes::ShardOutcomes(const PathInputs& in, ShardRange r, bool withAccounting)
    : range(r)
    , accounting(withAccounting)
    , lines(in.alternatives) {
    auto make = [&](FanQuantity q) {
        auto out = std::make_unique<PathOutcomes>(r.paths(), in, FanStorage::Values, r.begin);
        out->fanQuantity = q;
        return out;
    };
    cash = make(FanQuantity::CumulativeCash);
    if (accounting) {
        ebitda = make(FanQuantity::EbitdaCost);
        pretax = make(FanQuantity::PretaxCost);
    }
}

std::string shardDeviceName(const SimulationOptions& o) {
    return std::string("cpu (") + cpuInstructionSet(cpuLanes(o.maxLanes)) + ")";
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
    if (all.accounting) {
        all.ebitda->store(*shard.ebitda, n);
        all.pretax->store(*shard.pretax, n);
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
