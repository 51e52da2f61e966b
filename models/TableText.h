#pragma once
// A table's cells as text that leaves the window (issue 19, "Numbers out"): the selection copied as
// tab-separated text, which Excel and LibreOffice paste as cells, and the whole table as a CSV file.
//
// A cell is what it shows (Qt::DisplayRole): a number copies as its displayed text ("5,943.7",
// "-12.0", "65.9%"), which a spreadsheet in an English locale reads as the number 5943.7 (the window
// always shows English digits: MoneyFormat.h), and what is pasted matches what was seen, rounding
// included. A CSV file is read by programs as well as spreadsheets, so there a number loses its
// thousands separators ("5943.7": no comma inside a field, as the report CSVs write numbers); text
// is kept. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets the ' of
// data::csvEscapeText in both, numbers never do. A tab or a line break inside a cell becomes a space
// in the tab-separated text (it would split the cell); the CSV quotes it instead.
#include <QAbstractItemModel>
#include <QByteArray>
#include <QItemSelection>
#include <QModelIndexList>
#include <QString>
#include <QStringList>

#include <vector>

namespace ledger::models {

// The text a table cell or header shows, as a grid: the cells of one rectangle, row by row.
struct TableCells {
    std::vector<QStringList> rows; // the header row first when there is one
};

// True when the model names its rows (an accounting line, a percentile): some vertical header's
// text is not the row number that Qt shows by default.
bool hasRowLabels(const QAbstractItemModel& model);

// A cell's text is a number as the window writes one: "1,234.5", "-0.3", "65.9%", "12".
bool isNumberText(const QString& text);

// The bounding rectangle of the selected cells (top-level cells of this model; others are
// ignored), in row and column order; a cell of the rectangle that is not selected is empty. With
// headers, the first row is the columns' header text, and when the model has row labels the first
// column is the rows' (the corner empty). Nothing selected: no rows.
TableCells selectedCells(const QAbstractItemModel& model, const QModelIndexList& selection, bool withHeaders);

// The selection as tab-separated text: rows joined by "\n" (no line break after the last), cells
// by tabs, tabs and line breaks inside a cell replaced by spaces, formula text escaped. Empty when
// nothing is selected.
QString selectionTsv(const QAbstractItemModel& model, const QModelIndexList& selection, bool withHeaders);
QString selectionTsv(const QAbstractItemModel& model, const QItemSelection& selection, bool withHeaders);

// The whole table as CSV (data::csvLine: RFC 4180, CRLF), header row and row labels included,
// numbers without thousands separators, formula text escaped.
QByteArray tableCsv(const QAbstractItemModel& model);

// Writes tableCsv(model) to path in one step (QSaveFile), refusing a path that is not a regular
// file (data::outputFileProblem). On failure returns false and sets *error to "<path>: <problem>".
bool writeTableCsv(const QAbstractItemModel& model, const QString& path, QString* error);

} // namespace ledger::models
