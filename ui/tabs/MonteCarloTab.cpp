#include "ui/tabs/MonteCarloTab.h"

#include "gpu/GpuDevice.h"
#include "models/MoneyFormat.h"
#include "models/OptionText.h"
#include "models/PortfolioDocument.h"
#include "models/SimulationController.h"
#include "ui/TableCopy.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"
#include "ui/charts/OptionCharts.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ledger::ui {

MonteCarloTab::MonteCarloTab(models::PortfolioDocument* doc, models::SimulationController* controller,
                             QWidget* parent)
    : QWidget(parent)
    , doc_(doc)
    , controller_(controller) {
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout();
    paths_ = new QSpinBox(this);
    paths_->setRange(100, 1'000'000'000);
    paths_->setSingleStep(10000);
    paths_->setGroupSeparatorShown(true);
    paths_->setToolTip(tr("Monte Carlo paths; the standard error falls with the square root of the paths."));
    seed_ = new QSpinBox(this);
    seed_->setRange(0, 2'000'000'000); // larger seeds: on the command line (--seed, up to 2^53)
    seed_->setToolTip(tr("The same seed gives the same numbers on any machine, thread count or device."));
    device_ = new QComboBox(this);
    const GpuDevice gpu = probeGpu();
    device_->addItem(gpu.available ? tr("Auto (GPU: %1)").arg(QString::fromStdString(gpu.name))
                                   : tr("Auto (CPU)"),
                     int(ComputeDevice::Auto));
    device_->addItem(tr("CPU"), int(ComputeDevice::Cpu));
    device_->addItem(gpu.available ? tr("GPU: %1").arg(QString::fromStdString(gpu.name))
                                   : tr("GPU (none answers)"),
                     int(ComputeDevice::Gpu));
    runButton_ = new QPushButton(tr("Run (F5)"), this);
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    status_ = new QLabel(tr("No simulation yet: press Run."), this);
    status_->setObjectName("simulationStatus");
    // Wrapped: a long status line must not widen the tab, and with it the window (the tab widget is
    // as wide as its widest page), squeezing the editor beside it.
    status_->setWordWrap(true);
    controls->addWidget(new QLabel(tr("Paths"), this));
    controls->addWidget(paths_);
    controls->addWidget(new QLabel(tr("Seed"), this));
    controls->addWidget(seed_);
    controls->addWidget(new QLabel(tr("Device"), this));
    controls->addWidget(device_);
    controls->addWidget(runButton_);
    controls->addWidget(cancelButton_);
    controls->addWidget(progress_, 1);
    layout->addLayout(controls);
    layout->addWidget(status_);
    auto* grid = new QGridLayout();
    percentiles_ = new QTableWidget(this);
    percentiles_->setObjectName("percentiles");
    enableTableCopy(percentiles_);
    percentiles_->verticalHeader()->setDefaultSectionSize(21); // all 13 rows without scrolling
    histogram_ = makeChartView(tr("NPV cost across paths"), this);
    fan_ = makeChartView(tr("Cumulative cash cost: p5, p50, p95 by year"), this);
    convergence_ = makeChartView(tr("Convergence: running mean of NPV cost, 95% band"), this);
    grid->addWidget(percentiles_, 0, 0);
    grid->addWidget(histogram_, 0, 1);
    grid->addWidget(fan_, 1, 0);
    grid->addWidget(convergence_, 1, 1);
    layout->addLayout(grid, 1);
    // What the options are worth, on this run's paths (docs/model.md 17).
    optionsBox_ = new QWidget(this);
    auto* optionsLayout = new QHBoxLayout(optionsBox_);
    optionsLayout->setContentsMargins(0, 0, 0, 0);
    auto* optionsLeft = new QVBoxLayout();
    auto* optionsTitle = new QLabel(tr("<b>What the options are worth</b> (NPV cost saved)"), optionsBox_);
    options_ = new QTableWidget(optionsBox_);
    options_->setObjectName("options");
    options_->setSelectionBehavior(QAbstractItemView::SelectRows);
    options_->setSelectionMode(QAbstractItemView::SingleSelection);
    options_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    enableTableCopy(options_);
    optionsWords_ = new QLabel(optionsBox_);
    optionsWords_->setWordWrap(true);
    optionsLeft->addWidget(optionsTitle);
    optionsLeft->addWidget(options_, 1);
    optionsLeft->addWidget(optionsWords_);
    boundary_ = makeChartView(tr("Exercise boundary"), optionsBox_);
    optionsLayout->addLayout(optionsLeft, 1);
    optionsLayout->addWidget(boundary_, 1);
    optionsBox_->setVisible(false);
    layout->addWidget(optionsBox_, 1);
    connect(options_, &QTableWidget::itemSelectionChanged, this, &MonteCarloTab::drawBoundary);

    connect(runButton_, &QPushButton::clicked, this, &MonteCarloTab::run);
    connect(cancelButton_, &QPushButton::clicked, controller_, &models::SimulationController::cancel);
    connect(controller_, &models::SimulationController::progress, this,
            [this](qint64 done, qint64 total, double eta) {
                progress_->setValue(int(1000.0 * double(done) / double(std::max<qint64>(1, total))));
                status_->setText(tr("Running: %1 of %2 paths, about %3 s left")
                                     .arg(QLocale(QLocale::English).toString(done),
                                          QLocale(QLocale::English).toString(total))
                                     .arg(eta, 0, 'f', 1));
            });
    auto idle = [this] {
        runButton_->setEnabled(true);
        cancelButton_->setEnabled(false);
    };
    connect(controller_, &models::SimulationController::finished, this, [this, idle] {
        idle();
        progress_->setValue(1000);
        if (controller_->currentResult())
            showResult();
        else
            status_->setText(
                tr("<b>Stale</b>: finished for inputs changed during the run; press Run to update."));
    });
    connect(controller_, &models::SimulationController::cancelled, this, [this, idle] {
        idle();
        progress_->setValue(0); // a cancelled run leaves no part done
        status_->setText(tr("Cancelled."));
    });
    connect(controller_, &models::SimulationController::failed, this, [this, idle](const QString& message) {
        idle();
        status_->setText(tr("Could not run: %1").arg(message));
    });
    // The file's simulation settings fill the controls when a file opens; edits keep what the user set.
    connect(doc_, &models::PortfolioDocument::filePathChanged, this, [this] {
        if (!doc_->hasPortfolio())
            return;
        paths_->setValue(
            int(std::min<std::int64_t>(doc_->shownPortfolio().simulation.paths, paths_->maximum())));
        seed_->setValue(int(std::min<std::uint64_t>(doc_->shownPortfolio().simulation.seed,
                                                    std::uint64_t(seed_->maximum()))));
    });
    connect(doc_, &models::PortfolioDocument::evaluationChanged, this, [this] {
        if (!doc_->hasPortfolio())
            return;
        if (controller_->currentResult())
            showResult();
        else if (controller_->hasStaleResult())
            status_->setText(
                tr("<b>Stale</b>: the portfolio changed since the last run; press Run to update."));
    });
}

void MonteCarloTab::run() {
    SimulationOptions o;
    o.paths = paths_->value();
    o.seed = std::uint64_t(seed_->value());
    o.device = ComputeDevice(device_->currentData().toInt());
    QString error;
    if (!controller_->start(o, &error)) {
        status_->setText(error);
        return;
    }
    runButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    progress_->setValue(0);
    status_->setText(tr("Starting..."));
}

QString MonteCarloTab::statusText() const {
    return status_->text();
}

void MonteCarloTab::showResult() {
    const SimulationResult* s = controller_->currentResult();
    if (!s)
        return;
    const auto& r = doc_->evaluation();
    const QString cur = QString::fromStdString(r.currency);
    QStringList cheaper;
    for (const auto& p : s->probCheaper)
        cheaper << tr("P(%1 < %2) = %3")
                       .arg(alternativeName(r, p.a), alternativeName(r, p.b))
                       .arg(p.p, 0, 'f', 3);
    status_->setText(tr("%1 paths, seed %2, %3, %4 s. %5")
                         .arg(QLocale(QLocale::English).toString(qlonglong(s->paths)))
                         .arg(s->seed)
                         .arg(QString::fromStdString(s->device))
                         .arg(s->seconds, 0, 'f', 2)
                         .arg(cheaper.join("; ")));

    const QStringList rows = {
        "mean",           "std", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "cvar95",
        tr("P(cheapest)")};
    percentiles_->clear();
    percentiles_->setRowCount(rows.size());
    percentiles_->setColumnCount(int(s->alternatives.size()));
    percentiles_->setVerticalHeaderLabels(rows);
    QStringList headers;
    for (std::size_t a = 0; a < s->alternatives.size(); ++a) {
        // Two lines: a name is longer than the numbers under it.
        headers << tr("%1\n(%2 M)").arg(alternativeName(doc_->evaluation(), s->alternatives[a].id), cur);
        const auto& d = s->alternatives[a].npvCost;
        const double values[] = {d.mean, d.std, d.p1,  d.p5,  d.p10, d.p25,
                                 d.p50,  d.p75, d.p90, d.p95, d.p99, d.cvar95};
        for (int i = 0; i < rows.size(); ++i) {
            // The last row: the share of paths on which this alternative is the cheapest of all.
            const bool probability = i == rows.size() - 1;
            auto* item = new QTableWidgetItem(
                probability ? QString("%1%").arg(s->alternatives[a].probCheapest * 100.0, 0, 'f', 1)
                            : models::formatMillions(values[i]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            percentiles_->setItem(i, int(a), item);
        }
    }
    percentiles_->setHorizontalHeaderLabels(headers);
    percentiles_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    percentiles_->horizontalHeader()->setStretchLastSection(true);

    drawNpvHistogram(freshChart(histogram_), *s, r);
    drawCostFan(freshChart(fan_), *s, r);
    drawConvergence(freshChart(convergence_), *s, r);
    showOptions();
}

void MonteCarloTab::showOptions() {
    const std::vector<OptionResult>* all = controller_->currentOptions();
    optionsBox_->setVisible(all != nullptr);
    if (!all)
        return;
    const auto& r = doc_->evaluation();
    const QString cur = QString::fromStdString(r.currency);
    const int selected = options_->currentRow();
    const QStringList headers = {tr("Option"),
                                 tr("Alternative"),
                                 tr("Value (%1 M)").arg(cur),
                                 tr("Std error"),
                                 tr("Exercised"),
                                 tr("Intrinsic (%1 M)").arg(cur),
                                 tr("Time value (%1 M)").arg(cur),
                                 tr("Boundary (%1 per GPU-hour)").arg(cur)};
    const QSignalBlocker block(options_);
    options_->clear();
    options_->setColumnCount(int(headers.size()));
    options_->setRowCount(int(all->size()));
    options_->setHorizontalHeaderLabels(headers);
    for (std::size_t i = 0; i < all->size(); ++i) {
        const OptionResult& o = (*all)[i];
        const QString boundary = o.boundaryPrice
                                     ? QString("%1 %2")
                                           .arg(toString(o.boundarySide))
                                           .arg(QLocale(QLocale::English).toString(*o.boundaryPrice, 'f', 2))
                                     : QString::fromLatin1(toString(o.boundarySide));
        const QStringList cells = {QString::fromStdString(o.option.optionId),
                                   alternativeName(r, o.option.alternativeId),
                                   models::formatMillions(o.value),
                                   models::formatMillions(o.valueStderr),
                                   models::formatPercent(o.exerciseProbability),
                                   models::formatMillions(o.intrinsicValue),
                                   models::formatMillions(o.timeValue),
                                   boundary};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(models::optionTermsInWords(doc_->shownPortfolio(), o));
            options_->setItem(int(i), c, item);
        }
    }
    options_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    options_->selectRow(std::clamp(selected, 0, int(all->size()) - 1));
    drawBoundary();
}

void MonteCarloTab::drawBoundary() {
    const std::vector<OptionResult>* all = controller_->currentOptions();
    const int row = options_->currentRow();
    if (!all || row < 0 || row >= int(all->size()))
        return;
    const OptionResult& o = (*all)[std::size_t(row)];
    const auto& r = doc_->evaluation();
    const Portfolio& p = doc_->shownPortfolio();
    optionsWords_->setText(
        models::optionTermsInWords(p, o) + ". " +
        models::optionValueInWords(o, r.currency, alternativeName(r, o.option.alternativeId)) + " " +
        models::optionBoundaryInWords(p, o));
    QChart* chart = freshChart(boundary_);
    drawExerciseBoundary(chart, o, o.marketPricePerGpuHour, QString::fromStdString(r.currency));
    chart->setTitle(tr("%1: expected saving from exercising, by market price")
                        .arg(QString::fromStdString(o.option.optionId)));
}

} // namespace ledger::ui
