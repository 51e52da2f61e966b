#include "ui/tabs/DepreciationTab.h"

#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "ui/TableCopy.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"

#include <QBarSeries>
#include <QBarSet>
#include <QHeaderView>
#include <QLineSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ledger::ui {

DepreciationTab::DepreciationTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    chart_ = makeChartView(
        tr("Owned fleets: book and tax depreciation per year; NBV and market value at year end"), split);
    lives_ = new QTableWidget(split);
    lives_->setObjectName("usefulLifeTable");
    enableTableCopy(lives_);
    lives_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    split->addWidget(chart_);
    split->addWidget(lives_);
    split->setStretchFactor(0, 3);
    layout->addWidget(split);
}

void DepreciationTab::refresh() {
    if (!doc_->hasPortfolio()) {
        freshChart(chart_);
        return;
    }
    const auto& r = doc_->evaluation();
    const QString cur = QString::fromStdString(r.currency);
    drawDepreciation(freshChart(chart_), r);

    lives_->clear();
    lives_->setColumnCount(4);
    lives_->setHorizontalHeaderLabels({tr("Alternative, book life"), tr("NPV cost (%1 M)").arg(cur),
                                       tr("Book depreciation in horizon (%1 M)").arg(cur),
                                       tr("Book profit impact incl. disposal (%1 M)").arg(cur)});
    int rows = 0;
    for (const auto& s : r.usefulLife)
        rows += int(s.cases.size());
    lives_->setRowCount(rows);
    lives_->verticalHeader()->hide();
    int row = 0;
    for (const auto& s : r.usefulLife) {
        for (const auto& c : s.cases) {
            const QStringList cells = {tr("%1, %2 years")
                                           .arg(alternativeName(doc_->evaluation(), s.alternative))
                                           .arg(c.bookLifeYears),
                                       models::formatMillions(c.npvCost),
                                       models::formatMillions(c.bookDepreciation),
                                       models::formatMillions(c.bookProfitImpact)};
            for (int col = 0; col < 4; ++col) {
                auto* item = new QTableWidgetItem(cells[col]);
                item->setTextAlignment(col == 0 ? Qt::AlignLeft | Qt::AlignVCenter
                                                : Qt::AlignRight | Qt::AlignVCenter);
                lives_->setItem(row, col, item);
            }
            ++row;
        }
    }
}

} // namespace ledger::ui
