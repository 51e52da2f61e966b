#pragma once
// A grid of deal variants given on the command line (`slurm --grid`, docs/scale-out.md "Sweeps"):
// each axis an input path and its values, the grid their every combination, each one a scenario of
// the portfolio (docs/file-format.md, "Scenarios"), so a sweep runs it as the file's own scenarios.
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace ledger::data {

struct GridAxis {
    std::string path;                // an input path, "/contracts/id=cw-2025/price_per_gpu_hour"
    std::vector<std::string> values; // each one JSON value, compact ("4.5", "\"2031-12-31\"")
};

// The most scenarios a grid makes (the product of its axes' sizes).
constexpr std::size_t kMaxGridScenarios = 10000;

// "PATH=V1,V2,...": a value that is not JSON is taken as text ("2031-12-31"). Nullopt and a one-line
// reason for a spec without "=" or a value, or a path that does not start with "/".
std::optional<GridAxis> parseGridAxis(const QString& spec, QString* error);

// Every combination of the axes' values, the first axis slowest, each a scenario named
// "price_per_gpu_hour=4.5; take_or_pay=0.8" (each path's last step) and applied to base to check it:
// nullopt and *error naming the scenario and the path for one that does not apply, a name the
// portfolio's scenarios already use, or more than kMaxGridScenarios.
std::optional<std::vector<Scenario>> gridScenarios(const Portfolio& base, const std::vector<GridAxis>& axes,
                                                   const SkuCatalog& catalog, QString* error);

} // namespace ledger::data
