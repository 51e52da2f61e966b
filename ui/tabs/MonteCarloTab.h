#pragma once
// The Monte Carlo panel: paths, seed, device, run and cancel with progress and ETA; the NPV cost
// histogram, the fan of cumulative cost, the percentile table, convergence, and the probability
// each alternative is the cheaper of a pair. A result is marked stale when the portfolio changes.
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ledger::models {
class PortfolioDocument;
class SimulationController;
} // namespace ledger::models

namespace ledger::ui {

class MonteCarloTab : public QWidget {
    Q_OBJECT
public:
    MonteCarloTab(models::PortfolioDocument* doc, models::SimulationController* controller,
                  QWidget* parent = nullptr);

    void run();
    QTableWidget* percentileTable() const { return percentiles_; }
    // docs/model.md 17: a row per contract option valued on the run; the chart, the selected one's
    // exercise boundary. Hidden when the portfolio has no option.
    QTableWidget* optionsTable() const { return options_; }
    QChartView* boundaryChart() const { return boundary_; }
    QString statusText() const;

private:
    void showResult();
    void showOptions();
    void drawBoundary();
    models::PortfolioDocument* doc_;
    models::SimulationController* controller_;
    QSpinBox* paths_;
    QSpinBox* seed_;
    QComboBox* device_;
    QPushButton* runButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QLabel* status_;
    QTableWidget* percentiles_;
    QChartView* histogram_;
    QChartView* fan_;
    QChartView* convergence_;
    QWidget* optionsBox_;
    QLabel* optionsWords_;
    QTableWidget* options_;
    QChartView* boundary_;
};

} // namespace ledger::ui
