#pragma once
// The `simulation` object of `evaluate --json --simulate` (DESIGN.md keys).
#include "montecarlo/SimulationResult.h"

#include <QJsonObject>

namespace ledger::data {

QJsonObject simulationToJson(const SimulationResult& r);

} // namespace ledger::data
