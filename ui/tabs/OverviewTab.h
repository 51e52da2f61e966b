#pragma once
// KPI cards per alternative, the verdict, and the breakeven figures.
#include "ui/tabs/DocumentTab.h"

class QLabel;
class QHBoxLayout;

namespace ledger::models {
class PortfolioDocument;
}

namespace ledger::ui {

class OverviewTab : public DocumentTab {
    Q_OBJECT
public:
    explicit OverviewTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);
    QString verdictText() const;
    QString cardText(int alternative) const; // for tests

private:
    void refresh() override;
    QLabel* verdict_;
    QHBoxLayout* cards_;
    QLabel* breakeven_;
};

} // namespace ledger::ui
