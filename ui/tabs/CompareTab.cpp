#include "ui/tabs/CompareTab.h"

#include "models/PortfolioDocument.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"

#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>

#include <algorithm>

namespace ledger::ui {

CompareTab::CompareTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    chart_ = makeChartView(tr("Cumulative after-tax cash cost (undiscounted)"), this);
    crossovers_ = new QLabel(this);
    crossovers_->setWordWrap(true);
    layout->addWidget(chart_, 1);
    layout->addWidget(crossovers_);
}

void CompareTab::refresh() {
    if (!doc_->hasPortfolio()) {
        resetChart(chart_->chart());
        return;
    }
    const QStringList notes = drawCumulativeCost(chart_->chart(), doc_->evaluation());
    crossovers_->setText(notes.isEmpty() ? tr("No crossover: the order of the alternatives holds every year.")
                                         : notes.join("; ") + ".");
}

} // namespace ledger::ui
