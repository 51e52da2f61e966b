#include "ui/tabs/CashFlowsTab.h"

#include "models/AnnualCashModel.h"
#include "models/PortfolioDocument.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"

#include <QBarSeries>
#include <QBarSet>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QTableView>
#include <QVBoxLayout>

namespace ledger::ui {

CashFlowsTab::CashFlowsTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout();
    view_ = new QComboBox(this);
    view_->setObjectName("cashFlowsView");
    top->addWidget(new QLabel(tr("Chart"), this));
    top->addWidget(view_, 1);
    layout->addLayout(top);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* table = new QTableView(split);
    table->setModel(new models::AnnualCashModel(doc, this));
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    chart_ = makeChartView(QString(), split);
    split->addWidget(table);
    split->addWidget(chart_);
    split->setStretchFactor(1, 2);
    layout->addWidget(split);
    connect(view_, &QComboBox::currentIndexChanged, this, &CashFlowsTab::redraw);
}

void CashFlowsTab::refresh() {
    // The choices: every alternative side by side, or one alternative stacked by its items.
    const int keep = view_->currentIndex();
    QSignalBlocker block(view_);
    view_->clear();
    view_->addItem(tr("All alternatives, side by side"));
    for (const auto& a : doc_->evaluation().alternatives)
        if (a.id != kSpotAlternativeId)
            view_->addItem(tr("%1, stacked by contract and fleet").arg(QString::fromStdString(a.name)));
    view_->setCurrentIndex(keep >= 0 && keep < view_->count() ? keep : 0);
    redraw();
}

void CashFlowsTab::redraw() {
    if (!doc_->hasPortfolio()) {
        resetChart(chart_->chart());
        return;
    }
    const auto& r = doc_->evaluation();
    const int choice = view_->currentIndex();
    if (choice <= 0)
        drawAnnualCashByAlternative(chart_->chart(), r);
    else
        drawAnnualCashByItem(chart_->chart(), r, r.alternatives[std::size_t(choice - 1)]);
}

} // namespace ledger::ui
