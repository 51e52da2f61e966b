#include "models/LeaseModels.h"

#include "models/AccountingText.h"
#include "models/MoneyFormat.h"

#include <QFont>

namespace ledger::models {

LeaseTableModel::LeaseTableModel(const PortfolioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc) {
    connect(doc_, &PortfolioDocument::evaluationChanged, this, &LeaseTableModel::reset);
}

void LeaseTableModel::setLease(const QString& contractId) {
    contract_ = contractId;
    reset();
}

void LeaseTableModel::reset() {
    beginResetModel();
    endResetModel();
}

const LeaseResult* LeaseTableModel::lease() const {
    if (!doc_->hasPortfolio())
        return nullptr;
    for (const auto& l : doc_->evaluation().leases)
        if (QString::fromStdString(l.contract) == contract_)
            return &l;
    return nullptr;
}

QString LeaseTableModel::yearLabel(int year) const {
    return fiscalYearLabel(year, doc_->evaluation().fiscalYearEndMonth);
}

// The schedule.

LeaseScheduleModel::LeaseScheduleModel(const PortfolioDocument* doc, QObject* parent)
    : LeaseTableModel(doc, parent) {}

int LeaseScheduleModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !lease() ? 0 : Rows;
}

int LeaseScheduleModel::columnCount(const QModelIndex& parent) const {
    const auto* l = lease();
    return parent.isValid() || !l ? 0 : int(l->years.size()) + 1;
}

QVariant LeaseScheduleModel::data(const QModelIndex& index, int role) const {
    const auto* l = lease();
    if (!index.isValid() || !l || index.row() >= Rows || index.column() > int(l->years.size()))
        return {};
    const bool finance = l->classification == "finance";
    auto value = [&](const LeaseYear& y) {
        switch (index.row()) {
        case Opening:
            return y.openingLiability;
        case Interest:
            return y.interest;
        case Payments:
            return y.payment;
        case Closing:
            return y.closingLiability;
        case RouAsset:
            return y.rouAsset;
        default:
            return finance ? y.amortization : y.straightLineCost;
        }
    };
    const bool total = std::size_t(index.column()) == l->years.size();
    if (total && !isFlow(index.row()))
        return {}; // a balance has no total
    double v = 0.0;
    if (total)
        for (const auto& y : l->years)
            v += value(y);
    else
        v = value(l->years[std::size_t(index.column())]);
    return moneyCell(v, role, index.row() == Closing);
}

QVariant LeaseScheduleModel::headerData(int section, Qt::Orientation o, int role) const {
    const auto* l = lease();
    if (!l)
        return QAbstractTableModel::headerData(section, o, role);
    if (o == Qt::Horizontal) {
        if (section < 0 || section > int(l->years.size()))
            return QAbstractTableModel::headerData(section, o, role);
        const bool total = std::size_t(section) == l->years.size();
        const auto& alts = doc_->evaluation().alternatives;
        // The horizon's last fiscal year: the lease's later years are its remaining payments.
        const int lastYear =
            alts.empty() || alts.front().accounting.empty() ? 0 : alts.front().accounting.back().year;
        const bool pastHorizon = !total && l->years[std::size_t(section)].year > lastYear;
        if (role == Qt::DisplayRole)
            return total ? tr("Total") : yearLabel(l->years[std::size_t(section)].year);
        if (role == Qt::ToolTipRole && pastHorizon)
            return tr("After the horizon: the lease is measured on all its remaining payments");
        if (role == Qt::FontRole && pastHorizon) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return QAbstractTableModel::headerData(section, o, role);
    }
    if (section < 0 || section >= Rows)
        return QAbstractTableModel::headerData(section, o, role);
    const bool finance = l->classification == "finance";
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Opening:
            return tr("Opening lease liability");
        case Interest:
            return finance ? tr("Interest expense") : tr("Interest (accretion)");
        case Payments:
            return tr("Fixed lease payments");
        case Closing:
            return tr("Closing lease liability");
        case RouAsset:
            return tr("Right-of-use asset, year end");
        default:
            return finance ? tr("ROU amortization") : tr("Straight-line cost (fixed part)");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Interest:
            return finance ? tr("The liability's interest at the incremental borrowing rate: an expense "
                                "below operating income")
                           : tr("The liability's accretion at the incremental borrowing rate: inside the "
                                "straight-line cost, not an interest expense");
        case Expense:
            return finance ? tr("The right-of-use asset amortized straight-line over the lease's days")
                           : tr("The fixed payments and the prepayment spread evenly over the lease's days");
        default:
            return {};
        }
    }
    if (role == Qt::FontRole && section == Closing)
        return boldFont();
    return QAbstractTableModel::headerData(section, o, role);
}

// The maturity table.

LeaseMaturityModel::LeaseMaturityModel(const PortfolioDocument* doc, QObject* parent)
    : LeaseTableModel(doc, parent) {}

int LeaseMaturityModel::years() const {
    const auto* l = lease();
    return l ? int(l->maturity.payments.size()) : 0;
}

int LeaseMaturityModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !lease() ? 0 : years() + 3;
}

int LeaseMaturityModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !lease() ? 0 : 1;
}

QVariant LeaseMaturityModel::data(const QModelIndex& index, int role) const {
    const auto* l = lease();
    if (!index.isValid() || !l || index.row() >= years() + 3 || index.column() != 0)
        return {};
    const auto& m = l->maturity;
    const int r = index.row() - years();
    const double v = r < 0    ? m.payments[std::size_t(index.row())].second
                     : r == 0 ? m.total
                     : r == 1 ? -m.imputedInterest
                              : m.liability;
    return moneyCell(v, role, r == 0 || r == 2);
}

QVariant LeaseMaturityModel::headerData(int section, Qt::Orientation o, int role) const {
    const auto* l = lease();
    if (!l)
        return QAbstractTableModel::headerData(section, o, role);
    if (o == Qt::Horizontal) {
        if (section != 0 || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, o, role);
        return tr("As at %1").arg(QString::fromStdString(formatIsoDate(l->maturity.asAt)));
    }
    if (section < 0 || section >= years() + 3)
        return QAbstractTableModel::headerData(section, o, role);
    const int r = section - years();
    if (role == Qt::DisplayRole) {
        if (r < 0)
            return yearLabel(l->maturity.payments[std::size_t(section)].first);
        return r == 0   ? tr("Total lease payments")
               : r == 1 ? tr("Less: imputed interest")
                        : tr("Lease liability");
    }
    if (role == Qt::FontRole && (r == 0 || r == 2))
        return boldFont();
    return QAbstractTableModel::headerData(section, o, role);
}

} // namespace ledger::models
