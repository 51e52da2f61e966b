#pragma once
// The market model's 3x3 correlation of its shocks (MODEL.md 6: GPU price, utilization or demand,
// power price) as a small grid: the diagonal is 1, an off-diagonal cell sets its mirror too (one
// undoable command), and a value that would leave the matrix not positive definite is refused with a
// message that says so and by how much (its smallest eigenvalue), the matrix staying as it was.
#include <QWidget>

class QLabel;
class QTableWidget;

namespace ledger::models {
class PortfolioDocument;
}

namespace ledger::ui {

class CorrelationGrid : public QWidget {
    Q_OBJECT
public:
    explicit CorrelationGrid(models::PortfolioDocument* doc, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    QString status() const; // what the label under the grid says
    void refresh();
    // Sets cell (i, j) as typed; false and `refused` with the message when it is not taken.
    bool setCell(int i, int j, const QString& text);

signals:
    void refused(const QString& message); // empty: the last change went through

private:
    models::PortfolioDocument* doc_;
    QTableWidget* table_;
    QLabel* status_;
};

} // namespace ledger::ui
