#include "data/Csv.h"

namespace ledger::data {

bool parseCsv(const QByteArray& input, CsvTable* table, QString* error) {
    QByteArray bytes = input;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString text = QString::fromUtf8(bytes);
    std::vector<QStringList> records;
    std::vector<int> recordRows;
    QStringList record;
    QString field;
    bool inQuotes = false, afterQuote = false, fieldStarted = false, quoted = false;
    bool lastFieldEmpty = false; // as typed, before trimming
    int row = 1, recordStart = 1;
    auto endField = [&] {
        lastFieldEmpty = field.isEmpty();
        record << (quoted ? field : field.trimmed());
        field.clear();
        afterQuote = false;
        fieldStarted = false;
        quoted = false;
    };
    auto endRecord = [&] {
        endField();
        // A blank line is no record (a line of spaces is a record, as it always was: its cells are
        // reported missing rather than the line skipped unseen).
        if (!(record.size() == 1 && lastFieldEmpty)) {
            records.push_back(record);
            recordRows.push_back(recordStart);
        }
        record.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else {
                if (c == '\n')
                    ++row;
                field += c;
            }
            continue;
        }
        if (c == ',') {
            endField();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            endRecord();
            ++row;
            recordStart = row;
        } else if (c == '"' && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
            quoted = true;
        } else if (afterQuote) {
            *error = QString("row %1: text after a closing quote").arg(row);
            return false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        *error = QString("row %1: a quoted field is not closed").arg(recordStart);
        return false;
    }
    if (!field.isEmpty() || !record.isEmpty() || afterQuote)
        endRecord();
    if (records.empty()) {
        *error = "the file is empty (expected a header row)";
        return false;
    }
    table->header = records.front();
    for (QString& h : table->header)
        h = h.trimmed();
    table->rows.assign(records.begin() + 1, records.end());
    table->lineOfRow.assign(recordRows.begin() + 1, recordRows.end());
    return true;
}

QByteArray csvLine(const QStringList& fields) {
    QStringList quoted;
    for (const QString& f : fields) {
        // trimmed() is what the reader applies to an unquoted field, so any white space it would
        // remove (a tab, a no-break space, not only ' ') is kept by quoting.
        if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r') || f != f.trimmed()) {
            QString q = f;
            q.replace("\"", "\"\"");
            quoted << "\"" + q + "\"";
        } else {
            quoted << f;
        }
    }
    return quoted.join(',').toUtf8() + "\r\n";
}

namespace {

// The characters OWASP lists as starting a formula in Excel, LibreOffice Calc and Google Sheets.
bool startsFormula(QChar c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

} // namespace

bool csvTextNeedsEscape(const QString& text) {
    // needsEscape(s) = s starts with a formula character, or s = "'" + t with needsEscape(t): skip the
    // leading apostrophes (a loop, not recursion, so a cell of a million ' cannot exhaust the stack).
    qsizetype i = 0;
    while (i < text.size() && text[i] == '\'')
        ++i;
    return i < text.size() && startsFormula(text[i]);
}

QString csvEscapeText(const QString& text) {
    return csvTextNeedsEscape(text) ? "'" + text : text;
}

QString csvUnescapeText(const QString& cell) {
    // Only a ' the writer could have put there is taken off: the rest must be a text it escapes.
    if (cell.startsWith('\'') && csvTextNeedsEscape(cell.mid(1)))
        return cell.mid(1);
    return cell;
}

} // namespace ledger::data
