#include "ui/charts/OptionCharts.h"

#include "ui/charts/ChartHelpers.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLineSeries>
#include <QPalette>
#include <QValueAxis>

#include <algorithm>

namespace ledger::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("OptionCharts", text);
}
} // namespace

void drawExerciseBoundary(QChart* chart, const OptionResult& r, double marketPrice, const QString& currency) {
    resetChart(chart);
    if (r.boundaryCurve.empty())
        return;
    auto* saving = new QLineSeries();
    saving->setName(tr("Expected saving from exercising"));
    saving->setPen(QPen(seriesColor(0), 2.0));
    double low = 0.0, high = 0.0;
    for (const auto& p : r.boundaryCurve) {
        const double y = p.expectedSaving / 1e6;
        saving->append(p.index * marketPrice, y);
        low = std::min(low, y);
        high = std::max(high, y);
    }
    chart->addSeries(saving);
    const double first = r.boundaryCurve.front().index * marketPrice,
                 last = r.boundaryCurve.back().index * marketPrice;
    auto* zero = new QLineSeries();
    zero->setName(tr("No saving"));
    zero->setPen(QPen(QApplication::palette().text().color(), 1.0, Qt::DashLine));
    zero->append(first, 0.0);
    zero->append(last, 0.0);
    chart->addSeries(zero);
    if (r.boundaryPrice) {
        auto* boundary = new QLineSeries();
        boundary->setName(tr("Exercise boundary"));
        boundary->setPen(QPen(seriesColor(1), 2.0, Qt::DotLine));
        boundary->append(*r.boundaryPrice, low);
        boundary->append(*r.boundaryPrice, high);
        chart->addSeries(boundary);
    }
    attachValueAxes(chart, tr("Market price per GPU-hour on the exercise date (%1)").arg(currency),
                    tr("%1 M").arg(currency));
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal))
        if (auto* x = qobject_cast<QValueAxis*>(axis)) {
            x->setRange(first, last);
            x->setLabelFormat("%.2f");
        }
    fitValueAxis(chart, low, high, false);
}

} // namespace ledger::ui
