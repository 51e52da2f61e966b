#pragma once
// The demand's editor (the tree's "Demand"): its SKU, its step curve as a table of date and GPUs
// (add, delete, edit a cell, paste two columns from a spreadsheet), its uncertainty and a chart of
// the curve; or, without a demand, a button that adds one. Every change is one undoable command on
// the document; a refused one shows validation's message and leaves the demand as it was.
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace ledger::models {
class PortfolioDocument;
} // namespace ledger::models

namespace ledger::ui {

class CurveGrid;

class DemandEditor : public QWidget {
    Q_OBJECT
public:
    explicit DemandEditor(models::PortfolioDocument* doc, QWidget* parent = nullptr);

    // The actions of its buttons, for the tests and the shortcuts.
    void addDemand();
    void removeDemand();
    void appendPoint();
    void deleteSelectedPoints();
    void paste(const QString& text);

    QTableView* table() const;
    QLineEdit* uncertaintyField(const QString& key) const;
    QString message() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void drawChart();
    void commitSku();
    void commitUncertainty(QLineEdit* edit);
    void say(const QString& error); // empty: clears the message

    models::PortfolioDocument* doc_;
    CurveGrid* grid_;
    QWidget* none_;   // shown without a demand
    QWidget* editor_; // shown with one
    QComboBox* sku_;
    QChartView* chart_;
    QLabel* message_;
    bool chartStale_ = true; // the document changed while hidden: draw the chart when shown
};

} // namespace ledger::ui
