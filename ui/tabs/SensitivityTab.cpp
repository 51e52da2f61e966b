#include "ui/tabs/SensitivityTab.h"

#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "ui/TableCopy.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ledger::ui {

SensitivityTab::SensitivityTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout();
    pair_ = new QComboBox(this);
    top->addWidget(new QLabel(tr("NPV difference of"), this));
    top->addWidget(pair_, 1);
    layout->addLayout(top);
    auto* split = new QSplitter(Qt::Vertical, this);
    chart_ =
        makeChartView(tr("Tornado: change of the NPV difference, input at its low and high setting"), split);
    table_ = new QTableWidget(split);
    table_->setObjectName("sensitivityTable");
    enableTableCopy(table_);
    table_->verticalHeader()->hide();
    split->addWidget(chart_);
    split->addWidget(table_);
    split->setStretchFactor(0, 3);
    layout->addWidget(split, 1);
    connect(pair_, &QComboBox::currentIndexChanged, this, &SensitivityTab::redraw);
}

void SensitivityTab::refillPairs() {
    if (!doc_->hasPortfolio())
        return;
    const QVariant current = pair_->currentData();
    QSignalBlocker block(pair_);
    pair_->clear();
    const auto& alts = doc_->evaluation().alternatives;
    for (std::size_t a = 0; a < alts.size(); ++a)
        for (std::size_t b = a + 1; b < alts.size(); ++b)
            pair_->addItem(
                tr("%1 minus %2")
                    .arg(QString::fromStdString(alts[a].name), QString::fromStdString(alts[b].name)),
                QPoint(int(a), int(b)));
    const int keep = pair_->findData(current);
    pair_->setCurrentIndex(keep >= 0 ? keep : 0);
    redraw();
}

void SensitivityTab::refresh() {
    refillPairs();
}

void SensitivityTab::redraw() {
    if (!doc_->hasPortfolio() || pair_->count() == 0) {
        freshChart(chart_);
        return;
    }
    const QPoint ab = pair_->currentData().toPoint();
    const Sensitivity s = doc_->sensitivity(std::size_t(ab.x()), std::size_t(ab.y()));
    const QString cur = QString::fromStdString(doc_->portfolio().currency);
    drawTornado(freshChart(chart_), s, doc_->portfolio().currency);

    table_->clear();
    table_->setColumnCount(5);
    table_->setHorizontalHeaderLabels({tr("Input"), tr("Low"), tr("Difference at low (%1 M)").arg(cur),
                                       tr("High"), tr("Difference at high (%1 M)").arg(cur)});
    table_->setRowCount(int(s.bars.size()));
    for (std::size_t i = 0; i < s.bars.size(); ++i) {
        const auto& bar = s.bars[i];
        const QStringList cells = {QString::fromStdString(bar.input), QString::fromStdString(bar.lowLabel),
                                   models::formatMillions(bar.low), QString::fromStdString(bar.highLabel),
                                   models::formatMillions(bar.high)};
        for (int c = 0; c < 5; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(c == 2 || c == 4 ? Qt::AlignRight | Qt::AlignVCenter
                                                    : Qt::AlignLeft | Qt::AlignVCenter);
            table_->setItem(int(i), c, item);
        }
    }
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

} // namespace ledger::ui
