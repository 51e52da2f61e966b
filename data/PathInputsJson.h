#pragma once
// The compiled arrays the path function reads (engine/PathInputs.h), as JSON, so that an independent
// implementation of MODEL.md 6 (tests/bench/numpy_model.py) can run the very same model on the very
// same inputs and be compared with the engine: `computeledger bench --write-inputs FILE`.
#include "engine/CompiledPortfolio.h"

#include <QJsonObject>

namespace ledger::data {

// Every field of PathInputs under its C++ name, arrays at their full lengths; "alternative_ids" names
// the outcome rows (the portfolio's alternatives, then "spot").
QJsonObject pathInputsToJson(const CompiledPortfolio& cp);

} // namespace ledger::data
