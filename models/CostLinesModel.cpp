#include "models/CostLinesModel.h"

#include "models/CostLineText.h"
#include "models/MoneyFormat.h"

#include <QFont>

namespace ledger::models {

CostLinesModel::CostLinesModel(const PortfolioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc) {
    connect(doc_, &PortfolioDocument::evaluationChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

void CostLinesModel::setAlternative(int index) {
    beginResetModel();
    alternative_ = index;
    endResetModel();
}

const AlternativeResult* CostLinesModel::alternative() const {
    if (!doc_->hasPortfolio())
        return nullptr;
    const auto& alts = doc_->evaluation().alternatives;
    return alternative_ >= 0 && std::size_t(alternative_) < alts.size() ? &alts[std::size_t(alternative_)]
                                                                        : nullptr;
}

int CostLinesModel::rowCount(const QModelIndex& parent) const {
    const auto* a = alternative();
    return parent.isValid() || !a ? 0 : int(a->lines.size()) + 1; // the lines, then the total
}

int CostLinesModel::columnCount(const QModelIndex& parent) const {
    const auto* a = alternative();
    return parent.isValid() || !a ? 0 : 2 + int(a->annual.size());
}

QVariant CostLinesModel::data(const QModelIndex& index, int role) const {
    const auto* a = alternative();
    if (!index.isValid() || !a)
        return {};
    const bool total = std::size_t(index.row()) == a->lines.size();
    double v = 0.0;
    if (index.column() == 0) {
        v = total ? a->npvCost : a->lines[std::size_t(index.row())].npv;
    } else if (index.column() == 1) {
        v = total ? a->totalCash : a->lines[std::size_t(index.row())].cash;
    } else {
        const AnnualRow& y = a->annual[std::size_t(index.column() - 2)];
        v = total ? y.cash : y.lineCash[std::size_t(a->lines[std::size_t(index.row())].line)];
    }
    return moneyCell(v, role, total);
}

QVariant CostLinesModel::headerData(int section, Qt::Orientation o, int role) const {
    const auto* a = alternative();
    if (role != Qt::DisplayRole || !a)
        return QAbstractTableModel::headerData(section, o, role);
    if (o == Qt::Vertical)
        return std::size_t(section) == a->lines.size() ? tr("Total after tax")
                                                       : costLineLabel(a->lines[std::size_t(section)].line);
    const QString currency = QString::fromStdString(doc_->shownPortfolio().currency);
    if (section == 0)
        return tr("NPV (%1 M)").arg(currency);
    if (section == 1)
        return tr("Cash (%1 M)").arg(currency);
    return QString::number(a->annual[std::size_t(section - 2)].year);
}

} // namespace ledger::models
