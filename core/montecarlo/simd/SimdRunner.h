#pragma once
// The loop a vector CPU backend runs: the one path function on Isa::kLanes paths at a time.
// Included only by the per-instruction-set translation units.
#include "engine/PathFunction.h"
#include "montecarlo/LineSums.h"
#include "montecarlo/PathOutcomeSink.h"
#include "montecarlo/PathOutcomes.h"
#include "montecarlo/simd/PhiloxShocksSimd.h"

namespace ledger::simd {

template <class Isa>
void runPathsSimd(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, std::int64_t begin,
                  std::int64_t end, ChunkLineSums* lines) {
    using Pack = typename Isa::Pack;
    for (std::int64_t p = begin; p < end; p += Isa::kLanes) {
        PhiloxShocksSimd<Isa> shocks(seed, std::uint64_t(p));
        if (out.fanQuantity != FanQuantity::CumulativeCash) {
            auto sink = out.sinkFor<Pack, SinkLines::None, true>(in, p);
            simulatePath<Pack>(in, shocks, sink);
            continue;
        }
        if (!lines) {
            PathOutcomeSink<Pack> sink = out.sinkFor<Pack>(in, p);
            simulatePath<Pack>(in, shocks, sink);
            continue;
        }
        if (lines->padded(p)) {
            PathOutcomeSink<Pack, SinkLines::ByLane> sink = out.sinkFor<Pack, SinkLines::ByLane>(in, p);
            sink.lines = lines->tail.data();
            sink.lineStride = Isa::kLanes;
            simulatePath<Pack>(in, shocks, sink);
            lines->foldTail(p);
            continue;
        }
        PathOutcomeSink<Pack, SinkLines::Folded> sink = out.sinkFor<Pack, SinkLines::Folded>(in, p);
        sink.lines = lines->folded.data();
        sink.lineStride = Pack::kFoldedLanes;
        simulatePath<Pack>(in, shocks, sink);
    }
}

template <class Isa>
void philoxWordsSimd(std::uint64_t seed, std::uint64_t firstPath, std::uint32_t draw, std::uint32_t stream,
                     std::uint32_t* out) {
    const auto words = PhiloxShocksSimd<Isa>(seed, firstPath).words(draw, stream);
    for (int w = 0; w < 4; ++w)
        Isa::store(out + w * Isa::kLanes, words.w[w]);
}

} // namespace ledger::simd
