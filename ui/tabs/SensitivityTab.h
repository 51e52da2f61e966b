#pragma once
// The tornado: how far the NPV difference between two alternatives moves when each main input goes
// to its low and high setting (MODEL.md 7).
#include "ui/tabs/DocumentTab.h"

class QChartView;
class QComboBox;
class QTableWidget;

namespace ledger::models {
class PortfolioDocument;
}

namespace ledger::ui {

class SensitivityTab : public DocumentTab {
    Q_OBJECT
public:
    explicit SensitivityTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }

private:
    void refresh() override;
    void refillPairs();
    void redraw();
    QComboBox* pair_;
    QChartView* chart_;
    QTableWidget* table_;
};

} // namespace ledger::ui
