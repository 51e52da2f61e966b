#include "ui/tabs/CashFlowsTab.h"

#include "models/AnnualCashModel.h"
#include "models/CostLinesModel.h"
#include "models/PortfolioDocument.h"
#include "ui/TableCopy.h"
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
    table_ = new QTableView(split);
    table_->setObjectName("cashFlowsTable");
    enableTableCopy(table_);
    annual_ = new models::AnnualCashModel(doc, this);
    lines_ = new models::CostLinesModel(doc, this);
    table_->setModel(annual_);
    chart_ = makeChartView(QString(), split);
    split->addWidget(table_);
    split->addWidget(chart_);
    split->setStretchFactor(1, 2);
    layout->addWidget(split);
    connect(view_, &QComboBox::currentIndexChanged, this, &CashFlowsTab::redraw);
}

void CashFlowsTab::refresh() {
    // The choices: every alternative side by side, one alternative stacked by its items, or one
    // alternative (spot too) by cost line. Each item holds {view, alternative index}.
    // The view is kept by what it shows (the view and the alternative's id), not its place in the list.
    const QVariantList keep = view_->currentData().toList();
    QSignalBlocker block(view_);
    view_->clear();
    view_->addItem(tr("All alternatives, side by side"), QVariantList{int(View::Alternatives), 0, QString()});
    const auto& alts = doc_->evaluation().alternatives;
    for (std::size_t a = 0; a < alts.size(); ++a)
        if (alts[a].id != kSpotAlternativeId)
            view_->addItem(tr("%1, stacked by contract and fleet").arg(QString::fromStdString(alts[a].name)),
                           QVariantList{int(View::ByItem), int(a), QString::fromStdString(alts[a].id)});
    for (std::size_t a = 0; a < alts.size(); ++a)
        view_->addItem(tr("%1, by cost line").arg(QString::fromStdString(alts[a].name)),
                       QVariantList{int(View::ByLine), int(a), QString::fromStdString(alts[a].id)});
    int again = 0;
    for (int i = 0; i < view_->count() && keep.size() == 3; ++i) {
        const QVariantList v = view_->itemData(i).toList();
        if (v[0] == keep[0] && v[2] == keep[2])
            again = i;
    }
    view_->setCurrentIndex(again);
    redraw();
}

void CashFlowsTab::redraw() {
    if (!doc_->hasPortfolio()) {
        freshChart(chart_);
        return;
    }
    const auto& r = doc_->evaluation();
    const QVariantList choice = view_->currentData().toList();
    const auto view = choice.isEmpty() ? View::Alternatives : View(choice[0].toInt());
    const int a = choice.isEmpty() ? 0 : choice[1].toInt();
    if (view == View::ByLine) {
        lines_->setAlternative(a);
        table_->setModel(lines_);
        table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        drawAnnualCashByLine(freshChart(chart_), r, r.alternatives[std::size_t(a)]);
        return;
    }
    table_->setModel(annual_);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    if (view == View::ByItem)
        drawAnnualCashByItem(freshChart(chart_), r, r.alternatives[std::size_t(a)]);
    else
        drawAnnualCashByAlternative(freshChart(chart_), r);
}

} // namespace ledger::ui
