#include "ui/charts/DemandCharts.h"

#include "engine/CostLine.h"
#include "ui/charts/ChartHelpers.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QCoreApplication>
#include <QLineSeries>
#include <QPalette>
#include <QValueAxis>

#include <algorithm>

namespace ledger::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("DemandCharts", text);
}

} // namespace

void drawDemandCurve(QChart* chart, const Demand& demand, const Date& valuationDate, const Date& horizonEnd) {
    resetChart(chart);
    chart->setTitle(QString());
    chart->legend()->hide();
    auto* line = new QLineSeries();
    line->setName(tr("GPUs needed"));
    line->setPen(QPen(seriesColor(0), 2.0));
    // Each point holds from its date (or t0) until the day before the next (or the horizon end);
    // a step is drawn as its two ends, so the jumps are vertical.
    const double end = yearOf(horizonEnd + boost::gregorian::days(1));
    double high = 0.0;
    double at = yearOf(valuationDate);
    double gpus = 0.0;
    for (std::size_t i = 0; i < demand.curve.size(); ++i) {
        const Date from = std::max(demand.curve[i].date, valuationDate);
        if (from > horizonEnd)
            break;
        const double x = yearOf(from);
        if (x > at) {
            line->append(at, gpus);
            line->append(x, gpus);
            at = x;
        }
        gpus = demand.curve[i].gpus;
        high = std::max(high, gpus);
    }
    line->append(at, gpus);
    line->append(end, gpus);
    chart->addSeries(line);
    attachValueAxes(chart, QString(), tr("GPUs (%1)").arg(QString::fromStdString(demand.sku)));
    fitValueAxis(chart, 0.0, high);
    setYearTicks(chart, valuationDate.year(), horizonEnd.year() + 1);
}

void drawCapacityAgainstDemand(QChart* chart, const AlternativeResult& alternative, const QColor& colour) {
    resetChart(chart);
    chart->setTitle(QString());
    auto* bars = new QBarSeries();
    auto* capacity = new QBarSet(tr("Capacity"));
    auto* shortfall = new QBarSet(tr("Shortfall at spot"));
    capacity->setColor(colour);
    shortfall->setColor(costLineColor(int(CostLine::Shortfall)));
    auto* demand = new QLineSeries();
    demand->setName(tr("Demand"));
    QPen pen(QApplication::palette().text().color(), 2.0);
    demand->setPen(pen);
    demand->setPointsVisible(true);
    QStringList years;
    double high = 0.0;
    for (std::size_t y = 0; y < alternative.annual.size(); ++y) {
        const AnnualRow& row = alternative.annual[y];
        years << QString::number(row.year);
        *capacity << row.capacityH100Hours / 1e6;
        *shortfall << row.shortfallH100Hours / 1e6;
        // On a category axis a line's x is the category's index: the demand sits over its year.
        demand->append(double(y), row.demandH100Hours / 1e6);
        high = std::max({high, row.capacityH100Hours / 1e6, row.demandH100Hours / 1e6});
    }
    bars->append(capacity);
    bars->append(shortfall);
    chart->addSeries(bars);
    chart->addSeries(demand);
    // The unit as the title: a card is narrow, and a vertical axis title there would be cut short.
    chart->setTitle(tr("Million H100-equivalent GPU-hours a year"));
    QFont font = QApplication::font(); // set, not scaled: the chart is drawn again on every edit
    font.setPointSizeF(font.pointSizeF() * 0.9);
    chart->setTitleFont(font);
    chart->setMargins(QMargins(2, 2, 2, 2));
    attachValueAxes(chart, QString(), QString(), true, years);
    fitValueAxis(chart, 0.0, high);
}

} // namespace ledger::ui
