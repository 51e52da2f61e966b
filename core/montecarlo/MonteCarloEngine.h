#pragma once
// "How wrong can this deal go?": MODEL.md section 6 on the CPU or a GPU, with the statistics of 6.2.
#include "engine/CompiledPortfolio.h"
#include "montecarlo/LineSums.h"
#include "montecarlo/PathOutcomes.h"
#include "montecarlo/RunControl.h"
#include "montecarlo/SimulationResult.h"
#include "montecarlo/Statistics.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace ledger {

enum class ComputeDevice { Auto, Cpu, Gpu };

struct SimulationOptions {
    std::int64_t paths = 100000;
    std::uint64_t seed = 20260101;
    // The first path's number (simulatePaths): a run of paths [firstPath, firstPath + paths), each with
    // its own numbers (MODEL.md 6.1), such as an option's regression paths (docs/model.md 17).
    std::int64_t firstPath = 0;
    ComputeDevice device = ComputeDevice::Auto;
    int threads = 0;                              // CPU threads; 0 = all cores
    int maxLanes = 32;                            // paths per step on the CPU: 32, 16, 8, 4 or 1
    std::uint64_t memoryBudgetBytes = 8ULL << 30; // per-path outcomes beyond this are refused
    // A CPU run keeps every path's cumulative cash for the fan instead of its bucket alone (4x the
    // memory; the same statistics to the bit: tests compare the two).
    bool keepFanValues = false;
    // MODEL.md 9: each alternative's EBITDA and pre-tax cost by fiscal year (p5, p50, p95) on the
    // same paths. Run again for each, into the fan's own memory (docs/monte-carlo.md).
    bool accounting = false;
    RunControl control;
};

// A request the user can fix (a GPU asked for where none answers, a run too large for the budget).
struct SimulationRequestError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The portfolio must have passed validatePortfolio(). Throws SimulationRequestError.
SimulationResult simulatePortfolio(const Portfolio& p, const SkuCatalog& catalog, const SimulationOptions& o);

// Per-path outcomes without the statistics (tests compare backends path by path).
PathOutcomes simulatePaths(const Portfolio& p, const SkuCatalog& catalog, const SimulationOptions& o,
                           std::string* device);
// The same on a portfolio compiled with monteCarloCompilation(). Throws SimulationRequestError
// (also when o.control cancels it).
PathOutcomes simulatePaths(const CompiledPortfolio& cp, const SimulationOptions& o, std::string* device);

std::string toString(ComputeDevice d);

// Refuses a run of o.paths whose outcomes need `bytes`: below 1 path, above o.memoryBudgetBytes or
// above the machine's memory. Throws SimulationRequestError naming the paths.
void requireOutcomeMemory(const SimulationOptions& o, std::uint64_t bytes);
// The names a compiled portfolio's statistics are reported under (its alternatives, then spot).
RunLabels runLabels(const CompiledPortfolio& cp);
// Each alternative's cost lines' means from a run's line sums over result.paths paths (after the
// NPV cost's summaries, which they add up to).
void addLineMeans(const CompiledPortfolio& cp, const LineSums& lines, SimulationResult& result);

// How the Monte Carlo compiles a portfolio: with each uncertain delivery's copies (docs/model.md 12.14).
CompileOptions monteCarloCompilation();

} // namespace ledger
