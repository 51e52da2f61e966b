#include "ui/report/ReportFiles.h"

#include "calendar/Date.h"
#include "data/Leftovers.h"
#include "ui/report/ReportContent.h"

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
    lxw_format* percent = nullptr;
    lxw_format* number = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* total = nullptr; // a totals block's label

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
        percent = numeric("0.00##%");
        number = numeric("#,##0.######");
        wrap = workbook_add_format(wb);
        format_set_text_wrap(wrap);
        format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
        total = workbook_add_format(wb);
        format_set_bold(total);
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

// "A", "B", ..., "AA": a column's letters in a formula.
std::string columnLetters(std::size_t c) {
    std::string letters;
    for (std::size_t n = c + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), char('A' + (n - 1) % 26));
    return letters;
}

void writeFormula(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const QString& formula, lxw_format* f) {
    worksheet_write_formula(ws, row, col, formula.toUtf8().constData(), f);
}

// Below the rows and one empty row: per item, each totalled column as SUMIFS over the rows, so the
// spreadsheet adds them up itself (libxlsxwriter stores 0 as a formula's result until it is
// recalculated: Excel and LibreOffice recalculate on load).
void writeTotals(lxw_worksheet* ws, const Formats& formats, const ReportTable& t) {
    const auto totals = workbookTotals(t);
    if (!totals || t.rows.empty())
        return;
    const std::size_t by = std::size_t(totals->by);
    QStringList keys;
    for (const auto& row : t.rows)
        if (const QString k = row[by].toString(); !keys.contains(k))
            keys << k;
    const std::string last = std::to_string(t.rows.size() + 1); // the rows' last spreadsheet row
    auto range = [&](std::size_t c) {
        const std::string col = columnLetters(c);
        return QString::fromStdString("$" + col + "$2:$" + col + "$" + last);
    };
    lxw_row_t r = lxw_row_t(t.rows.size() + 2);
    worksheet_write_string(ws, r, 0, QString("total (formulas)").toUtf8().constData(), formats.header);
    for (int c : totals->columns)
        worksheet_write_string(ws, r, lxw_col_t(c), t.columns[std::size_t(c)].key.toUtf8().constData(),
                               formats.header);
    for (const QString& key : keys) {
        ++r;
        worksheet_write_string(ws, r, lxw_col_t(by), key.toUtf8().constData(), formats.total);
        const QString keyCell = QString::fromStdString(columnLetters(by) + std::to_string(r + 1));
        for (int c : totals->columns)
            writeFormula(ws, r, lxw_col_t(c),
                         QString("=SUMIFS(%1,%2,%3)").arg(range(std::size_t(c)), range(by), keyCell),
                         formats.of(t.columns[std::size_t(c)].kind));
    }
}

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
    writeTotals(ws, formats, t);
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

// Every input with its unit and source (models/AssumptionsAppendix.h): the value as a number, date or
// text cell, and as the report shows it.
void writeAssumptionsSheet(lxw_workbook* wb, const Formats& formats, const ReportContent& c) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Assumptions");
    const char* header[] = {"group", "input", "value", "unit", "shown_as", "source", "file_path"};
    const double widths[] = {30, 34, 18, 22, 26, 70, 36};
    for (lxw_col_t col = 0; col < 7; ++col) {
        worksheet_write_string(ws, 0, col, header[col], formats.header);
        worksheet_set_column(ws, col, col, widths[col], col == 5 ? formats.wrap : nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t r = 0;
    auto put = [&](const QString& group, const models::AppendixRow& row) {
        ++r;
        worksheet_write_string(ws, r, 0, group.toUtf8().constData(), nullptr);
        worksheet_write_string(ws, r, 1, row.label.toUtf8().constData(), nullptr);
        const QVariant& v = row.exact;
        if (v.typeId() == QMetaType::Double) {
            const bool share = row.unit.startsWith("share") || row.unit.startsWith("per year") ||
                               row.unit.startsWith("per √year");
            const bool rate = share && !row.label.contains("reversion", Qt::CaseInsensitive);
            worksheet_write_number(ws, r, 2, v.toDouble(), rate ? formats.percent : formats.number);
        } else if (v.typeId() == QMetaType::QDate) {
            const QDate d = v.toDate();
            lxw_datetime dt{d.year(), d.month(), d.day(), 0, 0, 0.0};
            worksheet_write_datetime(ws, r, 2, &dt, formats.date);
        } else {
            worksheet_write_string(ws, r, 2, v.toString().toUtf8().constData(), nullptr);
        }
        worksheet_write_string(ws, r, 3, row.unit.toUtf8().constData(), nullptr);
        worksheet_write_string(ws, r, 4, row.value.toUtf8().constData(), nullptr);
        worksheet_write_string(ws, r, 5, row.source.toUtf8().constData(), nullptr);
        worksheet_write_string(ws, r, 6, row.path.toUtf8().constData(), nullptr);
    };
    for (const auto* groups : {&c.assumptions, &c.catalogFigures})
        for (const auto& g : *groups) {
            for (const auto& row : g.rows)
                put(g.title, row);
            if (g.correlation) {
                static const char* names[] = {"GPU price", "utilization or demand", "power price"};
                for (int i = 0; i < 3; ++i)
                    for (int j = i + 1; j < 3; ++j) {
                        const double x = (*g.correlation)[std::size_t(i)][std::size_t(j)];
                        put(g.title, {QString("Correlation of %1 and %2").arg(names[i], names[j]),
                                      QString::number(x),
                                      x,
                                      {},
                                      g.correlationSource,
                                      QString("market.correlation[%1][%2]").arg(i).arg(j)});
                    }
            }
        }
    if (r > 0)
        worksheet_autofilter(ws, 0, 0, r, 6);
}

// Each alternative's NPV cost recomputed by the spreadsheet: XNPV at the discount rate over its rows
// of the dated_cash sheet (the valuation date first), beside the app's number and the difference;
// its total cash as their SUM beside the app's.
void writeNpvSheet(lxw_workbook* wb, const Formats& formats, const ReportContent& c) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "npv_recomputed");
    worksheet_write_string(ws, 0, 0, "discount_rate", formats.header);
    worksheet_write_number(ws, 0, 1, c.portfolio.assumptions.discountRate, formats.percent);
    const char* header[] = {"alternative", "name",       "npv_cost",         "npv_cost_by_xnpv",
                            "difference",  "total_cash", "total_cash_by_sum"};
    for (lxw_col_t col = 0; col < 7; ++col) {
        worksheet_write_string(ws, 2, col, header[col], formats.header);
        worksheet_set_column(ws, col, col, col == 1 ? 30 : 20, nullptr);
    }
    std::size_t first = 2; // dated_cash's first data row
    const auto& alternatives = c.evaluation.alternatives;
    for (std::size_t a = 0; a < alternatives.size() && a < c.datedCash.size(); ++a) {
        const auto row = lxw_row_t(3 + a);
        const std::size_t last = first + c.datedCash[a].size() - 1;
        const QString cash = QString("dated_cash!$C$%1:$C$%2").arg(first).arg(last);
        const QString dates = QString("dated_cash!$B$%1:$B$%2").arg(first).arg(last);
        const std::string excelRow = std::to_string(row + 1);
        worksheet_write_string(ws, row, 0, alternatives[a].id.c_str(), nullptr);
        worksheet_write_string(ws, row, 1, alternatives[a].name.c_str(), nullptr);
        worksheet_write_number(ws, row, 2, alternatives[a].npvCost, formats.money);
        writeFormula(ws, row, 3, QString("=XNPV($B$1,%1,%2)").arg(cash, dates), formats.money);
        writeFormula(ws, row, 4, QString::fromStdString("=D" + excelRow + "-C" + excelRow), formats.money);
        worksheet_write_number(ws, row, 5, alternatives[a].totalCash, formats.money);
        writeFormula(ws, row, 6, QString("=SUM(%1)").arg(cash), formats.money);
        first = last + 1;
    }
}

} // namespace

int workbookSheetCount(const std::vector<ReportTable>& tables) {
    return int(tables.size()) + 3; // report, Assumptions, npv_recomputed
}

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
    writeAssumptionsSheet(wb, formats, c);
    writeNpvSheet(wb, formats, c);
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
