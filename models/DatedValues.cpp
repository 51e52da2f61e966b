#include "models/DatedValues.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace ledger::models {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("DatedValues", text);
}
} // namespace

std::optional<Date> parseDateCell(const QString& text, const QString& path, QString* error) {
    const QString trimmed = text.trimmed();
    if (const auto d = parseIsoDate(trimmed.toStdString()))
        return d;
    *error = tr("%1: \"%2\" is not a real date in the form YYYY-MM-DD").arg(path, trimmed);
    return std::nullopt;
}

std::optional<double> parseValueCell(const QString& text, const QString& path, const NumberForm& form,
                                     const QLocale& locale, QString* error, const QString& currency) {
    const NumberReading read = readNumber(text, form, locale, currency);
    if (!read.value)
        *error = QString("%1: %2").arg(path, read.error);
    return read.value;
}

std::optional<std::vector<DatedValue>> parseDatedRows(const QString& text, const NumberForm& form,
                                                      const QLocale& locale, const QString& valueName,
                                                      QString* error, const QString& currency) {
    std::vector<DatedValue> rows;
    const QStringList lines = text.split(QRegularExpression("\r\n|\n|\r"));
    bool first = true;
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines[n].trimmed();
        if (line.isEmpty())
            continue;
        const QChar separator = line.contains('\t') ? '\t' : line.contains(';') ? ';' : ',';
        const QStringList cells = line.split(separator);
        const QString where = tr("line %1").arg(n + 1);
        if (cells.size() != 2) {
            *error =
                tr("%1: %2 columns, expected two (date, %3)").arg(where).arg(cells.size()).arg(valueName);
            return std::nullopt;
        }
        // The column titles a spreadsheet's copy starts with ("Date", "GPUs"): neither a date nor a
        // number. A first row of data with a bad date is a bad row, not a header.
        const QString head = cells[0].trimmed();
        const bool header = first && !head.isEmpty() && !head.front().isDigit() &&
                            !readNumber(cells[1], form, locale, currency).value;
        first = false;
        if (header)
            continue;
        const auto date = parseDateCell(cells[0], where, error);
        if (!date)
            return std::nullopt;
        const auto value = parseValueCell(cells[1], where, form, locale, error, currency);
        if (!value)
            return std::nullopt;
        rows.push_back({*date, *value});
    }
    if (rows.empty()) {
        *error = tr("nothing to paste: expected lines of a date and %1").arg(valueName);
        return std::nullopt;
    }
    return rows;
}

} // namespace ledger::models
