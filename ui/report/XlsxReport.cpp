#include "ui/report/ReportFiles.h"

#include "calendar/Date.h"
#include "data/Leftovers.h"

#include <QDate>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <memory>

namespace ledger::report {

namespace {

// Column widths in characters, by what the column holds.
double columnWidth(const ReportColumn& c) {
    switch (c.kind) {
    case ColumnKind::Text:
        return std::max<double>(14.0, double(c.key.size()) + 2.0);
    case ColumnKind::Date:
        return 12.0;
    case ColumnKind::Integer:
        return std::max<double>(8.0, double(c.key.size()) + 2.0);
    default:
        return std::max<double>(18.0, double(c.key.size()) + 2.0);
    }
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* date = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* money = nullptr;
    lxw_format* hours = nullptr;
    lxw_format* price = nullptr;
    lxw_format* fraction = nullptr;

    explicit Formats(lxw_workbook* wb) {
        header = workbook_add_format(wb);
        format_set_bold(header);
        format_set_bottom(header, LXW_BORDER_THIN);
        auto numeric = [&](const char* pattern) {
            lxw_format* f = workbook_add_format(wb);
            format_set_num_format(f, pattern);
            return f;
        };
        date = numeric("yyyy-mm-dd");
        integer = numeric("0");
        money = numeric("#,##0.00");
        hours = numeric("#,##0");
        price = numeric("#,##0.0000");
        fraction = numeric("0.0000");
    }

    lxw_format* of(ColumnKind k) const {
        switch (k) {
        case ColumnKind::Date:
            return date;
        case ColumnKind::Integer:
            return integer;
        case ColumnKind::Money:
            return money;
        case ColumnKind::Hours:
            return hours;
        case ColumnKind::Price:
            return price;
        case ColumnKind::Fraction:
            return fraction;
        case ColumnKind::Text:
            break;
        }
        return nullptr;
    }
};

void writeSheet(lxw_workbook* wb, const Formats& formats, const ReportTable& t) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.left(31).toUtf8().constData());
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        worksheet_write_string(ws, 0, lxw_col_t(c), t.columns[c].key.toUtf8().constData(), formats.header);
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), columnWidth(t.columns[c]), nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto row = lxw_row_t(r + 1);
        for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
            const QVariant& v = t.rows[r][c];
            lxw_format* f = formats.of(t.columns[c].kind);
            const auto col = lxw_col_t(c);
            switch (v.typeId()) {
            case QMetaType::Double:
            case QMetaType::LongLong:
            case QMetaType::Int:
                worksheet_write_number(ws, row, col, v.toDouble(), f);
                break;
            case QMetaType::QDate: {
                const QDate d = v.toDate();
                lxw_datetime dt{d.year(), d.month(), d.day(), 0, 0, 0.0};
                worksheet_write_datetime(ws, row, col, &dt, formats.date);
                break;
            }
            default:
                if (!v.isNull())
                    worksheet_write_string(ws, row, col, v.toString().toUtf8().constData(), nullptr);
            }
        }
    }
    if (!t.rows.empty())
        worksheet_autofilter(ws, 0, 0, lxw_row_t(t.rows.size()), lxw_col_t(t.columns.size() - 1));
}

void writeAboutSheet(lxw_workbook* wb, const Formats& formats, const ReportContent& c) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "report");
    worksheet_set_column(ws, 0, 0, 22, nullptr);
    worksheet_set_column(ws, 1, 1, 70, nullptr);
    std::vector<std::pair<QString, QString>> rows = {
        {"portfolio", QString::fromStdString(c.portfolio.name)},
        {"currency", QString::fromStdString(c.portfolio.currency)},
        {"valuation_date", QString::fromStdString(formatIsoDate(c.evaluation.valuationDate))},
        {"horizon_end", QString::fromStdString(formatIsoDate(c.evaluation.horizonEnd))},
        {"source_file", c.sourceFile},
        {"inputs_sha256", c.inputsHash},
        {"software_version", "ComputeLedger " + c.version},
        {"generated_utc", c.generatedUtc.toString(Qt::ISODate)}};
    if (c.simulation) {
        rows.push_back({"simulation_paths", QString::number(c.simulation->paths)});
        rows.push_back({"simulation_seed", QString::number(c.simulation->seed)});
        rows.push_back({"simulation_device", QString::fromStdString(c.simulation->device)});
    }
    worksheet_write_string(ws, 0, 0, "field", formats.header);
    worksheet_write_string(ws, 0, 1, "value", formats.header);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        worksheet_write_string(ws, lxw_row_t(r + 1), 0, rows[r].first.toUtf8().constData(), nullptr);
        worksheet_write_string(ws, lxw_row_t(r + 1), 1, rows[r].second.toUtf8().constData(), nullptr);
    }
}

} // namespace

bool writeXlsxReport(const ReportContent& c, const std::vector<ReportTable>& tables, const QString& path,
                     QString* error) {
    // libxlsxwriter writes to a path of its own; build the workbook in a private folder, then move
    // the finished bytes into place with QSaveFile so a failure never leaves half a workbook.
    QTemporaryDir scratch(data::temporaryFolderTemplate());
    if (!scratch.isValid()) {
        *error = path + ": cannot create a temporary folder: " + scratch.errorString();
        return false;
    }
    const QString draft = scratch.filePath("report.xlsx");
    lxw_workbook* wb = workbook_new(draft.toUtf8().constData());
    if (!wb) {
        *error = path + ": cannot start the workbook";
        return false;
    }
    const Formats formats(wb);
    writeAboutSheet(wb, formats, c);
    for (const auto& t : tables)
        writeSheet(wb, formats, t);
    if (const lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) {
        *error = path + ": cannot write the workbook: " + QString::fromUtf8(lxw_strerror(e));
        return false;
    }
    QFile built(draft);
    if (!built.open(QIODevice::ReadOnly)) {
        *error = path + ": cannot read the finished workbook back: " + built.errorString();
        return false;
    }
    const QByteArray bytes = built.readAll();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        *error = path + ": cannot be written: " + out.errorString();
        return false;
    }
    return true;
}

} // namespace ledger::report
