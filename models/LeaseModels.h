#pragma once
// A lease's note (MODEL.md 9, ASC 842) as the window shows it, from EvaluationResult::leases: its
// schedule by fiscal year (rows: opening liability, interest, payments, closing liability, ROU
// asset, amortization or straight-line cost; columns: the fiscal years from the measurement to the
// lease's end, past the horizon too, then Total for the flows), and the maturity table of the 10-K
// lease note (the undiscounted payments by fiscal year, their total, less the imputed interest, =
// the lease liability, as at the measurement date). They present what the engine computed.
#include "models/PortfolioDocument.h"

#include <QAbstractTableModel>
#include <QString>

namespace ledger::models {

class LeaseTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit LeaseTableModel(const PortfolioDocument* doc, QObject* parent = nullptr);
    // The lease's contract id (LeaseResult::contract); a contract that is not a lease shows nothing.
    void setLease(const QString& contractId);
    const QString& leaseContract() const { return contract_; }

protected:
    const LeaseResult* lease() const;
    QString yearLabel(int year) const;
    const PortfolioDocument* doc_;

private:
    void reset();
    QString contract_;
};

class LeaseScheduleModel : public LeaseTableModel {
    Q_OBJECT
public:
    enum Row { Opening, Interest, Payments, Closing, RouAsset, Expense, Rows };
    explicit LeaseScheduleModel(const PortfolioDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override; // the years, then Total
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    // The flows have a total; the balances (opening, closing, ROU asset) do not.
    static bool isFlow(int row) { return row == Interest || row == Payments || row == Expense; }
};

class LeaseMaturityModel : public LeaseTableModel {
    Q_OBJECT
public:
    explicit LeaseMaturityModel(const PortfolioDocument* doc, QObject* parent = nullptr);

    // The fiscal years' payments, then the total, less the imputed interest (negative), the liability.
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override; // one: "As at <date>"
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    int years() const;
};

} // namespace ledger::models
