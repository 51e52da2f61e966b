#pragma once
// The stable JSON of `computeledger evaluate --json` (DESIGN.md): keys never change meaning; new
// keys may be added.
#include "engine/EvaluationResult.h"

#include <QJsonObject>

namespace ledger::data {

QJsonObject evaluationToJson(const EvaluationResult& r);

} // namespace ledger::data
