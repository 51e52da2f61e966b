#pragma once
// One call for every output a user asked for: the PDF, the CSV folder, the workbook.
#include "ui/report/ReportContent.h"

#include <QString>
#include <QStringList>

namespace ledger::report {

struct ReportRequest {
    QString pdfPath;  // empty: no PDF
    QString csvDir;   // empty: no CSV files
    QString xlsxPath; // empty: no workbook
};

// Where a report of the document at `documentPath` goes unless the user says otherwise, without an
// extension ("/home/ana/deals/meta-report"): beside the document, or, for a document with no file or
// the bundled example (a read-only resource, ":/examples/..."), in `documentsFolder`.
QString defaultReportBase(const QString& documentPath, const QString& documentsFolder);

// Why the request cannot be written without harm (an output that is one of `inputs`, also through a
// link; a device, FIFO or dangling link as an output), or empty. Checked before any work is done.
QString reportOutputProblem(const ReportRequest& request, const QStringList& inputs);

// Writes every requested output, all or none: each is staged beside its destination and the set is
// put in place together (data/OutputFiles.h). A failure names the file. `inputs`: the files the
// report was made from, which no output may replace. written: what was written, a line per output
// ("PDF: /home/ana/meta-report.pdf"), for the command line to say.
bool writeReport(const ReportContent& c, const ReportRequest& request, QString* error,
                 const QStringList& inputs = {}, QStringList* written = nullptr);

} // namespace ledger::report
