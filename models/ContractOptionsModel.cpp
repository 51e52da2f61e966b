#include "models/ContractOptionsModel.h"

#include "data/FieldJson.h"
#include "models/NumberInput.h"
#include "portfolio/OptionTerms.h"

#include <QLocale>

namespace ledger::models {

namespace {

// The table's row of an editor column (the same keys, the same order: FieldCatalog's editorFields).
const ItemField<ContractOption>& tableField(const FieldSpec& f) {
    return *findField(ledger::contractOptionFields(), f.key.toStdString());
}

bool isNumber(const FieldSpec& f) {
    return f.kind == FieldKind::Number || f.kind == FieldKind::OptionalNumber ||
           f.kind == FieldKind::Integer || f.kind == FieldKind::OptionalInteger;
}

} // namespace

ContractOptionsModel::ContractOptionsModel(PortfolioDocument* doc, std::size_t contract, QObject* parent)
    : QAbstractTableModel(parent)
    , doc_(doc)
    , contract_(contract) {
    auto read = [this] {
        const bool has = doc_->hasPortfolio() && contract_ < doc_->portfolio().contracts.size();
        return has ? doc_->portfolio().contracts[contract_].options : std::vector<ContractOption>();
    };
    options_ = read();
    connect(doc_, &PortfolioDocument::evaluationChanged, this, [this, read] {
        auto next = read();
        if (next.size() == options_.size()) { // the same rows: the view keeps its selection
            options_ = std::move(next);
            if (!options_.empty())
                emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
            return;
        }
        beginResetModel();
        options_ = std::move(next);
        endResetModel();
    });
}

int ContractOptionsModel::columnOf(const QString& key) const {
    const auto& fields = contractOptionFields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].key == key)
            return int(i);
    return -1;
}

const FieldSpec& ContractOptionsModel::field(int column) const {
    return contractOptionFields().at(std::size_t(column));
}

QString ContractOptionsModel::currency() const {
    return doc_->hasPortfolio() ? QString::fromStdString(doc_->portfolio().currency) : QString();
}

QString ContractOptionsModel::pathOf(int row, int column) const {
    return QString("contracts[%1].options[%2].%3").arg(contract_).arg(row).arg(field(column).key);
}

bool ContractOptionsModel::takes(int row, int column) const {
    return optionTakes(tableField(field(column)), options()[std::size_t(row)].kind);
}

int ContractOptionsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(options().size());
}

int ContractOptionsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(contractOptionFields().size());
}

QVariant ContractOptionsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || std::size_t(index.row()) >= options().size() || index.column() >= columnCount())
        return {};
    const ContractOption& o = options()[std::size_t(index.row())];
    const FieldSpec& f = field(index.column());
    const QJsonValue stored = data::fieldToJson(tableField(f).access.get(o));
    const bool choice = f.kind == FieldKind::Choice || f.kind == FieldKind::OptionalChoice;
    switch (role) {
    case Qt::DisplayRole:
        return choice ? choiceLabel(stored.toString()) : shownText(stored, f, QLocale());
    case Qt::EditRole:
        return shownText(stored, f, QLocale());
    case Qt::UserRole:
        return stored.toVariant();
    case ChoicesRole:
        return choice ? QVariant(f.choices) : QVariant();
    case KeyRole:
        return f.key;
    case Qt::TextAlignmentRole:
        return int((isNumber(f) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (!takes(index.row(), index.column()))
            return tr("Not a term of %1 %2 option")
                .arg(o.kind == OptionKind::Extend ? tr("an") : tr("a"),
                     QString::fromLatin1(toString(o.kind)));
        // A text (the notes) in full, as a narrow column may cut it, then what the field is.
        if (f.kind == FieldKind::LongText && !stored.toString().isEmpty())
            return QString("%1\n\n%2").arg(stored.toString(), f.tooltip);
        return f.placeholder.isEmpty() ? f.tooltip : QString("%1\n%2").arg(f.tooltip, f.placeholder);
    default:
        return {};
    }
}

QVariant ContractOptionsModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1)
                                       : QAbstractTableModel::headerData(section, o, role);
    if (section < 0 || section >= columnCount())
        return {};
    const FieldSpec& f = field(section);
    if (role == Qt::ToolTipRole)
        return f.tooltip;
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    // A money field in the portfolio's currency: "Price (USD per GPU-hour)", "Fee (USD)"; a unit that
    // only repeats the label ("GPUs") is left out.
    const QString unit = numberFormOf(f).money ? QString("%1 %2").arg(currency(), f.unit).trimmed() : f.unit;
    return unit.isEmpty() || unit == f.label ? f.label : QString("%1\n(%2)").arg(f.label, unit);
}

Qt::ItemFlags ContractOptionsModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || std::size_t(index.row()) >= options().size())
        return Qt::NoItemFlags;
    // A term the option's type does not take: shown greyed, not editable (the field table's takenBy).
    if (!takes(index.row(), index.column()))
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool ContractOptionsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || std::size_t(index.row()) >= options().size() ||
        index.column() >= columnCount())
        return false;
    const FieldSpec& f = field(index.column());
    QString error;
    // Typed as people type: 1.5M, $2.10, 60 (models/NumberInput); an empty optional cell clears it.
    const auto typed = typedValue(f, value.toString(), QLocale(), currency(), &error);
    if (!typed) {
        emit editRefused(QString("%1: %2").arg(pathOf(index.row(), index.column()), error));
        return false;
    }
    if (!doc_->setOptionValue(contract_, std::size_t(index.row()), f.key, *typed, &error)) {
        emit editRefused(error);
        return false;
    }
    return true;
}

bool ContractOptionsModel::addOption(QString* error) {
    return doc_->addOption(contract_, error);
}

bool ContractOptionsModel::removeOption(int row, QString* error) {
    if (row < 0 || std::size_t(row) >= options().size()) {
        *error = tr("Select the option to remove first.");
        return false;
    }
    return doc_->removeOption(contract_, std::size_t(row), error);
}

} // namespace ledger::models
