#include "ui/tabs/AccountingTab.h"

#include "models/AccountingModels.h"
#include "models/AccountingText.h"
#include "models/LeaseModels.h"
#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "ui/TableCopy.h"
#include "ui/charts/AccountingCharts.h"
#include "ui/charts/ChartHelpers.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ledger::ui {

namespace {

QTableView* makeTable(const QString& name, QWidget* parent) {
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    enableTableCopy(table);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setMinimumSectionSize(table->fontMetrics().horizontalAdvance("000,000.0") +
                                                     16);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(false);
    return table;
}

// Every row and column on screen: the table as tall as its rows and at least as wide as its columns
// (the page scrolls when the tab is narrower); with fitWidth, exactly as wide (a narrow table).
void fitHeight(QTableView* table, bool fitWidth = false) {
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->resizeColumnsToContents();
    int width = table->verticalHeader()->width() + 2 * table->frameWidth();
    for (int c = 0; c < table->model()->columnCount(); ++c)
        width += table->columnWidth(c);
    if (fitWidth)
        table->setFixedWidth(width);
    else
        table->setMinimumWidth(width);
    table->setFixedHeight(table->horizontalHeader()->height() + table->verticalHeader()->length() +
                          2 * table->frameWidth());
}

} // namespace

AccountingTab::AccountingTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout();
    alternative_ = new QComboBox(this);
    alternative_->setObjectName("accountingAlternative");
    alternative_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(new QLabel(tr("Alternative"), this));
    top->addWidget(alternative_);
    auto* note = new QLabel(tr("Deterministic run, pre-tax, costs positive; income tax negative: a benefit. "
                               "Cash and NPV stay the economic measure."),
                            this);
    note->setObjectName("accountingNote");
    note->setWordWrap(true);
    top->addWidget(note, 1);
    layout->addLayout(top);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto* scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* page = new QWidget(scroll);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);

    auto* incomeGroup = new QGroupBox(tr("Income statement impact"), page);
    incomeGroup->setObjectName("incomeStatementGroup");
    auto* incomeLayout = new QVBoxLayout(incomeGroup);
    income_ = makeTable("incomeStatementTable", incomeGroup);
    incomeModel_ = new models::IncomeStatementModel(doc, this);
    income_->setModel(incomeModel_);
    incomeLayout->addWidget(income_);
    pageLayout->addWidget(incomeGroup);

    auto* balanceGroup = new QGroupBox(tr("Balance sheet at fiscal year end"), page);
    balanceGroup->setObjectName("balanceSheetGroup");
    balanceGroup_ = balanceGroup;
    auto* balanceLayout = new QVBoxLayout(balanceGroup);
    balance_ = makeTable("balanceSheetTable", balanceGroup);
    balanceModel_ = new models::BalanceSheetModel(doc, this);
    balance_->setModel(balanceModel_);
    balanceLayout->addWidget(balance_);
    pageLayout->addWidget(balanceGroup);

    leases_ = new QWidget(page);
    leasesLayout_ = new QVBoxLayout(leases_);
    leasesLayout_->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(leases_);
    pageLayout->addStretch(1);
    scroll->setWidget(page);

    chart_ = makeChartView(QString(), split);
    split->addWidget(scroll);
    split->addWidget(chart_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split);
    connect(alternative_, &QComboBox::currentIndexChanged, this, &AccountingTab::showAlternative);
}

void AccountingTab::refresh() {
    // The alternative is kept by its id across edits (its place in the list may change).
    const QString keep = alternative_->currentData().toString();
    {
        QSignalBlocker block(alternative_);
        alternative_->clear();
        if (doc_->hasPortfolio())
            for (const auto& a : doc_->evaluation().alternatives)
                alternative_->addItem(QString::fromStdString(a.name), QString::fromStdString(a.id));
        alternative_->setCurrentIndex(std::max(0, alternative_->findData(keep)));
    }
    showAlternative();
    if (!doc_->hasPortfolio()) {
        freshChart(chart_);
        return;
    }
    drawEbitdaCostByAlternative(freshChart(chart_), doc_->evaluation());
}

void AccountingTab::showAlternative() {
    const QString id = alternative_->currentData().toString();
    const QString currency =
        doc_->hasPortfolio() ? QString::fromStdString(doc_->shownPortfolio().currency) : QString();
    incomeModel_->setAlternative(id);
    balanceModel_->setAlternative(id);
    if (auto* g = qobject_cast<QGroupBox*>(income_->parentWidget()))
        g->setTitle(tr("Income statement impact (%1 millions)").arg(currency));
    if (auto* g = qobject_cast<QGroupBox*>(balanceGroup_))
        g->setTitle(tr("Balance sheet at fiscal year end (%1 millions)").arg(currency));
    fitHeight(income_);
    fitHeight(balance_);
    balanceGroup_->setVisible(balanceModel_->rowCount() > 0);
    rebuildLeases(id);
}

void AccountingTab::rebuildLeases(const QString& alternativeId) {
    while (QLayoutItem* item = leasesLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!doc_->hasPortfolio())
        return;
    const auto& r = doc_->evaluation();
    const auto* a = r.alternative(alternativeId.toStdString());
    if (!a)
        return;
    const QString currency = QString::fromStdString(r.currency);
    for (const LeaseResult* lease : models::leasesOf(r, *a)) {
        const auto* item = r.item(lease->contract);
        const QString name = QString::fromStdString(item ? item->name : lease->contract);
        auto* group = new QGroupBox(
            tr("Lease: %1 (ASC 842, %2 lease)").arg(name, QString::fromStdString(lease->classification)),
            leases_);
        group->setObjectName("leaseGroup");
        group->setProperty("contract", QString::fromStdString(lease->contract));
        auto* v = new QVBoxLayout(group);
        auto* facts = new QLabel(
            tr("Measured at %1 at an incremental borrowing rate of %2: lease liability %3, right-of-use "
               "asset "
               "%4, prepayment inside it %5 (%6 millions). The schedule runs to the lease's end, past the "
               "horizon (years in italics).")
                .arg(QString::fromStdString(formatIsoDate(lease->measuredAt)),
                     models::formatPercent(lease->incrementalBorrowingRate, 2),
                     models::formatMillions(lease->liabilityAtMeasurement),
                     models::formatMillions(lease->rouAtMeasurement),
                     models::formatMillions(lease->prepaidAtMeasurement), currency),
            group);
        facts->setWordWrap(true);
        v->addWidget(facts);
        // The schedule, then the maturity table below it (as narrow as its columns): side by side they
        // would not fit the tab beside the editor.
        v->addWidget(new QLabel(tr("Schedule by fiscal year"), group));
        auto* schedule = makeTable("leaseScheduleTable", group);
        auto* scheduleModel = new models::LeaseScheduleModel(doc_, schedule);
        scheduleModel->setLease(QString::fromStdString(lease->contract));
        schedule->setModel(scheduleModel);
        v->addWidget(schedule);
        v->addWidget(
            new QLabel(tr("Maturity of the lease liability (the 10-K lease note), as at %1, %2 millions")
                           .arg(QString::fromStdString(formatIsoDate(lease->maturity.asAt)), currency),
                       group));
        auto* maturity = makeTable("leaseMaturityTable", group);
        auto* maturityModel = new models::LeaseMaturityModel(doc_, maturity);
        maturityModel->setLease(QString::fromStdString(lease->contract));
        maturity->setModel(maturityModel);
        v->addWidget(maturity, 0, Qt::AlignLeft);
        leasesLayout_->addWidget(group);
        fitHeight(schedule);
        fitHeight(maturity, true);
    }
}

} // namespace ledger::ui
