#include "models/DatedCurveModel.h"

#include "models/EditWords.h"

#include <QLocale>

#include <algorithm>

namespace ledger::models {

DatedCurveModel::DatedCurveModel(PortfolioDocument* doc, const QString& path, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc)
    , path_(path) {
    points_ = doc_->curve(path_).value_or(std::vector<DatedValue>());
    connect(doc_, &PortfolioDocument::evaluationChanged, this, [this] {
        auto next = doc_->curve(path_).value_or(std::vector<DatedValue>());
        if (next.size() == points_.size()) { // the same rows: the view keeps its selection
            points_ = std::move(next);
            if (!points_.empty())
                emit dataChanged(index(0, 0), index(int(points_.size()) - 1, ColumnCount - 1));
            return;
        }
        beginResetModel();
        points_ = std::move(next);
        endResetModel();
    });
}

bool DatedCurveModel::isShare() const {
    return path_.endsWith("utilization");
}

bool DatedCurveModel::isPrice() const {
    return path_ == kForwardCurvePath;
}

NumberForm DatedCurveModel::form() const {
    NumberForm f;
    f.percent = isShare();
    f.money = isPrice();
    return f;
}

QString DatedCurveModel::currency() const {
    return doc_->hasPortfolio() ? QString::fromStdString(doc_->portfolio().currency) : QString();
}

QString DatedCurveModel::valueWord() const {
    return isShare() ? tr("utilization") : isPrice() ? tr("price") : tr("GPUs");
}

QString DatedCurveModel::curveName() const {
    return doc_->hasPortfolio() ? curveInWords(doc_->portfolio(), path_) : path_;
}

int DatedCurveModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(points().size());
}

int DatedCurveModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatedCurveModel::data(const QModelIndex& index, int role) const {
    const auto& curve = points();
    if (!index.isValid() || std::size_t(index.row()) >= curve.size())
        return {};
    const DatedValue& point = curve[std::size_t(index.row())];
    const bool date = index.column() == DateColumn;
    const QString dateText = QString::fromStdString(formatIsoDate(point.date));
    // Shown and edited in the locale, read back to the same double (models/NumberInput).
    const QString valueText =
        isShare() ? showPercent(point.value, QLocale()) : showNumber(point.value, form(), QLocale());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return date ? dateText : valueText;
    case Qt::UserRole:
        return date ? QVariant(dateText) : QVariant(point.value);
    case Qt::TextAlignmentRole:
        return int((date ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant DatedCurveModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    if (o == Qt::Vertical)
        return section + 1;
    if (section == DateColumn)
        return isPrice() ? tr("Date") : tr("From");
    if (isShare())
        return tr("Utilization");
    if (!doc_->hasPortfolio())
        return isPrice() ? tr("Price") : tr("GPUs");
    const Portfolio& p = doc_->portfolio();
    if (isPrice()) {
        const auto& curve = p.market.gpuPrice.forwardCurve;
        return curve && curve->sku ? tr("Price per GPU-hour (%1)").arg(QString::fromStdString(*curve->sku))
                                   : tr("Price or index level");
    }
    std::string sku;
    if (path_ == "demand.curve" && p.demand)
        sku = p.demand->sku;
    else if (const auto i = path_.section('[', 1).section(']', 0, 0).toULongLong(); i < p.contracts.size())
        sku = p.contracts[i].sku;
    return tr("GPUs (%1)").arg(QString::fromStdString(sku));
}

Qt::ItemFlags DatedCurveModel::flags(const QModelIndex& index) const {
    return index.isValid() ? QAbstractTableModel::flags(index) | Qt::ItemIsEditable : Qt::NoItemFlags;
}

bool DatedCurveModel::commit(const std::vector<DatedValue>& next, const QString& description,
                             QString* error) {
    return doc_->setCurve(path_, next, description, error);
}

bool DatedCurveModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    auto next = points();
    if (role != Qt::EditRole || !index.isValid() || std::size_t(index.row()) >= next.size())
        return false;
    DatedValue& point = next[std::size_t(index.row())];
    const bool date = index.column() == DateColumn;
    const QString cell =
        QString("%1[%2].%3")
            .arg(isPrice() ? path_ + ".points" : path_) // as validation names a forward point
            .arg(index.row())
            .arg(date ? "date"
                      : (isShare()   ? "value"
                         : isPrice() ? "price"
                                     : "gpus"));
    QString error;
    const QString before = data(index, Qt::EditRole).toString();
    if (date) {
        if (const auto parsed = parseDateCell(value.toString(), cell, &error))
            point.date = *parsed;
    } else {
        if (const auto parsed = parseValueCell(value.toString(), cell, form(), QLocale(), &error, currency()))
            point.value = *parsed;
    }
    if (!error.isEmpty()) {
        emit editRefused(error);
        return false;
    }
    if (next == points())
        return true; // typed as it was: no edit to undo
    const QString after =
        date ? QString::fromStdString(formatIsoDate(point.date))
             : (isShare() ? showPercent(point.value, QLocale()) : showNumber(point.value, form(), QLocale()));
    const QString description = tr("%1: row %2 %3 %4 -> %5")
                                    .arg(curveName())
                                    .arg(index.row() + 1)
                                    .arg(date ? tr("date") : valueWord())
                                    .arg(before, after);
    if (!commit(next, description, &error)) {
        emit editRefused(error);
        return false;
    }
    return true;
}

// A new curve's first price: today's market price of the first SKU the portfolio uses (a price must
// be above 0), else 1 (an index).
double DatedCurveModel::firstPrice() const {
    const auto ids = doc_->usedSkuIds();
    const Sku* s = ids.empty() ? nullptr : doc_->sku(QString::fromStdString(ids.front()));
    return s && s->marketPricePerGpuHour > 0.0 ? s->marketPricePerGpuHour : 1.0;
}

bool DatedCurveModel::appendPoint(QString* error) {
    auto next = points();
    if (!doc_->hasPortfolio())
        return false;
    if (next.empty())
        next.push_back({doc_->portfolio().valuationDate, isShare() ? 1.0 : isPrice() ? firstPrice() : 0.0});
    else
        next.push_back({addYears(next.back().date, 1), next.back().value});
    return commit(next, tr("%1: add a point").arg(curveName()), error);
}

bool DatedCurveModel::removePoints(QList<int> rows, QString* error) {
    auto next = points();
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const std::size_t before = next.size();
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        if (*it >= 0 && std::size_t(*it) < next.size())
            next.erase(next.begin() + *it);
    if (next.size() == before) {
        *error = tr("Select the rows to delete first.");
        return false;
    }
    const std::size_t gone = before - next.size();
    return commit(next,
                  gone == 1 ? tr("%1: delete a point").arg(curveName())
                            : tr("%1: delete %2 points").arg(curveName()).arg(gone),
                  error);
}

bool DatedCurveModel::pasteCurve(const QString& text, QString* error) {
    auto rows = parseDatedRows(text, form(), QLocale(),
                               isShare()   ? tr("a share")
                               : isPrice() ? tr("a price")
                                           : tr("GPUs"),
                               error, currency());
    if (!rows)
        return false;
    return commit(*rows,
                  rows->size() == 1 ? tr("%1: paste a point").arg(curveName())
                                    : tr("%1: paste %2 points").arg(curveName()).arg(rows->size()),
                  error);
}

bool DatedCurveModel::clearCurve(QString* error) {
    if (points().empty())
        return false;
    return commit({}, tr("%1: cleared").arg(curveName()), error);
}

} // namespace ledger::models
