#pragma once
// Annual after-tax cash cost per alternative: the table and grouped bars.
#include <QWidget>

class QChartView;

namespace ledger::models {
class PortfolioDocument;
class AnnualCashModel;
} // namespace ledger::models

namespace ledger::ui {

class CashFlowsTab : public QWidget {
    Q_OBJECT
public:
    explicit CashFlowsTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);

private:
    void refresh();
    models::PortfolioDocument* doc_;
    QChartView* chart_;
};

} // namespace ledger::ui
