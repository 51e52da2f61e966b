// The market editor's fit of the GPU price to a price series (ui/PriceFitPanel over
// models/PriceSeriesFit), offscreen on the bundled example: the bundled series by default, a scatter
// per tier named in the legend; a user's series opened, its fitted median and 5-95% band drawn as the
// model gives them; "Apply the fit" sets market.gpu_price's three values in one undo step, which one
// undo takes back; a bad file, a tier too short and a fit the portfolio refuses each said in the
// editor, nothing changed.
#include "data/PriceSeries.h"
#include "models/PortfolioDocument.h"
#include "models/PortfolioTreeModel.h"
#include "models/PriceSeriesFit.h"
#include "resources/BundledResources.h"
#include "ui/ItemEditor.h"
#include "ui/MainWindow.h"
#include "ui/PriceFitPanel.h"

#include <QApplication>
#include <QAreaSeries>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::ui;

namespace {

const QString kSynthetic = QStringLiteral(LEDGER_APP_FIXTURES "/synthetic-prices.csv");
const QString kThreeTiers = QStringLiteral(LEDGER_MODELS_FIXTURES "/three-tiers.csv");

struct Window {
    MainWindow w;
    Window() {
        if (!w.openInitial(resources::examplePortfolioPath()))
            qFatal("the example did not open");
        w.resize(1500, 940);
        w.show();
        // As a user opens it: the tree's market row.
        w.tree()->setCurrentIndex(w.tree()->model()->index(models::PortfolioTreeModel::MarketRow, 0));
        if (!QTest::qWaitForWindowExposed(&w) || !w.editor()->priceFit())
            qFatal("the market editor did not open");
    }
    models::PortfolioDocument* doc() { return w.document(); }
    ItemEditor* editor() { return w.editor(); }
    PriceFitPanel* panel() { return w.editor()->priceFit(); }
    QChart* chart() { return panel()->chartView()->chart(); }
};

template <class Series> QList<Series*> seriesOf(QChart* chart) {
    QList<Series*> found;
    for (QAbstractSeries* s : chart->series())
        if (auto* x = qobject_cast<Series*>(s))
            found << x;
    return found;
}

QStringList namesOf(const QList<QScatterSeries*>& series) {
    QStringList names;
    for (const QScatterSeries* s : series)
        names << s->name();
    return names;
}

} // namespace

class PriceFitUiTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // The bundled series: a scatter per tier it holds, in its order, each named in the legend; the
    // drop-down lists those tiers. (The counts are the bundled file's, which grows: not asserted.)
    void theBundledSeriesByTier() {
        Window x;
        QVERIFY(x.panel());
        QStringList tiers;
        for (PriceTier t : tiersOf(data::bundledPriceSeries()))
            tiers << QString::fromStdString(std::string(toString(t)));
        QVERIFY(tiers.size() >= 2);
        QCOMPARE(namesOf(seriesOf<QScatterSeries>(x.chart())), tiers);
        // Each named once in the legend under the chart, whole, in its colour.
        const QString legend = x.panel()->legendText();
        for (QScatterSeries* s : seriesOf<QScatterSeries>(x.chart())) {
            QVERIFY2(s->count() > 0, qPrintable(s->name()));
            const auto markers = x.chart()->legend()->markers(s);
            QCOMPARE(markers.size(), qsizetype(1));
            QCOMPARE(markers.front()->label(), s->name());
            const QString entry = QString("<span style=\"color:%1\">%2</span>&nbsp;%3")
                                      .arg(s->color().name(), QString(QChar(0x25CF)), s->name());
            QVERIFY2(legend.contains(entry), qPrintable(legend));
            QCOMPARE(legend.count(s->name()), 1);
        }
        QCOMPARE(x.panel()->tierBox()->count(), int(tiers.size()));
        QVERIFY(x.panel()->tierBox()->currentText().startsWith(
            tiers.value(x.panel()->tierBox()->currentIndex())));
        QVERIFY(
            x.panel()->findChild<QLabel*>("priceSeriesName")->text().contains("h100-prices.csv (bundled)"));
    }

    // A user's series: its points, the fitted median and the band between p5 and p95 as the model
    // gives them; Apply sets the three values as one undo step; one undo restores them.
    void applyTheFitOfAUsersSeries() {
        Window x;
        x.panel()->openSeries(kSynthetic);
        QCOMPARE(x.editor()->message(), QString());
        const auto scatter = seriesOf<QScatterSeries>(x.chart());
        QCOMPARE(namesOf(scatter), QStringList{"on-demand"});
        QCOMPARE(scatter.front()->count(), 48);
        QCOMPARE(scatter.front()->at(3).y(), 4.0570); // 2022-03-15
        // The model's chart data for the same series, what the band must show.
        models::PriceSeriesFit model;
        QString error;
        QVERIFY2(model.openSeries(kSynthetic, &error), qPrintable(error));
        const models::PriceFitChart expected = model.chart();
        QVERIFY(!expected.band.empty());
        const auto areas = seriesOf<QAreaSeries>(x.chart());
        QCOMPARE(areas.size(), qsizetype(1));
        QCOMPARE(areas.front()->name(), QString("5-95% band"));
        const QLineSeries* upper = areas.front()->upperSeries();
        const QLineSeries* lower = areas.front()->lowerSeries();
        QCOMPARE(upper->count(), int(expected.band.size()));
        QCOMPARE(lower->count(), int(expected.band.size()));
        QList<QLineSeries*> median;
        for (QLineSeries* line : seriesOf<QLineSeries>(x.chart()))
            if (line->name() == "Fitted median")
                median << line;
        QCOMPARE(median.size(), qsizetype(1));
        QVERIFY(x.panel()->legendText().contains("Fitted&nbsp;median"));
        QVERIFY(x.panel()->legendText().contains("5-95%&nbsp;band"));
        for (int i = 0; i < upper->count(); ++i) {
            QCOMPARE(upper->at(i).y(), expected.band[std::size_t(i)].band.p95);
            QCOMPARE(lower->at(i).y(), expected.band[std::size_t(i)].band.p5);
            QCOMPARE(median.front()->at(i).y(), expected.band[std::size_t(i)].band.median);
        }
        QVERIFY(x.panel()->summaryText().startsWith(
            "Fitted to synthetic-prices.csv, tier on-demand: 48 points from 2022-01-01 to 2025-12-18"));
        QVERIFY(x.panel()->summaryText().contains("Trend: -0.228 per year (standard error 0.053)"));

        QVERIFY(x.panel()->applyButton()->isEnabled());
        const int steps = x.doc()->undoStack()->count();
        QTest::mouseClick(x.panel()->applyButton(), Qt::LeftButton);
        QCOMPARE(x.editor()->message(), QString());
        const OuParameters& fitted = model.fit()->parameters;
        const GpuPriceProcess& g = x.doc()->portfolio().market.gpuPrice;
        QCOMPARE(g.trendPerYear, fitted.trendPerYear);
        QCOMPARE(g.reversionPerYear, fitted.reversionPerYear);
        QCOMPARE(g.volatility, fitted.volatility);
        QCOMPARE(x.doc()->undoStack()->count(), steps + 1);
        QCOMPARE(x.doc()->undoStack()->undoText(),
                 QString("GPU price fitted to synthetic-prices.csv, tier on-demand: trend -0.15 -> -0.2281, "
                         "reversion 1 -> 2.712, volatility 0.3 -> 0.3233"));
        // The fields above show the values set, and cite the series.
        QTRY_COMPARE(x.editor()->field("gpu_price.reversion_per_year")->text().left(5), QString("2.712"));
        QVERIFY(x.editor()
                    ->findChild<QLabel*>("source.gpu_price.volatility")
                    ->text()
                    .startsWith("Source: fitted to synthetic-prices.csv, tier on-demand (48 points, "
                                "2022-01-01 .. 2025-12-18)"));
        x.doc()->undoStack()->undo();
        QCOMPARE(x.doc()->portfolio().market.gpuPrice.trendPerYear, -0.15);
        QCOMPARE(x.doc()->portfolio().market.gpuPrice.reversionPerYear, 1.0);
        QCOMPARE(x.doc()->portfolio().market.gpuPrice.volatility, 0.30);
        QCOMPARE(x.doc()->undoStack()->count(), steps + 1);
        QCOMPARE(x.doc()->undoStack()->index(), steps);
        QTRY_COMPARE(x.editor()->field("gpu_price.volatility")->text(), QString("0.3"));
    }

    // A bad file: the reader's line in the editor, the series and the chart as they were.
    void aBadFileIsSaidInTheEditor() {
        Window x;
        x.panel()->openSeries(kSynthetic);
        const QString bad = QStringLiteral(LEDGER_MODELS_FIXTURES "/bad-row.csv");
        x.panel()->openSeries(bad);
        QCOMPARE(x.editor()->message(), bad + " row 4: price_per_gpu_hour must be > 0, got -1");
        QCOMPARE(namesOf(seriesOf<QScatterSeries>(x.chart())), QStringList{"on-demand"});
        QCOMPARE(seriesOf<QScatterSeries>(x.chart()).front()->count(), 48);
        // The next action that goes through clears it.
        x.panel()->openSeries(kThreeTiers);
        QCOMPARE(x.editor()->message(), QString());
    }

    // Too few points: said with the count needed, the points alone, no Apply; and a fit whose
    // volatility the portfolio does not take is refused with validation's message.
    void aTierTooShortAndAFitRefused() {
        Window x;
        x.panel()->openSeries(kThreeTiers);
        QComboBox* tier = x.panel()->tierBox();
        QCOMPARE(tier->itemText(2), QString("spot (3 points, too few to fit)"));
        tier->setCurrentIndex(2);
        emit tier->activated(2);
        QCOMPARE(x.panel()->summaryText(),
                 QString("The spot tier of three-tiers.csv has 3 points; a fit needs at "
                         "least 5, so only the points are shown."));
        QVERIFY(!x.panel()->applyButton()->isEnabled());
        QVERIFY(seriesOf<QAreaSeries>(x.chart()).isEmpty());
        QCOMPARE(seriesOf<QScatterSeries>(x.chart()).size(), qsizetype(3));
        tier->setCurrentIndex(1);
        emit tier->activated(1);
        QVERIFY(x.panel()->applyButton()->isEnabled());
        const int steps = x.doc()->undoStack()->count();
        QTest::mouseClick(x.panel()->applyButton(), Qt::LeftButton);
        QVERIFY2(
            x.editor()->message().startsWith("The fit was not applied: market.gpu_price.volatility: 8.0128"),
            qPrintable(x.editor()->message()));
        QVERIFY(x.editor()->message().endsWith(" is above 2"));
        QCOMPARE(x.doc()->undoStack()->count(), steps);
        QCOMPARE(x.doc()->portfolio().market.gpuPrice.volatility, 0.30);
    }

    // The series and tier chosen stay while the editor shows another item and comes back.
    void theChoiceStaysAcrossItems() {
        Window x;
        x.panel()->openSeries(kThreeTiers);
        x.panel()->tierBox()->setCurrentIndex(2);
        emit x.panel()->tierBox()->activated(2);
        x.editor()->showItem("contracts[0]");
        QVERIFY(!x.panel());
        x.editor()->showItem("market");
        QVERIFY(x.panel());
        QCOMPARE(x.panel()->tierBox()->currentIndex(), 2);
        QCOMPARE(x.panel()->findChild<QLabel*>("priceSeriesName")->text(), QString("three-tiers.csv"));
    }

    // With CL_SCREENSHOTS=DIR: the editor scrolled to the fit, of a user's series (the synthetic one,
    // applied) and of a tier too short to fit.
    void screenshotsOfTheFit() {
        const QString dir = qEnvironmentVariable("CL_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set CL_SCREENSHOTS=DIR to write the screenshots of docs/screenshots");
        Window x;
        auto* scroll = qobject_cast<QScrollArea*>(x.editor()->parentWidget()->parentWidget()->parentWidget());
        QVERIFY(scroll);
        x.panel()->openSeries(kSynthetic);
        x.panel()->applyFit();
        QTest::qWait(200);
        scroll->ensureWidgetVisible(x.panel(), 0, 0);
        QTest::qWait(200);
        QVERIFY(x.w.grab().save(dir + "/editor-market-fit-applied.png"));
        x.panel()->openSeries(kThreeTiers);
        x.panel()->tierBox()->setCurrentIndex(2);
        emit x.panel()->tierBox()->activated(2);
        QTest::qWait(200);
        scroll->ensureWidgetVisible(x.panel(), 0, 0);
        QTest::qWait(200);
        QVERIFY(x.w.grab().save(dir + "/editor-market-fit-short.png"));
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    app.setOrganizationName("ComputeLedgerTest");
    app.setApplicationName("tst_ui_price_fit");
    PriceFitUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_price_fit.moc"
