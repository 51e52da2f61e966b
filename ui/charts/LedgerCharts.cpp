#include "ui/charts/LedgerCharts.h"

#include "models/AccountingText.h"

#include "models/CostLineText.h"
#include "models/MoneyFormat.h"
#include "models/SensitivityText.h"
#include "ui/charts/ChartHelpers.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QBarSeries>
#include <QBarSet>
#include <QCoreApplication>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ledger::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("LedgerCharts", text);
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

void hideFromLegend(QChart* chart, const std::vector<QLineSeries*>& lines) {
    for (QLineSeries* line : lines)
        for (QLegendMarker* marker : chart->legend()->markers(line))
            marker->setVisible(false);
}

} // namespace

QStringList yearLabels(const EvaluationResult& r) {
    QStringList years;
    for (const auto& row : r.alternatives.front().annual)
        years << models::fiscalYearLabel(row.year, r.fiscalYearEndMonth);
    return years;
}

QString alternativeName(const EvaluationResult& r, const std::string& id) {
    const AlternativeResult* a = r.alternative(id);
    return a ? q(a->name) : q(id);
}

// The years of the rows: calendar years, or fiscal years (MODEL.md 1).
QString yearAxisTitle(const EvaluationResult& r) {
    return r.fiscalYearEndMonth == 12 ? tr("Calendar year") : tr("Fiscal year");
}

void drawAnnualCashByAlternative(QChart* chart, const EvaluationResult& r) {
    resetChart(chart);
    chart->setTitle(tr("Annual after-tax cash cost by alternative"));
    auto* series = new QBarSeries();
    int i = 0;
    for (const auto& a : r.alternatives) {
        auto* set = new QBarSet(q(a.name));
        set->setColor(seriesColor(i++));
        for (const auto& row : a.annual)
            *set << row.cash / 1e6;
        series->append(set);
    }
    chart->addSeries(series);
    attachValueAxes(chart, yearAxisTitle(r), tr("%1 millions").arg(q(r.currency)), true, yearLabels(r));
    fitValueAxisToBars(chart, series, false);
}

void drawAnnualCashByItem(QChart* chart, const EvaluationResult& r, const AlternativeResult& alternative) {
    resetChart(chart);
    chart->setTitle(tr("%1: annual after-tax cash cost by item (negative: tax shields and resale)")
                        .arg(q(alternative.name)));
    auto* series = new QStackedBarSeries();
    int i = 0;
    auto add = [&](const ItemResult& item) {
        auto* set = new QBarSet(q(item.name));
        set->setColor(seriesColor(i++));
        for (const auto& row : item.annual)
            *set << row.cash / 1e6;
        series->append(set);
    };
    if (alternative.demand) {
        // With a demand each item costs what the alternative's used share makes it (MODEL.md 8), and
        // the shortfall bought at spot is a part of the alternative's cash of its own.
        for (const auto& item : alternative.itemCosts)
            add(item);
        auto* shortfall = new QBarSet(tr("Shortfall bought at spot, after tax"));
        shortfall->setColor(costLineColor(int(CostLine::Shortfall)));
        for (const auto& row : alternative.annual)
            *shortfall << (row.lineCash[std::size_t(CostLine::Shortfall)] +
                           row.lineCash[std::size_t(CostLine::ShortfallTaxShield)]) /
                              1e6;
        series->append(shortfall);
    } else {
        for (const auto& id : alternative.items)
            if (const auto* item = r.item(id))
                add(*item);
    }
    chart->addSeries(series);
    attachValueAxes(chart, yearAxisTitle(r), tr("%1 millions").arg(q(r.currency)), true, yearLabels(r));
    fitValueAxisToBars(chart, series, true);
}

void drawAnnualCashByLine(QChart* chart, const EvaluationResult& r, const AlternativeResult& alternative) {
    resetChart(chart);
    chart->setTitle(tr("%1: annual after-tax cash cost by line (below zero: tax shields and resale)")
                        .arg(q(alternative.name)));
    auto* series = new QStackedBarSeries();
    double low = 0.0, high = 0.0;
    std::vector<double> up(alternative.annual.size(), 0.0), down(alternative.annual.size(), 0.0);
    for (const auto& l : alternative.lines) {
        if (l.cash == 0.0 && l.npv == 0.0)
            continue; // a line this alternative never has on the shock-free path (a default's)
        auto* set = new QBarSet(models::costLineLabel(l.line));
        set->setColor(costLineColor(int(l.line)));
        for (std::size_t y = 0; y < alternative.annual.size(); ++y) {
            const double v = alternative.annual[y].lineCash[std::size_t(l.line)] / 1e6;
            *set << v;
            (v >= 0 ? up[y] : down[y]) += v;
        }
        series->append(set);
    }
    for (std::size_t y = 0; y < up.size(); ++y) {
        high = std::max(high, up[y]);
        low = std::min(low, down[y]);
    }
    chart->addSeries(series);
    attachValueAxes(chart, yearAxisTitle(r), tr("%1 millions").arg(q(r.currency)), true, yearLabels(r));
    fitValueAxis(chart, low, high, false);
}

void drawCostWaterfall(QChart* chart, const CostWaterfall& w, const EvaluationResult& r) {
    resetChart(chart);
    const AlternativeResult* a = r.alternative(w.alternative);
    const AlternativeResult* b = r.alternative(w.reference);
    if (!a || !b)
        return;
    const QString cur = q(r.currency);
    chart->setTitle(tr("From %1 to %2: NPV cost by line").arg(q(b->name), q(a->name)));
    // A waterfall as stacked horizontal bars, read top down: an invisible base, then the step right
    // (costs more) or left (saves), or a total. Bar categories run bottom up, so the rows are added
    // in reverse.
    struct Row {
        QString label;
        double from, to;
        bool total;
    };
    std::vector<Row> rows{{q(b->name), 0.0, w.referenceNpv, true}};
    double running = w.referenceNpv;
    double low = std::min(0.0, w.referenceNpv), high = std::max(0.0, w.referenceNpv);
    for (const auto& s : w.steps) {
        rows.push_back({models::costLineLabel(s.line), running, running + s.difference, false});
        running += s.difference;
        low = std::min(low, running);
        high = std::max(high, running);
    }
    rows.push_back({q(a->name), 0.0, w.alternativeNpv, true});
    low = std::min(low, w.alternativeNpv) / 1e6;
    high = std::max(high, w.alternativeNpv) / 1e6;
    // Qt stacks negative values leftwards from 0 and positive ones rightwards, each on its own: a step
    // wholly right of 0 is a base then the step, one wholly left of 0 a negative base then the
    // (negative) step, and one across 0 a positive and a negative part with no base.
    auto* base = new QBarSet(QString());
    auto* more = new QBarSet(tr("Costs more"));
    auto* less = new QBarSet(tr("Saves"));
    auto* total = new QBarSet(tr("NPV cost"));
    auto* moreBelow = new QBarSet(QString()); // the part of a step left of 0, in its step's colour
    auto* lessBelow = new QBarSet(QString());
    base->setColor(Qt::transparent);
    base->setBorderColor(Qt::transparent);
    for (QBarSet* set : {more, moreBelow})
        set->setColor(QColor(0xc0, 0x39, 0x2b));
    for (QBarSet* set : {less, lessBelow})
        set->setColor(QColor(0x27, 0xae, 0x60));
    total->setColor(seriesColor(0));
    QStringList categories;
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        // Category labels must differ (the axis drops a repeated one): the same alternative twice,
        // or an alternative named like a line.
        QString label = it->label;
        while (categories.contains(label))
            label += QStringLiteral(" ");
        categories << label;
        const double lo = std::min(it->from, it->to) / 1e6, hi = std::max(it->from, it->to) / 1e6;
        const bool up = it->to > it->from;
        double baseValue = 0.0, above = 0.0, below = 0.0;
        if (it->total) {
            *total << it->to / 1e6;
        } else {
            *total << 0.0;
            if (lo >= 0.0) {
                baseValue = lo;
                above = hi - lo;
            } else if (hi <= 0.0) {
                baseValue = hi;
                below = lo - hi;
            } else {
                above = hi;
                below = lo;
            }
        }
        *base << baseValue;
        *more << (up ? above : 0.0);
        *less << (up ? 0.0 : above);
        *moreBelow << (up ? below : 0.0);
        *lessBelow << (up ? 0.0 : below);
    }
    auto* series = new QHorizontalStackedBarSeries();
    for (QBarSet* set : {base, more, less, total, moreBelow, lessBelow})
        series->append(set);
    chart->addSeries(series);
    const QPalette pal = QApplication::palette();
    auto* y = new QBarCategoryAxis();
    y->append(categories);
    y->setTruncateLabels(false);
    auto* x = new QValueAxis();
    x->setTitleText(tr("%1 millions").arg(cur));
    x->setLabelFormat("%'.0f");
    x->setRange(low >= 0.0 ? 0.0 : low * 1.05, high * 1.05);
    x->applyNiceNumbers();
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(x), static_cast<QAbstractAxis*>(y)}) {
        axis->setLabelsBrush(pal.text());
        axis->setTitleBrush(pal.text());
    }
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    for (QLegendMarker* marker : chart->legend()->markers(series))
        if (auto* bar = qobject_cast<QBarLegendMarker*>(marker);
            bar && (bar->barset() == base || bar->barset() == moreBelow || bar->barset() == lessBelow))
            marker->setVisible(false);
}

void drawNpvByAlternative(QChart* chart, const EvaluationResult& r, std::optional<std::size_t> winner,
                          const SimulationResult* s) {
    resetChart(chart);
    const QString cur = q(r.currency);
    chart->setTitle(s ? tr("NPV cost, after tax; whiskers: Monte Carlo P5 to P95")
                      : tr("NPV cost by alternative, after tax"));
    // The categories name the alternatives and their values, the title the band: no legend to read.
    chart->legend()->hide();
    // Horizontal bars, the first alternative on top (a horizontal chart draws its first category at
    // the bottom): the names have the room on the left a long name needs.
    auto* bars = new QHorizontalBarSeries();
    auto* npv = new QBarSet(tr("NPV cost"));
    // The others in a grey between the text and the base, the winner in its own colour (as on its
    // card) and named so beside its bar.
    const QPalette pal = QApplication::palette();
    const QColor text = pal.text().color(), base = pal.base().color();
    npv->setColor(QColor::fromRgbF(0.45f * text.redF() + 0.55f * base.redF(),
                                   0.45f * text.greenF() + 0.55f * base.greenF(),
                                   0.45f * text.blueF() + 0.55f * base.blueF()));
    npv->setBorderColor(Qt::transparent);
    const std::size_t n = r.alternatives.size();
    auto row = [n](std::size_t alternative) { return int(n - 1 - alternative); };
    QStringList categories;
    double low = 0.0, high = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = n - 1 - k;
        const AlternativeResult& a = r.alternatives[i];
        *npv << a.npvCost / 1e6;
        // Axis labels are rich text: the name over its value, on two lines.
        categories << (winner == i ? tr("<b>%1</b><br>%2 M, cheapest") : tr("%1<br>%2 M"))
                          .arg(q(a.name).toHtmlEscaped(), models::formatMillions(a.npvCost));
        low = std::min(low, a.npvCost / 1e6);
        high = std::max(high, a.npvCost / 1e6);
    }
    if (winner && *winner < n) {
        npv->setSelectedColor(seriesColor(int(*winner)));
        npv->selectBar(row(*winner));
    }
    bars->append(npv);
    bars->setBarWidth(0.55);
    chart->addSeries(bars);
    // The band: an I-beam per alternative across its bar (a line's y on the category axis is the
    // category's index), one series each so the beams are not joined.
    if (s) {
        for (const auto& sim : s->alternatives) {
            const auto at = std::find_if(r.alternatives.begin(), r.alternatives.end(),
                                         [&](const AlternativeResult& a) { return a.id == sim.id; });
            if (at == r.alternatives.end())
                continue;
            const double y = row(std::size_t(at - r.alternatives.begin()));
            const double p5 = sim.npvCost.p5 / 1e6, p95 = sim.npvCost.p95 / 1e6, cap = 0.15;
            auto* beam = new QLineSeries();
            beam->setName(tr("Monte Carlo P5 to P95"));
            beam->setPen(QPen(text, 2.0));
            beam->append(QList<QPointF>{
                {p5, y - cap}, {p5, y + cap}, {p5, y}, {p95, y}, {p95, y - cap}, {p95, y + cap}});
            chart->addSeries(beam);
            low = std::min(low, p5);
            high = std::max(high, p95);
        }
    }
    auto* names = new QBarCategoryAxis();
    names->append(categories);
    names->setTruncateLabels(false);
    auto* values = new QValueAxis();
    values->setTitleText(tr("%1 millions").arg(cur));
    values->setLabelFormat("%'.0f");
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(names), static_cast<QAbstractAxis*>(values)}) {
        axis->setLabelsBrush(pal.text());
        axis->setTitleBrush(pal.text());
    }
    chart->addAxis(names, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignBottom);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(names);
        series->attachAxis(values);
    }
    const double pad = 0.05 * std::max(1e-9, high - low);
    values->setRange(low >= 0.0 ? 0.0 : low - pad, high + pad);
    values->applyNiceNumbers();
}

QStringList drawCumulativeCost(QChart* chart, const EvaluationResult& r) {
    resetChart(chart);
    chart->setTitle(tr("Cumulative after-tax cash cost (undiscounted)"));
    // On a time axis: 0 at the valuation date, then each year's cumulative cost at that year's end
    // (the horizon end for the last), so a crossover inside a year is drawn inside it, where the
    // sentence says it is ("cross in 2029": between the 2029 tick and the 2030 tick).
    const double start = yearOf(r.valuationDate);
    const double horizon = yearOf(r.horizonEnd + boost::gregorian::days(1));
    auto yearEnd = [&](int year) { return std::min(horizon, double(year) + r.fiscalYearEndMonth / 12.0); };
    std::vector<std::vector<double>> cumulative;
    int colour = 0;
    for (const auto& a : r.alternatives) {
        auto* line = new QLineSeries();
        line->setName(q(a.name));
        line->setPen(QPen(seriesColor(colour++), 2.0));
        line->append(start, 0.0);
        double running = 0.0;
        std::vector<double> values;
        for (const auto& row : a.annual) {
            running += row.cash;
            values.push_back(running);
            line->append(yearEnd(row.year), running / 1e6);
        }
        cumulative.push_back(values);
        chart->addSeries(line);
    }
    // A crossover: two alternatives swap order between consecutive year ends.
    auto* marks = new QScatterSeries();
    marks->setName(tr("Crossover"));
    marks->setMarkerSize(12);
    // The text's colour, ringed in the base's: no alternative's line has it.
    const QPalette pal = QApplication::palette();
    marks->setColor(pal.text().color());
    marks->setBorderColor(pal.base().color());
    QStringList notes;
    for (std::size_t a = 0; a < cumulative.size(); ++a) {
        for (std::size_t b = a + 1; b < cumulative.size(); ++b) {
            for (std::size_t y = 1; y < cumulative[a].size(); ++y) {
                const double before = cumulative[a][y - 1] - cumulative[b][y - 1];
                const double after = cumulative[a][y] - cumulative[b][y];
                // A real swap: strictly one way before, strictly the other way after.
                if (before != 0.0 && after != 0.0 && (before < 0) != (after < 0)) {
                    // Where the two lines meet, inside year y (between its start and its end).
                    const double t = before / (before - after);
                    const double value = cumulative[a][y - 1] + t * (cumulative[a][y] - cumulative[a][y - 1]);
                    const double from = yearEnd(r.alternatives[a].annual[y - 1].year);
                    const double to = yearEnd(r.alternatives[a].annual[y].year);
                    marks->append(from + t * (to - from), value / 1e6);
                    notes << tr("%1 and %2 cross in %3")
                                 .arg(q(r.alternatives[a].name), q(r.alternatives[b].name),
                                      models::fiscalYearLabel(r.alternatives[a].annual[y].year,
                                                              r.fiscalYearEndMonth));
                }
            }
        }
    }
    chart->addSeries(marks);
    attachValueAxes(chart, tr("Time (ticks: 1 January; points: year ends)"),
                    tr("%1 millions").arg(q(r.currency)));
    double low = 0.0, high = 0.0;
    for (const auto& values : cumulative) {
        for (double v : values) {
            low = std::min(low, v / 1e6);
            high = std::max(high, v / 1e6);
        }
    }
    fitValueAxis(chart, low, high);
    setYearTicks(chart, r.valuationDate.year(), int(std::ceil(horizon)));
    return notes;
}

void drawDepreciation(QChart* chart, const EvaluationResult& r) {
    resetChart(chart);
    chart->setTitle(tr("Owned fleets: book and tax depreciation per year; NBV and market value at year end"));
    const QStringList years = yearLabels(r);
    auto* bars = new QBarSeries();
    auto* book = new QBarSet(tr("Book depreciation"));
    auto* tax = new QBarSet(tr("Tax depreciation"));
    auto* nbvBook = new QLineSeries();
    nbvBook->setName(tr("NBV, book"));
    auto* nbvTax = new QLineSeries();
    nbvTax->setName(tr("NBV, tax"));
    // Book in one hue, tax in another: the bars in it, the NBV lines in a deeper shade of it.
    book->setColor(seriesColor(0));
    tax->setColor(seriesColor(1));
    nbvBook->setPen(QPen(shadeOf(seriesColor(0)), 2.5));
    nbvTax->setPen(QPen(shadeOf(seriesColor(1)), 2.5));
    auto* market = new QLineSeries();
    market->setName(tr("Market value (expected resale)"));
    QPen marketPen(seriesColor(3), 2.0);
    marketPen.setStyle(Qt::DashLine);
    market->setPen(marketPen);
    double high = 0.0;
    for (std::size_t y = 0; y < std::size_t(years.size()); ++y) {
        double b = 0, t = 0, nb = 0, nt = 0, mv = 0;
        for (const auto& item : r.items) {
            if (item.kind != "fleet")
                continue;
            b += item.annual[y].depreciationBook;
            t += item.annual[y].depreciationTax;
            nb += item.annual[y].nbvBook;
            nt += item.annual[y].nbvTax;
            mv += item.annual[y].marketValue;
        }
        *book << b / 1e6;
        *tax << t / 1e6;
        nbvBook->append(double(y), nb / 1e6);
        nbvTax->append(double(y), nt / 1e6);
        market->append(double(y), mv / 1e6);
        high = std::max({high, b / 1e6, t / 1e6, nb / 1e6, nt / 1e6, mv / 1e6});
    }
    bars->append(book);
    bars->append(tax);
    chart->addSeries(bars);
    chart->addSeries(nbvBook);
    chart->addSeries(nbvTax);
    chart->addSeries(market);
    attachValueAxes(chart, yearAxisTitle(r), tr("%1 millions").arg(q(r.currency)), true, years);
    fitValueAxis(chart, 0.0, high);
}

void drawNpvHistogram(QChart* chart, const SimulationResult& s, const EvaluationResult& r) {
    const std::string& currency = r.currency;
    resetChart(chart);
    chart->setTitle(tr("NPV cost across paths"));
    // Every bin of every alternative inside the axes: Qt sizes them from one series only, which cut
    // the tallest peak off.
    double low = 0.0, high = 0.0, most = 0.0;
    bool first = true;
    for (std::size_t i = 0; i < s.alternatives.size(); ++i) {
        const auto& a = s.alternatives[i];
        auto* line = new QLineSeries();
        line->setName(alternativeName(r, a.id));
        line->setPen(QPen(seriesColor(int(i)), 2.0));
        const auto& h = a.npvHistogram;
        const double width = (h.high - h.low) / double(std::max<std::size_t>(1, h.counts.size()));
        for (std::size_t b = 0; b < h.counts.size(); ++b) {
            line->append((h.low + width * double(b)) / 1e6, double(h.counts[b]));
            line->append((h.low + width * double(b + 1)) / 1e6, double(h.counts[b]));
            most = std::max(most, double(h.counts[b]));
        }
        if (!h.counts.empty()) {
            low = first ? h.low / 1e6 : std::min(low, h.low / 1e6);
            high = first ? h.high / 1e6 : std::max(high, h.high / 1e6);
            first = false;
        }
        chart->addSeries(line);
    }
    attachValueAxes(chart, tr("NPV cost (%1 millions)").arg(q(currency)), tr("Paths"));
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal))
        if (auto* x = qobject_cast<QValueAxis*>(axis); x && high > low) {
            x->setLabelFormat("%'.0f");
            x->setRange(low, high);
            x->applyNiceNumbers(); // round ticks, the range only widened
        }
    fitValueAxis(chart, 0.0, most);
}

void drawCostFan(QChart* chart, const SimulationResult& s, const EvaluationResult& r) {
    const std::string& currency = r.currency;
    resetChart(chart);
    chart->setTitle(tr("Cumulative cash cost: p5, p50, p95 by year"));
    std::vector<QLineSeries*> bands;
    double low = 0.0, high = 0.0;
    for (std::size_t a = 0; a < s.alternatives.size(); ++a) {
        const auto& alt = s.alternatives[a];
        for (int quantile = 0; quantile < 3; ++quantile) {
            auto* line = new QLineSeries();
            line->setName(QString("%1 %2").arg(alternativeName(r, alt.id), quantile == 0   ? "p5"
                                                                           : quantile == 1 ? "p50"
                                                                                           : "p95"));
            QPen pen(seriesColor(int(a)));
            pen.setWidthF(quantile == 1 ? 2.5 : 1.2);
            pen.setStyle(quantile == 1 ? Qt::SolidLine : Qt::DashLine);
            line->setPen(pen);
            for (const auto& f : alt.annualCumulative) {
                line->append(f.year, (quantile == 0 ? f.p5 : quantile == 1 ? f.p50 : f.p95) / 1e6);
                low = std::min(low, f.p5 / 1e6);
                high = std::max(high, f.p95 / 1e6);
            }
            chart->addSeries(line);
            if (quantile != 1)
                bands.push_back(line);
        }
    }
    attachValueAxes(chart, tr("Year end (dashed: p5 and p95)"),
                    tr("%1 millions, cumulative").arg(q(currency)));
    hideFromLegend(chart, bands);
    fitValueAxis(chart, low, high);
    if (!s.alternatives.empty() && !s.alternatives.front().annualCumulative.empty())
        setYearTicks(chart, s.alternatives.front().annualCumulative.front().year,
                     s.alternatives.front().annualCumulative.back().year);
}

void drawConvergence(QChart* chart, const SimulationResult& s, const EvaluationResult& r) {
    const std::string& currency = r.currency;
    resetChart(chart);
    chart->setTitle(tr("Convergence: running mean of NPV cost, 95% band"));
    if (s.alternatives.empty())
        return;
    // The cheapest alternative alone: the others would squeeze its band flat on a shared axis.
    std::size_t best = 0;
    for (std::size_t a = 1; a < s.alternatives.size(); ++a)
        if (s.alternatives[a].npvCost.mean < s.alternatives[best].npvCost.mean)
            best = a;
    const auto& alt = s.alternatives[best];
    std::vector<QLineSeries*> bandLines;
    for (int part = 0; part < 3; ++part) {
        auto* line = new QLineSeries();
        line->setName(part == 0 ? alternativeName(r, alt.id) + tr(" running mean") : tr("95% band"));
        // The band in the text's colour: beside the mean, in the mean's, the legend showed one colour twice.
        QPen pen(part == 0 ? seriesColor(int(best)) : QApplication::palette().text().color());
        pen.setWidthF(part == 0 ? 2.5 : 1.2);
        pen.setStyle(part == 0 ? Qt::SolidLine : Qt::DotLine);
        line->setPen(pen);
        const double sign = part == 1 ? 1.0 : part == 2 ? -1.0 : 0.0;
        for (const auto& c : alt.convergence)
            line->append(std::log10(double(c.paths)), (c.mean + sign * c.halfWidth95) / 1e6);
        chart->addSeries(line);
        if (part == 2)
            bandLines.push_back(line);
    }
    attachValueAxes(chart, tr("log10(paths)"), tr("Mean NPV cost (%1 millions)").arg(q(currency)), false, {},
                    "%.1f");
    hideFromLegend(chart, bandLines);
    // The band is wide for the first hundred paths; scale to where it has settled (from 1,000 paths).
    double low = alt.npvCost.mean;
    double high = low;
    for (const auto& c : alt.convergence) {
        if (c.paths < std::min<std::int64_t>(1000, s.paths))
            continue;
        low = std::min(low, c.mean - c.halfWidth95);
        high = std::max(high, c.mean + c.halfWidth95);
    }
    fitValueAxis(chart, low / 1e6, high / 1e6, false);
}

void drawTornado(QChart* chart, const Sensitivity& s, const EvaluationResult& r) {
    resetChart(chart);
    const QString cur = q(r.currency);
    auto* lowSet = new QBarSet(tr("Input at its low setting"));
    auto* highSet = new QBarSet(tr("Input at its high setting"));
    QStringList names;
    // Widest at the top: a horizontal bar chart draws its first category at the bottom.
    for (auto it = s.bars.rbegin(); it != s.bars.rend(); ++it) {
        names << q(it->input);
        *lowSet << (it->low - s.base) / 1e6;
        *highSet << (it->high - s.base) / 1e6;
    }
    lowSet->setColor(seriesColor(0));
    highSet->setColor(seriesColor(2));
    auto* series = new QHorizontalBarSeries();
    series->append(lowSet);
    series->append(highSet);
    chart->addSeries(series);
    // The alternatives by their names (models/SensitivityText, the PDF's words too).
    chart->setTitle(models::tornadoTitle(s, r, cur));
    // Category axis on the left, values along the bottom.
    auto* y = new QBarCategoryAxis();
    y->append(names);
    auto* x = new QValueAxis();
    x->setTitleText(models::tornadoAxisTitle(s, r, cur));
    x->setLabelFormat("%'.0f");
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
}

void applyPrintStyle(QChart* chart) {
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(Qt::white);
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(Qt::black);
    chart->legend()->setLabelColor(Qt::black);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsBrush(Qt::black);
        axis->setTitleBrush(Qt::black);
        axis->setGridLineColor(QColor(0xd0, 0xd0, 0xd0));
        // Round ticks (0, 2,500, 5,000) read better on paper than the range split in equal fifths.
        if (auto* value = qobject_cast<QValueAxis*>(axis); value && value->labelFormat() == "%'.0f")
            value->applyNiceNumbers();
    }
}

} // namespace ledger::ui
