// The window's charts as a reader sees them (offscreen, the bundled example, and the market editor's
// chart of a price series): every legend entry whole, no two entries of one chart in near-identical
// colours (light and dark palette), the Monte Carlo histogram inside its axes, and the crossover
// markers in the years the text names.
#include "data/PortfolioJson.h"
#include "engine/CostLine.h"
#include "models/MoneyFormat.h"
#include "models/OptionText.h"
#include "models/PortfolioDocument.h"
#include "models/PortfolioTreeModel.h"
#include "models/SimulationController.h"
#include "options/OptionValuation.h"
#include "resources/BundledResources.h"
#include "tests/ui/WindowSteps.h"
#include "ui/ItemEditor.h"
#include "ui/MainWindow.h"
#include "ui/PriceFitPanel.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/charts/LedgerCharts.h"
#include "ui/tabs/MonteCarloTab.h"

#include <QTableWidget>

#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPalette>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QValueAxis>

#include <array>
#include <cmath>
#include <memory>

using namespace ledger;
using namespace ledger::ui;
using namespace ledger::ui::test;

namespace {

// CIE76 colour difference (sRGB, D65): about 2 is just noticeable; below 20 two flat areas of a
// chart read as one colour.
double deltaE(const QColor& x, const QColor& y) {
    auto lab = [](const QColor& c) {
        auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
        const double X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        const double Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        const double Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
        return std::array<double, 3>{116.0 * f(Y) - 16.0, 500.0 * (f(X) - f(Y)), 200.0 * (f(Y) - f(Z))};
    };
    const auto a = lab(x), b = lab(y);
    return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
constexpr double kDistinct = 20.0;

void collectTexts(QGraphicsItem* item, QStringList& out) {
    for (QGraphicsItem* child : item->childItems()) {
        if (!child->isVisible())
            continue;
        if (auto* text = qgraphicsitem_cast<QGraphicsTextItem*>(child))
            out << text->toPlainText();
        collectTexts(child, out);
    }
}

QString where(const MainWindow& w, const QChart* chart) {
    return w.tabs()->tabText(w.tabs()->currentIndex()) + ": " + chart->title();
}

// The first visible legend entry not drawn with its whole label, in words; empty when all are.
QString cutLegendEntry(const QString& where, QChart* chart) {
    if (!chart->legend()->isVisible())
        return {};
    QStringList shown;
    collectTexts(chart->legend(), shown);
    for (QLegendMarker* marker : chart->legend()->markers())
        if (marker->isVisible() && !marker->label().isEmpty() && !shown.contains(marker->label()))
            return where + ": \"" + marker->label() + "\" shown as " + shown.join(" | ");
    return {};
}

// Every visible entry of the chart's legend is drawn with its whole label, once the chart has settled:
// the legend is fitted after a layout, queued, and Qt lays it out again (slower under a sanitizer).
void checkLegendWhole(const QString& where, QChart* chart) {
    QTRY_VERIFY2_WITH_TIMEOUT(cutLegendEntry(where, chart).isEmpty(),
                              qPrintable(cutLegendEntry(where, chart)), 5000);
}

// No two visible entries of one legend in near-identical colours. below: the legend is drawn under
// the chart instead (ChartHelpers' legendBelow), an entry per shown series.
void checkColoursDistinct(const MainWindow& w, QChart* chart, bool below = false) {
    QList<QLegendMarker*> markers;
    for (QLegendMarker* m : chart->legend()->markers())
        if (below ? m->series()->isVisible() : m->isVisible())
            markers << m;
    for (int i = 0; i < markers.size(); ++i)
        for (int j = i + 1; j < markers.size(); ++j) {
            const QColor a = markers[i]->brush().color(), b = markers[j]->brush().color();
            QVERIFY2(deltaE(a, b) >= kDistinct, qPrintable(QString("%1: \"%2\" %3 and \"%4\" %5, delta E %6")
                                                               .arg(where(w, chart), markers[i]->label(),
                                                                    a.name(), markers[j]->label(), b.name())
                                                               .arg(deltaE(a, b), 0, 'f', 1)));
        }
}

// Every chart of every tab, and of each Cash flows view, as shown in a window of that size with the
// editor open (the widest left panel).
void checkEveryChart(const QSize& size) {
    MainWindow w;
    QVERIFY(w.openInitial(resources::examplePortfolioPath()));
    w.resize(size);
    w.show();
    w.tree()->setCurrentIndex(w.tree()->model()->index(
        0, 0, w.tree()->model()->index(models::PortfolioTreeModel::ContractsRow, 0)));
    runSimulation(w, 2000);
    int charts = 0;
    auto checkTab = [&] {
        QTest::qWait(50); // the layout, then the legends fitted to it (queued)
        for (QChartView* view : w.tabs()->currentWidget()->findChildren<QChartView*>()) {
            if (!view->isVisible())
                continue;
            ++charts;
            checkLegendWhole(where(w, view->chart()), view->chart());
            checkColoursDistinct(w, view->chart());
        }
    };
    for (int i = 0; i < w.tabs()->count(); ++i) {
        w.tabs()->setCurrentIndex(i);
        checkTab();
        if (QTest::currentTestFailed())
            return;
    }
    w.tabs()->setCurrentIndex(1);
    auto* view = w.findChild<QComboBox*>("cashFlowsView");
    for (int v = 1; v < view->count(); ++v) {
        view->setCurrentIndex(v);
        checkTab();
        if (QTest::currentTestFailed())
            return;
    }
    // The market editor's chart of the bundled price series and its fit, its legend under it.
    w.tree()->setCurrentIndex(w.tree()->model()->index(models::PortfolioTreeModel::MarketRow, 0));
    QTest::qWait(50);
    const PriceFitPanel* fit = w.editor()->priceFit();
    QVERIFY(fit);
    ++charts;
    QChart* chart = fit->chartView()->chart();
    QVERIFY(!chart->legend()->isVisible());
    for (QLegendMarker* m : chart->legend()->markers())
        QVERIFY2(fit->legendText().contains(QString(m->label()).replace(' ', "&nbsp;")),
                 qPrintable("the market's fit: \"" + m->label() + "\" not in " + fit->legendText()));
    checkColoursDistinct(w, chart, true);
    QVERIFY(charts > 15);
}

} // namespace

class ChartsUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave.json");
    }

    // The palettes themselves: the alternatives' colours apart from each other and from the shortfall
    // bought at spot (drawn beside an alternative's capacity and its items); the cost lines one chart
    // can show together apart (spot's two lines are an alternative's alone, without a shortfall).
    void thePalettesAreDistinct() {
        for (int i = 0; i < 6; ++i) {
            for (int j = i + 1; j < 6; ++j)
                QVERIFY2(deltaE(seriesColor(i), seriesColor(j)) >= kDistinct,
                         qPrintable(QString("%1 %2").arg(i).arg(j)));
            for (CostLine line : {CostLine::Shortfall, CostLine::ShortfallTaxShield})
                QVERIFY2(deltaE(seriesColor(i), costLineColor(int(line))) >= kDistinct,
                         qPrintable(QString("alternative %1 and line %2").arg(i).arg(int(line))));
            // An alternative's capacity and its shortfall are thin bars side by side on a card: further
            // apart than that (the first alternative's blue and the old teal, 33, read as one colour).
            QVERIFY2(deltaE(seriesColor(i), costLineColor(int(CostLine::Shortfall))) >= 35.0,
                     qPrintable(QString("alternative %1: %2")
                                    .arg(i)
                                    .arg(deltaE(seriesColor(i), costLineColor(int(CostLine::Shortfall))))));
        }
        auto spotOnly = [](int l) { return l == int(CostLine::Spot) || l == int(CostLine::SpotTaxShield); };
        for (int a = 0; a < kCostLines; ++a)
            for (int b = a + 1; b < kCostLines; ++b) {
                if (spotOnly(a) != spotOnly(b))
                    continue; // never in one chart
                // A defaulted contract's replacement shows only on a path with a default, never in the
                // deterministic charts; its tax shield is the one pair left closer.
                if (a == int(CostLine::OperatingTaxShield) && b == int(CostLine::ReplacementTaxShield))
                    continue;
                QVERIFY2(deltaE(costLineColor(a), costLineColor(b)) >= kDistinct,
                         qPrintable(QString("lines %1 and %2: %3")
                                        .arg(a)
                                        .arg(b)
                                        .arg(deltaE(costLineColor(a), costLineColor(b)))));
            }
    }

    void legendsWholeAndColoursDistinct() { checkEveryChart(QSize(1500, 940)); }

    void legendsWholeInASmallerWindow() { checkEveryChart(QSize(1200, 800)); }

    void coloursDistinctInADarkPalette() {
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(37, 37, 38));
        dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(220, 220, 220));
        dark.setColor(QPalette::Button, QColor(45, 45, 48));
        dark.setColor(QPalette::ButtonText, QColor(220, 220, 220));
        QApplication::setPalette(dark);
        checkEveryChart(QSize(1500, 940));
        QApplication::setPalette(light);
    }

    // A legend too wide for one row below its chart moves to the right, one entry a line, and back
    // when the chart is wide enough: Buy and operate's ten cost lines.
    void aLegendTooWideForOneRowMovesRight() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        const EvaluationResult& r = w.document()->evaluation();
        std::unique_ptr<QChartView> view(makeChartView(QString(), nullptr));
        view->resize(800, 500);
        view->show();
        drawAnnualCashByLine(freshChart(view.get()), r, r.alternatives[1]);
        QTest::qWait(50);
        QCOMPARE(view->chart()->legend()->markers().size(), qsizetype(10));
        checkLegendWhole("800 px", view->chart());
        QTRY_COMPARE_WITH_TIMEOUT(view->chart()->legend()->alignment(), Qt::AlignRight, 5000);
        view->resize(1600, 500);
        QTRY_COMPARE_WITH_TIMEOUT(view->chart()->legend()->alignment(), Qt::AlignBottom, 5000);
        checkLegendWhole("1600 px", view->chart());
    }

    // docs/model.md 17: a run of a portfolio with options shows what each is worth, the numbers the
    // engine gives on the same paths and seed, and the selected option's boundary: the expected
    // saving by market price, crossing zero at the boundary. With CL_SCREENSHOTS=DIR, a PNG of the tab.
    void theMonteCarloTabSaysWhatTheOptionsAreWorth() {
        MainWindow w;
        const QString file = QFINDTESTDATA("../data/portfolios/options.json");
        QVERIFY(w.openInitial(file));
        w.resize(1500, 1000);
        w.show();
        QVERIFY(!w.monteCarlo()->optionsTable()->isVisibleTo(w.monteCarlo()));
        runSimulation(w, 4000);
        const auto* shown = w.simulation()->currentOptions();
        QVERIFY(shown);
        QCOMPARE(int(shown->size()), 3);
        OptionValuationSettings s;
        s.simulation.paths = 4000;
        s.simulation.seed = w.document()->portfolio().simulation.seed;
        const auto expected = valueOptions(w.document()->portfolio(), w.document()->catalog(), s);
        QTableWidget* t = w.monteCarlo()->optionsTable();
        QVERIFY(t->isVisibleTo(w.monteCarlo()));
        QCOMPARE(t->rowCount(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE((*shown)[std::size_t(i)].value, expected[std::size_t(i)].value);
            QCOMPARE(t->item(i, 0)->text(), QString::fromStdString(expected[std::size_t(i)].option.optionId));
            QCOMPARE(t->item(i, 2)->text(), models::formatMillions(expected[std::size_t(i)].value));
            QCOMPARE(t->item(i, 4)->text(),
                     models::formatPercent(expected[std::size_t(i)].exerciseProbability));
        }
        t->selectRow(2);
        QChart* chart = w.monteCarlo()->boundaryChart()->chart();
        QCOMPARE(chart->title(), QString("exit-2028: expected saving from exercising, by market price"));
        auto* saving = qobject_cast<QLineSeries*>(chart->series().value(0));
        QVERIFY(saving);
        QCOMPARE(saving->count(), int(expected[2].boundaryCurve.size()));
        QCOMPARE(saving->at(0).y(), expected[2].boundaryCurve.front().expectedSaving / 1e6);
        QVERIFY(qAbs(saving->at(0).x() -
                     expected[2].boundaryCurve.front().index * expected[2].marketPricePerGpuHour) < 1e-12);
        if (const QString dir = qEnvironmentVariable("CL_SCREENSHOTS"); !dir.isEmpty()) {
            w.tabs()->setCurrentWidget(w.monteCarlo());
            QTest::qWait(300);
            QVERIFY(w.grab().save(QDir(dir).filePath("monte-carlo-options.png")));
        }
    }

    // The histogram's axes hold every bin of every alternative: the tallest peak is not cut off.
    void theHistogramHoldsEveryBin() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        runSimulation(w, 2000);
        const SimulationResult* s = w.simulation()->currentResult();
        QVERIFY(s);
        QChart* chart = nullptr;
        for (QChartView* view : w.monteCarlo()->findChildren<QChartView*>())
            if (view->chart()->title() == "NPV cost across paths")
                chart = view->chart();
        QVERIFY(chart);
        auto* x = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).value(0));
        auto* y = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).value(0));
        QVERIFY(x && y);
        double most = 0.0;
        for (const auto& a : s->alternatives) {
            QVERIFY(x->min() <= a.npvHistogram.low / 1e6);
            QVERIFY(x->max() >= a.npvHistogram.high / 1e6);
            for (auto count : a.npvHistogram.counts)
                most = std::max(most, double(count));
        }
        QVERIFY(most > 0.0);
        QVERIFY2(y->max() >= most, qPrintable(QString("%1 < %2").arg(y->max()).arg(most)));
        QCOMPARE(y->min(), 0.0);
    }

    // "A and B cross in 2029": the marker sits inside 2029, between its tick and the next.
    void crossoversAreMarkedWhereTheTextSays() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        for (const QString& tab : {QString("Overview"), QString("Compare")}) {
            for (int i = 0; i < w.tabs()->count(); ++i)
                if (w.tabs()->tabText(i) == tab)
                    w.tabs()->setCurrentIndex(i);
            QTest::qWait(10);
            QScatterSeries* marks = nullptr;
            for (QChartView* view : w.tabs()->currentWidget()->findChildren<QChartView*>())
                for (QAbstractSeries* series : view->chart()->series())
                    if (auto* scatter = qobject_cast<QScatterSeries*>(series))
                        marks = scatter;
            QVERIFY(marks);
            QString text;
            for (QLabel* label : w.tabs()->currentWidget()->findChildren<QLabel*>())
                if (label->text().contains(" cross in "))
                    text = label->text();
            const QRegularExpression cross(" cross in (\\d{4})");
            QList<int> years;
            for (auto it = cross.globalMatch(text); it.hasNext();)
                years << it.next().captured(1).toInt();
            QCOMPARE(years, (QList<int>{2029, 2028})); // Rent and Buy; Buy and spot
            QCOMPARE(marks->count(), int(years.size()));
            for (int m = 0; m < marks->count(); ++m)
                QVERIFY2(
                    marks->at(m).x() > years[m] && marks->at(m).x() < years[m] + 1,
                    qPrintable(
                        QString("%1: marker at %2, text %3").arg(tab).arg(marks->at(m).x()).arg(years[m])));
        }
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName("ComputeLedgerTest");
    app.setApplicationName("tst_ui_charts");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ChartsUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_charts.moc"
