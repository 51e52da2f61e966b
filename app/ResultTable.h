#pragma once
// The readable table `computeledger evaluate` prints without --json.
#include "engine/EvaluationResult.h"
#include "portfolio/Portfolio.h"

#include <QString>

namespace ledger::app {

QString formatResultTable(const Portfolio& p, const EvaluationResult& r);

} // namespace ledger::app
