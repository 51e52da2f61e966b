#include "report/ReportExport.h"

#include "report/PdfReport.h"
#include "report/ReportFiles.h"

namespace ledger::report {

bool writeReport(const ReportContent& c, const ReportRequest& request, QString* error) {
    const auto tables = reportTables(c);
    if (!request.csvDir.isEmpty() && !writeCsvReport(tables, request.csvDir, error))
        return false;
    if (!request.xlsxPath.isEmpty() && !writeXlsxReport(c, tables, request.xlsxPath, error))
        return false;
    if (!request.pdfPath.isEmpty() && !writePdfReport(c, request.pdfPath, error))
        return false;
    return true;
}

} // namespace ledger::report
