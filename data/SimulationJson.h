#pragma once
// The `simulation` object of `evaluate --json --simulate` (DESIGN.md keys).
#include "montecarlo/SimulationResult.h"

#include <QJsonObject>

namespace ledger::data {

QJsonObject simulationToJson(const SimulationResult& r);
// A distribution's figures by kSummaryStatistics' keys.
QJsonObject summaryJson(const DistributionSummary& s);

} // namespace ledger::data
