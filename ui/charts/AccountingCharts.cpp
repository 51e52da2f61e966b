#include "ui/charts/AccountingCharts.h"

#include "models/AccountingText.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCoreApplication>
#include <QValueAxis>

#include <algorithm>

namespace ledger::ui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("AccountingCharts", text);
}
} // namespace

void drawEbitdaCostByAlternative(QChart* chart, const EvaluationResult& r) {
    resetChart(chart);
    chart->setTitle(tr("EBITDA cost by fiscal year and alternative (pre-tax, costs positive)"));
    if (r.alternatives.empty())
        return;
    auto* series = new QBarSeries();
    double low = 0.0;
    double high = 0.0;
    int i = 0;
    for (const auto& a : r.alternatives) {
        auto* set = new QBarSet(QString::fromStdString(a.name));
        set->setColor(seriesColor(i++));
        for (const auto& y : a.accounting) {
            *set << y.ebitdaCost / 1e6;
            low = std::min(low, y.ebitdaCost / 1e6);
            high = std::max(high, y.ebitdaCost / 1e6);
        }
        series->append(set);
    }
    chart->addSeries(series);
    attachValueAxes(chart, yearAxisTitle(r), tr("%1 millions").arg(QString::fromStdString(r.currency)), true,
                    yearLabels(r));
    fitValueAxis(chart, low, high);
}

} // namespace ledger::ui
