#include "models/TableText.h"

#include "data/Csv.h"
#include "data/OutputFiles.h"

#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <climits>

namespace ledger::models {

namespace {

QString headerText(const QAbstractItemModel& model, int section, Qt::Orientation o) {
    return model.headerData(section, o, Qt::DisplayRole).toString();
}

// The rectangle rows [top, bottom] x columns [left, right]; a cell for which selected(r, c) is false
// stays empty.
template <typename Selected>
TableCells rectangle(const QAbstractItemModel& model, int top, int left, int bottom, int right,
                     bool withHeaders, Selected selected) {
    const bool labels = withHeaders && hasRowLabels(model);
    TableCells out;
    if (withHeaders) {
        QStringList header;
        if (labels)
            header << QString();
        for (int c = left; c <= right; ++c)
            header << headerText(model, c, Qt::Horizontal);
        out.rows.push_back(header);
    }
    for (int r = top; r <= bottom; ++r) {
        QStringList row;
        if (labels)
            row << headerText(model, r, Qt::Vertical);
        for (int c = left; c <= right; ++c)
            row << (selected(r, c) ? model.index(r, c).data(Qt::DisplayRole).toString() : QString());
        out.rows.push_back(row);
    }
    return out;
}

// One cell of tab-separated text: on one line, in one cell, never run as a formula.
QString tsvCell(QString text) {
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    return isNumberText(text) ? text : data::csvEscapeText(text);
}

QString csvCell(const QString& text) {
    if (isNumberText(text))
        return QString(text).remove(',');
    return data::csvEscapeText(text);
}

} // namespace

bool hasRowLabels(const QAbstractItemModel& model) {
    for (int r = 0; r < model.rowCount(); ++r) {
        const QVariant v = model.headerData(r, Qt::Vertical, Qt::DisplayRole);
        if (!v.isNull() && v.toString() != QString::number(r + 1))
            return true;
    }
    return false;
}

bool isNumberText(const QString& text) {
    // An integer part with or without thousands separators (in groups of three), decimals, an
    // exponent, a percent sign: what QLocale::English and QString::number write.
    static const QRegularExpression number(
        QStringLiteral(R"(^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?%?$)"));
    return number.match(text).hasMatch();
}

TableCells selectedCells(const QAbstractItemModel& model, const QModelIndexList& selection,
                         bool withHeaders) {
    QModelIndexList cells;
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QModelIndex& i : selection) {
        if (!i.isValid() || i.model() != &model || i.parent().isValid())
            continue;
        cells << i;
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
    }
    if (cells.isEmpty())
        return {};
    const int width = right - left + 1;
    std::vector<bool> chosen(std::size_t(bottom - top + 1) * std::size_t(width), false);
    for (const QModelIndex& i : cells)
        chosen[std::size_t(i.row() - top) * std::size_t(width) + std::size_t(i.column() - left)] = true;
    return rectangle(model, top, left, bottom, right, withHeaders, [&](int r, int c) {
        return chosen[std::size_t(r - top) * std::size_t(width) + std::size_t(c - left)];
    });
}

QString selectionTsv(const QAbstractItemModel& model, const QModelIndexList& selection, bool withHeaders) {
    QStringList lines;
    for (const QStringList& row : selectedCells(model, selection, withHeaders).rows) {
        QStringList cells;
        for (const QString& cell : row)
            cells << tsvCell(cell);
        lines << cells.join('\t');
    }
    return lines.join('\n');
}

QString selectionTsv(const QAbstractItemModel& model, const QItemSelection& selection, bool withHeaders) {
    return selectionTsv(model, selection.indexes(), withHeaders);
}

QByteArray tableCsv(const QAbstractItemModel& model) {
    const TableCells cells = rectangle(model, 0, 0, model.rowCount() - 1, model.columnCount() - 1, true,
                                       [](int, int) { return true; });
    QByteArray out;
    for (const QStringList& row : cells.rows) {
        QStringList fields;
        for (const QString& cell : row)
            fields << csvCell(cell);
        out += data::csvLine(fields);
    }
    return out;
}

bool writeTableCsv(const QAbstractItemModel& model, const QString& path, QString* error) {
    if (const QString problem = data::outputFileProblem(path); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const QByteArray bytes = tableCsv(model);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = path + ": cannot be written: " + f.errorString();
        return false;
    }
    return true;
}

} // namespace ledger::models
