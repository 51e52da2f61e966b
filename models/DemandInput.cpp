#include "models/DemandInput.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace ledger::models {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("DemandInput", text);
}
} // namespace

std::optional<Date> parseDateCell(const QString& text, const QString& path, QString* error) {
    const QString trimmed = text.trimmed();
    if (const auto d = parseIsoDate(trimmed.toStdString()))
        return d;
    *error = tr("%1: \"%2\" is not a real date in the form YYYY-MM-DD").arg(path, trimmed);
    return std::nullopt;
}

std::optional<double> parseNumberCell(const QString& text, const QString& path, QString* error) {
    const QString trimmed = text.trimmed();
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::RejectGroupSeparator); // "2,400" is not 2400
    bool ok = false;
    const double v = c.toDouble(trimmed, &ok);
    if (ok && std::isfinite(v))
        return v;
    *error = tr("%1: \"%2\" is not a number (use a point for decimals)").arg(path, trimmed);
    return std::nullopt;
}

std::optional<std::vector<DemandPoint>> parseDemandRows(const QString& text, QString* error) {
    std::vector<DemandPoint> rows;
    const QStringList lines = text.split(QRegularExpression("\r\n|\n|\r"));
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines[n].trimmed();
        if (line.isEmpty())
            continue;
        const QChar separator = line.contains('\t') ? '\t' : line.contains(';') ? ';' : ',';
        const QStringList cells = line.split(separator);
        const QString where = tr("line %1").arg(n + 1);
        if (cells.size() != 2) {
            *error = tr("%1: %2 columns, expected two (date, GPUs)").arg(where).arg(cells.size());
            return std::nullopt;
        }
        if (rows.empty() && cells[0].trimmed().compare("date", Qt::CaseInsensitive) == 0 &&
            cells[1].trimmed().compare("gpus", Qt::CaseInsensitive) == 0)
            continue; // the header a spreadsheet's column titles make
        const auto date = parseDateCell(cells[0], where, error);
        if (!date)
            return std::nullopt;
        const auto gpus = parseNumberCell(cells[1], where, error);
        if (!gpus)
            return std::nullopt;
        rows.push_back({*date, *gpus});
    }
    if (rows.empty()) {
        *error = tr("nothing to paste: expected lines of a date and GPUs");
        return std::nullopt;
    }
    return rows;
}

} // namespace ledger::models
