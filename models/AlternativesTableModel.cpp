#include "models/AlternativesTableModel.h"

#include "models/DecisionText.h"
#include "models/MoneyFormat.h"

namespace ledger::models {

AlternativesTableModel::AlternativesTableModel(const PortfolioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc) {
    connect(doc_, &PortfolioDocument::evaluationChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int AlternativesTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !doc_->hasPortfolio() ? 0 : int(doc_->evaluation().alternatives.size());
}

int AlternativesTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlternativesTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const auto& a = doc_->evaluation().alternatives[index.row()];
    if (role == Qt::TextAlignmentRole && index.column() != Name)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(a.id);
        case NpvCost:
            return a.npvCost;
        case TotalCash:
            return a.totalCash;
        case Lcoc:
            return a.lcoc ? QVariant(*a.lcoc) : QVariant();
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Lcoc)
        return lcocArithmetic(a, doc_->evaluation().currency);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return QString::fromStdString(a.name);
    case NpvCost:
        return formatMillions(a.npvCost);
    case TotalCash:
        return formatMillions(a.totalCash);
    case Lcoc:
        return a.lcoc ? formatPerHour(*a.lcoc) : tr("n/a");
    }
    return {};
}

QVariant AlternativesTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    const QString cur =
        doc_->hasPortfolio() ? QString::fromStdString(doc_->shownPortfolio().currency) : QString("USD");
    switch (section) {
    case Name:
        return tr("Alternative");
    case NpvCost:
        return tr("NPV cost (%1 M)").arg(cur);
    case TotalCash:
        return tr("Total cash (%1 M)").arg(cur);
    case Lcoc:
        return tr("LCOC (%1, %2)").arg(cur, lcocMeaning());
    }
    return {};
}

} // namespace ledger::models
