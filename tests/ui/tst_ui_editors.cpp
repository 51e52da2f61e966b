// Every input editable in the window (issue 19), offscreen: the market model (each parameter, the
// next generation added and removed, the correlation grid and its positive-definiteness message), a
// SKU of the bundled catalog (copied into the portfolio on the first edit), tranches and utilization
// curves as grids that take a spreadsheet's paste, a contract's options as a grid (added, edited with
// its type from a drop-down, removed), keyword fields as drop-downs, Ctrl+Z in a field
// (the field first, then the document), no field cut at the window's size, and each edit one undo step
// named in words. With CL_SCREENSHOTS=DIR it also saves a PNG of every editor.
#include "models/ContractOptionsModel.h"
#include "models/DatedCurveModel.h"
#include "models/PortfolioDocument.h"
#include "models/PortfolioTreeModel.h"
#include "models/SimulationController.h"
#include "options/OptionValuation.h"
#include "resources/BundledResources.h"
#include "tests/ui/WindowSteps.h"
#include "ui/CorrelationGrid.h"
#include "ui/CurveGrid.h"
#include "ui/ItemEditor.h"
#include "ui/MainWindow.h"
#include "ui/OptionsGrid.h"
#include "ui/PriceFitPanel.h"
#include "ui/tabs/MonteCarloTab.h"
#include "ui/tabs/OverviewTab.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::ui;
using namespace ledger::ui::test;

namespace {

QString lastUndo(models::PortfolioDocument* doc) {
    return doc->undoStack()->text(doc->undoStack()->index() - 1);
}

// The bundled example (resources/examples/meta-coreweave.json): market volatility 0.30, next generation
// launching 2028-01-01 .. 2028-07-01 .. 2029-06-30, correlation GPU price / utilization 0.3; no SKUs of
// its own (GB300, VR200 and H100 from the bundled catalog); utilization 80% / 85% / 90% from 2027,
// 2028, 2029; CoreWeave 2025's tranches 15,000 / 35,000 / 55,000 GPUs.
struct Window {
    MainWindow w;
    Window() {
        if (!w.openInitial(resources::examplePortfolioPath()))
            qFatal("the example did not open");
        w.resize(1500, 940);
    }
    models::PortfolioDocument* doc() { return w.document(); }
    ItemEditor* editor() { return w.editor(); }
};

} // namespace

class EditorsUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void theTreeOffersTheMarketAndTheSkus() {
        Window x;
        QAbstractItemModel* tree = x.w.tree()->model();
        const QModelIndex market = tree->index(models::PortfolioTreeModel::MarketRow, 0);
        QCOMPARE(market.data().toString(), QString("Market model"));
        QCOMPARE(market.data(models::PortfolioTreeModel::PathRole).toString(), QString("market"));
        const QModelIndex skus = tree->index(models::PortfolioTreeModel::SkusRow, 0);
        QCOMPARE(tree->rowCount(skus), 3); // GB300, VR200 (items) and H100 (the demand)
        QCOMPARE(tree->index(0, 0, skus).data(models::PortfolioTreeModel::PathRole).toString(),
                 QString("skus[GB300]"));
        x.w.tree()->setCurrentIndex(market);
        QVERIFY(x.editor()->field("gpu_price.volatility"));
        QVERIFY(x.editor()->correlation());
    }

    void theMarketModelIsEditedFieldByField() {
        Window x;
        x.editor()->showItem("market");
        for (const char* key :
             {"gpu_price.trend_per_year", "gpu_price.reversion_per_year", "gpu_price.volatility",
              "next_generation.launch_earliest", "next_generation.launch_mode",
              "next_generation.launch_latest", "next_generation.price_drop_min",
              "next_generation.price_drop_max", "power_price.reversion_per_year", "power_price.volatility",
              "utilization.reversion_per_year", "utilization.volatility", "on_demand_premium",
              "replacement_premium"})
            QVERIFY2(x.editor()->field(key), key);
        QCOMPARE(x.editor()->field("gpu_price.volatility")->text(), QString("0.3"));
        // A rate typed as a percentage; the undo step in words.
        setField(x.editor(), "gpu_price.volatility", "35%");
        QCOMPARE(x.editor()->message(), QString());
        QCOMPARE(x.doc()->portfolio().market.gpuPrice.volatility, 0.35);
        QCOMPARE(lastUndo(x.doc()), QString("GPU price volatility per √year 0.3 -> 0.35"));
        setField(x.editor(), "gpu_price.trend_per_year", "-25%");
        QCOMPARE(x.doc()->portfolio().market.gpuPrice.trendPerYear, -0.25);
        setField(x.editor(), "replacement_premium", "1.5");
        QCOMPARE(x.doc()->portfolio().market.replacementPremium, 1.5);
        setField(x.editor(), "next_generation.launch_mode", "2028-10-01");
        QCOMPARE(x.doc()->portfolio().market.nextGeneration->launchMode, Date(2028, 10, 1));
        // Refused as a file is: validation's message, nothing changed, the field back to its value.
        const int steps = x.doc()->undoStack()->index();
        setField(x.editor(), "next_generation.launch_mode", "2030-01-01");
        QCOMPARE(
            x.editor()->message(),
            QString("market.next_generation.launch_latest: 2029-06-30 is before launch_mode 2030-01-01"));
        QCOMPARE(x.editor()->field("next_generation.launch_mode")->text(), QString("2028-10-01"));
        QCOMPARE(x.doc()->undoStack()->index(), steps);
        setField(x.editor(), "gpu_price.volatility", "300%");
        QCOMPARE(x.editor()->message(), QString("market.gpu_price.volatility: 3 is above 2"));
        QCOMPARE(x.doc()->portfolio().market.gpuPrice.volatility, 0.35);
        // Four edits, four undo steps, back to the file's values.
        for (int i = 0; i < 4; ++i)
            x.doc()->undoStack()->undo();
        QCOMPARE(x.doc()->portfolio().market.gpuPrice.volatility, 0.30);
        QCOMPARE(x.doc()->portfolio().market.gpuPrice.trendPerYear, -0.15);
        QCOMPARE(x.editor()->field("gpu_price.volatility")->text(), QString("0.3"));
    }

    void theNextGenerationIsAddedAndRemovedInOneStep() {
        Window x;
        x.editor()->showItem("market");
        auto* modelled = x.editor()->findChild<QCheckBox*>("nextGenerationModelled");
        QVERIFY(modelled && modelled->isChecked());
        modelled->setChecked(false);
        QVERIFY(!x.doc()->portfolio().market.nextGeneration);
        QCOMPARE(lastUndo(x.doc()), QString("Remove the next-generation launch"));
        QVERIFY(!x.editor()->field("next_generation.launch_mode")->isEnabled());
        QCOMPARE(x.editor()->field("next_generation.launch_mode")->text(), QString());
        // Added back with a window 1 to 2.5 years after the valuation date (2027-01-01).
        modelled->setChecked(true);
        const auto& g = *x.doc()->portfolio().market.nextGeneration;
        QCOMPARE(g.launchEarliest, Date(2028, 1, 1));
        QCOMPARE(g.launchMode, Date(2028, 7, 1));
        QCOMPARE(g.launchLatest, Date(2029, 7, 1));
        QCOMPARE(g.priceDropMin, 0.2);
        QCOMPARE(g.priceDropMax, 0.4);
        QVERIFY(x.editor()->field("next_generation.launch_mode")->isEnabled());
        x.doc()->undoStack()->undo();
        x.doc()->undoStack()->undo();
        QCOMPARE(x.doc()->portfolio().market.nextGeneration->launchLatest, Date(2029, 6, 30)); // the file's
        QVERIFY(modelled->isChecked());
        QCOMPARE(x.editor()->field("next_generation.launch_latest")->text(), QString("2029-06-30"));
    }

    void theCorrelationGridKeepsTheMatrixValid() {
        Window x;
        x.editor()->showItem("market");
        CorrelationGrid* grid = x.editor()->correlation();
        QTableWidget* table = grid->table();
        QCOMPARE(table->item(0, 1)->text(), QString("0.3"));
        QVERIFY(!(table->item(1, 1)->flags() & Qt::ItemIsEditable)); // the diagonal is 1
        // Eigenvalues of [[1, .3, 0], [.3, 1, 0], [0, 0, 1]]: 0.7, 1, 1.3.
        QCOMPARE(grid->status(), QString("Positive definite: the smallest eigenvalue is 0.700."));
        // One cell sets its mirror, one undo step.
        table->item(0, 2)->setText("0.9");
        QCOMPARE(x.doc()->portfolio().market.correlation[0][2], 0.9);
        QCOMPARE(x.doc()->portfolio().market.correlation[2][0], 0.9);
        QCOMPARE(table->item(2, 0)->text(), QString("0.9"));
        QCOMPARE(lastUndo(x.doc()), QString("Correlation of GPU price and power price 0 -> 0.9"));
        // [[1, .3, .9], [.3, 1, -.5], [.9, -.5, 1]] is not positive definite: smallest eigenvalue
        // -0.1747 (the characteristic polynomial's smallest root, by hand).
        const int steps = x.doc()->undoStack()->index();
        QVERIFY(!grid->setCell(1, 2, "-0.5"));
        QCOMPARE(x.editor()->message(),
                 QString("market.correlation: the matrix is not positive definite: with Demand / Power price "
                         "at -0.5, the smallest eigenvalue would be -0.175 (it must be above 0); "
                         "these three correlations cannot hold together, so move another one too"));
        QCOMPARE(grid->status(), x.editor()->message());
        QCOMPARE(x.doc()->portfolio().market.correlation[1][2], 0.0);
        QCOMPARE(table->item(1, 2)->text(), QString("0"));
        QCOMPARE(x.doc()->undoStack()->index(), steps);
        QVERIFY(!grid->setCell(1, 2, "strong"));
        QCOMPARE(x.editor()->message(), QString("market.correlation[1][2]: \"strong\" is not a number"));
        x.doc()->undoStack()->undo();
        QCOMPARE(table->item(0, 2)->text(), QString("0"));
        QCOMPARE(grid->status(), QString("Positive definite: the smallest eigenvalue is 0.700."));
    }

    void aBundledSkuIsCopiedIntoThePortfolioOnItsFirstEdit() {
        Window x;
        QVERIFY(x.doc()->portfolio().skus.empty());
        const Sku bundled = *x.doc()->sku("GB300");
        x.editor()->showItem("skus[GB300]");
        for (const char* key :
             {"name", "perf_index", "market_price_per_gpu_hour", "capex_per_gpu", "it_kw_per_gpu"})
            QVERIFY2(x.editor()->field(key), key);
        QCOMPARE(x.editor()->field("perf_index")->text(), QLocale().toString(bundled.perfIndex));
        auto* source = x.editor()->findChild<QPlainTextEdit*>("notes");
        QVERIFY(source);
        QCOMPARE(source->toPlainText(), QString::fromStdString(bundled.notes));
        auto* title = x.editor()->findChild<QLabel*>("editorTitle");
        QVERIFY(title->text().contains("from the bundled catalog"));
        setField(x.editor(), "market_price_per_gpu_hour", "$6.50");
        QCOMPARE(x.editor()->message(), QString());
        QVERIFY2(title->text().contains("this portfolio's SKU"), qPrintable(title->text()));
        QCOMPARE(x.doc()->portfolio().skus.size(), std::size_t(1));
        const Sku& own = x.doc()->portfolio().skus[0];
        QCOMPARE(own.marketPricePerGpuHour, 6.5);
        QCOMPARE(own.capexPerGpu, bundled.capexPerGpu); // the rest as the catalog has it
        QCOMPARE(own.perfIndex, bundled.perfIndex);
        QCOMPARE(lastUndo(x.doc()), QString("GB300 market price per GPU-hour %1 -> 6.5")
                                        .arg(QString::number(bundled.marketPricePerGpuHour, 'g', 17)
                                                 .remove(QRegularExpression("0+$"))));
        // The evaluation uses it: the spot alternative's cost moves.
        QVERIFY(x.doc()->undoStack()->canUndo());
        setField(x.editor(), "perf_index", "0");
        QCOMPARE(x.editor()->message(), QString("skus[0].perf_index: 0 must be above 0"));
        x.doc()->undoStack()->undo();
        QVERIFY(x.doc()->portfolio().skus.empty());
        QVERIFY(title->text().contains("from the bundled catalog"));
        QCOMPARE(x.editor()->field("market_price_per_gpu_hour")->text(),
                 QLocale().toString(bundled.marketPricePerGpuHour));
    }

    void tranchesTakeAPasteFromASpreadsheet() {
        Window x;
        x.editor()->showItem("contracts[0]");
        CurveGrid* grid = x.editor()->curve("tranches");
        QVERIFY(grid);
        QAbstractItemModel* m = grid->table()->model();
        QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), QString("GPUs (GB300)"));
        QCOMPARE(m->rowCount(), 3);
        // Two columns as Excel copies them: titles, tabs, CRLF, grouped numbers.
        grid->paste("Date\tGPUs\r\n2025-09-30\t15,000\r\n2026-07-01\t60,000\r\n");
        QCOMPARE(x.editor()->message(), QString());
        const auto& t = x.doc()->portfolio().contracts[0].tranches;
        QCOMPARE(t.size(), std::size_t(2));
        QCOMPARE(t[1].date, Date(2026, 7, 1));
        QCOMPARE(t[1].gpus, 60000.0);
        QCOMPARE(lastUndo(x.doc()), QString("CoreWeave 2025 (GB300) tranches: paste 2 points"));
        QCOMPARE(m->rowCount(), 2);
        // A bad paste says which line, and changes nothing.
        const int steps = x.doc()->undoStack()->index();
        grid->paste("2025-09-30\t15,000\n2026-07-01\tmany\n");
        QCOMPARE(x.editor()->message(), QString("line 2: \"many\" is not a number"));
        QCOMPARE(x.doc()->undoStack()->index(), steps);
        QVERIFY(m->setData(m->index(1, 1), "65,000"));
        QCOMPARE(x.doc()->portfolio().contracts[0].tranches[1].gpus, 65000.0);
        QCOMPARE(lastUndo(x.doc()), QString("CoreWeave 2025 (GB300) tranches: row 2 GPUs 60,000 -> 65,000"));
        grid->appendPoint();
        QCOMPARE(x.doc()->portfolio().contracts[0].tranches.size(), std::size_t(3));
        QCOMPARE(x.doc()->portfolio().contracts[0].tranches[2].date, Date(2027, 7, 1));
        x.doc()->undoStack()->undo();
        x.doc()->undoStack()->undo();
        x.doc()->undoStack()->undo();
        QCOMPARE(x.doc()->portfolio().contracts[0].tranches.size(), std::size_t(3));
        QCOMPARE(x.doc()->portfolio().contracts[0].tranches[2].gpus, 55000.0);
    }

    void utilizationCurvesAreGrids() {
        Window x;
        x.editor()->showItem(QString());
        CurveGrid* portfolio = x.editor()->curve("utilization");
        QVERIFY(portfolio);
        QAbstractItemModel* m = portfolio->table()->model();
        QCOMPARE(m->rowCount(), 3);
        QCOMPARE(m->index(1, 1).data().toString(), QString("85%"));
        QVERIFY(m->setData(m->index(1, 1), "87.5%"));
        QCOMPARE(x.doc()->portfolio().utilization[1].value, 0.875);
        QCOMPARE(m->index(1, 1).data().toString(), QString("87.5%"));
        QCOMPARE(lastUndo(x.doc()), QString("Portfolio utilization: row 2 utilization 85% -> 87.5%"));
        QVERIFY(!m->setData(m->index(1, 1), "120%"));
        QCOMPARE(x.editor()->message(), QString("utilization[1].value: 1.2 is above 1"));
        // An item follows the portfolio's curve until it has its own.
        x.editor()->showItem("fleets[0]");
        CurveGrid* own = x.editor()->curve("utilization");
        QVERIFY(own);
        QCOMPARE(own->table()->model()->rowCount(), 0);
        own->paste("2027-01-01\t95%\n2030-01-01\t0.7\n");
        QVERIFY(x.doc()->portfolio().fleets[0].utilization);
        QCOMPARE(x.doc()->portfolio().fleets[0].utilization->size(), std::size_t(2));
        QCOMPARE((*x.doc()->portfolio().fleets[0].utilization)[1].value, 0.7);
        own->clear();
        QVERIFY(!x.doc()->portfolio().fleets[0].utilization);
        QCOMPARE(lastUndo(x.doc()), QString("Owned GB300 fleet utilization: cleared"));
        x.doc()->undoStack()->undo();
        QCOMPARE(own->table()->model()->index(0, 1).data().toString(), QString("95%"));
    }

    // The forward curve (issue 22) is a grid on the market editor: a first point at today's price of
    // the first SKU, a paste, a typed price, a bad one refused with the validation's message; while a
    // curve is there the trend field is off (the file takes one or the other), and "Use the trend"
    // clears the curve in one undo step.
    void theForwardCurveReplacesTheTrendInTheMarketEditor() {
        Window x;
        x.editor()->showItem("market");
        CurveGrid* grid = x.editor()->curve("gpu_price.forward_curve");
        QVERIFY(grid);
        QLineEdit* trend = x.editor()->field("gpu_price.trend_per_year");
        QVERIFY(trend);
        QVERIFY(trend->isEnabled());
        QAbstractItemModel* m = grid->table()->model();
        QCOMPARE(m->rowCount(), 0);
        QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), QString("Date"));
        QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), QString("Price or index level"));
        const auto& market = [&]() -> const std::optional<ForwardCurve>& {
            return x.doc()->portfolio().market.gpuPrice.forwardCurve;
        };
        grid->appendPoint();
        QVERIFY(market());
        QCOMPARE(market()->points.size(), std::size_t(1));
        QCOMPARE(market()->points[0].date, x.doc()->portfolio().valuationDate);
        const Sku* first = x.doc()->sku(QString::fromStdString(x.doc()->usedSkuIds().front()));
        QVERIFY(first);
        QCOMPARE(market()->points[0].price, first->marketPricePerGpuHour);
        QCOMPARE(lastUndo(x.doc()), QString("GPU price forward curve: add a point"));
        QVERIFY(!trend->isEnabled());
        QVERIFY(trend->toolTip().contains("Not used: the forward curve"));
        grid->paste("Date\tPrice\r\n2026-01-01\t$5.00\r\n2030-01-01\t2.5\r\n");
        QCOMPARE(x.editor()->message(), QString());
        QCOMPARE(market()->points.size(), std::size_t(2));
        QCOMPARE(market()->points[0].price, 5.0);
        QCOMPARE(market()->points[1].date, Date(2030, 1, 1));
        QCOMPARE(market()->points[1].price, 2.5);
        QVERIFY(m->setData(m->index(1, 1), "2.00"));
        QCOMPARE(market()->points[1].price, 2.0);
        QVERIFY(lastUndo(x.doc()).startsWith("GPU price forward curve: row 2 price "));
        const int steps = x.doc()->undoStack()->index();
        QVERIFY(!m->setData(m->index(1, 1), "0"));
        QVERIFY(x.editor()->message().startsWith("market.gpu_price.forward_curve.points[1].price"));
        QCOMPARE(x.doc()->undoStack()->index(), steps);
        QCOMPARE(market()->points[1].price, 2.0);
        grid->clear();
        QVERIFY(!market());
        QVERIFY(trend->isEnabled());
        QCOMPARE(lastUndo(x.doc()), QString("GPU price forward curve: cleared"));
        x.doc()->undoStack()->undo();
        QVERIFY(market());
        QCOMPARE(market()->points.size(), std::size_t(2));
        QVERIFY(!trend->isEnabled());
        QCOMPARE(m->rowCount(), 2);
    }

    // A contract's options (issue 23) in the contract editor, driven as a user would: "Add option", a
    // date typed in a cell, the type picked from the drop-down (the terms it does not take greyed out),
    // a fee typed as money, bad cells refused naming the field, "Remove option"; each one undo step in
    // words, and the Overview's options follow. The example's CoreWeave 2025 (GB300): 2025-09-30 ..
    // 2031-12-14, valued at 2027-01-01, discount rate 9%, tax rate 21%, no options.
    void optionsAreEditedInTheContractsGrid() {
        Window x;
        x.w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&x.w));
        x.editor()->showItem("contracts[0]");
        OptionsGrid* grid = x.editor()->options();
        QVERIFY(grid);
        QTableView* table = grid->table();
        models::ContractOptionsModel* m = grid->model();
        QCOMPARE(m->rowCount(), 0);
        // A column per field of the option's table, the unit under the label, money in the currency.
        QStringList headers;
        for (int c = 0; c < m->columnCount(); ++c)
            headers << m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        QCOMPARE(headers, (QStringList{"Id", "Type", "Exercise date", "New end", "Start", "End", "GPUs",
                                       "Price\n(USD per GPU-hour)", "Price factor\n(x)", "Lead time\n(days)",
                                       "Fee\n(USD)", "Notes"}));
        const auto& options = [&]() -> const std::vector<ContractOption>& {
            return x.doc()->portfolio().contracts[0].options;
        };
        const auto cell = [&](const char* key) { return m->index(0, m->columnOf(key)); };

        QTest::mouseClick(grid->findChild<QPushButton*>("addOption"), Qt::LeftButton);
        QCOMPARE(x.editor()->message(), QString());
        QCOMPARE(options().size(), std::size_t(1));
        QCOMPARE(lastUndo(x.doc()), QString("Add option extend-2031 to CoreWeave 2025 (GB300)"));
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(table->currentIndex(), cell("exercise_date"));
        QCOMPARE(cell("id").data().toString(), QString("extend-2031"));
        QCOMPARE(cell("type").data().toString(), QString("Extend"));
        QCOMPARE(cell("exercise_date").data().toString(), QString("2031-06-14"));
        QCOMPARE(cell("new_end").data().toString(), QString("2032-12-14"));
        QCOMPARE(cell("price_factor").data().toString(), QString("1"));
        QVERIFY(cell("new_end").flags() & Qt::ItemIsEditable);
        QVERIFY(!(cell("fee").flags() & Qt::ItemIsEnabled)); // not a term of an extension: greyed
        QVERIFY(!(cell("start").flags() & Qt::ItemIsEnabled));
        QCOMPARE(cell("fee").data(Qt::ToolTipRole).toString(), QString("Not a term of an extend option"));
        // The evaluation values it at once: the Overview says what it is worth on the expected path.
        QCOMPARE(optionsOnDeterministicPath(x.doc()->portfolio(), x.doc()->catalog()).size(), std::size_t(1));
        QTRY_VERIFY(
            x.w.overview()->optionsText().contains("<b>extend-2031</b>: Extend CoreWeave 2025 (GB300) "
                                                   "to 2032-12-14"));

        // A date typed in its cell.
        QVERIFY(m->setData(cell("exercise_date"), "2030-12-31"));
        QCOMPARE(options()[0].exerciseDate, Date(2030, 12, 31));
        QCOMPARE(lastUndo(x.doc()), QString("Set option extend-2031's exercise date to 2030-12-31"));

        // The type from the drop-down the grid opens on its cell: a termination, in one step.
        table->setCurrentIndex(cell("type"));
        table->edit(cell("type"));
        auto* box = table->findChild<QComboBox*>("choiceEditor");
        QVERIFY(box);
        QCOMPARE(box->currentData().toString(), QString("extend"));
        QCOMPARE(box->itemText(2), QString("Terminate"));
        box->setCurrentIndex(2);
        emit box->activated(2);
        QVERIFY(options()[0].kind == OptionKind::Terminate);
        QCOMPARE(lastUndo(x.doc()), QString("Set option extend-2031's type to terminate: new end and price "
                                            "factor cleared, fee 0"));
        QCOMPARE(cell("type").data().toString(), QString("Terminate"));
        QCOMPARE(cell("new_end").data().toString(), QString());
        QVERIFY(!(cell("new_end").flags() & Qt::ItemIsEnabled));
        QVERIFY(!(cell("price_factor").flags() & Qt::ItemIsEnabled));
        QVERIFY(cell("fee").flags() & Qt::ItemIsEditable);
        QCOMPARE(cell("fee").data().toString(), QString("0"));
        const double exercisedFree =
            optionsOnDeterministicPath(x.doc()->portfolio(), x.doc()->catalog())[0].deterministicExercised;

        // The fee typed as money is typed anywhere; its after-tax cost discounted to the exercise
        // date is what exercising now costs more: 0.79 x 1.5M x 1.09^(-1460/365).
        QVERIFY(m->setData(cell("fee"), "1.5M"));
        QCOMPARE(options()[0].fee, std::optional<double>(1.5e6));
        QCOMPARE(cell("fee").data().toString(), QString("1.5M"));
        QCOMPARE(lastUndo(x.doc()), QString("Set option extend-2031's fee to 1500000"));
        const double exercisedWithFee =
            optionsOnDeterministicPath(x.doc()->portfolio(), x.doc()->catalog())[0].deterministicExercised;
        QVERIFY2(std::abs(exercisedWithFee - exercisedFree - 0.79 * 1.5e6 * std::pow(1.09, -1460.0 / 365.0)) <
                     1e-3,
                 qPrintable(QString::number(exercisedWithFee - exercisedFree, 'f', 6)));
        QTRY_VERIFY(x.w.overview()->optionsText().contains(
            "<b>extend-2031</b>: End CoreWeave 2025 (GB300) on 2030-12-31 for a fee of USD 1.5 M"));

        // Bad cells: refused with the field's path, nothing lost.
        const int steps = x.doc()->undoStack()->index();
        QVERIFY(!m->setData(cell("fee"), "-1,250"));
        QCOMPARE(x.editor()->message(), QString("contracts[0].options[0].fee: -1250 is below 0"));
        QVERIFY(!m->setData(cell("fee"), "lots"));
        QCOMPARE(x.editor()->message(), QString("contracts[0].options[0].fee: \"lots\" is not a number"));
        QVERIFY(!m->setData(cell("exercise_date"), "2030-13-01"));
        QCOMPARE(x.editor()->message(),
                 QString("contracts[0].options[0].exercise_date: \"2030-13-01\" is not a "
                         "real date in the form YYYY-MM-DD"));
        QVERIFY(!m->setData(cell("exercise_date"), "2031-12-14"));
        QCOMPARE(x.editor()->message(), QString("contracts[0].options[0].exercise_date: 2031-12-14 is the "
                                                "contract's last day: nothing is left to terminate"));
        QCOMPARE(x.doc()->undoStack()->index(), steps);
        QCOMPARE(options()[0].fee, std::optional<double>(1.5e6));
        QCOMPARE(options()[0].exerciseDate, Date(2030, 12, 31));
        QCOMPARE(cell("fee").data().toString(), QString("1.5M"));

        // Undo in the window: the extension again, every field as it was.
        x.doc()->undoStack()->undo();
        x.doc()->undoStack()->undo();
        QVERIFY(options()[0].kind == OptionKind::Extend);
        QCOMPARE(options()[0].newEnd, std::optional<Date>(Date(2032, 12, 14)));
        QCOMPARE(cell("price_factor").data().toString(), QString("1"));
        QVERIFY(!(cell("fee").flags() & Qt::ItemIsEnabled));
        x.doc()->undoStack()->redo();
        x.doc()->undoStack()->redo();
        QCOMPARE(options()[0].fee, std::optional<double>(1.5e6));

        // Removed with its button (the row selected first, else the grid says so).
        table->setCurrentIndex(QModelIndex());
        QTest::mouseClick(grid->findChild<QPushButton*>("removeOption"), Qt::LeftButton);
        QCOMPARE(x.editor()->message(), QString("Select the option to remove first."));
        table->setCurrentIndex(cell("id"));
        QTest::mouseClick(grid->findChild<QPushButton*>("removeOption"), Qt::LeftButton);
        QCOMPARE(x.editor()->message(), QString());
        QVERIFY(options().empty());
        QCOMPARE(m->rowCount(), 0);
        QCOMPARE(lastUndo(x.doc()), QString("Remove option extend-2031 from CoreWeave 2025 (GB300)"));
        QTRY_COMPARE(x.w.overview()->optionsText(), QString());
        x.doc()->undoStack()->undo();
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(options()[0].fee, std::optional<double>(1.5e6));
    }

    void keywordsAreDropDowns() {
        Window x;
        x.editor()->showItem("fleets[0]");
        QComboBox* method = x.editor()->choice("book_depreciation.method");
        QVERIFY(method);
        QStringList labels;
        for (int i = 0; i < method->count(); ++i)
            labels << method->itemText(i);
        QCOMPARE(labels, (QStringList{"Straight line", "Declining balance", "Sum of years digits", "MACRS 5",
                                      "MACRS 7"}));
        choose(x.editor(), "book_depreciation.method", "declining_balance");
        QVERIFY(x.doc()->portfolio().fleets[0].bookDepreciation.method ==
                DepreciationMethod::DecliningBalance);
        QCOMPARE(lastUndo(x.doc()),
                 QString("Owned GB300 fleet book method straight_line -> declining_balance"));
        x.doc()->undoStack()->undo();
        QCOMPARE(method->currentData().toString(), QString("straight_line"));
    }

    void ctrlZInAFieldRevertsItBeforeUndoingTheDocument() {
        Window x;
        x.w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&x.w));
        x.editor()->showItem("contracts[0]");
        QLineEdit* escalator = x.editor()->field("escalator");
        setField(x.editor(), "escalator", "0.02");
        QCOMPARE(x.doc()->portfolio().contracts[0].escalator, 0.02);
        const int steps = x.doc()->undoStack()->index();
        escalator->setFocus();
        escalator->selectAll();
        QTest::keyClicks(escalator, "0.07");
        QCOMPARE(escalator->text(), QString("0.07"));
        // First Ctrl+Z: the unsaved text goes, the document is as it was.
        QTest::keyClick(escalator, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(escalator->text(), QString("0.02"));
        QCOMPARE(x.doc()->undoStack()->index(), steps);
        QCOMPARE(x.doc()->portfolio().contracts[0].escalator, 0.02);
        // Second: the document's last edit, and the field shows its result.
        QTest::keyClick(escalator, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(x.doc()->undoStack()->index(), steps - 1);
        QCOMPARE(x.doc()->portfolio().contracts[0].escalator, 0.0);
        QCOMPARE(escalator->text(), QString("0"));
        // Redo from the field.
        QTest::keyClick(escalator, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(x.doc()->portfolio().contracts[0].escalator, 0.02);
        QCOMPARE(escalator->text(), QString("0.02"));
        // The same in a field of several lines (a SKU's source).
        x.editor()->showItem("skus[GB300]");
        auto* source = x.editor()->findChild<QPlainTextEdit*>("notes");
        const QString cited = source->toPlainText();
        source->setFocus();
        QTest::keyClicks(source, " More.");
        QVERIFY(source->toPlainText() != cited);
        const int before = x.doc()->undoStack()->index();
        QTest::keyClick(source, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(source->toPlainText(), cited);
        QCOMPARE(x.doc()->undoStack()->index(), before);
        QTest::keyClick(source, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(x.doc()->undoStack()->index(), before - 1);
    }

    void undoStepsSayTheEditInWords() {
        Window x;
        x.editor()->showItem("contracts[0]");
        setField(x.editor(), "price_per_gpu_hour", "4.8");
        QCOMPARE(lastUndo(x.doc()), QString("CoreWeave 2025 (GB300) price per GPU-hour empty -> 4.8, instead "
                                            "of its total contract value"));
        // A lease given field by field is one step; ending it another.
        setField(x.editor(), "lease.incremental_borrowing_rate", "7%");
        choose(x.editor(), "lease.classification", "operating");
        QCOMPARE(lastUndo(x.doc()), QString("CoreWeave 2025 (GB300): a lease (operating, 0.07)"));
        choose(x.editor(), "lease.classification", "");
        QCOMPARE(lastUndo(x.doc()), QString("CoreWeave 2025 (GB300): no lease"));
        // A capex range likewise (docs/model.md 12.13): the high end waits for the low, then one step;
        // clearing either end ends the range; a low end above the capex is refused, naming the field.
        x.editor()->showItem("fleets[0]");
        const int steps = x.doc()->undoStack()->index();
        setField(x.editor(), "capex_max_per_gpu", "70,000");
        QVERIFY(x.editor()->message().contains("now enter fleets[0].capex_min_per_gpu as well"));
        QCOMPARE(x.doc()->undoStack()->index(), steps);
        setField(x.editor(), "capex_min_per_gpu", "45,000");
        QCOMPARE(lastUndo(x.doc()), QString("Owned GB300 fleet: a capex range (45000 .. 70000)"));
        QCOMPARE(x.doc()->portfolio().fleets[0].capexMaxPerGpu, std::optional<double>(70000.0));
        setField(x.editor(), "capex_min_per_gpu", "60,000");
        QVERIFY(x.editor()->message().startsWith(
            "fleets[0].capex_min_per_gpu: 60000 is above the capex per GPU"));
        QCOMPARE(x.doc()->portfolio().fleets[0].capexMinPerGpu, std::optional<double>(45000.0));
        setField(x.editor(), "capex_max_per_gpu", "");
        QCOMPARE(lastUndo(x.doc()), QString("Owned GB300 fleet: no capex range"));
        QVERIFY(!x.doc()->portfolio().fleets[0].capexMinPerGpu);
        QVERIFY(!x.doc()->portfolio().fleets[0].capexMaxPerGpu);
        QCOMPARE(x.editor()->field("capex_min_per_gpu")->placeholderText(), QString("empty: capex certain"));
        // A delivery delay (12.14): three fields, the first two wait for the third, then one step; a
        // likeliest above the high end is refused, naming the field; clearing one clears the delay.
        const int before = x.doc()->undoStack()->index();
        QCOMPARE(x.editor()->field("delivery_delay_mode_months")->placeholderText(),
                 QString("empty: delivered on time"));
        setField(x.editor(), "delivery_delay_mode_months", "2");
        QVERIFY2(x.editor()->message().contains("now enter fleets[0].delivery_delay_min_months and "
                                                "fleets[0].delivery_delay_max_months as well; the delay is "
                                                "set when all three are given."),
                 qPrintable(x.editor()->message()));
        setField(x.editor(), "delivery_delay_max_months", "9");
        QVERIFY(x.editor()->message().contains("now enter fleets[0].delivery_delay_min_months as well"));
        QCOMPARE(x.doc()->undoStack()->index(), before);
        QCOMPARE(x.editor()->field("delivery_delay_mode_months")->text(), QString("2"));
        setField(x.editor(), "delivery_delay_min_months", "0.5");
        QCOMPARE(lastUndo(x.doc()), QString("Owned GB300 fleet: a delivery delay (0.5 .. 2 .. 9 months)"));
        QCOMPARE(x.doc()->undoStack()->index(), before + 1);
        QCOMPARE(x.doc()->portfolio().fleets[0].deliveryDelayMaxMonths, std::optional<double>(9.0));
        setField(x.editor(), "delivery_delay_mode_months", "10");
        QVERIFY(x.editor()->message().startsWith(
            "fleets[0].delivery_delay_max_months: 9 is below the likeliest delay 10"));
        QCOMPARE(x.doc()->portfolio().fleets[0].deliveryDelayModeMonths, std::optional<double>(2.0));
        setField(x.editor(), "delivery_delay_min_months", "");
        QCOMPARE(lastUndo(x.doc()), QString("Owned GB300 fleet: no delivery delay"));
        QVERIFY(!x.doc()->portfolio().fleets[0].deliveryDelayModeMonths);
        x.doc()->undoStack()->undo();
        QCOMPARE(x.doc()->portfolio().fleets[0].deliveryDelayModeMonths, std::optional<double>(2.0));
        // An alternative's items and name, each check box one step.
        x.editor()->showItem("alternatives[0]");
        x.editor()->findChild<QCheckBox*>("alternative.item.own-gb300")->setChecked(true);
        QCOMPARE(lastUndo(x.doc()), QString("Rent from CoreWeave: adds Owned GB300 fleet"));
        QTest::qWait(10); // the editor rebuilds its check boxes after the change
        x.editor()->findChild<QCheckBox*>("alternative.item.own-gb300")->setChecked(false);
        QCOMPARE(lastUndo(x.doc()), QString("Rent from CoreWeave: drops Owned GB300 fleet"));
        QTest::qWait(10);
        auto* name = x.editor()->findChild<QLineEdit*>("alternative.name");
        name->setText("Rent");
        emit name->editingFinished();
        QCOMPARE(lastUndo(x.doc()), QString("Rent from CoreWeave: renamed Rent"));
        QCOMPARE(x.doc()->portfolio().alternatives->front().name, std::string("Rent"));
    }

    void sourcesAreShownUnderTheirFields() {
        Window x;
        x.editor()->showItem("contracts[0]");
        auto* cited = x.editor()->findChild<QLabel*>("source.total_contract_value");
        QVERIFY(cited);
        QCOMPARE(cited->text(),
                 QString("Source: CoreWeave Form 8-K, 30 Sep 2025: Meta order form up to $14.2B"));
        QVERIFY(x.editor()
                    ->field("total_contract_value")
                    ->toolTip()
                    .endsWith("Source: CoreWeave Form 8-K, 30 Sep 2025: Meta order form up to $14.2B"));
        // The example cites none for the escalator: its source row is hidden.
        QVERIFY(x.editor()->findChild<QLabel*>("source.escalator")->text().isEmpty());
        QVERIFY(!x.editor()->findChild<QLabel*>("source.escalator")->isVisibleTo(x.editor()));
        // A value typed in the window is the user's: its source says so, with the date; undo brings
        // the 8-K back.
        setField(x.editor(), "escalator", "0.02");
        QTest::qWait(10);
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        auto* typed = x.editor()->findChild<QLabel*>("source.escalator");
        QVERIFY(typed);
        QCOMPARE(typed->text(), "Source: entered by the user on " + today);
        QVERIFY(typed->isVisibleTo(x.editor()));
        QVERIFY(
            x.editor()->field("escalator")->toolTip().endsWith("Source: entered by the user on " + today));
        setField(x.editor(), "total_contract_value", "15e9");
        QTest::qWait(10);
        QCOMPARE(x.editor()->findChild<QLabel*>("source.total_contract_value")->text(),
                 "Source: entered by the user on " + today);
        x.doc()->undoStack()->undo();
        QTest::qWait(10);
        QCOMPARE(x.editor()->findChild<QLabel*>("source.total_contract_value")->text(),
                 QString("Source: CoreWeave Form 8-K, 30 Sep 2025: Meta order form up to $14.2B"));
    }

    void noFieldIsCutAtTheWindowsSize() {
        Window x;
        x.w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&x.w));
        auto* scroll = qobject_cast<QScrollArea*>(x.editor()->parentWidget()->parentWidget()->parentWidget());
        QVERIFY(scroll);
        for (const QString& item :
             {QString(), QString("market"), QString("skus[GB300]"), QString("contracts[0]"),
              QString("contracts[1]"), QString("fleets[0]"), QString("fleets[1]"), QString("alternatives[0]"),
              QString("alternatives[1]")}) {
            x.editor()->showItem(item);
            QTest::qWait(50);
            for (QLineEdit* edit : x.editor()->findChildren<QLineEdit*>()) {
                if (!edit->isVisible() || edit->text().isEmpty() ||
                    edit->parentWidget()->inherits("QAbstractSpinBox") ||
                    qobject_cast<QComboBox*>(edit->parentWidget()))
                    continue;
                const int room =
                    edit->contentsRect().width() - edit->textMargins().left() - edit->textMargins().right();
                QVERIFY2(edit->fontMetrics().horizontalAdvance(edit->text()) < room,
                         qPrintable(item + ": " + edit->objectName() + " \"" + edit->text() + "\""));
            }
            for (QCheckBox* box : x.editor()->findChildren<QCheckBox*>())
                QVERIFY2(box->width() >= box->sizeHint().width(), qPrintable(item + ": " + box->text()));
            // All of it in view: no sideways scrolling needed.
            QVERIFY2(scroll->horizontalScrollBar()->maximum() == 0, qPrintable(item));
        }
    }

    // The tab widget is as wide as its widest page: a page that grows with its results (the Monte
    // Carlo's status line) must not squeeze the editor beside it.
    void theEditorKeepsItsWidthAcrossTheTabs() {
        Window x;
        x.w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&x.w));
        auto* scroll = qobject_cast<QScrollArea*>(x.editor()->parentWidget()->parentWidget()->parentWidget());
        QVERIFY(scroll);
        const int width = scroll->width();
        QVERIFY2(width >= 400, qPrintable(QString::number(width)));
        runSimulation(x.w, 2000);
        for (int i = 0; i < x.w.tabs()->count(); ++i) {
            x.w.tabs()->setCurrentIndex(i);
            QTest::qWait(50);
            QVERIFY2(scroll->width() == width,
                     qPrintable(QString("tab %1: %2 -> %3").arg(i).arg(width).arg(scroll->width())));
        }
    }

    void screenshotsOfEveryEditor() {
        const QString dir = qEnvironmentVariable("CL_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set CL_SCREENSHOTS=DIR to write the screenshots of docs/screenshots");
        Window x;
        x.w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&x.w));
        const QList<QPair<QString, QString>> shots = {
            {"", "editor-assumptions"},    {"market", "editor-market"},
            {"skus[GB300]", "editor-sku"}, {"contracts[0]", "editor-contract"},
            {"fleets[0]", "editor-fleet"}, {"alternatives[0]", "editor-alternative"}};
        for (const auto& [item, name] : shots) {
            x.editor()->showItem(item);
            QTest::qWait(200);
            QVERIFY(x.w.grab().save(dir + "/" + name + ".png"));
        }
        // The market editor scrolled to its fit of the GPU price to the bundled series.
        x.editor()->showItem("market");
        QTest::qWait(200);
        auto* scroll = qobject_cast<QScrollArea*>(x.editor()->parentWidget()->parentWidget()->parentWidget());
        QVERIFY(scroll && x.editor()->priceFit());
        scroll->ensureWidgetVisible(x.editor()->priceFit(), 0, 0);
        QTest::qWait(200);
        QVERIFY(x.w.grab().save(dir + "/editor-market-fit.png"));
        // A contract's options grid (tests/data/portfolios/options.json: an extension, an expansion and
        // a termination): the editor alone, its column dragged wide enough for every column of the grid
        // (at the window's first size the grid scrolls sideways within the editor).
        QVERIFY(x.w.openInitial(QFINDTESTDATA("../data/portfolios/options.json")));
        auto* split = qobject_cast<QSplitter*>(x.w.centralWidget());
        QVERIFY(split);
        x.w.resize(2250, 940);
        split->setSizes({1300, 950});
        x.editor()->showItem("contracts[0]");
        QTest::qWait(200);
        OptionsGrid* grid = x.editor()->options();
        QVERIFY(grid);
        scroll->ensureWidgetVisible(grid, 0, 260);
        QTest::qWait(200);
        QVERIFY2(grid->table()->horizontalScrollBar()->maximum() == 0, "the options grid is cut");
        QVERIFY(scroll->grab().save(dir + "/editor-contract-options.png"));
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName("ComputeLedgerTest");
    EditorsUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_editors.moc"
