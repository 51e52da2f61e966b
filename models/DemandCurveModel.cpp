#include "models/DemandCurveModel.h"

#include "models/DemandInput.h"

#include <QLocale>

#include <cmath>

#include <algorithm>

namespace ledger::models {

namespace {
QString pointPath(int row, const char* field) {
    return QString("demand.curve[%1].%2").arg(row).arg(QLatin1String(field));
}
} // namespace

DemandCurveModel::DemandCurveModel(PortfolioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc) {
    shownRows_ = points();
    connect(doc_, &PortfolioDocument::evaluationChanged, this, [this] {
        if (rowCount() == shownRows_) {
            if (shownRows_ > 0)
                emit dataChanged(index(0, 0), index(shownRows_ - 1, ColumnCount - 1));
            return;
        }
        beginResetModel();
        shownRows_ = rowCount();
        endResetModel();
    });
}

const Demand* DemandCurveModel::demand() const {
    return doc_->hasPortfolio() && doc_->portfolio().demand ? &*doc_->portfolio().demand : nullptr;
}

int DemandCurveModel::points() const {
    const Demand* d = demand();
    return d ? int(d->curve.size()) : 0;
}

int DemandCurveModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : points();
}

int DemandCurveModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DemandCurveModel::data(const QModelIndex& index, int role) const {
    const Demand* d = demand();
    if (!d || !index.isValid() || std::size_t(index.row()) >= d->curve.size())
        return {};
    const DemandPoint& point = d->curve[std::size_t(index.row())];
    const bool date = index.column() == DateColumn;
    switch (role) {
    case Qt::DisplayRole:
        // GPUs with group separators to read; edited without them (the editor refuses "1,500").
        return date ? QString::fromStdString(formatIsoDate(point.date))
                    : QLocale(QLocale::English)
                          .toString(point.gpus, 'f', point.gpus == std::floor(point.gpus) ? 0 : 2);
    case Qt::EditRole:
        return date ? QString::fromStdString(formatIsoDate(point.date))
                    : QString::number(point.gpus, 'g', QLocale::FloatingPointShortest);
    case Qt::UserRole:
        return date ? QVariant(QString::fromStdString(formatIsoDate(point.date))) : QVariant(point.gpus);
    case Qt::TextAlignmentRole:
        return int((date ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant DemandCurveModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    if (o == Qt::Vertical)
        return section + 1;
    const Demand* d = demand();
    return section == DateColumn ? tr("From")
                                 : tr("GPUs (%1)").arg(d ? QString::fromStdString(d->sku) : QString());
}

Qt::ItemFlags DemandCurveModel::flags(const QModelIndex& index) const {
    return index.isValid() ? QAbstractTableModel::flags(index) | Qt::ItemIsEditable : Qt::NoItemFlags;
}

bool DemandCurveModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const Demand* d = demand();
    if (role != Qt::EditRole || !d || !index.isValid() || std::size_t(index.row()) >= d->curve.size())
        return false;
    Demand next = *d;
    DemandPoint& point = next.curve[std::size_t(index.row())];
    const bool date = index.column() == DateColumn;
    const QString path = pointPath(index.row(), date ? "date" : "gpus");
    QString error;
    if (date) {
        const auto parsed = parseDateCell(value.toString(), path, &error);
        if (parsed)
            point.date = *parsed;
    } else {
        const auto parsed = parseNumberCell(value.toString(), path, &error);
        if (parsed)
            point.gpus = *parsed;
    }
    if (!error.isEmpty()) {
        emit editRefused(error);
        return false;
    }
    if (next.curve == d->curve)
        return true; // typed as it was: no edit to undo
    if (!doc_->setDemand(next, tr("Edit %1").arg(path), &error)) {
        emit editRefused(error);
        return false;
    }
    return true;
}

bool DemandCurveModel::appendPoint(QString* error) {
    const Demand* d = demand();
    if (!d || d->curve.empty()) {
        *error = tr("demand.curve: no point to continue from");
        return false;
    }
    Demand next = *d;
    next.curve.push_back({addYears(d->curve.back().date, 1), d->curve.back().gpus});
    return doc_->setDemand(next, tr("Add a demand point"), error);
}

bool DemandCurveModel::removePoints(QList<int> rows, QString* error) {
    const Demand* d = demand();
    if (!d)
        return false;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    Demand next = *d;
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        if (*it >= 0 && std::size_t(*it) < next.curve.size())
            next.curve.erase(next.curve.begin() + *it);
    if (next.curve.size() == d->curve.size()) {
        *error = tr("Select the points to delete first.");
        return false;
    }
    return doc_->setDemand(next, rows.size() == 1 ? tr("Delete a demand point") : tr("Delete demand points"),
                           error);
}

bool DemandCurveModel::pasteCurve(const QString& text, QString* error) {
    const Demand* d = demand();
    if (!d)
        return false;
    auto rows = parseDemandRows(text, error);
    if (!rows)
        return false;
    Demand next = *d;
    next.curve = std::move(*rows);
    return doc_->setDemand(next, tr("Paste the demand curve"), error);
}

} // namespace ledger::models
