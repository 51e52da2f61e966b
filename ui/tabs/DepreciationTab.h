#pragma once
// Book against tax depreciation per year, NBV, and the useful-life sensitivity (3 to 6 years).
#include "ui/tabs/DocumentTab.h"

class QChartView;
class QTableWidget;

namespace ledger::models {
class PortfolioDocument;
}

namespace ledger::ui {

class DepreciationTab : public DocumentTab {
    Q_OBJECT
public:
    explicit DepreciationTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);

private:
    void refresh() override;
    QChartView* chart_;
    QTableWidget* lives_;
};

} // namespace ledger::ui
