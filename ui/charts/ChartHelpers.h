#pragma once
// Small helpers shared by the charts: a chart view with a title, axes labelled with units, and the
// palette's colours so charts read in light and dark themes. All QtCharts code lives in ui/charts/
// and the tabs, so a later move to Qt Graphs touches few files.
#include "calendar/Date.h"

#include <QAbstractBarSeries>
#include <QChart>
#include <QChartView>
#include <QColor>
#include <QString>
#include <QStringList>

class QAbstractSeries;

namespace ledger::ui {

QChartView* makeChartView(const QString& title, QWidget* parent);
// Keeps every legend entry whole: below the chart while its entries fit in one row there, else on
// the right, one a line, while the longest fits in the 40% of the width Qt gives a legend there
// (Qt shortens a label that does not fit: "Shortfall tax sh..."), else below in a smaller font. Every chart
// of makeChartView and freshChart does it on its own, after each layout and when the view resizes.
void fitLegend(QChart* chart);
// The chart's legend as rich text that wraps, for a label under a chart too narrow for a legend in one
// row or on its side (the market editor's, in the editor's column): an entry per shown series, its
// colour's symbol (a dot for points, a bar for a line, a square for an area) and its whole label, the
// entries broken between, never inside. The chart's own legend is hidden.
QString legendBelow(QChart* chart);
// The colour of the i-th alternative in every chart (readable on light and dark backgrounds).
QColor seriesColor(int i);
// A deeper shade of a colour, for a line beside bars of that colour: darker on a light base, lighter
// on a dark one.
QColor shadeOf(const QColor& colour);
// The colour of a cost line in every chart: the same line looks the same in the window and the PDF.
QColor costLineColor(int line);
// A new, empty chart on the view in place of its chart (styled as makeChartView's, its title kept),
// to draw on: Qt Charts 6.4 leaves a removed axis's items in the scene (about 90 a redraw), so a
// chart redrawn in place slows down with every edit (the Cash flows chart from 23 ms to 185 ms over
// 30 edits), a fresh one does not.
QChart* freshChart(QChartView* view);
// Removes the chart's series and axes (a chart drawn again in place: see freshChart).
void resetChart(QChart* chart);
// Adds a value axis (left) with a label; attaches every series.
// xFormat: printf format of a value x axis ("%.0f" for years).
void attachValueAxes(QChart* chart, const QString& xLabel, const QString& yLabel, bool categoryX = false,
                     const QStringList& categories = {}, const QString& xFormat = "%.0f");
// Sets the vertical value axis to [low, high] widened by 5% (QtCharts sizes it from one series only);
// from zero when the values are not negative, unless fromZero is false.
// The vertical value axis over [low, high] padded by 5% (from 0 when fromZero and low >= 0), at
// round ticks.
void fitValueAxis(QChart* chart, double low, double high, bool fromZero = true);
// The same over a bar series' values: each bar (grouped), or each category's positive and negative
// sums (stacked).
void fitValueAxisToBars(QChart* chart, const QAbstractBarSeries* series, bool stacked);
// A date as a fractional calendar year (2027-07-02 is 2027.5): the x of a value axis ticked by year.
double yearOf(const Date& d);
// One tick per calendar year on a value x axis.
void setYearTicks(QChart* chart, int firstYear, int lastYear);

} // namespace ledger::ui
