#pragma once
// One field of a portfolio changed by its JSON path ("contracts[0].price_per_gpu_hour"): a typed
// change to the typed portfolio, the value read as the file reader reads that field and the result
// checked as a file is, so the GUI's editors and the file reader give the same messages.
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QJsonValue>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace ledger::data {

// The portfolio with the value at `path` replaced (or removed, for an undefined value: the default
// applies). Nullopt and *error = "<path>: <problem>" when the result would not be valid. A path is
// a field of the portfolio's, a contract's, a contract option's ("contracts[0].options[1].fee"), a
// fleet's, a SKU's or the market model's table (portfolio/ItemFields.h, portfolio/MarketFields.h), or
// "alternatives" (the whole list).
std::optional<Portfolio> withValue(const Portfolio& p, const QString& path, const QJsonValue& value,
                                   const SkuCatalog& catalog, QString* error);

// Several values set together and checked once (a price replacing a contract value).
std::optional<Portfolio> withValues(const Portfolio& p,
                                    const std::vector<std::pair<QString, QJsonValue>>& values,
                                    const SkuCatalog& catalog, QString* error);

// The value at `path` as the file holds it (undefined when absent or not a field).
QJsonValue valueAt(const Portfolio& p, const QString& path);

} // namespace ledger::data
