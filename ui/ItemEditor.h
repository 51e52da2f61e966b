#pragma once
// The editor of the selected tree item: the assumptions (with the portfolio's utilization curve),
// the market model (with its correlation grid, and the GPU price fitted to a price series: the
// chart, the fit in words and "Apply the fit", ui/PriceFitPanel), a SKU, a contract (with its
// tranches, options and utilization as grids, ui/OptionsGrid) or a fleet, one field per row with its
// unit, its source when the portfolio cites one, and a tooltip explaining it and the formula it feeds. A
// change goes to the document as one undoable command; a bad value keeps the old one and shows the engine's
// message under the fields. Numbers are read and shown in the widget's locale (models/NumberInput:
// 60,000, 14.2B, $5.04, 9% on a share or a rate); keyword fields are drop-downs; a contract given by its
// total value shows the price, GPUs and megawatts it implies under that field. Ctrl+Z in a field with unsaved
// text reverts the field first; with none, it undoes the last edit of the document, as it does
// elsewhere in the window.
#include <QJsonValue>
#include <QMap>
#include <QWidget>

#include <utility>

class QComboBox;
class QEvent;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace ledger::models {
class PortfolioDocument;
struct FieldGroup;
class PriceSeriesFit;
struct FieldSpec;
} // namespace ledger::models

namespace ledger::ui {

class CorrelationGrid;
class CurveGrid;
class OptionsGrid;
class PriceFitPanel;

class ItemEditor : public QWidget {
    Q_OBJECT
public:
    explicit ItemEditor(models::PortfolioDocument* doc, QWidget* parent = nullptr);

    // prefix: "" for the portfolio's assumptions, "market", "skus[GB300]" (by id), "contracts[0]",
    // "fleets[1]", "alternatives[0]"; anything else: a note.
    void showItem(const QString& prefix);
    QLineEdit* field(const QString& key) const;  // a text or number field, for tests
    QComboBox* choice(const QString& key) const; // a keyword field's drop-down
    // "tranches", "utilization" (the shown item's or the portfolio's): its grid, or null.
    CurveGrid* curve(const QString& name) const;
    CorrelationGrid* correlation() const;
    OptionsGrid* options() const;    // a contract's options, or null
    PriceFitPanel* priceFit() const; // the market's fit to a price series, or null
    QString message() const;
    QString impliedText() const; // what a contract's total value implies; empty when not shown

protected:
    void changeEvent(QEvent* event) override;                   // a new locale: the numbers shown again in it
    bool eventFilter(QObject* watched, QEvent* event) override; // Ctrl+Z and Ctrl+Y in a field

private:
    void rebuild();
    void updateTitle();
    void addField(const models::FieldSpec& f);
    void addCurve(const QString& name, const QString& title, bool clearable);
    void addPriceFit();
    void addOptions();
    void refreshValues();
    // The source row under field `key`: its citation, hidden when the portfolio cites none.
    void showSource(const QString& key);
    void refreshImplied();
    void commit(QWidget* edit);
    void commitValue(QWidget* edit, const QString& key, const QJsonValue& value);
    void commitTogether(QWidget* edit, const QString& key, const QJsonValue& value,
                        const models::FieldGroup& group);
    void revert(QWidget* edit); // back to the value shown
    void say(const QString& error);
    // Alternatives: a name and which contracts and fleets belong to it.
    void buildAlternative(int index);
    void commitAlternative(int index);

    QString pathOf(const QString& key) const;
    QJsonValue storedValue(const QString& key) const;
    QString skuId() const;    // of a "skus[ID]" prefix, else empty
    QString itemName() const; // the shown contract's or fleet's name

    // After any change: follow the shown item by its id (structural edits move it), or fall back to
    // the assumptions when it is gone; alternatives are rebuilt from the document.
    void follow();
    QString idAt(const QString& prefix) const;

    models::PortfolioDocument* doc_;
    QString prefix_;
    QString itemId_; // the id of the shown contract, fleet, SKU or alternative
    QLabel* title_;
    QFormLayout* form_;
    QWidget* formHost_;
    QLabel* message_;
    QLabel* implied_ = nullptr;                  // under a contract's total value
    models::PriceSeriesFit* priceFit_ = nullptr; // the market's series and tier, made when first shown
    QMap<QString, QJsonValue> pending_; // fields typed that wait for the rest of their group (by path)
};

} // namespace ledger::ui
