#pragma once
// The portfolio tree: the assumptions, the market model and the demand, then the SKUs the portfolio
// uses, contracts, fleets and alternatives under their groups. Each item carries its path (PathRole:
// "", "market", "demand", "skus[GB300]", "contracts[0]", ...) so an editor can edit it through the
// document.
#include "models/PortfolioDocument.h"

#include <QAbstractItemModel>

namespace ledger::models {

class PortfolioTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1, KindRole };
    enum class Kind { Assumptions, Group, Contract, Fleet, Alternative, Demand, Market, Sku };
    // The top-level rows.
    enum Row {
        AssumptionsRow,
        MarketRow,
        DemandRow,
        SkusRow,
        ContractsRow,
        FleetsRow,
        AlternativesRow,
        RowCount
    };

    explicit PortfolioTreeModel(PortfolioDocument* doc, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    PortfolioDocument* doc_;
};

} // namespace ledger::models
