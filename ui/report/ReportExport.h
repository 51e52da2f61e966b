#pragma once
// One call for every output a user asked for: the PDF, the CSV folder, the workbook.
#include "report/ReportContent.h"

#include <QString>

namespace ledger::report {

struct ReportRequest {
    QString pdfPath;  // empty: no PDF
    QString csvDir;   // empty: no CSV files
    QString xlsxPath; // empty: no workbook
};

// Writes each requested output atomically; stops at the first failure with a message naming the file.
bool writeReport(const ReportContent& c, const ReportRequest& request, QString* error);

} // namespace ledger::report
