#pragma once
// The demand's charts (MODEL.md 8): the step curve the demand editor shows, and one alternative's
// capacity against the demand by year on the Overview.
#include "engine/EvaluationResult.h"
#include "portfolio/Portfolio.h"

#include <QChart>
#include <QColor>

namespace ledger::ui {

// GPUs asked for from the valuation date to the horizon end, as steps (0 before the first point).
void drawDemandCurve(QChart* chart, const Demand& demand, const Date& valuationDate, const Date& horizonEnd);
// By year, in millions of H100-equivalent GPU-hours: the alternative's capacity (bars in its
// colour), the shortfall bought at spot (bars in the shortfall line's colour) and the demand (a line).
void drawCapacityAgainstDemand(QChart* chart, const AlternativeResult& alternative, const QColor& colour);

} // namespace ledger::ui
