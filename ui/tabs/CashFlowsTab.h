#pragma once
// Annual after-tax cash cost: every alternative side by side, one alternative stacked by its items,
// or one alternative by cost line (the chart stacked by line, the table a line per row and years as
// columns, like a finance model).
#include "ui/tabs/DocumentTab.h"

class QChartView;
class QComboBox;
class QTableView;

namespace ledger::models {
class PortfolioDocument;
class AnnualCashModel;
class CostLinesModel;
} // namespace ledger::models

namespace ledger::ui {

class CashFlowsTab : public DocumentTab {
    Q_OBJECT
public:
    explicit CashFlowsTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);

private:
    // What the chart and the table show; the combo box's items carry it.
    enum class View { Alternatives = 0, ByItem = 1, ByLine = 2 };
    void refresh() override;
    void redraw();
    QComboBox* view_;
    QTableView* table_;
    models::AnnualCashModel* annual_;
    models::CostLinesModel* lines_;
    QChartView* chart_;
};

} // namespace ledger::ui
