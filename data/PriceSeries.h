#pragma once
// A price series on disk (docs/file-format.md, "Price series"): a CSV of dated GPU rental prices, the
// bundled H100 reference series (resources/market/h100-prices.csv) and any series a user calibrates
// the market model on (computeledger calibrate).
#include "analytics/PriceSeries.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ledger::data {

// Parses. The columns date and price_per_gpu_hour (or its short name price) are required; tier, sku,
// source, date_read, estimate (yes or no, empty: no) and note are optional; any other column is an
// error. Any problem: nullopt and *error set to one line naming the file and the row as a
// spreadsheet numbers it ("h100-prices.csv row 5: price_per_gpu_hour must be > 0, got -1").
std::optional<PriceSeries> readPriceSeriesCsv(const QByteArray& bytes, const QString& displayName,
                                              QString* error);
// Reads the file once and boundedly (data/InputFile.h), then parses; messages name `path`.
std::optional<PriceSeries> loadPriceSeriesFile(const QString& path, QString* error);

// A tier as typed (a --tier option): nullopt and *error = "\"x\" is not one of on-demand, ..." when
// it is none.
std::optional<PriceTier> priceTierFromText(const QString& text, QString* error);

// The bundled series; a broken bundled file is a build defect: this throws.
PriceSeries bundledPriceSeries();
// "h100-prices.csv": what messages and listings call it.
QString bundledPriceSeriesName();

} // namespace ledger::data
