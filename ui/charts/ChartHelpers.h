#pragma once
// Small helpers shared by the charts: a chart view with a title, axes labelled with units, and the
// palette's colours so charts read in light and dark themes. All QtCharts code lives in ui/charts/
// and the tabs, so a later move to Qt Graphs touches few files.
#include <QChart>
#include <QChartView>
#include <QColor>
#include <QString>
#include <QStringList>

class QAbstractSeries;

namespace ledger::ui {

QChartView* makeChartView(const QString& title, QWidget* parent);
// The colour of the i-th alternative in every chart (readable on light and dark backgrounds).
QColor seriesColor(int i);
// The colour of a cost line in every chart: the same line looks the same in the window and the PDF.
QColor costLineColor(int line);
// Replaces the chart's series and axes.
void resetChart(QChart* chart);
// Adds a value axis (left) with a label; attaches every series.
// xFormat: printf format of a value x axis ("%.0f" for years).
void attachValueAxes(QChart* chart, const QString& xLabel, const QString& yLabel, bool categoryX = false,
                     const QStringList& categories = {}, const QString& xFormat = "%.0f");
// Sets the vertical value axis to [low, high] widened by 5% (QtCharts sizes it from one series only);
// from zero when the values are not negative, unless fromZero is false.
void fitValueAxis(QChart* chart, double low, double high, bool fromZero = true);
// One tick per calendar year on a value x axis.
void setYearTicks(QChart* chart, int firstYear, int lastYear);

} // namespace ledger::ui
