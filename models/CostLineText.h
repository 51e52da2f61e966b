#pragma once
// A cost line in the words of a finance reader ("Contract payments", "Depreciation tax shield"): the
// window's tabs and the PDF name the lines alike (engine/CostLine.h holds the keys of the files).
#include "engine/CostLine.h"
#include "engine/EvaluationResult.h"

#include <QString>

#include <optional>
#include <vector>

namespace ledger::models {

QString costLineLabel(CostLine line);

// The lines a table of every alternative shows, in CostLine's order: those with an NPV in some
// alternative (a default's lines are 0 on the shock-free path and left out). The PDF and the
// terminal list the same rows.
std::vector<CostLine> costLinesShown(const EvaluationResult& r);

// A line's NPV in an alternative, when the alternative lists the line.
std::optional<double> lineNpv(const AlternativeResult& a, CostLine line);

} // namespace ledger::models
