// A table's cells as text (issue 19, "Numbers out"; models/TableText.h): the selection's bounding
// rectangle as tab-separated text with unselected cells empty, with or without the column headers
// and the row labels; tabs and line breaks inside a cell made spaces; formula text escaped, numbers
// as shown; and the whole table as CSV through data/Csv.h, numbers without thousands separators.
#include "models/TableText.h"

#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace ledger::models;

namespace {

// 3 x 3 with column headers; row labels when labelled.
void fill(QStandardItemModel& m, bool labelled) {
    m.setRowCount(3);
    m.setColumnCount(3);
    m.setHorizontalHeaderLabels({"Line", "FY2027", "FY2028"});
    if (labelled)
        m.setVerticalHeaderLabels({"Rent", "Power", "Net"});
    const QStringList cells[] = {
        {"rent", "5,943.7", "-12.0"}, {"two\twords", "line\nbreak", "65.9%"}, {"=1+2", "say \"hi\"", "n/a"}};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            m.setItem(r, c, new QStandardItem(cells[r][c]));
}

QModelIndexList cells(const QStandardItemModel& m, std::initializer_list<std::pair<int, int>> rc) {
    QModelIndexList out;
    for (auto [r, c] : rc)
        out << m.index(r, c);
    return out;
}

} // namespace

class TableTextTest : public QObject {
    Q_OBJECT
private slots:
    void numbersAreRecognisedAsTheWindowWritesThem() {
        for (const char* yes :
             {"0", "12", "-0.3", "+4", "5,943.7", "1,234,567.25", "65.9%", "1e+06", "5943.7"})
            QVERIFY2(isNumberText(yes), yes);
        for (const char* no : {"", "n/a", "-", "1,2", "12,34.5", "5.04$", "FY2027", "2027-01-01", "nan",
                               "inf", " 12", "1.", ".5"})
            QVERIFY2(!isNumberText(no), no);
    }

    void rowLabelsAreThoseTheModelGives() {
        QStandardItemModel plain, labelled;
        fill(plain, false);
        fill(labelled, true);
        QVERIFY(!hasRowLabels(plain)); // the default 1, 2, 3
        QVERIFY(hasRowLabels(labelled));
    }

    void aRectangleCopiesWithAndWithoutHeaders() {
        QStandardItemModel m;
        fill(m, false);
        const QModelIndexList sel = cells(m, {{0, 1}, {0, 2}, {1, 1}, {1, 2}});
        QCOMPARE(selectionTsv(m, sel, false), QString("5,943.7\t-12.0\nline break\t65.9%"));
        QCOMPARE(selectionTsv(m, sel, true), QString("FY2027\tFY2028\n5,943.7\t-12.0\nline break\t65.9%"));
    }

    void aNonRectangularSelectionLeavesTheGapsEmpty() {
        QStandardItemModel m;
        fill(m, false);
        // Listed out of order, as a selection model may give them: the text is in row and column order.
        const QModelIndexList sel = cells(m, {{2, 2}, {0, 0}, {1, 1}});
        QCOMPARE(selectionTsv(m, sel, false), QString("rent\t\t\n\tline break\t\n\t\tn/a"));
        QCOMPARE(selectionTsv(m, sel, true),
                 QString("Line\tFY2027\tFY2028\nrent\t\t\n\tline break\t\n\t\tn/a"));
    }

    void rowLabelsComeFirstWithTheHeaders() {
        QStandardItemModel m;
        fill(m, true);
        const QModelIndexList sel = cells(m, {{1, 2}, {2, 2}});
        QCOMPARE(selectionTsv(m, sel, false), QString("65.9%\nn/a"));
        QCOMPARE(selectionTsv(m, sel, true), QString("\tFY2028\nPower\t65.9%\nNet\tn/a"));
        // An item selection, as QItemSelectionModel::selection() gives it, reads the same.
        QItemSelection range(m.index(1, 2), m.index(2, 2));
        QCOMPARE(selectionTsv(m, range, true), QString("\tFY2028\nPower\t65.9%\nNet\tn/a"));
    }

    void cellTextIsOneLineAndNeverAFormula() {
        QStandardItemModel m;
        fill(m, false);
        m.setItem(0, 0, new QStandardItem("a\r\nb\rc\td"));
        QCOMPARE(selectionTsv(m, cells(m, {{0, 0}, {1, 0}, {2, 0}, {2, 1}}), false),
                 QString("a b c d\t\ntwo words\t\n'=1+2\tsay \"hi\""));
        // A negative number is a number, not a formula; a lone minus is text.
        m.setItem(0, 1, new QStandardItem("-"));
        QCOMPARE(selectionTsv(m, cells(m, {{0, 1}, {0, 2}}), false), QString("'-\t-12.0"));
    }

    void nothingSelectedIsNoText() {
        QStandardItemModel m, other;
        fill(m, false);
        fill(other, false);
        QCOMPARE(selectionTsv(m, QModelIndexList(), true), QString());
        QCOMPARE(selectionTsv(m, cells(other, {{0, 0}}), true), QString()); // another model's cell
        QVERIFY(selectedCells(m, QModelIndexList(), true).rows.empty());
    }

    void theWholeTableAsCsv() {
        QStandardItemModel m;
        fill(m, true);
        QCOMPARE(tableCsv(m), QByteArray(",Line,FY2027,FY2028\r\n"
                                         "Rent,rent,5943.7,-12.0\r\n"
                                         "Power,two\twords,\"line\nbreak\",65.9%\r\n"
                                         "Net,'=1+2,\"say \"\"hi\"\"\",n/a\r\n"));
        QStandardItemModel plain;
        fill(plain, false);
        QVERIFY(tableCsv(plain).startsWith("Line,FY2027,FY2028\r\nrent,5943.7,-12.0\r\n"));
    }

    void writingTheCsvNamesThePathOnFailure() {
        QStandardItemModel m;
        fill(m, false);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QString path = dir.filePath("table.csv");
        QVERIFY2(writeTableCsv(m, path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), tableCsv(m));

        const QString missing = dir.filePath("no/such/folder/table.csv");
        QVERIFY(!writeTableCsv(m, missing, &error));
        QVERIFY2(error.startsWith(missing + ": "), qPrintable(error));
        QVERIFY(!writeTableCsv(m, dir.path(), &error)); // a folder
        QVERIFY2(error.startsWith(dir.path() + ": "), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TableTextTest)
#include "tst_table_text.moc"
