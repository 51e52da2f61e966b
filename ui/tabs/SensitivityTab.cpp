#include "ui/tabs/SensitivityTab.h"

#include "models/MoneyFormat.h"
#include "models/PortfolioDocument.h"
#include "models/SensitivityRangesModel.h"
#include "models/SensitivityText.h"
#include "ui/TableCopy.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"

#include <QAbstractAxis>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ledger::ui {

SensitivityTab::SensitivityTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent)
    , model_(new models::SensitivityRangesModel(doc, this)) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout();
    pair_ = new QComboBox(this);
    top->addWidget(new QLabel(tr("NPV difference of"), this));
    top->addWidget(pair_, 1);
    layout->addLayout(top);
    auto* split = new QSplitter(Qt::Vertical, this);
    chart_ =
        makeChartView(tr("Tornado: change of the NPV difference, input at its low and high setting"), split);
    auto* bottom = new QSplitter(Qt::Horizontal, split);
    table_ = new QTableWidget(bottom);
    table_->setObjectName("sensitivityTable");
    enableTableCopy(table_);
    table_->verticalHeader()->hide();

    // The settings: a title line with the resets, the table, a refused edit's message.
    auto* box = new QWidget(bottom);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    auto* heading = new QHBoxLayout();
    auto* title = new QLabel(tr("<b>Low and high settings</b> (saved with the portfolio)"), box);
    resetInput_ = new QPushButton(tr("Reset input"), box);
    resetInput_->setObjectName("resetSensitivityInput");
    resetInput_->setToolTip(tr("The selected input's low and high settings back to their defaults"));
    resetAll_ = new QPushButton(tr("Reset all to defaults"), box);
    resetAll_->setObjectName("resetSensitivityAll");
    heading->addWidget(title, 1);
    heading->addWidget(resetInput_);
    heading->addWidget(resetAll_);
    boxLayout->addLayout(heading);
    settings_ = new QTableView(box);
    settings_->setObjectName("sensitivitySettings");
    model_->setLocale(settings_->locale());
    settings_->setModel(model_);
    enableTableCopy(settings_);
    settings_->verticalHeader()->hide();
    settings_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    settings_->horizontalHeader()->setStretchLastSection(true);
    boxLayout->addWidget(settings_, 1);
    message_ = new QLabel(box);
    message_->setWordWrap(true);
    message_->setObjectName("validationMessage");
    message_->setStyleSheet("color: #c62828;");
    message_->hide();
    boxLayout->addWidget(message_);

    bottom->addWidget(table_);
    bottom->addWidget(box);
    bottom->setSizes({640, 480});
    split->addWidget(chart_);
    split->addWidget(bottom);
    split->setSizes({480, 330});
    layout->addWidget(split, 1);
    connect(pair_, &QComboBox::currentIndexChanged, this, &SensitivityTab::redraw);
    connect(model_, &models::SensitivityRangesModel::editRefused, this, &SensitivityTab::say);
    connect(settings_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SensitivityTab::updateButtons);
    connect(model_, &QAbstractItemModel::dataChanged, this, &SensitivityTab::updateButtons);
    connect(model_, &QAbstractItemModel::modelReset, this, &SensitivityTab::updateButtons);
    connect(resetInput_, &QPushButton::clicked, this, [this] {
        QString error;
        if (!model_->resetInput(settings_->currentIndex().row(), &error))
            say(error);
    });
    connect(resetAll_, &QPushButton::clicked, this, [this] {
        QString error;
        if (!model_->resetAll(&error))
            say(error);
    });
    updateButtons();
}

QString SensitivityTab::message() const {
    return message_->text();
}

void SensitivityTab::say(const QString& message) {
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
}

void SensitivityTab::updateButtons() {
    resetInput_->setEnabled(model_->isCustom(settings_->currentIndex().row()));
    resetAll_->setEnabled(model_->anyCustom());
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
    say({}); // a change went through: an earlier refusal is history
    refillPairs();
}

void SensitivityTab::redraw() {
    if (!doc_->hasPortfolio() || pair_->count() == 0) {
        freshChart(chart_);
        return;
    }
    const QPoint ab = pair_->currentData().toPoint();
    const Sensitivity s = doc_->sensitivity(std::size_t(ab.x()), std::size_t(ab.y()));
    const QString cur = QString::fromStdString(doc_->shownPortfolio().currency);
    QChart* chart = freshChart(chart_);
    drawTornado(chart, s, doc_->evaluation());

    table_->clear();
    table_->setColumnCount(5);
    table_->setHorizontalHeaderLabels({tr("Input"), tr("Low"), tr("Difference\nat low (%1 M)").arg(cur),
                                       tr("High"), tr("Difference\nat high (%1 M)").arg(cur)});
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
    // Every column as wide as its contents (the input's name whole); the last takes what is left.
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
}

} // namespace ledger::ui
