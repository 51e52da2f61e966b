#pragma once
// The market editor's fit of the GPU price to a price series (models/PriceSeriesFit, docs/model.md
// 16): the series' name with "Open series..." (a user's CSV) and "Bundled series", the tier
// drop-down, the chart of the points, the fitted median and its 5-95% band (ui/charts/PriceFitCharts),
// the fit in words, and "Apply the fit" (market.gpu_price as one undoable edit). A refusal (a file the
// reader refuses, a fit the portfolio does not take) is reported by `refused` and changes nothing.
#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;

namespace ledger::models {
class PortfolioDocument;
class PriceSeriesFit;
} // namespace ledger::models

namespace ledger::ui {

class PriceFitPanel : public QWidget {
    Q_OBJECT
public:
    // fit: the series and tier shown, kept by the editor while the panel is rebuilt with its form.
    PriceFitPanel(models::PortfolioDocument* doc, models::PriceSeriesFit* fit, QWidget* parent = nullptr);

    // The buttons' actions ("Open series..." after its file dialog), for the tests.
    void openSeries(const QString& path);
    void applyFit();

    QChartView* chartView() const { return chart_; }
    QComboBox* tierBox() const { return tier_; }
    QPushButton* applyButton() const { return apply_; }
    QString summaryText() const;
    QString legendText() const; // the chart's legend, under it (rich text)

signals:
    // The outcome of the last action: empty when it went through, else the message.
    void refused(const QString& message);

private:
    void showFit();          // the series, its tiers, the chart and the words
    void showApplyWhat();    // what Apply sets on the market model as it is now
    void chooseSeriesFile(); // the file dialog

    models::PortfolioDocument* doc_;
    models::PriceSeriesFit* fit_;
    QLabel* series_;
    QComboBox* tier_;
    QChartView* chart_;
    QLabel* legend_;
    QLabel* summary_;
    QPushButton* apply_;
    QLabel* applyWhat_;
};

} // namespace ledger::ui
