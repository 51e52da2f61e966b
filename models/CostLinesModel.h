#pragma once
// One alternative's cost by line, like a finance model: a row per cost line and a total row; columns
// NPV, cash over the horizon, then each year's cash (the Cash flows tab's table in its by-line view).
#include "models/PortfolioDocument.h"

#include <QAbstractTableModel>

namespace ledger::models {

class CostLinesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit CostLinesModel(const PortfolioDocument* doc, QObject* parent = nullptr);

    // Which alternative (index into the evaluation's alternatives) the rows are.
    void setAlternative(int index);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    const AlternativeResult* alternative() const;
    const PortfolioDocument* doc_;
    int alternative_ = 0;
};

} // namespace ledger::models
