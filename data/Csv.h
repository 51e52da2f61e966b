#pragma once
// RFC 4180 CSV, as spreadsheets write it: quoted fields with "" for a quote, commas and line breaks
// inside quotes, CRLF or LF, UTF-8 with or without a byte-order mark. And the guard against formula
// injection that every CSV writer of the app applies to its text cells (docs/file-format.md, "CSV").
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace ledger::data {

struct CsvTable {
    QStringList header;
    std::vector<QStringList> rows; // data rows, header excluded
    std::vector<int> lineOfRow;    // spreadsheet row number of each data row (the header is row 1)
};

// Parses. An unquoted field loses its leading and trailing white space (spreadsheets pad cells); a
// quoted one is kept exactly as typed, since the quotes say its spaces are meant. Header names are
// trimmed either way. On malformed input (an unterminated quote, text after a closing quote)
// returns false and sets *error to "row N: <problem>".
bool parseCsv(const QByteArray& bytes, CsvTable* table, QString* error);

// One RFC 4180 line (CRLF-terminated), quoting fields that need it: a separator, a quote, a line
// break, or white space at either end (which an unquoted field would lose when read back).
QByteArray csvLine(const QStringList& fields);

// A spreadsheet runs a cell that starts with = + - @ TAB or CR as a formula (OWASP, "CSV
// Injection"), so a name like =1+2+cmd|' /C calc'!A0 would run on opening the file. Writers put a
// ' before such a text cell, which makes the spreadsheet show it as text; number cells are never
// escaped (-0.15 stays a number). A text that already starts with ' before such a character gets
// one ' more, so the rule is undone exactly: csvUnescapeText(csvEscapeText(s)) == s for every s, and
// a text the writer did not escape ('plain, =x typed by hand) reads back as it is.
bool csvTextNeedsEscape(const QString& text);
QString csvEscapeText(const QString& text);
QString csvUnescapeText(const QString& cell);

} // namespace ledger::data
