#include "ui/charts/ChartHelpers.h"

#include "engine/CostLine.h"

#include <vector>

#include <QAbstractSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QEvent>
#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QPalette>
#include <QValueAxis>

#include <algorithm>
#include <iterator>

namespace ledger::ui {

namespace {

// Refits a view's legend when the view changes size (its chart's width with it).
class LegendFit : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Resize)
            if (auto* view = qobject_cast<QChartView*>(watched); view && view->chart())
                fitLegend(view->chart());
        return false;
    }
};

QChart* styledChart(const QString& title) {
    auto* chart = new QChart();
    // After a layout the markers are there and the chart has its size: fit the legend to them (queued:
    // not from inside the layout that moved it; a second pass finds it in place and stops).
    QObject::connect(
        chart, &QChart::plotAreaChanged, chart, [chart] { fitLegend(chart); }, Qt::QueuedConnection);
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
    view->installEventFilter(new LegendFit(view));
    return view;
}

void fitLegend(QChart* chart) {
    QLegend* legend = chart->legend();
    if (!legend->isVisible() || chart->size().width() < 100)
        return; // no legend, or a chart not laid out yet
    // The font the chart was given: a legend shrunk for a narrow chart grows back when it widens.
    if (!legend->property("baseFont").isValid())
        legend->setProperty("baseFont", legend->font());
    const QFont base = legend->property("baseFont").value<QFont>();
    // A legend entry: the marker, its gaps and the label (Qt: 10 px marker, 3 px margins, 4 px space,
    // and the spacing between entries), with room to spare for the legend's own margins: an estimate
    // on the safe side, as Qt shortens a label a pixel too long.
    const auto widths = [legend](const QFont& font) {
        const QFontMetricsF metrics(font);
        double row = 0.0, longest = 0.0;
        for (QLegendMarker* marker : legend->markers())
            if (marker->isVisible()) {
                const double w = metrics.horizontalAdvance(marker->label()) + 32.0;
                row += w;
                longest = std::max(longest, w);
            }
        return std::pair{row, longest};
    };
    const QMargins margins = chart->margins();
    const double width = chart->size().width() - margins.left() - margins.right();
    const double room = width - 40.0;
    const auto [row, longest] = widths(base);
    // No marker shown: Qt hides them all for a moment during some layouts of a crowded page; fitted
    // then, the legend would grow back to its base font and stay too wide once they show again.
    if (row == 0.0)
        return;
    Qt::Alignment want = Qt::AlignBottom;
    QFont font = base;
    if (row > room) {
        // Qt gives a legend on the right at most 0.4 of the chart's width (its golden_ratio) and
        // shortens what is longer; there the entries stand one a line.
        if (longest + 40.0 <= 0.4 * width) {
            want = Qt::AlignRight;
        } else {
            // Too long for either: one row below in a smaller font, never under 6 points.
            font.setPointSizeF(std::max(6.0, base.pointSizeF() * room / row * 0.97));
        }
    }
    if (legend->font() != font)
        legend->setFont(font);
    if (legend->alignment() != want)
        legend->setAlignment(want);
}

QString legendBelow(QChart* chart) {
    chart->legend()->hide(); // its markers now read as hidden: an entry per shown series
    QStringList entries;
    for (QLegendMarker* marker : chart->legend()->markers()) {
        if (!marker->series()->isVisible())
            continue;
        // Its colour as every chart test reads it (a line's marker has the line's colour as its brush).
        const QColor colour = marker->brush().color();
        const QAbstractSeries::SeriesType type = marker->series()->type();
        const QChar symbol = type == QAbstractSeries::SeriesTypeScatter ? QChar(0x25CF) // a dot
                             : type == QAbstractSeries::SeriesTypeLine  ? QChar(0x2501) // a bar
                                                                        : QChar(0x25A0); // a square
        entries << QString("<span style=\"color:%1\">%2</span>&nbsp;%3")
                       .arg(colour.name(), QString(symbol),
                            marker->label().toHtmlEscaped().replace(' ', "&nbsp;"));
    }
    return entries.join(" &nbsp; ");
}

QChart* freshChart(QChartView* view) {
    QChart* old = view->chart();
    QChart* chart = styledChart(old ? old->title() : QString());
    view->setChart(chart); // the view owns the new chart and hands the old one back
    delete old;
    return chart;
}

QColor seriesColor(int i) {
    // Six hues apart from each other and from the shortfall's ochre (costLineColor; delta E 35 and
    // more: a capacity bar stands beside it), readable on a light and a dark base; the sixth is a
    // slate, not a teal (it read as the old shortfall teal).
    static const QColor colors[] = {QColor(0x20, 0x9f, 0xdf), QColor(0x99, 0xca, 0x53),
                                    QColor(0xf6, 0xa6, 0x25), QColor(0xd6, 0x4e, 0x8f),
                                    QColor(0x6d, 0x5f, 0xd5), QColor(0x78, 0x90, 0x9c)};
    return colors[i % 6];
}

QColor shadeOf(const QColor& colour) {
    const bool darkBase = QApplication::palette().base().color().lightnessF() < 0.5;
    return darkBase ? colour.lighter(150) : colour.darker(170);
}

QColor costLineColor(int line) {
    // A distinct hue per line (CostLine's order), paired dark and light: a line and its tax shield.
    // Two lines one chart can show together are apart (CIE76 delta E above 20; tst_ui_charts): the
    // prepayment a pale cyan, not a pale blue beside the operating tax shield's lilac; the shortfall
    // bought at spot an ochre and its tax shield a khaki, apart from every alternative's colour (the
    // capacity bars beside it) and from spot's teal.
    static constexpr QRgb colors[] = {0x1f77b4, 0xaadddd, 0xff7f0e, 0xffbb78, 0xd62728, 0xff9896, 0x9467bd,
                                      0xc5b0d5, 0x2ca02c, 0x98df8a, 0x8c564b, 0xe377c2, 0xf7b6d2, 0x7f7f7f,
                                      0xbcbd22, 0x17becf, 0x9edae5, 0x886600, 0xaaaa77};
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

double yearOf(const Date& d) {
    const Date first(d.year(), 1, 1);
    const double days = double((Date(d.year() + 1, 1, 1) - first).days());
    return double(d.year()) + double((d - first).days()) / days;
}

void setYearTicks(QChart* chart, int firstYear, int lastYear) {
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal)) {
        if (auto* v = qobject_cast<QValueAxis*>(axis)) {
            v->setRange(firstYear, lastYear);
            v->setTickCount(std::max(2, lastYear - firstYear + 1));
        }
    }
}

} // namespace ledger::ui
