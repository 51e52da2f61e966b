#pragma once
// The report's tables as data (docs/reports.md): the CSV files and the workbook sheets are these,
// cell for cell. Numbers stay doubles at full precision; a missing value (no LCOC) is a null cell.
// Text stays as the file gives it: the CSV writer escapes a text cell a spreadsheet would run as a
// formula (data::csvEscapeText); the workbook needs no escape, its string cells are never formulas.
#include "ui/report/ReportContent.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

namespace ledger::report {

// How a column is shown in a spreadsheet (its number format); CSV writes every number the same way.
enum class ColumnKind { Text, Date, Integer, Money, Hours, Price, Fraction };

struct ReportColumn {
    QString key;
    ColumnKind kind = ColumnKind::Text;
};

struct ReportTable {
    QString name; // file stem and sheet name: "annual_summary"
    std::vector<ReportColumn> columns;
    std::vector<std::vector<QVariant>> rows; // double, qlonglong, QString, QDate or null
};

// The totals the workbook adds below a table: per value of column `by` (an item), each column of
// `columns` as SUMIFS formulas over the rows, so a spreadsheet's totals are its own arithmetic (CSV
// has none). None for a table without totals.
struct TableTotals {
    int by = 0;
    std::vector<int> columns;
};
std::optional<TableTotals> workbookTotals(const ReportTable& t);

// annual_summary, monthly_cashflows, dated_cash, alternatives, comparisons, cost_lines, accounting,
// lease_schedules, lease_maturity, with scenarios scenarios, with contract options options, and with a
// simulation
// (simulation_accounting when it booked the paths)
// simulation_percentiles, simulation_fan, simulation_pairs.
std::vector<ReportTable> reportTables(const ReportContent& c);
// The table only a portfolio with scenarios has: like the simulation tables, a report without it
// removes the one an earlier report left in its CSV folder.
QString scenariosTableName();
// The same for the table only a portfolio with contract options has (docs/model.md 17).
QString optionsTableName();
// The names of the tables only a report with a simulation has, in that order: a report without one
// removes those an earlier report left in its CSV folder, and nothing else.
const QStringList& simulationTableNames();

// A number exactly as `evaluate --json` prints it (the shortest text that reads back the same double).
QString exactNumber(double v);

} // namespace ledger::report
