#pragma once
// Cumulative after-tax cash cost of each alternative by year, with the crossovers marked; and where
// one alternative saves against another: the NPV difference as a waterfall by cost line.
#include "ui/tabs/DocumentTab.h"

class QChartView;
class QComboBox;
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
    void redrawWaterfall();
    QChartView* chart_;
    QLabel* crossovers_;
    QComboBox* alternative_; // where the waterfall ends
    QComboBox* reference_;   // where it starts
    QChartView* waterfall_;
};

} // namespace ledger::ui
