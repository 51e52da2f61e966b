#pragma once
// The one set of limits every portfolio lives within. The readers (JSON, CSV, the document) refuse
// what lies outside, and so does every writer: a file the app writes is always one it reads back.
// The numeric bounds are wide for finance (a price of USD 10,000 per GPU-hour is 4,000 times an
// H100's) yet keep every output of the deterministic engine and the Monte Carlo finite: three
// contracts and three fleets with every input at its bound cost about 1e118 (a 100% escalator over
// 260 years before the valuation date does most of it; tst_core_limits drives that portfolio), so
// 10,000 items stay near 1e122, whose square a variance still holds (below 1.8e308).
#include <cstddef>
#include <cstdint>

namespace ledger {

// Dates outside these years are refused: calendar arithmetic stays far from Boost's limits.
constexpr int kFirstSupportedYear = 1900;
constexpr int kLastSupportedYear = 2200;

// Distinct contract providers a portfolio may name (each path draws a default time for each).
constexpr int kMaxProviders = 64;
// Fleets with a capex range (each path holds a capex factor for each while it runs).
constexpr int kMaxUncertainFleets = 64;
// A fleet's delivery delay (docs/model.md 12.14): at most five years, and with a demand at most this
// many alternatives (each path holds their capacity while a fleet's delivery is uncertain).
constexpr double kMaxDeliveryDelayMonths = 60.0;
constexpr int kMaxAlternativesWithDelay = 16;

// Contract options a portfolio may hold (docs/model.md 17): each is valued on its own pair of
// alternatives, all on the same paths.
constexpr int kMaxOptions = 16;

// The longest list a portfolio holds (tranches, curve points, contracts, fleets, SKUs, alternatives
// and their items, sources).
constexpr std::size_t kMaxListEntries = 10000;
// Ids, names, providers and SKU ids; notes and sources are longer free text.
constexpr std::size_t kMaxNameBytes = 1000;
constexpr std::size_t kMaxNotesBytes = 100000;
// The largest portfolio file (JSON or CSV) read, and so the largest written.
constexpr std::int64_t kMaxFileBytes = 256LL * 1024 * 1024;

// A seed travels through JSON as a double: above 2^53 - 1 two seeds would read as one.
constexpr std::uint64_t kMaxSeed = (std::uint64_t(1) << 53) - 1;
constexpr std::int64_t kMaxPaths = 1'000'000'000;

constexpr double kMaxPricePerGpuHour = 1e4; // given, implied from a contract value, or a SKU's
constexpr double kMaxContractValue = 1e15;  // USD 1,000 trillion
constexpr double kMaxGpus = 1e8;            // per tranche or fleet
constexpr double kMaxCapexPerGpu = 1e7;     // a fleet's or a SKU's
constexpr double kMaxItKwPerGpu = 100.0;    // a fleet's or a SKU's
constexpr double kMaxPerfIndex = 1000.0;    // H100 = 1
constexpr double kMinDiscountRate = -0.5;   // (1 + r)^-40 stays near 1e12, not 1e400
constexpr double kMaxDiscountRate = 1.0;
constexpr double kMaxForwardPrice = 1e9;       // a forward curve's price or index level
constexpr double kMaxAbsGpuTrendPerYear = 2.0; // log change a year: e^80 over 40 years at most
constexpr double kMaxVolatility = 2.0;         // 200% a year; GPU rental prices show 30 - 60%
constexpr double kMaxReversionPerYear = 100.0;

} // namespace ledger
