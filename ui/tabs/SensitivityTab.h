#pragma once
// The tornado: how far the NPV difference between two alternatives moves when each main input goes
// to its low and high setting (MODEL.md 7), and the settings themselves, editable per input
// (models/SensitivityRangesModel: each edit one undoable command that redraws the tornado).
#include "ui/tabs/DocumentTab.h"

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace ledger::models {
class PortfolioDocument;
class SensitivityRangesModel;
} // namespace ledger::models

namespace ledger::ui {

class SensitivityTab : public DocumentTab {
    Q_OBJECT
public:
    explicit SensitivityTab(models::PortfolioDocument* doc, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }
    QTableView* settings() const { return settings_; }
    QChartView* chart() const { return chart_; }
    // The last refused edit's message (empty after a change went through).
    QString message() const;

private:
    void refresh() override;
    void refillPairs();
    void redraw();
    void updateButtons();
    void say(const QString& message);
    QComboBox* pair_;
    QChartView* chart_;
    QTableWidget* table_;
    models::SensitivityRangesModel* model_;
    QTableView* settings_;
    QPushButton* resetInput_;
    QPushButton* resetAll_;
    QLabel* message_;
};

} // namespace ledger::ui
