#include "ui/OptionsGrid.h"

#include "models/ContractOptionsModel.h"
#include "models/FieldCatalog.h"
#include "ui/Buttons.h"
#include "ui/TableCopy.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPainter>
#include <QScrollBar>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace ledger::ui {

namespace {

// The grid's cells: a term the option's type does not take (not enabled) on the window's grey, so
// what is left to fill in stands out; a keyword column (the option's type) edited with a drop-down of
// the field's choices, committed as soon as one is picked.
class OptionCellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        if (!(index.flags() & Qt::ItemIsEnabled))
            painter->fillRect(option.rect, option.palette.brush(QPalette::Disabled, QPalette::Window));
        QStyledItemDelegate::paint(painter, option, index);
    }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override {
        const QStringList choices = index.data(models::ContractOptionsModel::ChoicesRole).toStringList();
        if (choices.isEmpty())
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto* box = new QComboBox(parent);
        box->setObjectName("choiceEditor");
        for (const QString& c : choices)
            box->addItem(models::choiceLabel(c), c);
        connect(box, &QComboBox::activated, this, [this, box] {
            auto* self = const_cast<OptionCellDelegate*>(this);
            emit self->commitData(box);
            emit self->closeEditor(box);
        });
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        if (auto* box = qobject_cast<QComboBox*>(editor))
            box->setCurrentIndex(std::max(0, box->findData(index.data(Qt::EditRole))));
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
        if (auto* box = qobject_cast<QComboBox*>(editor))
            model->setData(index, box->currentData(), Qt::EditRole);
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }
};

} // namespace

OptionsGrid::OptionsGrid(models::PortfolioDocument* doc, std::size_t contract, QWidget* parent)
    : QWidget(parent)
    , model_(new models::ContractOptionsModel(doc, contract, this))
    , table_(new QTableView(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    table_->setObjectName("optionsTable");
    table_->setModel(model_);
    enableTableCopy(table_);
    table_->setItemDelegate(new OptionCellDelegate(table_));
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    // Each column as wide as its header (label over unit) or its widest value: none is cut, and a grid
    // wider than the editor scrolls sideways within itself; the notes, last, take the room left (their
    // whole text in the tooltip).
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table_->setToolTip(tr(
        "The customer's rights on the contract (docs/model.md 17), each valued on its own: an extension, an "
        "expansion or a termination on its exercise date. Greyed cells are terms the option's type does "
        "not take."));
    fitHeight();
    connect(model_, &QAbstractItemModel::modelReset, this, &OptionsGrid::fitHeight);
    layout->addWidget(table_);
    auto* buttons = new QHBoxLayout();
    auto* add = makeButton(tr("Add option"),
                           tr("Add an extension of the contract to edit; choose its type in the Type column"),
                           "addOption", this);
    auto* remove =
        makeButton(tr("Remove option"), tr("Remove the selected row's option (Del)"), "removeOption", this);
    connect(add, &QPushButton::clicked, this, &OptionsGrid::addOption);
    connect(remove, &QPushButton::clicked, this, &OptionsGrid::removeSelectedOption);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    // On the table itself, not its cell editors: there Del edits the text.
    auto* deleteKey = new QShortcut(QKeySequence::Delete, table_, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &OptionsGrid::removeSelectedOption);
    connect(model_, &models::ContractOptionsModel::editRefused, this, &OptionsGrid::refused);
}

// Its rows and one more, up to six, and room for the sideways scroll bar; more options scroll.
void OptionsGrid::fitHeight() {
    const int rows = std::clamp(model_->rowCount() + 1, 2, 6);
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() +
                           rows * table_->verticalHeader()->defaultSectionSize() +
                           table_->horizontalScrollBar()->sizeHint().height() + 2 * table_->frameWidth());
}

void OptionsGrid::addOption() {
    QString error;
    const bool added = model_->addOption(&error);
    if (added) // the new row, ready to edit
        table_->setCurrentIndex(model_->index(model_->rowCount() - 1, model_->columnOf("exercise_date")));
    emit refused(added ? QString() : error);
}

void OptionsGrid::removeSelectedOption() {
    QString error;
    emit refused(
        model_->removeOption(table_->currentIndex().isValid() ? table_->currentIndex().row() : -1, &error)
            ? QString()
            : error);
}

} // namespace ledger::ui
