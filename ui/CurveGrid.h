#pragma once
// A step curve of the document as a grid a spreadsheet user knows (models/DatedCurveModel): a row per
// point (date, value), cells edited in place, "+ Point", "Delete" and "Paste" buttons, Ctrl+V pastes
// two columns copied from a spreadsheet over the whole curve, Del deletes the selected rows, and the
// table copies out like every table (ui/TableCopy). Each change is one undoable command; a refused one
// is reported by `refused` with validation's message, and the curve stays as it was.
#include <QWidget>

class QTableView;

namespace ledger::models {
class DatedCurveModel;
class PortfolioDocument;
} // namespace ledger::models

namespace ledger::ui {

class CurveGrid : public QWidget {
    Q_OBJECT
public:
    // path: a curve of PortfolioDocument::curve; clearable: offer "Use the portfolio's" (an item's
    // own utilization).
    CurveGrid(models::PortfolioDocument* doc, const QString& path, bool clearable, QWidget* parent = nullptr);

    QTableView* table() const { return table_; }
    models::DatedCurveModel* model() const { return model_; }
    void appendPoint();
    void deleteSelectedPoints();
    void paste(const QString& text);
    void clear();

signals:
    // The outcome of the last change: empty when it went through, else the message.
    void refused(const QString& message);

private:
    models::DatedCurveModel* model_;
    QTableView* table_;
};

} // namespace ledger::ui
