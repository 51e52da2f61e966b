#include "models/AnnualCashModel.h"

#include "models/MoneyFormat.h"

namespace ledger::models {

AnnualCashModel::AnnualCashModel(const PortfolioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc) {
    connect(doc_, &PortfolioDocument::evaluationChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int AnnualCashModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !doc_->hasPortfolio() || doc_->evaluation().alternatives.empty())
        return 0;
    return int(doc_->evaluation().alternatives.front().annual.size());
}

int AnnualCashModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !doc_->hasPortfolio() ? 0 : int(doc_->evaluation().alternatives.size());
}

QVariant AnnualCashModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const double cash = doc_->evaluation().alternatives[index.column()].annual[index.row()].cash;
    switch (role) {
    case Qt::DisplayRole:
        return formatMillions(cash);
    case Qt::UserRole:
        return cash;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant AnnualCashModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole || !doc_->hasPortfolio())
        return QAbstractTableModel::headerData(section, o, role);
    const auto& alts = doc_->evaluation().alternatives;
    if (o == Qt::Horizontal)
        return tr("%1 (%2 M)")
            .arg(QString::fromStdString(alts[section].name),
                 QString::fromStdString(doc_->shownPortfolio().currency));
    return QString::number(alts.front().annual[section].year);
}

} // namespace ledger::models
