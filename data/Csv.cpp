#include "Csv.h"

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
    bool inQuotes = false, afterQuote = false, fieldStarted = false;
    int row = 1, recordStart = 1;
    auto endField = [&] {
        record << field;
        field.clear();
        afterQuote = false;
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        // A blank line is no record.
        if (!(record.size() == 1 && record[0].isEmpty())) {
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
        if (f.contains(',') || f.contains('"') || f.contains('\n') || f.contains('\r') || f.startsWith(' ') ||
            f.endsWith(' ')) {
            QString q = f;
            q.replace("\"", "\"\"");
            quoted << "\"" + q + "\"";
        } else {
            quoted << f;
        }
    }
    return quoted.join(',').toUtf8() + "\r\n";
}

} // namespace ledger::data
