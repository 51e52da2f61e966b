#include "MainWindow.h"

#include "AlternativesTableModel.h"
#include "AnnualCashModel.h"
#include "MoneyFormat.h"
#include "PortfolioDocument.h"
#include "SkuCatalogJson.h"
#include "gpu/GpuDevice.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace ledger::ui {

namespace {
QTableView* makeTable(QAbstractItemModel* model, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , document_(new models::PortfolioDocument(data::bundledSkuCatalog(), this))
    , alternativesModel_(new models::AlternativesTableModel(document_, this))
    , annualModel_(new models::AnnualCashModel(document_, this)) {
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    title_ = new QLabel(central);
    title_->setWordWrap(true);
    verdict_ = new QLabel(central);
    verdict_->setWordWrap(true);
    verdict_->setObjectName("verdict");
    alternativesView_ = makeTable(alternativesModel_, central);
    alternativesView_->verticalHeader()->hide();
    annualView_ = makeTable(annualModel_, central);
    auto* annualTitle =
        new QLabel(tr("<b>Annual after-tax cash cost</b> (calendar years, undiscounted)"), central);
    layout->addWidget(title_);
    layout->addWidget(verdict_);
    layout->addWidget(alternativesView_, 1);
    layout->addWidget(annualTitle);
    layout->addWidget(annualView_, 2);
    setCentralWidget(central);

    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::openFile);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    const GpuDevice gpu = probeGpu();
    const QString device = gpu.available ? tr("GPU: %1").arg(QString::fromStdString(gpu.name))
                                         : tr("CPU, %1 threads (%2)")
                                               .arg(QThread::idealThreadCount())
                                               .arg(QString::fromStdString(gpu.reason));
    statusBar()->showMessage(tr("Compute device: %1").arg(device));

    connect(document_, &models::PortfolioDocument::evaluationChanged, this, &MainWindow::refresh);
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

bool MainWindow::openInitial(const QString& path) {
    QString error;
    if (!path.isEmpty() && document_->open(path, &error))
        return true;
    if (!path.isEmpty())
        QMessageBox::warning(this, tr("Cannot open portfolio"),
                             error + tr("\n\nThe bundled example opens instead."));
    if (document_->openBundledExample(&error))
        return true;
    QMessageBox::critical(this, tr("Cannot open the example"), error);
    return false;
}

void MainWindow::openFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open portfolio"), QString(),
                                                      tr("Portfolio (*.cledger *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!document_->open(path, &error))
        QMessageBox::warning(this, tr("Cannot open portfolio"), error);
}

void MainWindow::refresh() {
    const auto& r = document_->evaluation();
    setWindowTitle(tr("%1 - ComputeLedger").arg(document_->displayName()));
    title_->setText(tr("<h2>%1</h2>Valuation date %2, horizon to %3 (%4 monthly periods), all amounts in %5 "
                       "millions after tax")
                        .arg(QString::fromStdString(r.name).toHtmlEscaped(),
                             QString::fromStdString(formatIsoDate(r.valuationDate)),
                             QString::fromStdString(formatIsoDate(r.horizonEnd)))
                        .arg(r.periods)
                        .arg(QString::fromStdString(r.currency)));
    const auto ranked = r.rankedByNpvCost();
    if (ranked.size() >= 2) {
        verdict_->setText(tr("<b>%1 is cheapest</b>: %2 %3 M NPV below %4, the next best.")
                              .arg(QString::fromStdString(ranked[0]->name).toHtmlEscaped(),
                                   QString::fromStdString(r.currency),
                                   models::formatMillions(ranked[1]->npvCost - ranked[0]->npvCost),
                                   QString::fromStdString(ranked[1]->name).toHtmlEscaped()));
    }
}

} // namespace ledger::ui
