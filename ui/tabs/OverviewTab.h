#pragma once
// KPI cards per alternative, the verdict, and the breakeven figures. Without a demand, when the
// alternatives deliver different capacity, a button adds the first one's used hours as the demand;
// with a demand, each card shows how the alternative meets it: its capacity against the demand by
// year (a chart) and its shortfall and idle capacity in words.
#include "ui/tabs/DocumentTab.h"

class QChart;
class QLabel;
class QHBoxLayout;
class QPushButton;

namespace ledger::models {
class PortfolioDocument;
}

namespace ledger::ui {

class AlternativeCard;

class OverviewTab : public DocumentTab {
    Q_OBJECT
public:
    explicit OverviewTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);
    QString verdictText() const;
    QString cardText(int alternative) const;       // for tests
    QString cardDemandText(int alternative) const; // with a demand: how it meets it
    QChart* capacityChart(int alternative) const;  // with a demand, but not spot's: its chart
    QPushButton* addDemandButton() const { return addDemand_; }

private:
    void refresh() override;
    void addDemand();
    AlternativeCard* card(int alternative) const;
    QLabel* verdict_;
    QPushButton* addDemand_;
    QLabel* message_; // why the demand could not be added
    QHBoxLayout* cards_;
    QLabel* breakeven_;
};

} // namespace ledger::ui
