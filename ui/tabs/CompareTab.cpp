#include "tabs/CompareTab.h"

#include "PortfolioDocument.h"
#include "charts/ChartHelpers.h"

#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>

#include <algorithm>

namespace ledger::ui {

CompareTab::CompareTab(models::PortfolioDocument* doc, QWidget* parent)
    : DocumentTab(doc, parent) {
    auto* layout = new QVBoxLayout(this);
    chart_ = makeChartView(tr("Cumulative after-tax cash cost (undiscounted)"), this);
    crossovers_ = new QLabel(this);
    crossovers_->setWordWrap(true);
    layout->addWidget(chart_, 1);
    layout->addWidget(crossovers_);
}

void CompareTab::refresh() {
    QChart* chart = chart_->chart();
    resetChart(chart);
    if (!doc_->hasPortfolio())
        return;
    const auto& r = doc_->evaluation();
    std::vector<std::vector<double>> cumulative;
    for (const auto& a : r.alternatives) {
        auto* line = new QLineSeries();
        line->setName(QString::fromStdString(a.name));
        double running = 0.0;
        std::vector<double> values;
        for (const auto& row : a.annual) {
            running += row.cash;
            values.push_back(running);
            line->append(row.year, running / 1e6);
        }
        cumulative.push_back(values);
        chart->addSeries(line);
    }
    // A crossover: two alternatives swap order between consecutive year ends.
    auto* marks = new QScatterSeries();
    marks->setName(tr("Crossover"));
    marks->setMarkerSize(12);
    QStringList notes;
    for (std::size_t a = 0; a < cumulative.size(); ++a) {
        for (std::size_t b = a + 1; b < cumulative.size(); ++b) {
            for (std::size_t y = 1; y < cumulative[a].size(); ++y) {
                const double before = cumulative[a][y - 1] - cumulative[b][y - 1];
                const double after = cumulative[a][y] - cumulative[b][y];
                // A real swap: strictly one way before, strictly the other way after.
                if (before != 0.0 && after != 0.0 && (before < 0) != (after < 0)) {
                    // Where the two lines meet, between the year ends.
                    const double t = before / (before - after);
                    const double value = cumulative[a][y - 1] + t * (cumulative[a][y] - cumulative[a][y - 1]);
                    marks->append(r.alternatives[a].annual[y - 1].year + t, value / 1e6);
                    notes << tr("%1 and %2 cross in %3")
                                 .arg(QString::fromStdString(r.alternatives[a].name),
                                      QString::fromStdString(r.alternatives[b].name))
                                 .arg(r.alternatives[a].annual[y].year);
                }
            }
        }
    }
    chart->addSeries(marks);
    attachValueAxes(chart, tr("Calendar year end"),
                    tr("%1 millions, cumulative").arg(QString::fromStdString(r.currency)));
    double high = 0.0;
    for (const auto& values : cumulative)
        for (double v : values)
            high = std::max(high, v / 1e6);
    fitValueAxis(chart, 0.0, high);
    setYearTicks(chart, r.alternatives.front().annual.front().year,
                 r.alternatives.front().annual.back().year);
    crossovers_->setText(notes.isEmpty() ? tr("No crossover: the order of the alternatives holds every year.")
                                         : notes.join("; ") + ".");
}

} // namespace ledger::ui
