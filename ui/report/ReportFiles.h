#pragma once
// The spreadsheet outputs of a report. Each file is written atomically: an existing file is
// replaced only when the new one is complete.
#include "ui/report/ReportTables.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace ledger::report {

// RFC 4180, UTF-8, one header row, ISO dates, '.' decimals, numbers as `evaluate --json` prints them.
QByteArray tableCsv(const ReportTable& t);
// DIR/<table>.csv for each table; creates DIR.
bool writeCsvReport(const std::vector<ReportTable>& tables, const QString& dir, QString* error);
// One sheet per table (numbers as numbers, dates as dates, each column with a number format; the
// annual and monthly tables with SUMIFS totals per item), after a "report" sheet naming the
// portfolio, the run and the version, an "Assumptions" sheet (every input with its unit and source)
// and "npv_recomputed" (each alternative's NPV cost by XNPV over the dated_cash sheet).
bool writeXlsxReport(const ReportContent& c, const std::vector<ReportTable>& tables, const QString& path,
                     QString* error);
// How many sheets writeXlsxReport writes for these tables.
int workbookSheetCount(const std::vector<ReportTable>& tables);

} // namespace ledger::report
