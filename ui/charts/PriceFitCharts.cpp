#include "ui/charts/PriceFitCharts.h"

#include "ui/charts/ChartHelpers.h"

#include <QApplication>
#include <QAreaSeries>
#include <QCoreApplication>
#include <QLineSeries>
#include <QPalette>
#include <QScatterSeries>
#include <QValueAxis>

namespace ledger::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("PriceFitCharts", text);
}

// The band's colour: the slate of the sixth alternative, apart from the tiers' four colours (the
// first four alternatives') and from the median in the text's colour.
constexpr int kBandColour = 5;

} // namespace

void drawPriceFit(QChart* chart, const models::PriceFitChart& c) {
    resetChart(chart);
    if (!c.band.empty()) {
        auto* upper = new QLineSeries();
        auto* lower = new QLineSeries();
        auto* median = new QLineSeries();
        for (const auto& b : c.band) {
            const double x = yearOf(b.date);
            upper->append(x, b.band.p95);
            lower->append(x, b.band.p5);
            median->append(x, b.band.median);
        }
        // The area owns its two edges; they are not series of the chart, so not in the legend.
        auto* band = new QAreaSeries(upper, lower);
        upper->setParent(band);
        lower->setParent(band);
        band->setName(tr("5-95% band"));
        QColor fill = seriesColor(kBandColour);
        fill.setAlpha(110);
        band->setBrush(fill);
        band->setPen(QPen(seriesColor(kBandColour), 1.0));
        chart->addSeries(band);
        median->setName(tr("Fitted median"));
        median->setPen(QPen(QApplication::palette().text().color(), 2.0));
        chart->addSeries(median);
    }
    for (std::size_t i = 0; i < c.tiers.size(); ++i) {
        auto* points = new QScatterSeries();
        points->setName(c.tiers[i].name);
        points->setMarkerSize(7.0);
        points->setColor(seriesColor(int(i)));
        points->setBorderColor(shadeOf(seriesColor(int(i))));
        for (const DatedPrice& p : c.tiers[i].points)
            points->append(yearOf(p.date), p.price);
        chart->addSeries(points);
    }
    attachValueAxes(chart, QString(), tr("USD per GPU-hour"));
    for (QAbstractAxis* axis : chart->axes(Qt::Vertical))
        if (auto* y = qobject_cast<QValueAxis*>(axis))
            y->setLabelFormat("%.2f");
    fitValueAxis(chart, 0.0, c.high);
    if (!c.tiers.empty())
        setYearTicks(chart, c.from.year(), c.to.year() + 1);
}

} // namespace ledger::ui
