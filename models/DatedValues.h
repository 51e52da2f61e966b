#pragma once
// A step curve as a user types or pastes it into a grid: tranches (GPUs from a date), utilization
// (a share from a date), the demand (GPUs from a date). A cell is a date or a number typed as people
// type them (models/NumberInput: 60,000, 14.2B, 85%); two columns copied from a spreadsheet are rows.
// What is not a date or a number is refused here with a message naming the cell or the line; what
// the values mean (order, bounds) is validation's to say. No widgets.
#include "calendar/Date.h"
#include "models/NumberInput.h"

#include <QLocale>
#include <QString>

#include <optional>
#include <vector>

namespace ledger::models {

struct DatedValue {
    Date date;
    double value = 0.0;
    bool operator==(const DatedValue&) const = default;
};

// "2027-01-01"; else nullopt and *error = "<path>: \"x\" is not a real date in the form YYYY-MM-DD".
std::optional<Date> parseDateCell(const QString& text, const QString& path, QString* error);
// A number in the form and locale; else nullopt and *error = "<path>: <what was wrong>". currency: the
// portfolio's ISO code, which a money cell (a forward curve's price) may carry.
std::optional<double> parseValueCell(const QString& text, const QString& path, const NumberForm& form,
                                     const QLocale& locale, QString* error, const QString& currency = {});

// Rows of two columns, a date then a value, one point per non-empty line: cells separated by tabs (a
// spreadsheet's copy), else by ';', else by ','. A first line whose first cell is not a date is the
// header a spreadsheet's column titles make. Nullopt and *error naming the line ("line 3: ...") when a
// line is not a date and a number; valueName names the second column in the messages ("GPUs").
std::optional<std::vector<DatedValue>> parseDatedRows(const QString& text, const NumberForm& form,
                                                      const QLocale& locale, const QString& valueName,
                                                      QString* error, const QString& currency = {});

} // namespace ledger::models
