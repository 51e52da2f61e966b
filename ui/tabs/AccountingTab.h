#pragma once
// The accounting view (MODEL.md 9, issue 18), as a finance model shows it: for the alternative
// chosen, its income-statement impact (lines as rows, fiscal years as columns, the subtotals in bold,
// a Total column) and its balance sheet at each fiscal year end; for each lease it holds, the lease
// note (its schedule by fiscal year and the maturity table); and every alternative's EBITDA cost
// by fiscal year side by side. It shows what the engine computed; the models are in models/.
#include "ui/tabs/DocumentTab.h"

class QChartView;
class QComboBox;
class QTableView;
class QVBoxLayout;
class QWidget;

namespace ledger::models {
class PortfolioDocument;
class IncomeStatementModel;
class BalanceSheetModel;
} // namespace ledger::models

namespace ledger::ui {

class AccountingTab : public DocumentTab {
    Q_OBJECT
public:
    explicit AccountingTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);

private:
    void refresh() override;
    void showAlternative(); // the tables and lease notes of the chosen alternative
    void rebuildLeases(const QString& alternativeId);
    QComboBox* alternative_;
    QTableView* income_;
    QTableView* balance_;
    QWidget* balanceGroup_;
    models::IncomeStatementModel* incomeModel_;
    models::BalanceSheetModel* balanceModel_;
    QWidget* leases_; // one group box per lease of the alternative
    QVBoxLayout* leasesLayout_;
    QChartView* chart_;
};

} // namespace ledger::ui
