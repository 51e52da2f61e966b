#include "tabs/DepreciationTab.h"

#include "MoneyFormat.h"
#include "PortfolioDocument.h"
#include "charts/ChartHelpers.h"

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
    lives_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    split->addWidget(chart_);
    split->addWidget(lives_);
    split->setStretchFactor(0, 3);
    layout->addWidget(split);
}

void DepreciationTab::refresh() {
    QChart* chart = chart_->chart();
    resetChart(chart);
    if (!doc_->hasPortfolio())
        return;
    const auto& r = doc_->evaluation();
    const QString cur = QString::fromStdString(r.currency);
    QStringList years;
    for (const auto& row : r.alternatives.front().annual)
        years << QString::number(row.year);
    auto* bars = new QBarSeries();
    auto* book = new QBarSet(tr("Book depreciation"));
    auto* tax = new QBarSet(tr("Tax depreciation"));
    auto* nbvBook = new QLineSeries();
    nbvBook->setName(tr("NBV, book"));
    auto* nbvTax = new QLineSeries();
    nbvTax->setName(tr("NBV, tax"));
    // Book in one colour, tax in another, for the bars and the lines alike.
    book->setColor(seriesColor(0));
    tax->setColor(seriesColor(1));
    nbvBook->setPen(QPen(seriesColor(0), 2.5));
    nbvTax->setPen(QPen(seriesColor(1), 2.5));
    auto* market = new QLineSeries();
    market->setName(tr("Market value (expected resale)"));
    QPen marketPen(seriesColor(3), 2.0);
    marketPen.setStyle(Qt::DashLine);
    market->setPen(marketPen);
    for (std::size_t y = 0; y < std::size_t(years.size()); ++y) {
        double b = 0, t = 0, nb = 0, nt = 0, mv = 0;
        for (const auto& item : r.items) {
            if (item.kind != "fleet")
                continue;
            b += item.annual[y].depreciationBook;
            t += item.annual[y].depreciationTax;
            nb += item.annual[y].nbvBook;
            nt += item.annual[y].nbvTax;
            mv += item.annual[y].marketValue;
        }
        *book << b / 1e6;
        *tax << t / 1e6;
        nbvBook->append(double(y), nb / 1e6);
        nbvTax->append(double(y), nt / 1e6);
        market->append(double(y), mv / 1e6);
    }
    bars->append(book);
    bars->append(tax);
    chart->addSeries(bars);
    chart->addSeries(nbvBook);
    chart->addSeries(nbvTax);
    chart->addSeries(market);
    attachValueAxes(chart, tr("Calendar year"), tr("%1 millions").arg(cur), true, years);
    double high = 0.0;
    for (const auto* set : {book, tax})
        for (int i = 0; i < set->count(); ++i)
            high = std::max(high, set->at(i));
    for (const auto* line : {nbvBook, nbvTax, market})
        for (const QPointF& pt : line->points())
            high = std::max(high, pt.y());
    fitValueAxis(chart, 0.0, high);

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
            const QStringList cells = {
                tr("%1, %2 years").arg(QString::fromStdString(s.alternative)).arg(c.bookLifeYears),
                models::formatMillions(c.npvCost), models::formatMillions(c.bookDepreciation),
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
