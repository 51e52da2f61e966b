#include "ui/report/ExportReportDialog.h"

#include "data/Leftovers.h"
#include "models/PortfolioDocument.h"
#include "models/SimulationController.h"
#include "ui/report/PdfReport.h"
#include "ui/report/ReportExport.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace ledger::report {

ExportReportDialog::ExportReportDialog(models::PortfolioDocument* doc,
                                       models::SimulationController* simulation, QWidget* parent)
    : QDialog(parent)
    , doc_(doc)
    , simulation_(simulation) {
    setWindowTitle(tr("Export report"));
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (documents.isEmpty())
        documents = QDir::homePath();
    const QString base = defaultReportBase(doc_->filePath(), documents);
    auto* grid = new QGridLayout();
    auto row = [&](int r, QCheckBox* box, QLineEdit* edit, bool folder, const QString& filter) {
        auto* browse = new QPushButton(tr("Browse..."), this);
        grid->addWidget(box, r, 0);
        grid->addWidget(edit, r, 1);
        grid->addWidget(browse, r, 2);
        connect(browse, &QPushButton::clicked, this, [this, edit, folder, filter] {
            const QString chosen =
                folder ? QFileDialog::getExistingDirectory(this, tr("CSV folder"), edit->text())
                       : QFileDialog::getSaveFileName(this, tr("Export to"), edit->text(), filter);
            if (!chosen.isEmpty())
                edit->setText(chosen);
        });
        connect(box, &QCheckBox::toggled, this, &ExportReportDialog::updateState);
    };
    pdf_ = new QCheckBox(tr("PDF for executives"), this);
    pdf_->setChecked(true);
    pdfPath_ = new QLineEdit(base + ".pdf", this);
    csv_ = new QCheckBox(tr("CSV tables (folder)"), this);
    csvDir_ = new QLineEdit(base + "-csv", this);
    xlsx_ = new QCheckBox(tr("Excel workbook"), this);
    xlsxPath_ = new QLineEdit(base + ".xlsx", this);
    row(0, pdf_, pdfPath_, false, tr("PDF (*.pdf)"));
    row(1, csv_, csvDir_, true, QString());
    row(2, xlsx_, xlsxPath_, false, tr("Excel workbook (*.xlsx)"));
    includeSimulation_ = new QCheckBox(this);
    message_ = new QLabel(this);
    message_->setObjectName("exportMessage");
    message_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    auto* previewButton = buttons->addButton(tr("Preview..."), QDialogButtonBox::ActionRole);
    buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(previewButton, &QPushButton::clicked, this, &ExportReportDialog::preview);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (exportNow())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(includeSimulation_);
    layout->addWidget(message_);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    updateState();
    offerSimulation();
}

void ExportReportDialog::updateState() {
    pdfPath_->setEnabled(pdf_->isChecked());
    csvDir_->setEnabled(csv_->isChecked());
    xlsxPath_->setEnabled(xlsx_->isChecked());
}

void ExportReportDialog::offerSimulation() {
    // The report is of the base case, whichever scenario the window shows: a run of the base case.
    const SimulationResult* run = simulation_ ? simulation_->resultFor(doc_->baseInputsHash()) : nullptr;
    includeSimulation_->setEnabled(run != nullptr);
    includeSimulation_->setChecked(run != nullptr);
    includeSimulation_->setText(
        run ? tr("Include the Monte Carlo run (%1 paths, seed %2)")
                  .arg(QLocale(QLocale::English).toString(qlonglong(run->paths)))
                  .arg(run->seed)
            : tr("Include the Monte Carlo run (none for the current inputs: run one on "
                 "the Monte Carlo tab first)"));
}

ReportRequest ExportReportDialog::request() const {
    return {pdf_->isChecked() ? pdfPath_->text() : QString(), csv_->isChecked() ? csvDir_->text() : QString(),
            xlsx_->isChecked() ? xlsxPath_->text() : QString()};
}

void ExportReportDialog::setRequest(const ReportRequest& r) {
    pdf_->setChecked(!r.pdfPath.isEmpty());
    pdfPath_->setText(r.pdfPath);
    csv_->setChecked(!r.csvDir.isEmpty());
    csvDir_->setText(r.csvDir);
    xlsx_->setChecked(!r.xlsxPath.isEmpty());
    xlsxPath_->setText(r.xlsxPath);
}

bool ExportReportDialog::includesSimulation() const {
    return includeSimulation_->isChecked() && simulation_ && simulation_->resultFor(doc_->baseInputsHash());
}

ReportContent ExportReportDialog::content() const {
    std::optional<SimulationResult> run;
    if (includesSimulation())
        run = *simulation_->resultFor(doc_->baseInputsHash());
    const QString source = reportSourceText(doc_->filePath(), doc_->isModified());
    return buildReportContent(doc_->portfolio(), doc_->catalog(), std::move(run), source);
}

bool ExportReportDialog::exportNow() {
    const ReportRequest r = request();
    if (r.pdfPath.isEmpty() && r.csvDir.isEmpty() && r.xlsxPath.isEmpty()) {
        message_->setText(tr("Choose at least one output."));
        return false;
    }
    QString error;
    QStringList inputs;
    if (!doc_->filePath().isEmpty())
        inputs << doc_->filePath(); // the document itself is never an output
    if (!writeReport(content(), r, &error, inputs)) {
        message_->setText(tr("Not exported: %1").arg(error));
        return false;
    }
    message_->setText(tr("Exported."));
    return true;
}

QString ExportReportDialog::message() const {
    return message_->text();
}

void ExportReportDialog::preview() {
    const ReportContent c = content();
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(reportPageLayout());
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Report preview"));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [&c](QPrinter* p) {
        // Two passes, as for the file: the first counts the pages for "page N of M".
        // The counting pass goes to a private scratch file, at the preview's own resolution.
        QTemporaryDir scratch(data::temporaryFolderTemplate());
        QPrinter counting(QPrinter::HighResolution);
        counting.setOutputFormat(QPrinter::PdfFormat);
        counting.setOutputFileName(scratch.filePath("count.pdf"));
        counting.setPageLayout(p->pageLayout());
        renderReport(p, c, renderReport(&counting, c, 0));
    });
    dialog.resize(900, 1000);
    dialog.exec();
}

} // namespace ledger::report
