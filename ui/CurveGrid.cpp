#include "ui/CurveGrid.h"
#include "ui/Buttons.h"

#include "models/DatedCurveModel.h"
#include "models/PortfolioDocument.h"
#include "ui/TableCopy.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace ledger::ui {

CurveGrid::CurveGrid(models::PortfolioDocument* doc, const QString& path, bool clearable, QWidget* parent)
    : QWidget(parent)
    , model_(new models::DatedCurveModel(doc, path, this))
    , table_(new QTableView(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    table_->setObjectName("curveTable");
    table_->setModel(model_);
    enableTableCopy(table_);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    // Its rows and one more, up to eight; a longer curve scrolls.
    const auto fit = [this] {
        const int rows = std::clamp(model_->rowCount() + 1, 2, 8);
        table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() +
                               rows * table_->verticalHeader()->defaultSectionSize() +
                               2 * table_->frameWidth());
    };
    fit();
    connect(model_, &QAbstractItemModel::modelReset, this, fit);
    const QString value = model_->isShare() ? tr("share") : tr("GPUs");
    table_->setToolTip(
        tr("From each date on, the latest point on or before a day holds. Edit a cell (60,000, "
           "85%), or paste two columns (date, %1) copied from a spreadsheet with Ctrl+V.")
            .arg(value));
    layout->addWidget(table_);
    auto* buttons = new QHBoxLayout();
    auto* append = makeButton(tr("+ Point"), tr("Add a point a year after the last, with its value"),
                              "appendPoint", this);
    auto* remove = makeButton(tr("Delete"), tr("Delete the selected rows (Del)"), "deletePoints", this);
    auto* pasted = makeButton(
        tr("Paste"),
        tr("Replace the curve with two columns (date, %1) copied from a spreadsheet (Ctrl+V)").arg(value),
        "pasteCurve", this);
    connect(append, &QPushButton::clicked, this, &CurveGrid::appendPoint);
    connect(remove, &QPushButton::clicked, this, &CurveGrid::deleteSelectedPoints);
    connect(pasted, &QPushButton::clicked, this, [this] { paste(QGuiApplication::clipboard()->text()); });
    buttons->addWidget(append);
    buttons->addWidget(remove);
    buttons->addWidget(pasted);
    if (clearable) {
        // The forward curve cleared is the trend again; an item's curve cleared, the portfolio's.
        const bool forward = path == models::kForwardCurvePath;
        auto* clearing =
            makeButton(forward ? tr("Use the trend") : tr("Use portfolio's"),
                       forward ? tr("Remove the forward curve: the GPU price trend per year applies again")
                               : tr("Remove this item's own curve: it follows the portfolio's utilization"),
                       "clearCurve", this);
        connect(clearing, &QPushButton::clicked, this, &CurveGrid::clear);
        buttons->addWidget(clearing);
    }
    buttons->addStretch(1);
    layout->addLayout(buttons);
    // On the table itself, not its cell editors: there Del and Ctrl+V edit the text.
    auto* pasteKey = new QShortcut(QKeySequence::Paste, table_, nullptr, nullptr, Qt::WidgetShortcut);
    connect(pasteKey, &QShortcut::activated, this, [this] { paste(QGuiApplication::clipboard()->text()); });
    auto* deleteKey = new QShortcut(QKeySequence::Delete, table_, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &CurveGrid::deleteSelectedPoints);
    connect(model_, &models::DatedCurveModel::editRefused, this, &CurveGrid::refused);
}

void CurveGrid::appendPoint() {
    QString error;
    emit refused(model_->appendPoint(&error) ? QString() : error);
}

void CurveGrid::deleteSelectedPoints() {
    QList<int> rows;
    for (const QModelIndex& i : table_->selectionModel()->selectedIndexes())
        rows << i.row();
    if (rows.isEmpty() && table_->currentIndex().isValid())
        rows << table_->currentIndex().row();
    QString error;
    emit refused(model_->removePoints(rows, &error) ? QString() : error);
}

void CurveGrid::paste(const QString& text) {
    QString error;
    emit refused(model_->pasteCurve(text, &error) ? QString() : error);
}

void CurveGrid::clear() {
    QString error;
    emit refused(model_->clearCurve(&error) || error.isEmpty() ? QString() : error);
}

} // namespace ledger::ui
