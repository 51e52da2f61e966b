#pragma once
// The editor of the selected tree item: one field per row with its unit and a tooltip explaining it
// and the formula it feeds. A change goes to the document as one undoable command; a bad value keeps
// the old one and shows the engine's message under the fields. Numbers are read and shown in the
// widget's locale (models/NumberInput: 60,000, 14.2B, $5.04, 9% on a share or a rate); a contract
// given by its total value shows the price, GPUs and megawatts it implies under that field.
#include <QJsonValue>
#include <QWidget>

#include <utility>

class QEvent;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace ledger::models {
class PortfolioDocument;
struct FieldSpec;
} // namespace ledger::models

namespace ledger::ui {

class ItemEditor : public QWidget {
    Q_OBJECT
public:
    explicit ItemEditor(models::PortfolioDocument* doc, QWidget* parent = nullptr);

    // prefix: "" for the portfolio's assumptions, "contracts[0]", "fleets[1]"; anything else: a note.
    void showItem(const QString& prefix);
    QLineEdit* field(const QString& key) const; // for tests
    QString message() const;
    QString impliedText() const; // what a contract's total value implies; empty when not shown

protected:
    void changeEvent(QEvent* event) override; // a new locale: the numbers shown again in it

private:
    void rebuild();
    void refreshValues();
    void refreshImplied();
    void commit(QLineEdit* edit);
    void commitTogether(QLineEdit* edit, const QString& key, const QJsonValue& value, const QString& other);
    // Alternatives: a name and which contracts and fleets belong to it.
    void buildAlternative(int index);
    void commitAlternative(int index);

    // After any change: follow the shown item by its id (structural edits move it), or fall back to
    // the assumptions when it is gone; alternatives are rebuilt from the document.
    void follow();
    QString idAt(const QString& prefix) const;

    models::PortfolioDocument* doc_;
    QString prefix_;
    QString itemId_; // the id of the shown contract, fleet or alternative
    QLabel* title_;
    QFormLayout* form_;
    QWidget* formHost_;
    QLabel* message_;
    QLabel* implied_ = nullptr;              // under a contract's total value
    std::pair<QString, QJsonValue> pending_; // a field typed that waits for its companion (its path)
};

} // namespace ledger::ui
