#pragma once
// Annual after-tax cash cost per alternative: the table and grouped bars.
#include "ui/tabs/DocumentTab.h"

class QChartView;
class QComboBox;

namespace ledger::models {
class PortfolioDocument;
class AnnualCashModel;
} // namespace ledger::models

namespace ledger::ui {

class CashFlowsTab : public DocumentTab {
    Q_OBJECT
public:
    explicit CashFlowsTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);

private:
    void refresh() override;
    void redraw();
    QComboBox* view_;
    QChartView* chart_;
};

} // namespace ledger::ui
