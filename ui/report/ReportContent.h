#pragma once
// Everything a report shows, gathered once: the PDF, the CSV files and the workbook are views of
// this one value, so they cannot disagree.
#include "analytics/ReverseStress.h"
#include "analytics/Sensitivity.h"
#include "data/ReferenceData.h"
#include "data/ScenarioResults.h"
#include "engine/DatedCash.h"
#include "engine/EvaluationResult.h"
#include "models/AssumptionsAppendix.h"
#include "montecarlo/SimulationResult.h"
#include "options/OptionValuation.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace ledger::report {

struct ReportContent {
    Portfolio portfolio;
    EvaluationResult evaluation;
    std::optional<SimulationResult> simulation;
    std::vector<std::vector<DatedCash>> datedCash;  // per alternative (the evaluation's order)
    std::optional<Sensitivity> sensitivity;         // the decision's pair: the winner against the runner-up
    std::optional<ReverseStress> reverseStress;     // the same pair: the smallest move that flips it
    std::vector<models::AppendixGroup> assumptions; // every input, grouped, with its source
    // "What the options are worth" (docs/model.md 17): with a simulation valued on its paths and seed,
    // else on the deterministic path; empty when no contract has an option.
    std::vector<OptionResult> options;
    // "How the decision holds up" (issue 21): the base case, then each scenario, evaluated
    // deterministically (data::evaluateScenarios); empty when the portfolio has no scenario.
    std::vector<data::ScenarioOutcome> scenarios;
    QString scenariosProblem; // why they could not be evaluated (a scenario that does not apply)
    std::vector<data::CatalogEntry> skusUsed;          // bundled catalog entries the portfolio relies on
    std::vector<models::AppendixGroup> catalogFigures; // their figures, as the appendix shows them
    QString inputsHash;
    QString version;
    QString sourceFile; // the path run, as a reader finds it (docs/reports.md)
    QDateTime generatedUtc;
};

// The portfolio must have passed validation. simulation: a finished run of these inputs, or none.
// sourceFile: the file as the reader should find it (its absolute path, "the bundled example", with
// unsaved edits said).
ReportContent buildReportContent(const Portfolio& p, const SkuCatalog& catalog,
                                 std::optional<SimulationResult> simulation, const QString& sourceFile);

// The file a report says it ran, as its reader finds it: the absolute path, "the bundled example
// (meta-coreweave.json)" for a built-in resource, "not saved yet" without one; with unsaved edits
// said, since the file then holds other inputs than the report.
QString reportSourceText(const QString& path, bool unsavedEdits);

} // namespace ledger::report
