#include "models/AccountingModels.h"

#include "models/AccountingText.h"
#include "models/MoneyFormat.h"

#include <QFont>

#include <algorithm>

namespace ledger::models {

namespace {

const std::vector<AccountingYear> kNoYears;

} // namespace

AccountingTableModel::AccountingTableModel(const PortfolioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc) {
    connect(doc_, &PortfolioDocument::evaluationChanged, this, &AccountingTableModel::reset);
}

void AccountingTableModel::setAlternative(const QString& id) {
    id_ = id;
    reset();
}

void AccountingTableModel::reset() {
    beginResetModel();
    rebuild();
    endResetModel();
}

const AlternativeResult* AccountingTableModel::alternative() const {
    return doc_->hasPortfolio() ? doc_->evaluation().alternative(id_.toStdString()) : nullptr;
}

const std::vector<AccountingYear>& AccountingTableModel::years() const {
    const auto* a = alternative();
    return a ? a->accounting : kNoYears;
}

QString AccountingTableModel::yearLabel(int column) const {
    return fiscalYearLabel(years()[std::size_t(column)].year, doc_->evaluation().fiscalYearEndMonth);
}

// The income statement.

IncomeStatementModel::IncomeStatementModel(const PortfolioDocument* doc, QObject* parent)
    : AccountingTableModel(doc, parent) {}

void IncomeStatementModel::rebuild() {
    rows_.clear();
    const auto& ys = years();
    if (ys.empty())
        return;
    auto shown = [&](const Row& row) {
        return std::any_of(ys.begin(), ys.end(),
                           [&](const AccountingYear& y) { return value(row, y) != 0.0; });
    };
    // The lines of a stage in AccountingLine's order, each only when it is not zero in some year.
    auto addStage = [&](AccountingStage stage) {
        for (int l = 0; l < kAccountingLines; ++l) {
            const Row row{Total::None, AccountingLine(l)};
            if (stageOf(row.line) == stage && shown(row))
                rows_.push_back(row);
        }
    };
    addStage(AccountingStage::Ebitda);
    rows_.push_back({Total::Ebitda});
    addStage(AccountingStage::Operating);
    rows_.push_back({Total::Operating});
    addStage(AccountingStage::Financing);
    rows_.push_back({Total::Pretax});
    if (shown({Total::IncomeTax}))
        rows_.push_back({Total::IncomeTax});
    rows_.push_back({Total::NetIncome});
}

double IncomeStatementModel::value(const Row& row, const AccountingYear& y) const {
    switch (row.total) {
    case Total::None:
        return y[row.line];
    case Total::Ebitda:
        return y.ebitdaCost;
    case Total::Operating:
        return y.operatingCost;
    case Total::Pretax:
        return y.pretaxCost;
    case Total::IncomeTax:
        return y.incomeTax;
    case Total::NetIncome:
        return y.netIncomeImpact;
    }
    return 0.0;
}

int IncomeStatementModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int IncomeStatementModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || rows_.empty() ? 0 : int(years().size()) + 1;
}

bool IncomeStatementModel::isSubtotal(int row) const {
    const Total t = rows_[std::size_t(row)].total;
    return t != Total::None && t != Total::IncomeTax;
}

std::string IncomeStatementModel::rowKey(int row) const {
    const Row& r = rows_[std::size_t(row)];
    switch (r.total) {
    case Total::None:
        return kAccountingLineKeys[int(r.line)];
    case Total::Ebitda:
        return "ebitda_cost";
    case Total::Operating:
        return "operating_cost";
    case Total::Pretax:
        return "pretax_cost";
    case Total::IncomeTax:
        return "income_tax";
    case Total::NetIncome:
        return "net_income_impact";
    }
    return {};
}

int IncomeStatementModel::rowOf(const std::string& key) const {
    for (int r = 0; r < rowCount(); ++r)
        if (rowKey(r) == key)
            return r;
    return -1;
}

QVariant IncomeStatementModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Row& row = rows_[std::size_t(index.row())];
    const auto& ys = years();
    double v = 0.0;
    if (std::size_t(index.column()) == ys.size()) {
        for (const auto& y : ys)
            v += value(row, y);
    } else {
        v = value(row, ys[std::size_t(index.column())]);
    }
    return moneyCell(v, role, isSubtotal(index.row()));
}

QVariant IncomeStatementModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o == Qt::Horizontal) {
        if (section < 0 || section >= columnCount() || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, o, role);
        return std::size_t(section) == years().size() ? tr("Total") : yearLabel(section);
    }
    if (section < 0 || section >= rowCount())
        return QAbstractTableModel::headerData(section, o, role);
    const Row& row = rows_[std::size_t(section)];
    switch (role) {
    case Qt::DisplayRole:
        switch (row.total) {
        case Total::None:
            return accountingLineLabel(row.line);
        case Total::Ebitda:
            return tr("EBITDA cost");
        case Total::Operating:
            return tr("Operating cost");
        case Total::Pretax:
            return tr("Pre-tax cost");
        case Total::IncomeTax:
            return tr("Income tax");
        case Total::NetIncome:
            return tr("Net income impact");
        }
        return {};
    case Qt::ToolTipRole:
        switch (row.total) {
        case Total::None:
            return accountingLineTooltip(row.line);
        case Total::Ebitda:
            return tr("The lines above: what the deal costs inside EBITDA");
        case Total::Operating:
            return tr("EBITDA cost plus depreciation, lease amortization, disposal loss and write-off: "
                      "what it takes off operating income");
        case Total::Pretax:
            return tr("Operating cost plus interest: what it takes off pre-tax income");
        case Total::IncomeTax:
            return tr("The tax rate times the pre-tax cost, current and deferred (negative: a benefit)");
        case Total::NetIncome:
            return tr("-(pre-tax cost + income tax): what the deal does to net income (negative: lowers it)");
        }
        return {};
    case Qt::FontRole:
        return isSubtotal(section) ? boldFont() : QVariant();
    case KeyRole:
        return QString::fromStdString(rowKey(section));
    default:
        return QAbstractTableModel::headerData(section, o, role);
    }
}

// The balance sheet.

BalanceSheetModel::BalanceSheetModel(const PortfolioDocument* doc, QObject* parent)
    : AccountingTableModel(doc, parent) {}

void BalanceSheetModel::rebuild() {
    rows_.clear();
    const auto& ys = years();
    for (int b = 0; b < kBalanceItems; ++b)
        if (std::any_of(ys.begin(), ys.end(),
                        [&](const AccountingYear& y) { return y[BalanceItem(b)] != 0.0; }))
            rows_.push_back(BalanceItem(b));
}

int BalanceSheetModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int BalanceSheetModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || rows_.empty() ? 0 : int(years().size());
}

std::string BalanceSheetModel::rowKey(int row) const {
    return kBalanceItemKeys[int(rows_[std::size_t(row)])];
}

int BalanceSheetModel::rowOf(const std::string& key) const {
    for (int r = 0; r < rowCount(); ++r)
        if (rowKey(r) == key)
            return r;
    return -1;
}

QVariant BalanceSheetModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    return moneyCell(years()[std::size_t(index.column())][rows_[std::size_t(index.row())]], role);
}

QVariant BalanceSheetModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o == Qt::Horizontal) {
        if (section < 0 || section >= columnCount() || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, o, role);
        return yearLabel(section);
    }
    if (section < 0 || section >= rowCount())
        return QAbstractTableModel::headerData(section, o, role);
    if (role == Qt::DisplayRole)
        return balanceItemLabel(rows_[std::size_t(section)]);
    if (role == KeyRole)
        return QString::fromStdString(rowKey(section));
    return QAbstractTableModel::headerData(section, o, role);
}

} // namespace ledger::models
