#pragma once
// The assumptions as a finance appendix (docs/reports.md): every input of the portfolio grouped by
// what it belongs to (the portfolio, the demand, the market model, each contract, fleet and GPU, the
// tornado's settings), named and formatted as a reader of a finance model expects ("USD 14.2 B",
// "3% per year", a correlation as a matrix), each with its source. The PDF's appendix and the
// workbook's Assumptions sheet are this one list; no widget holds any of it.
#include "data/ReferenceData.h"
#include "portfolio/Portfolio.h"

#include <QJsonValue>
#include <QString>
#include <QVariant>

#include <array>
#include <optional>
#include <vector>

namespace ledger::models {

struct AppendixRow {
    QString label;  // "Total contract value", "Committed GPUs from 2026-01-01"
    QString value;  // as a reader reads it: "USD 14.2 B", "40%", "2025-09-30"
    QVariant exact; // the number (double), date (QDate) or text as the file holds it, for a spreadsheet
    QString unit;   // the unit of `exact`: "USD", "share", "USD per GPU-hour", "GPUs", empty for text
    QString source; // the file's source for it, "entered by the user on ...", or "not sourced"
    QString path;   // where the file holds it ("contracts[0].total_contract_value"), for a spreadsheet
};

struct AppendixGroup {
    QString title; // "Contract: CoreWeave 2025 (GB300)"
    std::vector<AppendixRow> rows;
    QString notes; // the item's notes, printed under its table
    // The market model's correlation of its three shocks (GPU price, utilization or demand, power).
    std::optional<std::array<std::array<double, 3>, 3>> correlation;
    QString correlationSource;
};

// Every input the file holds (names, ids and the alternatives' membership are labels and structure,
// shown elsewhere), in the file's order of sections. An input with no source of its own takes the
// nearest enclosing one ("contracts[0]" for its tranches), else "see the notes below" where the
// item has notes, else "not sourced".
std::vector<AppendixGroup> assumptionsAppendix(const Portfolio& p);

// The bundled catalog's figures a portfolio relies on, one group per GPU, each figure named and
// formatted like the file's own SKUs, its source marked "Estimate: " where the catalog says so and its
// date read ("as of").
std::vector<AppendixGroup> catalogAppendix(const std::vector<data::CatalogEntry>& used,
                                           const std::string& currency);

// The value of the input at a dotted path ("fleets[0].capex_per_gpu", "market.gpu_price.trend_per_year")
// as the appendix shows it, with its unit: "USD 55,000 per GPU", "-15% per year", "USD 14.2 B".
QString appendixValue(const QString& path, const QJsonValue& value, const std::string& currency);

// "USD 14.2 B", "USD 350 M", "USD 45,000": money as an appendix shows it, exact to the digits shown
// (more decimals when the value needs them, the full number when a short form would round it).
QString formatMoneyShort(double amount, const QString& currency);

} // namespace ledger::models
