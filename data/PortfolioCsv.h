#pragma once
// Contracts and fleets as finance teams keep them in spreadsheets (docs/file-format.md, "CSV"): one
// row per item, header names = the JSON keys (book_depreciation.method for nested ones), tranches
// as a "date:gpus;date:gpus" cell or as repeated rows with tranche_date and tranche_gpus. A bad
// row stops the import with "<file>: row 7, column price_per_gpu_hour: "2,40" is not a number"
// and nothing is imported.
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QByteArray>
#include <QString>

namespace ledger::data {

enum class CsvKind { Contracts, Fleets, Demand };

// Adds the file's contracts or fleets (told apart by their columns) to the portfolio, or with
// columns sku, date and gpus sets its demand (MODEL.md 8); the portfolio must stay valid. On any problem
// returns false, sets *error and leaves the portfolio as it was.
bool importCsv(Portfolio& p, const QByteArray& bytes, const QString& displayName, const SkuCatalog& catalog,
               QString* error, CsvKind* kind = nullptr);
bool importCsvFile(Portfolio& p, const QString& path, const SkuCatalog& catalog, QString* error);

// The same shape back: RFC 4180, UTF-8, CRLF, numbers in their shortest exact form.
QByteArray exportContractsCsv(const Portfolio& p);
QByteArray exportFleetsCsv(const Portfolio& p);
// The demand curve as import reads it (the header alone without a demand, which import reads as
// no demand).
QByteArray exportDemandCsv(const Portfolio& p);

} // namespace ledger::data
