#pragma once
// The CPU backend: the path function over all cores (OpenMP), paths in chunks, 32 at a time in four
// AVX-512 registers or 16 in four AVX2 ones when the CPU has them (chosen at run time, simd/PackPair.h
// says why four), one at a time otherwise. Each path writes only its own outputs, so results are
// bit-identical for any thread count; lanes differ from one another only in SLEEF's and libm's last bits
// (below 1e-15).
#include "engine/PathInputs.h"
#include "montecarlo/LineSums.h"
#include "montecarlo/PathOutcomes.h"
#include "montecarlo/RunControl.h"

#include <cstdint>
#include <string>

namespace ledger {

// Threads the CPU backend uses when asked for 0 (all cores).
int defaultCpuThreads();

// Paths per step of the CPU backend: the widest this CPU has of 32 (four AVX-512 registers), 16 (four
// AVX2 ones), 8 (one AVX-512), 4 (one AVX2), 1, at most maxLanes (tests run the narrower ones).
int cpuLanes(int maxLanes = 32);
const char* cpuInstructionSet(int lanes); // "avx512 x4", "avx2 x4", "avx512", "avx2" or "scalar"
// A CPU run's device as SimulationResult::device says it: "cpu (avx512 x4)".
std::string cpuDeviceName(int lanes);
// One register's lanes of that width (8, 4 or 1): a lane computes exactly what it computes in four
// registers side by side (simd/PackPair.h), so paths can run again in groups this small.
int cpuBaseLanes(int lanes);

// Paths per chunk of the CPU backend for these inputs: a multiple of 32 (the widest group), small
// enough that a cancel is seen within ~100 ms. A chunk sums its cost lines in its own order
// (LineSums.h), so a shard of a run that starts and ends on chunk boundaries sums them as the run does.
std::int64_t cpuChunkPaths(const PathInputs& in);

// Paths whose values set the fan buckets' scales before the rest run (FanStorage::Buckets).
constexpr std::int64_t kFanPilotPaths = 4096;

// Runs paths [out.first, out.first + out.paths) with cpuLanes(maxLanes) paths per step (tests compare the
// widths), keeping the fan as out.fanStorage says, and with lineSums (sized for in.alternatives, at zero)
// summing each alternative's NPV by cost line over the paths. Returns false when cancelled (the
// outcomes are then incomplete).
bool runPathsOnCpu(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, int threads, int maxLanes,
                   const RunControl& control, LineSums* lineSums = nullptr);

// Runs paths [begin, end) `lanes` at a time (begin a multiple of lanes, end - out.first within
// out's padded rows) into out, which keeps its values: a run's chunk, or its paths run again. With
// lines (of `lanes` lanes), the paths' lines join its chunk sums.
void runPathRange(const PathInputs& in, std::uint64_t seed, PathOutcomes& out, int lanes, std::int64_t begin,
                  std::int64_t end, ChunkLineSums* lines = nullptr);

} // namespace ledger
