#include "data/Csv.h"
#include "ui/report/ReportFiles.h"

#include <QDate>
#include <QDir>
#include <QSaveFile>

namespace ledger::report {

QByteArray tableCsv(const ReportTable& t) {
    QStringList header;
    for (const auto& c : t.columns)
        header << c.key;
    QByteArray out = data::csvLine(header);
    for (const auto& row : t.rows) {
        QStringList fields;
        for (const QVariant& v : row) {
            switch (v.typeId()) {
            case QMetaType::Double:
                fields << exactNumber(v.toDouble());
                break;
            case QMetaType::QDate:
                fields << v.toDate().toString(Qt::ISODate);
                break;
            case QMetaType::QString:
                // Ids and names come from the file: one like =1+2 must not run when the CSV is opened
                // in a spreadsheet (numbers are doubles above, so a negative cash stays a number).
                fields << data::csvEscapeText(v.toString());
                break;
            default:
                fields << v.toString(); // an integer; null: an empty field
            }
        }
        out += data::csvLine(fields);
    }
    return out;
}

bool writeCsvReport(const std::vector<ReportTable>& tables, const QString& dir, QString* error) {
    if (!QDir().mkpath(dir)) {
        *error = dir + ": cannot create the folder";
        return false;
    }
    for (const auto& t : tables) {
        const QString path = QDir(dir).filePath(t.name + ".csv");
        const QByteArray bytes = tableCsv(t);
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
            *error = path + ": cannot be written: " + f.errorString();
            return false;
        }
    }
    return true;
}

} // namespace ledger::report
