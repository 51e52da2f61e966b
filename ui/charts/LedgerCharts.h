#pragma once
// The charts of the window and of the PDF report, each filled from a result: the tabs and the report
// draw the same picture from the same numbers. Each function clears the chart first.
#include "analytics/CostWaterfall.h"
#include "analytics/Sensitivity.h"
#include "engine/EvaluationResult.h"
#include "montecarlo/SimulationResult.h"

#include <QChart>
#include <QStringList>

#include <optional>

namespace ledger::ui {

// Annual after-tax cash cost, one bar per alternative and year.
void drawAnnualCashByAlternative(QChart* chart, const EvaluationResult& r);
// One alternative's annual cash stacked by its contracts and fleets (with a demand: as costed in it,
// and its shortfall bought at spot).
void drawAnnualCashByItem(QChart* chart, const EvaluationResult& r, const AlternativeResult& alternative);
// One alternative's annual cash stacked by cost line (tax shields and resale below the axis).
void drawAnnualCashByLine(QChart* chart, const EvaluationResult& r, const AlternativeResult& alternative);
// The NPV difference of two alternatives as a waterfall: the reference's NPV cost, a step per cost
// line (up: costs more, down: saves), the alternative's NPV cost.
void drawCostWaterfall(QChart* chart, const CostWaterfall& w, const EvaluationResult& r);
// NPV cost by alternative, one horizontal bar each (the first alternative on top), the cheapest at
// full capacity (`winner`) highlighted, each category labelled with its name and its NPV cost; with a
// Monte Carlo run (the current inputs') its P5 to P95 range of NPV cost across each bar (whiskers;
// the title says so, there is no legend).
void drawNpvByAlternative(QChart* chart, const EvaluationResult& r, std::optional<std::size_t> winner,
                          const SimulationResult* s);
// Cumulative cash cost lines on a time axis (0 at the valuation date, each year's point at its end)
// with the crossovers marked inside the year each sentence names; returns one sentence per crossover.
QStringList drawCumulativeCost(QChart* chart, const EvaluationResult& r);
// Owned fleets: book and tax depreciation bars, NBV and expected market value lines.
void drawDepreciation(QChart* chart, const EvaluationResult& r);
// NPV cost distribution per alternative (step lines over the shared bins).
// The labels of the annual rows' years ("2027", or "FY2027" for fiscal years) and their axis title.
QStringList yearLabels(const EvaluationResult& r);
QString yearAxisTitle(const EvaluationResult& r);
// An alternative by its name (spot: "Spot market"), for legends and headers; its id if unknown.
QString alternativeName(const EvaluationResult& r, const std::string& id);

void drawNpvHistogram(QChart* chart, const SimulationResult& s, const EvaluationResult& r);
// p5, p50, p95 of the cumulative cash cost per alternative and year.
void drawCostFan(QChart* chart, const SimulationResult& s, const EvaluationResult& r);
// The cheapest alternative's running mean with its 95% band, by path count.
void drawConvergence(QChart* chart, const SimulationResult& s, const EvaluationResult& r);
// Tornado of the NPV difference; widest bar on top.
void drawTornado(QChart* chart, const Sensitivity& s, const EvaluationResult& r);

// Black on white whatever the window's palette: for paper.
void applyPrintStyle(QChart* chart);

} // namespace ledger::ui
