#include "ui/tabs/CompareTab.h"

#include "models/PortfolioDocument.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace ledger::ui {

CompareTab::CompareTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(split);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    chart_ = makeChartView(tr("Cumulative after-tax cash cost (undiscounted)"), top);
    crossovers_ = new QLabel(top);
    crossovers_->setWordWrap(true);
    topLayout->addWidget(chart_, 1);
    topLayout->addWidget(crossovers_);
    auto* bottom = new QWidget(split);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* pick = new QHBoxLayout();
    alternative_ = new QComboBox(bottom);
    alternative_->setObjectName("waterfallAlternative");
    reference_ = new QComboBox(bottom);
    reference_->setObjectName("waterfallReference");
    pick->addWidget(new QLabel(tr("Where"), bottom));
    pick->addWidget(alternative_, 1);
    pick->addWidget(new QLabel(tr("saves or costs more against"), bottom));
    pick->addWidget(reference_, 1);
    bottomLayout->addLayout(pick);
    waterfall_ = makeChartView(QString(), bottom);
    waterfall_->setObjectName("waterfallChart");
    bottomLayout->addWidget(waterfall_, 1);
    split->addWidget(top);
    split->addWidget(bottom);
    layout->addWidget(split);
    connect(alternative_, &QComboBox::currentIndexChanged, this, &CompareTab::redrawWaterfall);
    connect(reference_, &QComboBox::currentIndexChanged, this, &CompareTab::redrawWaterfall);
}

void CompareTab::redrawWaterfall() {
    if (!doc_->hasPortfolio()) {
        freshChart(waterfall_);
        return;
    }
    const auto w = costWaterfall(doc_->evaluation(), alternative_->currentData().toString().toStdString(),
                                 reference_->currentData().toString().toStdString());
    drawCostWaterfall(freshChart(waterfall_), w, doc_->evaluation());
}

void CompareTab::refresh() {
    if (!doc_->hasPortfolio()) {
        freshChart(chart_);
        freshChart(waterfall_);
        return;
    }
    // The pair kept by id across edits; first the cheapest against the next best.
    const auto& r = doc_->evaluation();
    auto [first, second] = cheapestAgainstNextBest(r);
    const QString keepA =
        alternative_->count() ? alternative_->currentData().toString() : QString::fromStdString(first);
    const QString keepB =
        reference_->count() ? reference_->currentData().toString() : QString::fromStdString(second);
    {
        QSignalBlocker blockA(alternative_), blockB(reference_);
        alternative_->clear();
        reference_->clear();
        for (const auto& a : r.alternatives) {
            alternative_->addItem(QString::fromStdString(a.name), QString::fromStdString(a.id));
            reference_->addItem(QString::fromStdString(a.name), QString::fromStdString(a.id));
        }
        alternative_->setCurrentIndex(std::max(0, alternative_->findData(keepA)));
        reference_->setCurrentIndex(std::max(0, reference_->findData(keepB)));
    }
    redrawWaterfall();
    const QStringList notes = drawCumulativeCost(freshChart(chart_), doc_->evaluation());
    crossovers_->setText(notes.isEmpty() ? tr("No crossover: the order of the alternatives holds every year.")
                                         : notes.join("; ") + ".");
}

} // namespace ledger::ui
