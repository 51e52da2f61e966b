#pragma once
// The market editor's chart of a price series and its fit (models/PriceSeriesFit): each tier's
// points, the fitted median and its 5-95% band, on a time axis ticked by year, in USD per GPU-hour.
#include "models/PriceSeriesFit.h"

#include <QChart>

namespace ledger::ui {

// The points as a scatter, one series per tier named as the file names it; with a fit, the band as
// an area between p5 and p95 under them and the median as a line. The price axis from 0 to the
// chart's `high` (a band above it is clipped). The legend is for ChartHelpers' legendBelow.
void drawPriceFit(QChart* chart, const models::PriceFitChart& c);

} // namespace ledger::ui
