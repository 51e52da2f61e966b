#include "models/PortfolioTreeModel.h"

#include <algorithm>

namespace ledger::models {

PortfolioTreeModel::PortfolioTreeModel(PortfolioDocument* doc, QObject* parent)
    : QAbstractItemModel(parent)
    , doc_(doc) {
    connect(doc_, &PortfolioDocument::evaluationChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

QModelIndex PortfolioTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    // A child's internal id is its group row + 1 (0 marks a top-level row).
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : quintptr(0));
}

QModelIndex PortfolioTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId()) - 1, 0, quintptr(0));
}

int PortfolioTreeModel::rowCount(const QModelIndex& parent) const {
    if (!doc_->hasPortfolio())
        return 0;
    if (!parent.isValid())
        return RowCount;
    if (parent.internalId() != 0)
        return 0;
    const auto& p = doc_->portfolio();
    switch (parent.row()) {
    case SkusRow:
        return int(doc_->usedSkuIds().size());
    case ContractsRow:
        return int(p.contracts.size());
    case FleetsRow:
        return int(p.fleets.size());
    case AlternativesRow:
        // Without spot; an evaluation not made yet has none.
        return std::max(0, int(doc_->baseEvaluation().alternatives.size()) - 1);
    default:
        return 0;
    }
}

int PortfolioTreeModel::columnCount(const QModelIndex&) const {
    return 1;
}

QVariant PortfolioTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const auto& p = doc_->portfolio();
    if (index.internalId() == 0) {
        static const char* names[] = {QT_TR_NOOP("Assumptions"),      QT_TR_NOOP("Market model"),
                                      QT_TR_NOOP("Demand"),           QT_TR_NOOP("GPUs (SKUs)"),
                                      QT_TR_NOOP("Contracts (rent)"), QT_TR_NOOP("Fleets (buy)"),
                                      QT_TR_NOOP("Alternatives")};
        const bool demand = index.row() == DemandRow;
        const bool market = index.row() == MarketRow;
        if (role == Qt::DisplayRole && demand)
            return p.demand ? tr("Demand (%1 GPUs)").arg(QString::fromStdString(p.demand->sku))
                            : tr("Demand (none)");
        if (role == Qt::DisplayRole)
            return tr(names[index.row()]);
        if (role == Qt::ToolTipRole && demand)
            return tr("The need every alternative is costed as meeting");
        if (role == Qt::ToolTipRole && market)
            return tr("The GPU price, next generation, power price and utilization factors and their "
                      "correlation: what the Monte Carlo draws");
        if (role == Qt::ToolTipRole && index.row() == SkusRow)
            return tr("The GPU SKUs the portfolio names: performance index, market price, capex, kW");
        if (role == KindRole)
            return int(index.row() == AssumptionsRow ? Kind::Assumptions
                       : demand                      ? Kind::Demand
                       : market                      ? Kind::Market
                                                     : Kind::Group);
        if (role == PathRole)
            return demand ? QString("demand") : market ? QString("market") : QString();
        return {};
    }
    const int group = int(index.internalId()) - 1;
    const int i = index.row();
    QString name, path;
    Kind kind = Kind::Contract;
    if (group == SkusRow) {
        const auto ids = doc_->usedSkuIds();
        const QString id = QString::fromStdString(ids[std::size_t(i)]);
        const Sku* sku = doc_->sku(id);
        name =
            sku && sku->name != sku->id ? QString("%1 (%2)").arg(id, QString::fromStdString(sku->name)) : id;
        path = QString("skus[%1]").arg(id);
        kind = Kind::Sku;
    } else if (group == ContractsRow) {
        name = QString::fromStdString(p.contracts[i].name);
        path = QString("contracts[%1]").arg(i);
    } else if (group == FleetsRow) {
        name = QString::fromStdString(p.fleets[i].name);
        path = QString("fleets[%1]").arg(i);
        kind = Kind::Fleet;
    } else {
        name = QString::fromStdString(doc_->baseEvaluation().alternatives[i].name);
        path = QString("alternatives[%1]").arg(i);
        kind = Kind::Alternative;
    }
    switch (role) {
    case Qt::DisplayRole:
        return name;
    case PathRole:
        return path;
    case KindRole:
        return int(kind);
    default:
        return {};
    }
}

} // namespace ledger::models
