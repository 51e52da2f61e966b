#pragma once
// One alternative's card on the Overview: its NPV cost, total cash, LCOC and used hours, and with a
// demand how it meets it, in words and (when it has capacity of its own) as a chart by year. The
// card is kept and updated as the document changes: remaking it, and its chart view, on every edit
// would cost the window its frame.
#include "engine/EvaluationResult.h"

#include <QColor>
#include <QGroupBox>

#include <vector>

class QChart;
class QChartView;
class QLabel;

namespace ledger::ui {

class AlternativeCard : public QGroupBox {
    Q_OBJECT
public:
    explicit AlternativeCard(QWidget* parent = nullptr);

    void setAlternative(const AlternativeResult& a, const std::string& currency, const QColor& colour);
    // With a chart the card takes the width it is given; without, what its text needs.
    bool hasChart() const;

    QString npvText() const;
    QString demandText() const;
    QString lcocText() const;
    QString lcocToolTip() const; // the arithmetic: NPV cost / discounted H100-equivalent GPU-hours
    QChart* chart() const;       // nullptr without a chart

private:
    // What the chart shows: redrawn only when it changes (most edits move costs, not capacity).
    struct Drawn {
        std::vector<double> values; // per year: the year, capacity, shortfall, demand
        QRgb colour = 0;
        bool operator==(const Drawn&) const = default;
    };
    QLabel* npv_;
    QLabel* rest_;
    QLabel* lcoc_; // its tooltip shows the arithmetic
    QLabel* hours_;
    QLabel* served_;
    QChartView* chart_;
    Drawn drawn_;
};

} // namespace ledger::ui
