#pragma once
// The demand as a user types or pastes it: a table cell (a date, a number of GPUs, a number of the
// demand's uncertainty) or two columns copied from a spreadsheet, read into the portfolio's types.
// What is not a date or a number is refused here with a message naming the field or the line;
// what the values mean (order, bounds, a need in the horizon) is validation's to say.
#include "portfolio/Portfolio.h"

#include <QString>

#include <optional>
#include <vector>

namespace ledger::models {

// "2027-01-01"; else nullopt and *error = "<path>: \"x\" is not a real date in the form YYYY-MM-DD".
std::optional<Date> parseDateCell(const QString& text, const QString& path, QString* error);
// "1500", "0.25" (a point for decimals, no group separators: "1,500" is refused); else nullopt and
// *error = "<path>: \"x\" is not a number (use a point for decimals)".
std::optional<double> parseNumberCell(const QString& text, const QString& path, QString* error);

// Rows of two columns, date then GPUs, one point per non-empty line: cells separated by tabs (a
// spreadsheet's copy), or else by ',' or ';'. A first line "date, gpus" (any case) is a header.
// Nullopt and *error naming the line ("line 3: ...") when a line is not a date and a number.
std::optional<std::vector<DemandPoint>> parseDemandRows(const QString& text, QString* error);

} // namespace ledger::models
