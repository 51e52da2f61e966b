#pragma once
// RFC 4180 CSV, as spreadsheets write it: quoted fields with "" for a quote, commas and line breaks
// inside quotes, CRLF or LF, UTF-8 with or without a byte-order mark.
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

// Parses; on malformed input (an unterminated quote, text after a closing quote) returns false and
// sets *error to "row N: <problem>".
bool parseCsv(const QByteArray& bytes, CsvTable* table, QString* error);

// One RFC 4180 line (CRLF-terminated), quoting fields that need it.
QByteArray csvLine(const QStringList& fields);

} // namespace ledger::data
