// The Overview shows the decision at a glance (offscreen, the bundled example in a 1500x940
// window): NPV cost by alternative (one bar each, the winner highlighted, the values labelled), the
// Monte Carlo band only for a run of the current inputs, cumulative cash cost, what would change the
// verdict in words, the LCOC arithmetic in the tooltips, and a page that fits without clipping.
#include "models/DecisionText.h"
#include "models/MoneyFormat.h"
#include "models/OptionText.h"
#include "models/PortfolioDocument.h"
#include "models/PortfolioTreeModel.h"
#include "models/ReverseStressText.h"
#include "models/SimulationController.h"
#include "resources/BundledResources.h"
#include "tests/ui/WindowSteps.h"
#include "ui/MainWindow.h"
#include "ui/charts/ChartHelpers.h"
#include "ui/tabs/MonteCarloTab.h"
#include "ui/tabs/OverviewTab.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::ui;
using namespace ledger::ui::test;

namespace {

QBarSet* npvBars(QChart* chart) {
    for (QAbstractSeries* s : chart->series())
        if (auto* bars = qobject_cast<QHorizontalBarSeries*>(s); bars && bars->count() == 1)
            return bars->barSets().front();
    return nullptr;
}

std::vector<QLineSeries*> beams(QChart* chart) {
    std::vector<QLineSeries*> out;
    for (QAbstractSeries* s : chart->series())
        if (auto* line = qobject_cast<QLineSeries*>(s))
            out.push_back(line);
    return out;
}

QStringList categories(QChart* chart) {
    for (QAbstractAxis* axis : chart->axes(Qt::Vertical))
        if (auto* c = qobject_cast<QBarCategoryAxis*>(axis))
            return c->categories();
    return {};
}

} // namespace

class OverviewUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave.json");
    }

    // docs/model.md 17: beside the cards, each option's terms and, before a run, the expected path's
    // saving; after a run of these inputs, the value on its paths. None for a portfolio without options.
    void theOverviewSaysWhatTheOptionsAreWorth() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        QCOMPARE(w.overview()->optionsText(), QString());
        QVERIFY(w.openInitial(QFINDTESTDATA("../data/portfolios/options.json")));
        QTest::qWait(200);
        const QString before = w.overview()->optionsText();
        QVERIFY2(before.contains(
                     "<b>exit-2028</b>: End Take-or-pay H100 on 2028-06-30 for a fee of USD 1.5 M. "
                     "On the expected path exercising saves USD 4.7 M of NPV cost to Take-or-pay H100"),
                 qPrintable(before));
        QVERIFY(before.contains(
            "<b>extend-2031</b>: Extend Take-or-pay H100 to 2031-12-31 at 0.9 x its last "
            "price, decided on 2029-06-30. On the expected path exercising would cost USD 7.8 M "
            "more"));
        runSimulation(w, 4000);
        const auto* options = w.simulation()->currentOptions();
        QVERIFY(options);
        QTRY_VERIFY(w.overview()->optionsText().contains(
            models::optionValueInWords((*options)[2], "USD", "Take-or-pay H100").toHtmlEscaped()));
        QVERIFY(w.overview()->optionsText().contains("Worth USD 4.3 M"));
    }

    // One bar per alternative with the evaluation's NPV cost, the winner (the cheapest at full
    // capacity) highlighted in its colour, each labelled with its name and value.
    void theNpvChartHasABarPerAlternative() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        const EvaluationResult& r = w.document()->evaluation();
        QChart* chart = w.overview()->npvChart();
        QBarSet* set = npvBars(chart);
        QVERIFY(set);
        QCOMPARE(set->count(), qsizetype(r.alternatives.size()));
        // The first alternative on top: a horizontal chart's first bar is its bottom one.
        const int n = int(r.alternatives.size());
        for (int i = 0; i < n; ++i)
            QCOMPARE(set->at(n - 1 - i), r.alternatives[std::size_t(i)].npvCost / 1e6);
        const auto pair = models::decisionPair(r);
        QVERIFY(pair);
        QCOMPARE(r.alternatives[pair->first].name, std::string("Buy and operate"));
        QCOMPARE(set->selectedBars(), QList<int>{n - 1 - int(pair->first)});
        QCOMPARE(set->selectedColor(), seriesColor(int(pair->first)));
        QCOMPARE(categories(chart),
                 (QStringList{"Spot market<br>26,654.5 M", "<b>Buy and operate</b><br>12,742.0 M, cheapest",
                              "Rent from CoreWeave<br>21,747.5 M"}));
        QVERIFY(beams(chart).empty()); // no Monte Carlo run yet
        QCOMPARE(w.overview()->bandText(), models::noMonteCarloSentence(false));
        // An edit: the bars follow once the edits pause, with the new NPV cost.
        const double before = r.alternatives[1].npvCost;
        QString error;
        QVERIFY2(w.document()->setValue("fleets[0].pue", 1.4, &error), qPrintable(error));
        QVERIFY(r.alternatives[1].npvCost > before);
        QTRY_COMPARE(npvBars(w.overview()->npvChart())->at(n - 2), r.alternatives[1].npvCost / 1e6);
        QVERIFY(w.overview()->whatWouldChangeText().contains(
            models::verdictGapSentence(r, w.document()->sensitivity(pair->first, pair->second))
                .toHtmlEscaped()));
    }

    // The band shows for a run of the current inputs and only for it: an edit hides it, the undo
    // that brings the inputs back shows it again.
    void theMonteCarloBandBelongsToTheCurrentInputs() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        runSimulation(w, 2000);
        const SimulationResult* s = w.simulation()->currentResult();
        QVERIFY(s);
        const EvaluationResult& r = w.document()->evaluation();
        QCOMPARE(w.overview()->bandText(), models::monteCarloBandSentence(r, *s));
        QVERIFY(w.overview()->bandText().contains(
            "Buy and operate " + models::formatMillions(s->alternatives[1].npvCost.p5) + " to " +
            models::formatMillions(s->alternatives[1].npvCost.p95)));
        auto lines = beams(w.overview()->npvChart());
        QCOMPARE(lines.size(), r.alternatives.size());
        // Across each bar (its row counted from the bottom), from P5 to P95.
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const double row = double(lines.size() - 1 - i);
            QCOMPARE(lines[i]->at(2), QPointF(s->alternatives[i].npvCost.p5 / 1e6, row));
            QCOMPARE(lines[i]->at(3), QPointF(s->alternatives[i].npvCost.p95 / 1e6, row));
        }
        // An edit hides the band at once, not only when the rest of the decision follows.
        QString error;
        QVERIFY2(w.document()->setValue("fleets[0].pue", 1.3, &error), qPrintable(error));
        QVERIFY(!w.simulation()->currentResult());
        QVERIFY(beams(w.overview()->npvChart()).empty());
        QCOMPARE(w.overview()->bandText(), models::noMonteCarloSentence(true));
        w.document()->undoStack()->undo();
        QCOMPARE(beams(w.overview()->npvChart()).size(), r.alternatives.size());
        QCOMPARE(w.overview()->bandText(), models::monteCarloBandSentence(w.document()->evaluation(), *s));
    }

    // The widest three tornado bars of the best two, in words: the input, its settings, the gap at
    // each, and whether the verdict holds or who wins at the setting that flips it.
    void whatWouldChangeTheVerdictIsSaid() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        const EvaluationResult& r = w.document()->evaluation();
        const auto pair = models::decisionPair(r);
        const Sensitivity s = w.document()->sensitivity(pair->first, pair->second);
        QCOMPARE(s.a, std::string("buy"));
        QCOMPARE(s.b, std::string("rent"));
        const auto changes = models::verdictChanges(r, s, models::TextStyle::Html);
        QCOMPARE(changes.size(), std::size_t(3));
        const QString text = w.overview()->whatWouldChangeText();
        QVERIFY(text.startsWith("<h3>What would change the verdict</h3>"));
        QVERIFY(text.contains(models::verdictGapSentence(r, s).toHtmlEscaped()));
        for (std::size_t i = 0; i < 3; ++i) {
            const SensitivityBar& bar = s.bars[i];
            QCOMPARE(changes[i].input, bar.input);
            QVERIFY(text.contains(changes[i].sentence));
            QVERIFY(changes[i].sentence.startsWith(
                "<b>" + QString::fromStdString(bar.input) + "</b> " + QString::fromStdString(bar.lowLabel) +
                " to " + QString::fromStdString(bar.highLabel) + " moves the gap from USD " +
                models::formatMillions(-bar.low) + " M to " + models::formatMillions(-bar.high) + " M; "));
            const bool flips = bar.low > 0.0 || bar.high > 0.0;
            QCOMPARE(!changes[i].flipsAt.empty(), flips);
            QVERIFY(changes[i].sentence.contains(flips ? "Rent from CoreWeave wins"
                                                       : "Buy and operate stays cheapest"));
        }
    }

    // Below the tornado's sentences, a line per input that flips the verdict alone, smallest move
    // first, and one naming those that cannot; a run of the current inputs adds the share of its
    // paths on which the verdict flips, and an edit takes that line away with the band.
    void theSmallestMovesThatFlipTheVerdictAreListed() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        const EvaluationResult& r = w.document()->evaluation();
        const auto pair = models::decisionPair(r);
        const ReverseStress s = w.document()->reverseStress(pair->first, pair->second);
        QCOMPARE(s.winner, std::string("buy"));
        QCOMPARE(s.runnerUp, std::string("rent"));
        const QStringList lines = models::verdictFlipSentences(r, s, models::TextStyle::Html);
        QVERIFY(lines.size() >= 2);
        const QString text = w.overview()->whatWouldChangeText();
        const QString heading = "<b>Smallest move alone that flips it</b>";
        QVERIFY(text.contains(heading));
        // In the ranking's order, after the heading.
        qsizetype at = text.indexOf(heading);
        for (const QString& line : lines) {
            const qsizetype next = text.indexOf(line, at);
            QVERIFY2(next > at, qPrintable(line));
            at = next;
        }
        QVERIFY(
            lines.front().startsWith("<b>Contract prices</b> x0.554 (a move of 44.6%) flips Buy and operate "
                                     "to Rent from CoreWeave."));
        QVERIFY(lines[1].endsWith(" flips it."));
        const QString none = models::noFlipSentence(s, models::TextStyle::Html);
        QVERIFY(!none.isEmpty() && text.indexOf(none) > at);
        QVERIFY(!text.contains("Monte Carlo"));
        runSimulation(w, 2000);
        const SimulationResult* run = w.simulation()->currentResult();
        QVERIFY(run);
        const QString share = models::flipProbabilitySentence(r, s, *run);
        QVERIFY(share.startsWith("Monte Carlo, 2,000 paths: the verdict flips on "));
        QVERIFY(w.overview()->whatWouldChangeText().endsWith("<br>" + share.toHtmlEscaped()));
        QString error;
        QVERIFY2(w.document()->setValue("fleets[0].pue", 1.3, &error), qPrintable(error));
        QVERIFY(!w.overview()->whatWouldChangeText().contains(share.toHtmlEscaped()));
    }

    // The LCOC figures carry their arithmetic: NPV cost / discounted H100-equivalent GPU-hours.
    void lcocToolTipsShowTheArithmetic() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        const EvaluationResult& r = w.document()->evaluation();
        for (std::size_t i = 0; i < r.alternatives.size(); ++i) {
            const AlternativeResult& a = r.alternatives[i];
            const QString tip = w.overview()->lcocToolTip(int(i));
            QCOMPARE(tip, models::lcocArithmetic(a, "USD"));
            QVERIFY(tip.contains("LCOC = NPV cost / discounted H100-equivalent GPU-hours\n= USD " +
                                 models::formatMillions(a.npvCost) + " M / " +
                                 models::formatMillions(a.npvCost / *a.lcoc) + " M\n= USD " +
                                 models::formatPerHour(*a.lcoc) + " per H100-equivalent GPU-hour"));
        }
        QCOMPARE(w.overview()->verdictToolTip(), models::lcocArithmetic(r.alternatives[1], "USD"));
        QVERIFY(w.overview()->verdictText().contains(
            "LCOC USD 0.4535 (cost per H100-equivalent GPU-hour, after tax, discounted)"));
    }

    // The cumulative chart: a line per alternative from 0 at the valuation date to its total cash at
    // the horizon end.
    void theCumulativeChartEndsAtTotalCash() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.show();
        const EvaluationResult& r = w.document()->evaluation();
        QChart* chart = w.overview()->cumulativeChart();
        QCOMPARE(chart->title(), QString("Cumulative after-tax cash cost (undiscounted)"));
        const auto lines = beams(chart);
        QCOMPARE(lines.size(), r.alternatives.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            QCOMPARE(lines[i]->at(0), QPointF(2027.0, 0.0));
            // The last year ends with the horizon (2032-12-14 here).
            QCOMPARE(lines[i]->points().back(), QPointF(yearOf(r.horizonEnd + boost::gregorian::days(1)),
                                                        r.alternatives[i].totalCash / 1e6));
        }
    }

    // At 1500x940 the page is used (its last text well down the page, not two thirds empty) and
    // nothing is squeezed below its size: the scroll area scrolls instead.
    void thePageFitsTheWindow() {
        MainWindow w;
        QVERIFY(w.openInitial(resources::examplePortfolioPath()));
        w.resize(1500, 940);
        w.show();
        w.tree()->setCurrentIndex(w.tree()->model()->index(
            0, 0, w.tree()->model()->index(models::PortfolioTreeModel::ContractsRow, 0)));
        QTest::qWait(100);
        auto* scroll = w.overview()->findChild<QScrollArea*>("overviewScroll");
        QVERIFY(scroll);
        QWidget* page = scroll->widget();
        QVERIFY(page->height() >= page->minimumSizeHint().height());
        for (QChartView* view : page->findChildren<QChartView*>())
            if (view->isVisible())
                QVERIFY(view->height() >= view->minimumHeight());
        auto* changes = page->findChild<QLabel*>("whatWouldChange");
        QVERIFY(changes && changes->isVisible());
        const int bottom = changes->mapTo(page, QPoint(0, changes->height())).y();
        QVERIFY2(bottom > scroll->viewport()->height() * 2 / 3, qPrintable(QString::number(bottom)));
        // Every line of the label shown: it is as tall as its text needs at its width.
        QVERIFY(changes->height() >= changes->heightForWidth(changes->width()));
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName("ComputeLedgerTest");
    app.setApplicationName("tst_ui_overview");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    OverviewUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_overview.moc"
