#include "ui/CorrelationGrid.h"

#include "models/NumberInput.h"
#include "models/PortfolioDocument.h"
#include "portfolio/MarketFields.h"

#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ledger::ui {

namespace {
// The second shock drives the demand when the portfolio has one, else the utilization (MODEL.md 8).
QStringList factorNames(const models::PortfolioDocument* doc) {
    const bool demand = doc->hasPortfolio() && doc->portfolio().demand.has_value();
    return {QObject::tr("GPU price"), demand ? QObject::tr("Demand") : QObject::tr("Utilization"),
            QObject::tr("Power price")};
}
} // namespace

CorrelationGrid::CorrelationGrid(models::PortfolioDocument* doc, QWidget* parent)
    : QWidget(parent)
    , doc_(doc)
    , table_(new QTableWidget(3, 3, this))
    , status_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    table_->setObjectName("correlationTable");
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setToolTip(
        tr("The correlation of the three shocks each Monte Carlo step draws (docs/model.md, "
           "\"12.6 Correlation\"), -1..1. The matrix is symmetric with a unit diagonal and must be positive "
           "definite: three correlations cannot be chosen freely."));
    status_->setObjectName("correlationStatus");
    status_->setWordWrap(true);
    layout->addWidget(table_);
    layout->addWidget(status_);
    connect(table_, &QTableWidget::itemChanged, this,
            [this](QTableWidgetItem* item) { setCell(item->row(), item->column(), item->text()); });
    connect(doc_, &models::PortfolioDocument::evaluationChanged, this, &CorrelationGrid::refresh);
    refresh();
}

void CorrelationGrid::refresh() {
    if (!doc_->hasPortfolio())
        return;
    const auto& r = doc_->portfolio().market.correlation;
    const QSignalBlocker block(table_);
    table_->setHorizontalHeaderLabels(factorNames(doc_));
    table_->setVerticalHeaderLabels(factorNames(doc_));
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            auto* item = new QTableWidgetItem(models::showNumber(r[i][j], {}, locale()));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (i == j) {
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
                item->setToolTip(tr("A shock's correlation with itself is 1."));
            }
            table_->setItem(i, j, item);
        }
    table_->resizeRowsToContents();
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() +
                           table_->verticalHeader()->length() + 2 * table_->frameWidth());
    status_->setStyleSheet(QString());
    status_->setText(tr("Positive definite: the smallest eigenvalue is %1.")
                         .arg(locale().toString(smallestEigenvalue(r), 'f', 3)));
}

bool CorrelationGrid::setCell(int i, int j, const QString& text) {
    if (!doc_->hasPortfolio() || i < 0 || j < 0 || i > 2 || j > 2)
        return false;
    const models::NumberReading read = models::readNumber(text, {}, locale(), QString());
    const QString path = QString("market.correlation[%1][%2]").arg(i).arg(j);
    QString error;
    if (!read.value) {
        error = QString("%1: %2").arg(path, read.error);
    } else if (*read.value == doc_->portfolio().market.correlation[i][j]) {
        refresh();
        return true;
    } else if (!doc_->setCorrelation(i, j, *read.value, &error)) {
        // Say how far from a valid matrix the value is, not only that it is refused.
        CorrelationMatrix tried = doc_->portfolio().market.correlation;
        tried[i][j] = tried[j][i] = *read.value;
        if (error.contains("positive definite"))
            error += tr(": with %1 at %2, the smallest eigenvalue would be %3 (it must be above 0); these "
                        "three correlations cannot hold together, so move another one too")
                         .arg(factorNames(doc_)[i] + " / " + factorNames(doc_)[j],
                              models::showNumber(*read.value, {}, locale()),
                              locale().toString(smallestEigenvalue(tried), 'f', 3));
    }
    refresh();
    if (!error.isEmpty()) {
        status_->setStyleSheet("color: #c62828;");
        status_->setText(error);
    }
    emit refused(error);
    return error.isEmpty();
}

QString CorrelationGrid::status() const {
    return status_->text();
}

} // namespace ledger::ui
