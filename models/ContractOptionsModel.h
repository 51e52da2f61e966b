#pragma once
// A contract's options (docs/model.md 17) as an editable table (the contract editor's options grid):
// a row per option, a column per field of its table (portfolio/ItemFields.cpp, contractOptionFields,
// through models::contractOptionFields), in the table's order. A field the option's type does not take
// (an extension's fee, a termination's price) is empty, neither enabled nor editable. Every change
// goes to the document as one undoable command (PortfolioDocument::setOptionValue, addOption,
// removeOption); a cell that cannot be read (a date that does not parse, text in a number) or that
// validation refuses changes nothing and is reported by editRefused with the field's path and the
// file's message ("contracts[0].options[2].fee: -1 is below 0").
#include "models/FieldCatalog.h"
#include "models/PortfolioDocument.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace ledger::models {

class ContractOptionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // A choice column's keywords ("extend", "expand", "terminate"), for a drop-down; none elsewhere.
    static constexpr int ChoicesRole = Qt::UserRole + 1;
    // The field's JSON key ("exercise_date").
    static constexpr int KeyRole = Qt::UserRole + 2;

    // contract: the index of the contract in the portfolio's list.
    ContractOptionsModel(PortfolioDocument* doc, std::size_t contract, QObject* parent = nullptr);

    std::size_t contract() const { return contract_; }
    // The column of field `key`, or -1.
    int columnOf(const QString& key) const;
    const FieldSpec& field(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    // Display: the value as the editor shows it (60,000; 1.5M; "Extend"); Edit: as typed back (the
    // type's keyword); Qt::UserRole: the value as the file holds it (a number, an ISO date), to sort on.
    QVariant data(const QModelIndex& index, int role) const override;
    // The label with its unit under it, a money field's in the portfolio's currency ("Fee\n(USD)").
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // A new extension after the last option, and the removal of a row; each one undoable command.
    bool addOption(QString* error);
    bool removeOption(int row, QString* error);

signals:
    void editRefused(const QString& message);

private:
    const std::vector<ContractOption>& options() const { return options_; }
    bool takes(int row, int column) const; // whether the row's type takes the column's field
    QString pathOf(int row, int column) const;
    QString currency() const;
    PortfolioDocument* doc_;
    std::size_t contract_;
    // The options as the document holds them, read once per change.
    std::vector<ContractOption> options_;
};

} // namespace ledger::models
