#pragma once
// Cumulative after-tax cash cost of each alternative by year, with the crossovers marked.
#include "ui/tabs/DocumentTab.h"

class QChartView;
class QLabel;

namespace ledger::models {
class PortfolioDocument;
}

namespace ledger::ui {

class CompareTab : public DocumentTab {
    Q_OBJECT
public:
    explicit CompareTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);

private:
    void refresh() override;
    QChartView* chart_;
    QLabel* crossovers_;
};

} // namespace ledger::ui
