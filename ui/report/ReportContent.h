#pragma once
// Everything a report shows, gathered once: the PDF, the CSV files and the workbook are views of
// this one value, so they cannot disagree.
#include "analytics/Sensitivity.h"
#include "data/ReferenceData.h"
#include "engine/EvaluationResult.h"
#include "montecarlo/SimulationResult.h"
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace ledger::report {

// One input of the audit trail: where it sits in the file, its value, and where it comes from.
struct AssumptionRow {
    QString path;  // JSON path, e.g. "contracts[0].total_contract_value" (the key of "sources")
    QString label; // the same with the item's id for its index: "cw-2025.total_contract_value"
    QString value; // as written in the file
    QString source;
};

struct ReportContent {
    Portfolio portfolio;
    EvaluationResult evaluation;
    std::optional<SimulationResult> simulation;
    std::optional<Sensitivity> sensitivity; // the cheapest alternative against the runner-up
    std::vector<AssumptionRow> assumptions;
    std::vector<data::CatalogEntry> skusUsed; // bundled catalog entries the portfolio relies on
    QString inputsHash;
    QString version;
    QString sourceFile;
    QDateTime generatedUtc;
};

// The portfolio must have passed validation. simulation: a finished run of these inputs, or none.
ReportContent buildReportContent(const Portfolio& p, const SkuCatalog& catalog,
                                 std::optional<SimulationResult> simulation, const QString& sourceFile);

// Every input value in the file (JSON leaves, notes and sources excluded) with its source: the
// "sources" entry for its path or the nearest enclosing path, else the item's notes, else
// "not sourced".
std::vector<AssumptionRow> assumptionRows(const Portfolio& p);

} // namespace ledger::report
