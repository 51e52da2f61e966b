#pragma once
// File > Export report: the same outputs as `computeledger report` (PDF, CSV folder, workbook), with
// a print preview of the PDF. The Monte Carlo section uses the window's current run of these inputs.
#include "ui/report/ReportContent.h"
#include "ui/report/ReportExport.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace ledger::models {
class PortfolioDocument;
class SimulationController;
} // namespace ledger::models

namespace ledger::report {

class ExportReportDialog : public QDialog {
    Q_OBJECT
public:
    ExportReportDialog(models::PortfolioDocument* doc, models::SimulationController* simulation,
                       QWidget* parent = nullptr);

    // What the dialog's fields ask for (an unchecked output: an empty path).
    ReportRequest request() const;
    void setRequest(const ReportRequest& r);
    bool includesSimulation() const;
    ReportContent content() const;
    // Writes what is asked; on failure shows the message in the dialog and returns false.
    bool exportNow();
    QString message() const;

private:
    void preview();
    void updateState();     // the path fields follow their check boxes
    void offerSimulation(); // the current run, when there is one, included by default

    models::PortfolioDocument* doc_;
    models::SimulationController* simulation_;
    QCheckBox* pdf_;
    QCheckBox* csv_;
    QCheckBox* xlsx_;
    QCheckBox* includeSimulation_;
    QLineEdit* pdfPath_;
    QLineEdit* csvDir_;
    QLineEdit* xlsxPath_;
    QLabel* message_;
};

} // namespace ledger::report
