#pragma once
// KPI cards per alternative, the verdict, and the breakeven figures. Without a demand, when the
// alternatives deliver different capacity, a button adds the first one's used hours as the demand;
// with a demand, each card shows how the alternative meets it: its capacity against the demand by
// year (a chart) and its shortfall and idle capacity in words. Below, the decision at a glance: NPV
// cost by alternative (with the Monte Carlo P5 to P95 band when a run for the current inputs exists),
// cumulative cash cost over time, the breakevens and what would change the verdict (the widest
// tornado bars of the best two, the smallest move of each input alone that flips it and, with a run
// of the current inputs, the share of paths on which it flips). The words come from
// models/DecisionText and models/ReverseStressText; the page scrolls.
#include "analytics/ReverseStress.h"
#include "ui/tabs/DocumentTab.h"

#include <optional>

class QChart;
class QChartView;
class QLabel;
class QHBoxLayout;
class QPushButton;
class QTimer;

namespace ledger {
struct SimulationResult;
}

namespace ledger::models {
class PortfolioDocument;
class SimulationController;
} // namespace ledger::models

namespace ledger::ui {

class AlternativeCard;

class OverviewTab : public DocumentTab {
    Q_OBJECT
public:
    // simulation: whose run of the current inputs shows its band (none: no band).
    explicit OverviewTab(models::PortfolioDocument* doc, models::SimulationController* simulation = nullptr,
                         QWidget* parent = nullptr);
    QString verdictText() const;
    QString cardText(int alternative) const;       // for tests
    QString cardDemandText(int alternative) const; // with a demand: how it meets it
    QChart* capacityChart(int alternative) const;  // with a demand, but not spot's: its chart
    QPushButton* addDemandButton() const { return addDemand_; }
    QString lcocToolTip(int alternative) const; // the arithmetic behind the card's LCOC
    QString verdictToolTip() const;
    QChart* npvChart() const;
    QChart* cumulativeChart() const;
    QString bandText() const; // the Monte Carlo band, or why there is none
    // docs/model.md 17: each contract option's terms and value (the current run's, else the expected
    // path's saving); empty without options.
    QString optionsText() const;
    QString whatWouldChangeText() const; // the heading, the gap, a sentence per input, the flips
    // After an edit the decision's charts and sentences follow this long after the edits pause.
    static constexpr int kDecisionDelayMs = 60;

private:
    void refresh() override;
    void addDemand();
    void redrawNpv();       // the NPV chart and the band: on an edit, and when a run finishes
    void refreshDecision(); // the two charts, the crossovers and what would change the verdict
    void showChanges();     // what would change it, with the current run's share of paths that flip it
    void showEvent(QShowEvent* event) override;
    AlternativeCard* card(int alternative) const;
    QLabel* verdict_;
    QPushButton* addDemand_;
    QLabel* message_; // why the demand could not be added
    QHBoxLayout* cards_;
    QLabel* breakeven_;
    QLabel* changes_;
    QLabel* band_;
    QLabel* options_;
    QChartView* npvChart_;
    QChartView* cumulative_;
    QLabel* crossovers_;
    models::SimulationController* simulation_;
    QTimer* decisionTimer_;
    bool decisionNow_ = true;                    // the first picture, and one coming into view, at once
    const SimulationResult* drawnRun_ = nullptr; // the run whose band the NPV chart shows
    QString changesBody_;                        // what would change the verdict, without the run's line
    std::optional<ReverseStress> stress_;        // the reverse stress of the decision's pair
};

} // namespace ledger::ui
