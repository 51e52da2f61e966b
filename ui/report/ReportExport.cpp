#include "report/ReportExport.h"

#include "EvaluationJson.h"
#include "SimulationJson.h"
#include "report/PdfReport.h"
#include "report/ReportFiles.h"

namespace ledger::report {

bool writeReport(const ReportContent& c, const ReportRequest& request, QString* error) {
    QJsonObject numbers = data::evaluationToJson(c.evaluation);
    if (c.simulation)
        numbers["simulation"] = data::simulationToJson(*c.simulation);
    if (const QString bad = data::firstNonFinite(numbers); !bad.isEmpty()) {
        *error = "internal error: " + bad + " is not a finite number; no report written";
        return false;
    }
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
