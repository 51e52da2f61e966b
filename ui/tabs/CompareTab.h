#pragma once
// Cumulative after-tax cash cost of each alternative by year, with the crossovers marked.
#include <QWidget>

class QChartView;
class QLabel;

namespace ledger::models {
class PortfolioDocument;
}

namespace ledger::ui {

class CompareTab : public QWidget {
    Q_OBJECT
public:
    explicit CompareTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);

private:
    void refresh();
    models::PortfolioDocument* doc_;
    QChartView* chart_;
    QLabel* crossovers_;
};

} // namespace ledger::ui
