#include "models/SensitivityRangesModel.h"

#include "models/EditWords.h"
#include "models/NumberInput.h"

#include <QFont>
#include <QRegularExpression>

namespace ledger::models {

namespace {

NumberForm formOf(SensitivityKind kind) {
    NumberForm form;
    form.percent = kind != SensitivityKind::Factor;
    return form;
}

// "Contract prices" -> "contract prices"; "GPU market (spot) prices" keeps its capitals.
QString nameInWords(const SensitivityInputInfo& info) {
    QString name = QString::fromLatin1(info.name);
    if (name.size() > 1 && !name[1].isUpper())
        name[0] = name[0].toLower();
    return name;
}

QString bothLabels(const SensitivityInputInfo& info, const SensitivityRange& r) {
    return QString::fromStdString(sensitivitySettingLabel(info.kind, r.low)) + " / " +
           QString::fromStdString(sensitivitySettingLabel(info.kind, r.high));
}

} // namespace

std::optional<double> readSensitivitySetting(SensitivityKind kind, const QString& text, const QLocale& locale,
                                             QString* error) {
    QString t = text.trimmed();
    // The label's own forms read back: x0.8, -10 pts, -30%/yr.
    switch (kind) {
    case SensitivityKind::Factor:
        if (t.startsWith('x', Qt::CaseInsensitive) || t.startsWith(QChar(0x00D7)))
            t = t.mid(1).trimmed();
        break;
    case SensitivityKind::Points:
        t.replace(QRegularExpression("\\s*pts?$", QRegularExpression::CaseInsensitiveOption), "%");
        break;
    case SensitivityKind::PerYear:
        t.replace(QRegularExpression("\\s*/\\s*(yr|year)$", QRegularExpression::CaseInsensitiveOption), "");
        break;
    }
    const NumberReading read = readNumber(t, formOf(kind), locale, QString());
    if (!read.value)
        *error = read.error;
    return read.value;
}

SensitivityRangesModel::SensitivityRangesModel(PortfolioDocument* doc, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc) {
    refill();
    connect(doc_, &PortfolioDocument::evaluationChanged, this, [this] {
        const auto before = rows_;
        refill();
        if (rows_ != before) {
            beginResetModel();
            endResetModel();
        } else if (!rows_.empty()) {
            emit dataChanged(index(0, 0), index(int(rows_.size()) - 1, ColumnCount - 1));
        }
    });
}

void SensitivityRangesModel::refill() {
    rows_.clear();
    if (!doc_->hasPortfolio())
        return;
    for (const auto& info : sensitivityInputs())
        if (sensitivityInputApplies(info, doc_->portfolio()))
            rows_.push_back(&info);
}

SensitivityRange SensitivityRangesModel::rangeOf(const SensitivityInputInfo& info) const {
    return sensitivityRangeOf(doc_->portfolio(), info);
}

const SensitivityInputInfo* SensitivityRangesModel::inputAt(int row) const {
    return row >= 0 && std::size_t(row) < rows_.size() ? rows_[std::size_t(row)] : nullptr;
}

bool SensitivityRangesModel::isCustom(int row) const {
    const SensitivityInputInfo* info = inputAt(row);
    return info && doc_->portfolio().sensitivity.count(info->id) > 0;
}

bool SensitivityRangesModel::anyCustom() const {
    return doc_->hasPortfolio() && !doc_->portfolio().sensitivity.empty();
}

int SensitivityRangesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int SensitivityRangesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SensitivityRangesModel::data(const QModelIndex& index, int role) const {
    const SensitivityInputInfo* info = index.isValid() ? inputAt(index.row()) : nullptr;
    if (!info)
        return {};
    const SensitivityRange r = rangeOf(*info);
    const int column = index.column();
    const bool setting = column == LowColumn || column == HighColumn;
    const double value = column == LowColumn ? r.low : r.high;
    switch (role) {
    case Qt::DisplayRole:
        if (column == InputColumn)
            return QString::fromLatin1(info->name);
        if (column == DefaultColumn)
            return bothLabels(*info, info->defaults);
        return QString::fromStdString(sensitivitySettingLabel(info->kind, value));
    case Qt::EditRole:
        if (setting)
            return showNumber(value, formOf(info->kind), locale_);
        return data(index, Qt::DisplayRole);
    case Qt::UserRole:
        return setting ? QVariant(value) : QVariant(QString::fromLatin1(info->id));
    case Qt::FontRole:
        if (setting && value != (column == LowColumn ? info->defaults.low : info->defaults.high)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (!setting)
            return {};
        switch (info->kind) {
        case SensitivityKind::Factor:
            return tr("A factor: 0.8 (or x0.8) multiplies the input by 0.8; %1 to %2")
                .arg(plainNumber(info->min), plainNumber(info->max));
        case SensitivityKind::Points:
            return tr("A shift in points: -10% (or -0.1, -10 pts) moves the input down 10 points; %1 to %2 "
                      "points")
                .arg(plainNumber(info->min * 100), plainNumber(info->max * 100));
        case SensitivityKind::PerYear:
            return tr("The rate per year the input is set to: -30% (or -0.3); %1% to %2%")
                .arg(plainNumber(info->min * 100), plainNumber(info->max * 100));
        }
        return {};
    default:
        return {};
    }
}

QVariant SensitivityRangesModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole || o != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case InputColumn:
        return tr("Input");
    case LowColumn:
        return tr("Low");
    case HighColumn:
        return tr("High");
    case DefaultColumn:
        return tr("Default (low / high)");
    default:
        return {};
    }
}

Qt::ItemFlags SensitivityRangesModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags f = QAbstractTableModel::flags(index);
    return index.column() == LowColumn || index.column() == HighColumn ? f | Qt::ItemIsEditable : f;
}

bool SensitivityRangesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const SensitivityInputInfo* info = index.isValid() ? inputAt(index.row()) : nullptr;
    const bool low = index.column() == LowColumn;
    if (role != Qt::EditRole || !info || (!low && index.column() != HighColumn))
        return false;
    const QString path = QString("sensitivity.%1.%2").arg(QLatin1String(info->id), low ? "low" : "high");
    QString error;
    const auto typed = readSensitivitySetting(info->kind, value.toString(), locale_, &error);
    if (!typed) {
        emit editRefused(QString("%1: %2").arg(path, error));
        return false;
    }
    const SensitivityRange before = rangeOf(*info);
    SensitivityRange after = before;
    (low ? after.low : after.high) = *typed;
    if (after == before)
        return true; // typed as it was: no edit to undo
    auto ranges = doc_->portfolio().sensitivity;
    if (after == info->defaults)
        ranges.erase(info->id); // back at the defaults: the file says nothing of it again
    else
        ranges[info->id] = after;
    const QString words = tr("Sensitivity %1 %2 %3 -> %4")
                              .arg(nameInWords(*info), low ? tr("low") : tr("high"),
                                   valueInWords(low ? before.low : before.high), valueInWords(*typed));
    if (!doc_->setSensitivityRanges(ranges, words, &error)) {
        emit editRefused(error);
        return false;
    }
    return true;
}

bool SensitivityRangesModel::resetInput(int row, QString* error) {
    const SensitivityInputInfo* info = inputAt(row);
    if (!info || !isCustom(row))
        return true;
    auto ranges = doc_->portfolio().sensitivity;
    ranges.erase(info->id);
    return doc_->setSensitivityRanges(ranges,
                                      tr("Sensitivity %1 reset to its defaults %2")
                                          .arg(nameInWords(*info), bothLabels(*info, info->defaults)),
                                      error);
}

bool SensitivityRangesModel::resetAll(QString* error) {
    if (!anyCustom())
        return true;
    return doc_->setSensitivityRanges({}, tr("Sensitivity settings reset to their defaults"), error);
}

} // namespace ledger::models
