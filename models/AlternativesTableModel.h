#pragma once
// One row per alternative (spot last): NPV cost, total cash, LCOC. Raw numbers are kept under
// Qt::UserRole so sorting and charts never parse display text.
#include "models/PortfolioDocument.h"

#include <QAbstractTableModel>

namespace ledger::models {

class AlternativesTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, NpvCost, TotalCash, Lcoc, ColumnCount };

    explicit AlternativesTableModel(const PortfolioDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    const PortfolioDocument* doc_;
};

} // namespace ledger::models
