#include "ui/charts/ChartHelpers.h"

#include "engine/CostLine.h"

#include <vector>

#include <QAbstractSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QPalette>
#include <QValueAxis>

#include <algorithm>
#include <iterator>

namespace ledger::ui {

namespace {
QChart* styledChart(const QString& title) {
    auto* chart = new QChart();
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    const QPalette pal = QApplication::palette();
    chart->setBackgroundBrush(pal.base());
    chart->setTitleBrush(pal.text());
    chart->legend()->setLabelColor(pal.text().color());
    return chart;
}
} // namespace

QChartView* makeChartView(const QString& title, QWidget* parent) {
    auto* view = new QChartView(styledChart(title), parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

QChart* freshChart(QChartView* view) {
    QChart* old = view->chart();
    QChart* chart = styledChart(old ? old->title() : QString());
    view->setChart(chart); // the view owns the new chart and hands the old one back
    delete old;
    return chart;
}

QColor seriesColor(int i) {
    static const QColor colors[] = {QColor(0x20, 0x9f, 0xdf), QColor(0x99, 0xca, 0x53),
                                    QColor(0xf6, 0xa6, 0x25), QColor(0xd6, 0x4e, 0x8f),
                                    QColor(0x6d, 0x5f, 0xd5), QColor(0x00, 0x9e, 0x8f)};
    return colors[i % 6];
}

QColor costLineColor(int line) {
    // A distinct hue per line (CostLine's order), paired dark and light: a line and its tax shield.
    // The shortfall is bought at spot: a darker teal than spot's own, which no alternative shows
    // beside it (spot has no shortfall).
    static constexpr QRgb colors[] = {0x1f77b4, 0xaec7e8, 0xff7f0e, 0xffbb78, 0xd62728, 0xff9896, 0x9467bd,
                                      0xc5b0d5, 0x2ca02c, 0x98df8a, 0x8c564b, 0xe377c2, 0xf7b6d2, 0x7f7f7f,
                                      0xbcbd22, 0x17becf, 0x9edae5, 0x00838f, 0x7fc8cf};
    static_assert(std::size(colors) == std::size_t(kCostLines), "costLineColor: one colour per CostLine");
    return QColor(colors[std::size_t(line) % std::size(colors)]);
}

void resetChart(QChart* chart) {
    chart->removeAllSeries();
    // removeAxis hands the axis back to the caller: delete it, or every redraw keeps one more.
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

void attachValueAxes(QChart* chart, const QString& xLabel, const QString& yLabel, bool categoryX,
                     const QStringList& categories, const QString& xFormat) {
    const QPalette pal = QApplication::palette();
    QAbstractAxis* x = nullptr;
    if (categoryX) {
        auto* axis = new QBarCategoryAxis();
        axis->append(categories);
        x = axis;
    } else {
        auto* axis = new QValueAxis();
        axis->setLabelFormat(xFormat);
        x = axis;
    }
    x->setTitleText(xLabel);
    auto* y = new QValueAxis();
    y->setTitleText(yLabel);
    y->setLabelFormat("%'.0f");
    for (QAbstractAxis* axis : {x, static_cast<QAbstractAxis*>(y)}) {
        axis->setLabelsBrush(pal.text());
        axis->setTitleBrush(pal.text());
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

} // namespace ledger::ui

namespace ledger::ui {

void fitValueAxis(QChart* chart, double low, double high, bool fromZero) {
    const double pad = 0.05 * std::max(1e-9, high - low);
    for (QAbstractAxis* axis : chart->axes(Qt::Vertical)) {
        if (auto* v = qobject_cast<QValueAxis*>(axis)) {
            v->setRange(fromZero && low >= 0.0 ? 0.0 : low - pad, high + pad);
            // Round ticks (0, 2,000, 4,000), a multiple of the step: 0 is a tick whenever it is in range.
            v->applyNiceNumbers();
        }
    }
}

void fitValueAxisToBars(QChart* chart, const QAbstractBarSeries* series, bool stacked) {
    double low = 0.0, high = 0.0;
    std::vector<double> up, down;
    for (const QBarSet* set : series->barSets())
        for (int c = 0; c < set->count(); ++c) {
            const double v = set->at(c);
            if (!stacked) {
                low = std::min(low, v);
                high = std::max(high, v);
                continue;
            }
            if (std::size_t(c) >= up.size()) {
                up.resize(std::size_t(c) + 1, 0.0);
                down.resize(std::size_t(c) + 1, 0.0);
            }
            (v >= 0.0 ? up : down)[std::size_t(c)] += v;
        }
    for (std::size_t c = 0; c < up.size(); ++c) {
        high = std::max(high, up[c]);
        low = std::min(low, down[c]);
    }
    fitValueAxis(chart, low, high);
}

} // namespace ledger::ui

namespace ledger::ui {

void setYearTicks(QChart* chart, int firstYear, int lastYear) {
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal)) {
        if (auto* v = qobject_cast<QValueAxis*>(axis)) {
            v->setRange(firstYear, lastYear);
            v->setTickCount(std::max(2, lastYear - firstYear + 1));
        }
    }
}

} // namespace ledger::ui
