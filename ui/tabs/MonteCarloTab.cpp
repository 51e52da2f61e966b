#include "tabs/MonteCarloTab.h"

#include "MoneyFormat.h"
#include "PortfolioDocument.h"
#include "SimulationController.h"
#include "charts/ChartHelpers.h"
#include "gpu/GpuDevice.h"

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
    percentiles_->verticalHeader()->setDefaultSectionSize(21); // all 13 rows without scrolling
    histogram_ = makeChartView(tr("NPV cost across paths"), this);
    fan_ = makeChartView(tr("Cumulative cash cost: p5, p50, p95 by year"), this);
    convergence_ = makeChartView(tr("Convergence: running mean of NPV cost, 95% band"), this);
    grid->addWidget(percentiles_, 0, 0);
    grid->addWidget(histogram_, 0, 1);
    grid->addWidget(fan_, 1, 0);
    grid->addWidget(convergence_, 1, 1);
    layout->addLayout(grid, 1);

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
        paths_->setValue(int(std::min<std::int64_t>(doc_->portfolio().simulation.paths, paths_->maximum())));
        seed_->setValue(
            int(std::min<std::uint64_t>(doc_->portfolio().simulation.seed, std::uint64_t(seed_->maximum()))));
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
                       .arg(QString::fromStdString(p.a), QString::fromStdString(p.b))
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
        headers << tr("%1 (%2 M)").arg(QString::fromStdString(s->alternatives[a].id), cur);
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
    percentiles_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    QChart* hist = histogram_->chart();
    resetChart(hist);
    for (std::size_t i = 0; i < s->alternatives.size(); ++i) {
        const auto& a = s->alternatives[i];
        auto* line = new QLineSeries();
        line->setName(QString::fromStdString(a.id));
        line->setPen(QPen(seriesColor(int(i)), 2.0));
        const auto& h = a.npvHistogram;
        const double width = (h.high - h.low) / std::max<std::size_t>(1, h.counts.size());
        for (std::size_t b = 0; b < h.counts.size(); ++b) {
            line->append((h.low + width * b) / 1e6, double(h.counts[b]));
            line->append((h.low + width * (b + 1)) / 1e6, double(h.counts[b]));
        }
        hist->addSeries(line);
    }
    attachValueAxes(hist, tr("NPV cost (%1 millions)").arg(cur), tr("Paths"));

    QChart* fan = fan_->chart();
    resetChart(fan);
    std::vector<QLineSeries*> bands;
    for (std::size_t a = 0; a < s->alternatives.size(); ++a) {
        const auto& alt = s->alternatives[a];
        for (int q = 0; q < 3; ++q) {
            auto* line = new QLineSeries();
            line->setName(QString("%1 %2").arg(QString::fromStdString(alt.id), q == 0   ? "p5"
                                                                               : q == 1 ? "p50"
                                                                                        : "p95"));
            QPen pen(seriesColor(int(a)));
            pen.setWidthF(q == 1 ? 2.5 : 1.2);
            pen.setStyle(q == 1 ? Qt::SolidLine : Qt::DashLine);
            line->setPen(pen);
            for (const auto& f : alt.annualCumulative)
                line->append(f.year, (q == 0 ? f.p5 : q == 1 ? f.p50 : f.p95) / 1e6);
            fan->addSeries(line);
            if (q != 1)
                bands.push_back(line);
        }
    }
    attachValueAxes(fan, tr("Calendar year end (dashed: p5 and p95)"),
                    tr("%1 millions, cumulative").arg(cur));
    for (QLineSeries* band : bands)
        fan->legend()->markers(band).front()->setVisible(false);
    double fanHigh = 0.0;
    for (const auto& alt : s->alternatives)
        for (const auto& f : alt.annualCumulative)
            fanHigh = std::max(fanHigh, f.p95 / 1e6);
    fitValueAxis(fan, 0.0, fanHigh);
    if (!s->alternatives.front().annualCumulative.empty())
        setYearTicks(fan, s->alternatives.front().annualCumulative.front().year,
                     s->alternatives.front().annualCumulative.back().year);

    // The cheapest alternative's running mean with its 95% band: the other alternatives would
    // squeeze it flat on a shared axis.
    QChart* conv = convergence_->chart();
    resetChart(conv);
    std::size_t best = 0;
    for (std::size_t a = 1; a < s->alternatives.size(); ++a)
        if (s->alternatives[a].npvCost.mean < s->alternatives[best].npvCost.mean)
            best = a;
    const auto& alt = s->alternatives[best];
    std::vector<QLineSeries*> bandLines;
    for (int part = 0; part < 3; ++part) {
        auto* line = new QLineSeries();
        line->setName(part == 0 ? QString::fromStdString(alt.id) + tr(" running mean") : tr("95% band"));
        QPen pen(seriesColor(int(best)));
        pen.setWidthF(part == 0 ? 2.5 : 1.2);
        pen.setStyle(part == 0 ? Qt::SolidLine : Qt::DotLine);
        line->setPen(pen);
        for (const auto& c : alt.convergence)
            line->append(std::log10(double(c.paths)), (c.mean + (part == 1   ? c.halfWidth95
                                                                 : part == 2 ? -c.halfWidth95
                                                                             : 0.0)) /
                                                          1e6);
        conv->addSeries(line);
        if (part == 2)
            bandLines.push_back(line);
    }
    attachValueAxes(conv, tr("log10(paths)"), tr("Mean NPV cost (%1 millions)").arg(cur), false, {}, "%.1f");
    for (QLineSeries* band : bandLines)
        conv->legend()->markers(band).front()->setVisible(false);
    // The band is wide for the first hundred paths; scale to where it has settled (from 1,000 paths).
    double low = alt.npvCost.mean, high = alt.npvCost.mean;
    for (const auto& c : alt.convergence) {
        if (c.paths < std::min<std::int64_t>(1000, s->paths))
            continue;
        low = std::min(low, c.mean - c.halfWidth95);
        high = std::max(high, c.mean + c.halfWidth95);
    }
    fitValueAxis(conv, low / 1e6, high / 1e6, false);
}

} // namespace ledger::ui
