#include "ui/PriceFitPanel.h"

#include "models/PortfolioDocument.h"
#include "models/PriceSeriesFit.h"
#include "ui/Buttons.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/PriceFitCharts.h"

#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace ledger::ui {

PriceFitPanel::PriceFitPanel(models::PortfolioDocument* doc, models::PriceSeriesFit* fit, QWidget* parent)
    : QWidget(parent)
    , doc_(doc)
    , fit_(fit) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QLabel(
        tr("<b>GPU price fitted to a price series</b> (docs/model.md 16): the trend, reversion and "
           "volatility that make one tier's dated prices likeliest (maximum likelihood), its fitted "
           "median and the 5-95% range a price lies in given the latest point before it."),
        this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    series_ = new QLabel(this);
    series_->setObjectName("priceSeriesName");
    series_->setWordWrap(true);
    auto* open = makeButton(tr("Open series..."),
                            tr("A CSV of dated prices (date, price_per_gpu_hour, and optionally tier, sku, "
                               "source, date_read, estimate, note), as `computeledger calibrate` reads"),
                            "openPriceSeries", this);
    auto* bundled = makeButton(tr("Bundled series"), tr("The H100 rental prices shipped with the app"),
                               "bundledPriceSeries", this);
    connect(open, &QPushButton::clicked, this, &PriceFitPanel::chooseSeriesFile);
    connect(bundled, &QPushButton::clicked, this, [this] {
        fit_->useBundled();
        emit refused(QString());
    });
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(open);
    buttons->addWidget(bundled);
    buttons->addStretch(1);
    auto* form = new QFormLayout();
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    tier_ = new QComboBox(this);
    tier_->setObjectName("priceTier");
    tier_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    tier_->setToolTip(tr("Tiers differ in level by more than the swings inside one (docs/model.md 16.7): "
                         "a fit takes one tier, and needs at least 5 of its points."));
    connect(tier_, &QComboBox::activated, this, [this](int i) { fit_->setTierIndex(std::size_t(i)); });
    form->addRow(tr("Series"), series_);
    form->addRow(tr("Tier"), tier_);
    layout->addLayout(form);
    layout->addLayout(buttons);

    chart_ = makeChartView(QString(), this);
    chart_->setObjectName("priceFitChart");
    chart_->setMinimumHeight(300);
    layout->addWidget(chart_);
    // Below the chart, wrapped: the editor's column is too narrow for a legend in one row.
    legend_ = new QLabel(this);
    legend_->setObjectName("priceFitLegend");
    legend_->setWordWrap(true);
    legend_->setTextFormat(Qt::RichText);
    layout->addWidget(legend_);
    layout->addSpacing(layout->spacing());
    summary_ = new QLabel(this);
    summary_->setObjectName("priceFitSummary");
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);

    apply_ = makeButton(tr("Apply the fit"),
                        tr("Set the market model's GPU price from the fit (one undo step); refused if the "
                           "portfolio would not take the values"),
                        "applyPriceFit", this);
    connect(apply_, &QPushButton::clicked, this, &PriceFitPanel::applyFit);
    applyWhat_ = new QLabel(this);
    applyWhat_->setObjectName("priceFitApplies");
    applyWhat_->setWordWrap(true);
    applyWhat_->setStyleSheet("color: gray;");
    layout->addWidget(apply_, 0, Qt::AlignLeft);
    layout->addWidget(applyWhat_);

    connect(fit_, &models::PriceSeriesFit::changed, this, &PriceFitPanel::showFit);
    connect(doc_, &models::PortfolioDocument::evaluationChanged, this, &PriceFitPanel::showApplyWhat);
    showFit();
}

void PriceFitPanel::showFit() {
    series_->setText(fit_->isBundled() ? tr("%1 (bundled)").arg(fit_->seriesName()) : fit_->seriesName());
    {
        const QSignalBlocker block(tier_);
        tier_->clear();
        for (const models::TierChoice& c : fit_->tiers())
            tier_->addItem(models::tierChoiceLabel(c));
        tier_->setCurrentIndex(int(fit_->tierIndex()));
    }
    QChart* chart = freshChart(chart_);
    drawPriceFit(chart, fit_->chart());
    legend_->setText(legendBelow(chart));
    summary_->setText(fit_->summary(locale()).join("\n"));
    apply_->setEnabled(fit_->fit().has_value());
    showApplyWhat();
}

void PriceFitPanel::showApplyWhat() {
    if (doc_->hasPortfolio())
        applyWhat_->setText(models::applyFitInWords(doc_->portfolio().market.gpuPrice));
}

QString PriceFitPanel::legendText() const {
    return legend_->text();
}

QString PriceFitPanel::summaryText() const {
    return summary_->text();
}

void PriceFitPanel::chooseSeriesFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a price series"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Price series (*.csv);;All files (*)"));
    if (!path.isEmpty())
        openSeries(path);
}

void PriceFitPanel::openSeries(const QString& path) {
    QString error;
    emit refused(fit_->openSeries(path, &error) ? QString() : error);
}

void PriceFitPanel::applyFit() {
    QString error;
    emit refused(fit_->apply(doc_, &error) ? QString() : error);
}

} // namespace ledger::ui
