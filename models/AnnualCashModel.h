#pragma once
// Annual after-tax cash cost per alternative: one row per calendar year, one column per alternative.
#include "models/PortfolioDocument.h"

#include <QAbstractTableModel>

namespace ledger::models {

class AnnualCashModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit AnnualCashModel(const PortfolioDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    const PortfolioDocument* doc_;
};

} // namespace ledger::models
