#pragma once
// The executive PDF (docs/reports.md): title, verdict and KPIs, charts, annual tables, Monte Carlo
// percentiles, sensitivity, the audit trail of every assumption, method notes and the run's details.
#include "ui/report/ReportContent.h"

#include <QPageLayout>
#include <QString>

class QPagedPaintDevice;

namespace ledger::report {

// A4 portrait with the report's margins: the file and the preview use the same page.
QPageLayout reportPageLayout();

// Lays the report out on a paged device (a QPrinter for the preview); returns the page count.
// totalPages: the count from an earlier pass, for "page N of M" (0: "page N").
int renderReport(QPagedPaintDevice* device, const ReportContent& c, int totalPages);

// Both passes onto A4, written atomically.
bool writePdfReport(const ReportContent& c, const QString& path, QString* error);

} // namespace ledger::report
