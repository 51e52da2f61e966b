#include "tabs/CashFlowsTab.h"

#include "AnnualCashModel.h"
#include "PortfolioDocument.h"
#include "charts/ChartHelpers.h"

#include <QBarSeries>
#include <QBarSet>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ledger::ui {

CashFlowsTab::CashFlowsTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* table = new QTableView(split);
    table->setModel(new models::AnnualCashModel(doc, this));
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    chart_ = makeChartView(tr("Annual after-tax cash cost by alternative"), split);
    split->addWidget(table);
    split->addWidget(chart_);
    split->setStretchFactor(1, 2);
    layout->addWidget(split);
}

void CashFlowsTab::refresh() {
    QChart* chart = chart_->chart();
    resetChart(chart);
    if (!doc_->hasPortfolio())
        return;
    const auto& r = doc_->evaluation();
    auto* series = new QBarSeries();
    QStringList years;
    for (const auto& row : r.alternatives.front().annual)
        years << QString::number(row.year);
    for (const auto& a : r.alternatives) {
        auto* set = new QBarSet(QString::fromStdString(a.name));
        for (const auto& row : a.annual)
            *set << row.cash / 1e6;
        series->append(set);
    }
    chart->addSeries(series);
    attachValueAxes(chart, tr("Calendar year"), tr("%1 millions").arg(QString::fromStdString(r.currency)),
                    true, years);
}

} // namespace ledger::ui
