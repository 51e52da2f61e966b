#pragma once
// A contract's options (docs/model.md 17) as a grid (models/ContractOptionsModel): a row per option, a
// column per field of its table, the type chosen from a drop-down, the terms its type does not take
// greyed out; "Add option" (an extension to edit) and "Remove option" (or Del on the table) under it.
// The table copies out like every table (ui/TableCopy). Each change is one undoable command; a refused
// one is reported by `refused` with the field's path and the file's message, and nothing changes.
#include <QWidget>

#include <cstddef>

class QTableView;

namespace ledger::models {
class ContractOptionsModel;
class PortfolioDocument;
} // namespace ledger::models

namespace ledger::ui {

class OptionsGrid : public QWidget {
    Q_OBJECT
public:
    // contract: the index of the contract in the portfolio's list.
    OptionsGrid(models::PortfolioDocument* doc, std::size_t contract, QWidget* parent = nullptr);

    QTableView* table() const { return table_; }
    models::ContractOptionsModel* model() const { return model_; }
    // What the buttons do: a new option (selected, to edit), and the removal of the current row's.
    void addOption();
    void removeSelectedOption();

signals:
    // The outcome of the last change: empty when it went through, else the message.
    void refused(const QString& message);

private:
    void fitHeight();
    models::ContractOptionsModel* model_;
    QTableView* table_;
};

} // namespace ledger::ui
