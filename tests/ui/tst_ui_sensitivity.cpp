// The Sensitivity tab (issue 19), driven as a user would (offscreen): a Low cell of the settings
// table typed through the view is one undo step that redraws the tornado, its chart and its table;
// undo restores them; a refused value shows validation's message and changes nothing; the reset
// buttons are one step each. The tornado names the alternatives by their names.
#include "models/PortfolioDocument.h"
#include "resources/BundledResources.h"
#include "ui/MainWindow.h"
#include "ui/tabs/SensitivityTab.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::ui;

namespace {

int settingsRow(QTableView* view, const QString& id) {
    for (int r = 0; r < view->model()->rowCount(); ++r)
        if (view->model()->index(r, 0).data(Qt::UserRole).toString() == id)
            return r;
    return -1;
}

// The tornado table's row of an input, as "Contract prices | x0.8 | ... | x1.2 | ...".
QStringList tornadoRow(QTableWidget* table, const QString& input) {
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == input) {
            QStringList cells;
            for (int c = 0; c < table->columnCount(); ++c)
                cells << table->item(r, c)->text();
            return cells;
        }
    return {};
}

QList<qreal> lowBars(QChart* chart) {
    for (QAbstractSeries* s : chart->series())
        if (auto* bars = qobject_cast<QHorizontalBarSeries*>(s))
            for (QBarSet* set : bars->barSets())
                if (set->label() == "Input at its low setting") {
                    QList<qreal> values;
                    for (int i = 0; i < set->count(); ++i)
                        values << set->at(i);
                    return values;
                }
    return {};
}

// Types text into a cell through the view's own editor and commits it with Return.
void typeInto(QTableView* view, const QModelIndex& index, const QString& text) {
    view->setCurrentIndex(index);
    view->edit(index);
    QLineEdit* editor = nullptr;
    for (auto* e : view->viewport()->findChildren<QLineEdit*>())
        if (e->isVisible())
            editor = e;
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the closed editor goes
}

} // namespace

class SensitivityUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave.json");
    }

    void aTypedSettingIsOneUndoStepThatRedrawsTheTornado() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        auto* tab = w.findChild<SensitivityTab*>();
        QVERIFY(tab);
        w.tabs()->setCurrentWidget(tab);
        QApplication::processEvents();
        QTableView* view = tab->settings();
        QChart* chart = tab->chart()->chart();
        QVERIFY(chart->title().startsWith("NPV of Rent from CoreWeave minus Buy and operate: USD "));
        QCOMPARE(chart->axes(Qt::Horizontal).front()->titleText(),
                 QString("Change of the NPV of Rent from CoreWeave minus Buy and operate (USD millions)"));
        const QStringList before = tornadoRow(tab->table(), "Contract prices");
        QCOMPARE(before.value(1), QString("x0.8"));
        const QList<qreal> barsBefore = lowBars(chart);
        QVERIFY(!barsBefore.isEmpty());

        const int row = settingsRow(view, "contract_prices");
        QVERIFY(row >= 0);
        typeInto(view, view->model()->index(row, 1), "0.5");
        QUndoStack* undo = w.document()->undoStack();
        QCOMPARE(undo->count(), 1);
        QCOMPARE(undo->undoText(), QString("Sensitivity contract prices low 0.8 -> 0.5"));
        QCOMPARE(view->model()->index(row, 1).data().toString(), QString("x0.5"));
        const QStringList after = tornadoRow(tab->table(), "Contract prices");
        QCOMPARE(after.value(1), QString("x0.5"));
        QVERIFY(after.value(2) != before.value(2)); // the difference at low moved
        QCOMPARE(after.value(4), before.value(4));  // the high setting did not
        chart = tab->chart()->chart();              // each redraw a new chart
        QVERIFY(lowBars(chart) != barsBefore);
        QVERIFY(tab->findChild<QPushButton*>("resetSensitivityAll")->isEnabled());

        // Refused: the message names the setting, nothing changes.
        typeInto(view, view->model()->index(row, 2), "-2");
        QCOMPARE(tab->message(), QString("sensitivity.contract_prices.high: -2 is below 0"));
        QCOMPARE(undo->count(), 1);

        undo->undo();
        QCOMPARE(tornadoRow(tab->table(), "Contract prices"), before);
        QCOMPARE(lowBars(tab->chart()->chart()), barsBefore);
        QVERIFY(w.document()->portfolio().sensitivity.empty());
        QVERIFY(!tab->findChild<QPushButton*>("resetSensitivityAll")->isEnabled());
    }

    void theResetButtonsAreOneStepEach() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        auto* tab = w.findChild<SensitivityTab*>();
        w.tabs()->setCurrentWidget(tab);
        QApplication::processEvents();
        QTableView* view = tab->settings();
        const int prices = settingsRow(view, "contract_prices");
        const int tax = settingsRow(view, "tax_rate");
        typeInto(view, view->model()->index(prices, 1), "0.6");
        typeInto(view, view->model()->index(tax, 2), "10%");
        QUndoStack* undo = w.document()->undoStack();
        QCOMPARE(undo->count(), 2);
        QCOMPARE(tornadoRow(tab->table(), "Tax rate").value(3), QString("+10 pts"));
        auto* resetInput = tab->findChild<QPushButton*>("resetSensitivityInput");
        view->setCurrentIndex(view->model()->index(tax, 0));
        QVERIFY(resetInput->isEnabled());
        QTest::mouseClick(resetInput, Qt::LeftButton);
        QCOMPARE(undo->count(), 3);
        QCOMPARE(tornadoRow(tab->table(), "Tax rate").value(3), QString("+5 pts"));
        QTest::mouseClick(tab->findChild<QPushButton*>("resetSensitivityAll"), Qt::LeftButton);
        QCOMPARE(undo->count(), 4);
        QCOMPARE(tornadoRow(tab->table(), "Contract prices").value(1), QString("x0.8"));
        undo->undo();
        QCOMPARE(tornadoRow(tab->table(), "Contract prices").value(1), QString("x0.6"));
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName("ComputeLedgerTest");
    app.setApplicationName("tst_ui_sensitivity");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // the typed numbers
    SensitivityUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_sensitivity.moc"
