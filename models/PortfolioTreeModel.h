#pragma once
// The portfolio tree: the assumptions and the demand, then contracts, fleets and alternatives under
// their groups. Each item carries its JSON path (PathRole: "", "demand", "contracts[0]", ...) so an
// editor can edit it through the document.
#include "models/PortfolioDocument.h"

#include <QAbstractItemModel>

namespace ledger::models {

class PortfolioTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1, KindRole };
    enum class Kind { Assumptions, Group, Contract, Fleet, Alternative, Demand };
    // The top-level rows.
    enum Row { AssumptionsRow, DemandRow, ContractsRow, FleetsRow, AlternativesRow, RowCount };

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
