#pragma once
// A cost line in the words of a finance reader ("Contract payments", "Depreciation tax shield"): the
// window's tabs and the PDF name the lines alike (engine/CostLine.h holds the keys of the files).
#include "engine/CostLine.h"

#include <QString>

namespace ledger::models {

QString costLineLabel(CostLine line);

} // namespace ledger::models
