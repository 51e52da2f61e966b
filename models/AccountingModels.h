#pragma once
// One alternative's accounting view (MODEL.md 9) as a finance model lays it out: fiscal years as
// columns. The income statement: a row per line that is not zero in some year, with the subtotals
// (EBITDA cost, operating cost, pre-tax cost, net income impact) in bold, and a Total column. The
// balance sheet at each fiscal year end: a row per item that is not zero at some year end. Both
// only present what the engine computed (AlternativeResult::accounting).
#include "models/PortfolioDocument.h"

#include <QAbstractTableModel>
#include <QString>

#include <string>
#include <vector>

namespace ledger::models {

// Shared by the two: the alternative shown, by id (kept across edits), and its years.
class AccountingTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit AccountingTableModel(const PortfolioDocument* doc, QObject* parent = nullptr);
    // The alternative's id (EvaluationResult::alternatives); one that is not there shows nothing.
    void setAlternative(const QString& id);
    const QString& alternativeId() const { return id_; }
    // Qt::UserRole on a vertical header section: the row's key ("service_cost", "ebitda_cost", ...).
    static constexpr int KeyRole = Qt::UserRole + 1;

protected:
    const AlternativeResult* alternative() const;
    const std::vector<AccountingYear>& years() const;
    QString yearLabel(int column) const;
    // Called when the alternative or the evaluation changes, inside the model's reset.
    virtual void rebuild() = 0;
    const PortfolioDocument* doc_;

private:
    void reset();
    QString id_;
};

class IncomeStatementModel : public AccountingTableModel {
    Q_OBJECT
public:
    explicit IncomeStatementModel(const PortfolioDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override; // the years, then Total
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    // The key of a row: an AccountingLine's (kAccountingLineKeys) or "ebitda_cost", "operating_cost",
    // "pretax_cost", "income_tax", "net_income_impact"; -1 from rowOf when the row is not shown.
    std::string rowKey(int row) const;
    int rowOf(const std::string& key) const;
    bool isSubtotal(int row) const;

private:
    enum class Total { None, Ebitda, Operating, Pretax, IncomeTax, NetIncome };
    struct Row {
        Total total = Total::None;
        AccountingLine line = AccountingLine::ServiceCost; // with Total::None
    };
    void rebuild() override;
    double value(const Row& row, const AccountingYear& y) const;
    std::vector<Row> rows_;
};

class BalanceSheetModel : public AccountingTableModel {
    Q_OBJECT
public:
    explicit BalanceSheetModel(const PortfolioDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override; // the year ends
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    // kBalanceItemKeys' key of a row; -1 from rowOf when the item is not shown.
    std::string rowKey(int row) const;
    int rowOf(const std::string& key) const;

private:
    void rebuild() override;
    std::vector<BalanceItem> rows_;
};

} // namespace ledger::models
