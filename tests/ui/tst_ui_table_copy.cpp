// Copying numbers out of the window's tables (issue 19, "Numbers out"; ui/TableCopy.h), offscreen:
// every table view of the window selects cells one by one (extended selection of items) and has a
// context menu of Copy, Copy with headers and Export CSV...; Ctrl+C on a real tab's table puts the
// selection with its headers on the clipboard as tab-separated text (the row labels first on the
// Accounting tab), Copy without them; Ctrl+C in a cell being edited still copies the editor's text.
#include "models/PortfolioDocument.h"
#include "models/PortfolioTreeModel.h"
#include "resources/BundledResources.h"
#include "ui/DemandEditor.h"
#include "ui/MainWindow.h"
#include "ui/TableCopy.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace ledger;
using namespace ledger::ui;

namespace {

QWidget* tab(MainWindow& w, const QString& name) {
    for (int i = 0; i < w.tabs()->count(); ++i)
        if (w.tabs()->tabText(i) == name)
            return w.tabs()->widget(i);
    return nullptr;
}

// The window on screen and active, the tab shown and the table focused: Ctrl+C as a user presses it.
void showTable(MainWindow& w, const QString& tabName, QAbstractItemView* table) {
    w.tabs()->setCurrentWidget(tab(w, tabName));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    table->setFocus();
    QVERIFY(table->hasFocus());
}

void select(QAbstractItemView* table, std::initializer_list<std::pair<int, int>> cells) {
    table->clearSelection();
    for (auto [r, c] : cells)
        table->selectionModel()->select(table->model()->index(r, c), QItemSelectionModel::Select);
}

QString cell(const QAbstractItemView* t, int r, int c) {
    return t->model()->index(r, c).data().toString();
}
QString column(const QAbstractItemView* t, int c) {
    return t->model()->headerData(c, Qt::Horizontal).toString();
}
QString row(const QAbstractItemView* t, int r) {
    return t->model()->headerData(r, Qt::Vertical).toString();
}

} // namespace

class TableCopyUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave.json");
        QGuiApplication::clipboard()->clear();
    }

    // Every table of every tab and editor (the lease tables are made when the Accounting tab
    // shows the example's lease): the selection and the three actions, Ctrl+C on Copy with headers.
    void everyTableHasTheCopyMenu() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        w.tabs()->setCurrentWidget(tab(w, "Accounting"));
        const QStringList expected = {"cashFlowsTable",    "usefulLifeTable",    "incomeStatementTable",
                                      "balanceSheetTable", "leaseScheduleTable", "leaseMaturityTable",
                                      "percentiles",       "sensitivityTable",   "sensitivitySettings",
                                      "demandCurve"};
        QStringList found;
        for (QAbstractItemView* view : w.findChildren<QTableView*>()) {
            const QString name = view->objectName();
            found << name;
            QCOMPARE(view->selectionMode(), QAbstractItemView::ExtendedSelection);
            QCOMPARE(view->selectionBehavior(), QAbstractItemView::SelectItems);
            QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
            QStringList menu;
            for (QAction* a : view->actions())
                menu << a->text();
            QCOMPARE(menu, QStringList({"Copy", "Copy with headers", "Export CSV..."}));
            QAction* withHeaders = tableCopyAction(view, "copyCellsWithHeaders");
            QVERIFY2(withHeaders, qPrintable(name));
            QCOMPARE(withHeaders->shortcut(), QKeySequence(QKeySequence::Copy));
            QVERIFY(tableCopyAction(view, "copyCells"));
            QVERIFY(tableCopyAction(view, "exportTableCsv"));
        }
        for (const QString& name : expected)
            QVERIFY2(found.contains(name), qPrintable(name + " is not among " + found.join(", ")));
    }

    void ctrlCCopiesTheCashFlowsSelectionWithHeaders() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        auto* table = tab(w, "Cash flows")->findChild<QTableView*>("cashFlowsTable");
        QVERIFY(table);
        showTable(w, "Cash flows", table);
        QVERIFY(table->model()->rowCount() >= 3 && table->model()->columnCount() >= 3);
        // Two cells of a row and one of the next two rows down: the rectangle, the gaps empty.
        // Two cells of a row and one of the next two rows down: the rectangle, the gaps empty; the
        // years are the rows' labels, so they come first.
        select(table, {{0, 1}, {0, 2}, {2, 1}});
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        const QString expected = "\t" + column(table, 1) + "\t" + column(table, 2) + "\n" + row(table, 0) +
                                 "\t" + cell(table, 0, 1) + "\t" + cell(table, 0, 2) + "\n" + row(table, 1) +
                                 "\t\t\n" + row(table, 2) + "\t" + cell(table, 2, 1) + "\t";
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
        QVERIFY(!cell(table, 0, 1).isEmpty());
        QCOMPARE(row(table, 0), QString("2027"));

        // Copy, from the context menu: the cells alone.
        tableCopyAction(table, "copyCells")->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 cell(table, 0, 1) + "\t" + cell(table, 0, 2) + "\n\t\n" + cell(table, 2, 1) + "\t");
    }

    // The Accounting tab's tables name their rows: the row label comes first, the corner empty.
    void theIncomeStatementCopiesItsRowLabels() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        auto* table = tab(w, "Accounting")->findChild<QTableView*>("incomeStatementTable");
        QVERIFY(table);
        showTable(w, "Accounting", table);
        select(table, {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        const QString expected = "\t" + column(table, 0) + "\t" + column(table, 1) + "\n" + row(table, 0) +
                                 "\t" + cell(table, 0, 0) + "\t" + cell(table, 0, 1) + "\n" + row(table, 1) +
                                 "\t" + cell(table, 1, 0) + "\t" + cell(table, 1, 1);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
        QVERIFY(!row(table, 0).isEmpty());
        QVERIFY(column(table, 0).startsWith("FY") || column(table, 0).startsWith("20"));
    }

    // A QTableWidget (the Depreciation tab's useful lives): no row labels, so none are copied.
    void theUsefulLifeTableCopiesWithoutRowNumbers() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        auto* table = tab(w, "Depreciation")->findChild<QTableWidget*>("usefulLifeTable");
        QVERIFY(table);
        showTable(w, "Depreciation", table);
        QVERIFY(table->rowCount() >= 1);
        select(table, {{0, 0}, {0, 1}});
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), column(table, 0) + "\t" + column(table, 1) + "\n" +
                                                           cell(table, 0, 0) + "\t" + cell(table, 0, 1));
    }

    // Nothing selected: the current cell. And in a cell being edited Ctrl+C is the editor's own.
    void theDemandCurveCopiesItsCurrentCellAndAnEditorKeepsCtrlC() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        w.tree()->setCurrentIndex(w.tree()->model()->index(models::PortfolioTreeModel::DemandRow, 0));
        QTableView* table = w.demandEditor()->table();
        QVERIFY(table->isVisible());
        QVERIFY(table->model()->rowCount() >= 1);
        table->setCurrentIndex(table->model()->index(0, 1));
        table->clearSelection();
        tableCopyAction(table, "copyCells")->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), cell(table, 0, 1));

        showTable(w, w.tabs()->tabText(w.tabs()->currentIndex()), table);
        table->edit(table->currentIndex());
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->setText("1234");
        editor->setSelection(0, 2);
        QTest::keyClick(editor, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QString("12"));
    }
};

QTEST_MAIN(TableCopyUiTest)
#include "tst_ui_table_copy.moc"
