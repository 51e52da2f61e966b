// The tornado's settings as the Sensitivity tab edits them (issue 19): a row per input the tornado
// moves, typed settings read as the editor reads numbers (and in the labels' own forms), each edit
// one undoable command named in words that redraws the tornado, refusals that change nothing, and
// the resets, each one undo step. And the tornado's words, which name the alternatives.
#include "data/CledgerDocument.h"
#include "models/PortfolioDocument.h"
#include "models/SensitivityRangesModel.h"
#include "models/SensitivityText.h"

#include <QFont>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::models;

namespace {

int rowOf(const SensitivityRangesModel& m, const char* id) {
    for (int r = 0; r < m.rowCount(); ++r)
        if (std::string(m.inputAt(r)->id) == id)
            return r;
    return -1;
}

const SensitivityBar& bar(const Sensitivity& s, const std::string& id) {
    const auto it = std::find_if(s.bars.begin(), s.bars.end(), [&](const auto& b) { return b.id == id; });
    if (it == s.bars.end())
        qFatal("no bar %s", id.c_str());
    return *it;
}

} // namespace

class SensitivityRangesTest : public QObject {
    Q_OBJECT
private slots:
    void typedSettingsAreRead() {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QLocale de(QLocale::German, QLocale::Germany);
        QString error;
        auto read = [&](SensitivityKind k, const QString& t, const QLocale& l) {
            return readSensitivitySetting(k, t, l, &error);
        };
        QCOMPARE(read(SensitivityKind::Factor, "0.8", en), std::optional(0.8));
        QCOMPARE(read(SensitivityKind::Factor, "x1.25", en), std::optional(1.25));
        QCOMPARE(read(SensitivityKind::Factor, "0,8", de), std::optional(0.8));
        QCOMPARE(read(SensitivityKind::Points, "-10%", en), std::optional(-0.1));
        QCOMPARE(read(SensitivityKind::Points, "-0.1", en), std::optional(-0.1));
        QCOMPARE(read(SensitivityKind::Points, "+7.5 pts", en), std::optional(0.075));
        QCOMPARE(read(SensitivityKind::PerYear, "-30%", en), std::optional(-0.3));
        QCOMPARE(read(SensitivityKind::PerYear, "-45%/yr", en), std::optional(-0.45));
        QCOMPARE(read(SensitivityKind::PerYear, "0%/yr", en), std::optional(0.0));
        QCOMPARE(read(SensitivityKind::Factor, "abc", en), std::nullopt);
        QVERIFY2(error.contains("\"abc\""), qPrintable(error));
        error.clear();
        QCOMPARE(read(SensitivityKind::Factor, "80%", en), std::nullopt); // a factor takes no percent
        QVERIFY(!error.isEmpty());
    }

    void editsAreUndoableCommandsInWords() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY2(doc.openBundledExample(&error), qPrintable(error));
        SensitivityRangesModel model(&doc);
        model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        QSignalSpy refused(&model, &SensitivityRangesModel::editRefused);
        // The example has a demand: the demand's row in place of the utilization's.
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(rowOf(model, "utilization"), -1);
        const int prices = rowOf(model, "contract_prices");
        const int demand = rowOf(model, "demand");
        const int trend = rowOf(model, "gpu_price_trend");
        const int tax = rowOf(model, "tax_rate");
        QVERIFY(prices >= 0 && demand >= 0 && trend >= 0 && tax >= 0);
        const QModelIndex low = model.index(prices, SensitivityRangesModel::LowColumn);
        QCOMPARE(
            model.data(model.index(prices, SensitivityRangesModel::InputColumn), Qt::DisplayRole).toString(),
            QString("Contract prices"));
        QCOMPARE(model.data(low, Qt::DisplayRole).toString(), QString("x0.8"));
        QCOMPARE(model.data(low, Qt::EditRole).toString(), QString("0.8"));
        QCOMPARE(
            model.data(model.index(trend, SensitivityRangesModel::DefaultColumn), Qt::DisplayRole).toString(),
            QString("-30%/yr / 0%/yr"));
        QVERIFY(model.flags(low) & Qt::ItemIsEditable);
        QVERIFY(
            !(model.flags(model.index(prices, SensitivityRangesModel::DefaultColumn)) & Qt::ItemIsEditable));
        QVERIFY(!model.data(low, Qt::FontRole).isValid());

        const Sensitivity before = doc.sensitivity(0, 1);
        const double npvBefore = doc.evaluation().alternatives[0].npvCost;
        QSignalSpy redrawn(&doc, &PortfolioDocument::evaluationChanged);
        QVERIFY(model.setData(low, "0.7"));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->undoText(), QString("Sensitivity contract prices low 0.8 -> 0.7"));
        QCOMPARE(doc.portfolio().sensitivity.at("contract_prices"), (SensitivityRange{0.7, 1.2}));
        QCOMPARE(model.data(low, Qt::DisplayRole).toString(), QString("x0.7"));
        QVERIFY(model.data(low, Qt::FontRole).value<QFont>().bold());
        QCOMPARE(redrawn.count(), 1);
        const Sensitivity after = doc.sensitivity(0, 1);
        QCOMPARE(bar(after, "contract_prices").lowLabel, std::string("x0.7"));
        QVERIFY(bar(after, "contract_prices").low != bar(before, "contract_prices").low);
        QCOMPARE(bar(after, "contract_prices").high, bar(before, "contract_prices").high);
        QCOMPARE(after.base, before.base);
        QCOMPARE(doc.evaluation().alternatives[0].npvCost, npvBefore); // the evaluation does not move

        // The label's own form; each edit its own step (settings are not merged).
        QVERIFY(model.setData(low, "x0.6"));
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(doc.undoStack()->undoText(), QString("Sensitivity contract prices low 0.7 -> 0.6"));
        // Points and rates per year in percent; typed as it was: nothing to undo.
        QVERIFY(model.setData(model.index(tax, SensitivityRangesModel::HighColumn), "7.5%"));
        QCOMPARE(doc.undoStack()->undoText(), QString("Sensitivity tax rate high 0.05 -> 0.075"));
        QCOMPARE(model.data(model.index(tax, SensitivityRangesModel::HighColumn), Qt::DisplayRole).toString(),
                 QString("+7.5 pts"));
        QVERIFY(model.setData(model.index(tax, SensitivityRangesModel::HighColumn), "+7.5 pts"));
        QCOMPARE(doc.undoStack()->count(), 3);
        QVERIFY(model.setData(model.index(trend, SensitivityRangesModel::LowColumn), "-45%"));
        QCOMPARE(doc.undoStack()->undoText(), QString("Sensitivity GPU price trend low -0.3 -> -0.45"));
        QCOMPARE(doc.portfolio().sensitivity.at("gpu_price_trend"), (SensitivityRange{-0.45, 0.0}));
        QCOMPARE(doc.undoStack()->count(), 4);

        // Refused: not a number, and out of bounds; nothing changes.
        const auto held = doc.portfolio().sensitivity;
        QVERIFY(!model.setData(model.index(prices, SensitivityRangesModel::HighColumn), "lots"));
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.last().at(0).toString().startsWith("sensitivity.contract_prices.high: \"lots\""),
                 qPrintable(refused.last().at(0).toString()));
        QVERIFY(!model.setData(low, "-1"));
        QCOMPARE(refused.last().at(0).toString(), QString("sensitivity.contract_prices.low: -1 is below 0"));
        QVERIFY(!model.setData(model.index(demand, SensitivityRangesModel::HighColumn), "12"));
        QCOMPARE(refused.last().at(0).toString(), QString("sensitivity.demand.high: 12 is above 10"));
        QCOMPARE(doc.portfolio().sensitivity, held);
        QCOMPARE(doc.undoStack()->count(), 4);

        // Undo restores the settings exactly, and the tornado with them.
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.portfolio().sensitivity.at("contract_prices"), (SensitivityRange{0.7, 1.2}));
        QVERIFY(!doc.portfolio().sensitivity.count("tax_rate"));
        doc.undoStack()->undo();
        QVERIFY(doc.portfolio().sensitivity.empty());
        QCOMPARE(bar(doc.sensitivity(0, 1), "contract_prices").low, bar(before, "contract_prices").low);
        doc.undoStack()->redo();
        doc.undoStack()->redo();

        // Back at the default: the input leaves the file again.
        QVERIFY(model.setData(low, "0.8"));
        QVERIFY(!doc.portfolio().sensitivity.count("contract_prices"));
        QVERIFY(!model.isCustom(prices));
    }

    void resetsAreOneStepEach() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY2(doc.openBundledExample(&error), qPrintable(error));
        SensitivityRangesModel model(&doc);
        model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        const int prices = rowOf(model, "contract_prices");
        const int trend = rowOf(model, "gpu_price_trend");
        QVERIFY(!model.anyCustom());
        QVERIFY(model.resetAll(&error)); // nothing to reset: no step
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(model.setData(model.index(prices, SensitivityRangesModel::LowColumn), "0.5"));
        QVERIFY(model.setData(model.index(prices, SensitivityRangesModel::HighColumn), "1.5"));
        QVERIFY(model.setData(model.index(trend, SensitivityRangesModel::HighColumn), "-5%"));
        QCOMPARE(doc.undoStack()->count(), 3);
        QVERIFY(model.isCustom(prices) && model.isCustom(trend) && model.anyCustom());

        QVERIFY(model.resetInput(trend, &error));
        QCOMPARE(doc.undoStack()->count(), 4);
        QCOMPARE(doc.undoStack()->undoText(),
                 QString("Sensitivity GPU price trend reset to its defaults -30%/yr / 0%/yr"));
        QVERIFY(!model.isCustom(trend));
        QCOMPARE(doc.portfolio().sensitivity.size(), std::size_t(1));

        QVERIFY(model.resetAll(&error));
        QCOMPARE(doc.undoStack()->count(), 5);
        QCOMPARE(doc.undoStack()->undoText(), QString("Sensitivity settings reset to their defaults"));
        QVERIFY(doc.portfolio().sensitivity.empty());
        doc.undoStack()->undo();
        QCOMPARE(doc.portfolio().sensitivity.at("contract_prices"), (SensitivityRange{0.5, 1.5}));
        QVERIFY(!doc.portfolio().sensitivity.count("gpu_price_trend"));
    }

    // The settings are the tornado's alone: a Monte Carlo run stays the current inputs' (its hash does
    // not move), while the document's checksum covers them.
    void settingsLeaveTheSimulationCurrent() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY2(doc.openBundledExample(&error), qPrintable(error));
        const QString before = doc.inputsHash();
        QCOMPARE(before, data::portfolioInputsHash(doc.portfolio()));
        SensitivityRangesModel model(&doc);
        model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(model.setData(model.index(rowOf(model, "contract_prices"), SensitivityRangesModel::LowColumn),
                              "0.5"));
        QCOMPARE(doc.inputsHash(), before);
        QVERIFY(data::portfolioInputsHash(doc.portfolio()) != before);
        QVERIFY(doc.setValue("assumptions.discount_rate", 0.1, &error));
        QVERIFY(doc.inputsHash() != before); // an input the simulation reads
    }

    // Removing the demand swaps its row for the utilization's (the tornado's own rule).
    void rowsFollowTheDemand() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY2(doc.openBundledExample(&error), qPrintable(error));
        SensitivityRangesModel model(&doc);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY2(doc.removeDemand(&error), qPrintable(error));
        QCOMPARE(reset.count(), 1);
        QVERIFY(rowOf(model, "utilization") >= 0);
        QCOMPARE(rowOf(model, "demand"), -1);
        QCOMPARE(model.rowCount(), 9);
    }

    void tornadoWordsNameTheAlternatives() {
        PortfolioDocument doc(PortfolioDocument::bundledCatalog());
        QString error;
        QVERIFY2(doc.openBundledExample(&error), qPrintable(error));
        const Sensitivity s = doc.sensitivity(0, 1);
        QCOMPARE(s.a, std::string("rent"));
        QCOMPARE(sensitivityPairInWords(s, doc.evaluation()),
                 QString("Rent from CoreWeave minus Buy and operate"));
        QVERIFY(tornadoTitle(s, doc.evaluation(), "USD")
                    .startsWith("NPV of Rent from CoreWeave minus Buy and operate: USD "));
        QCOMPARE(tornadoAxisTitle(s, doc.evaluation(), "USD"),
                 QString("Change of the NPV of Rent from CoreWeave minus Buy and operate (USD millions)"));
    }
};

QTEST_MAIN(SensitivityRangesTest)
#include "tst_sensitivity_ranges.moc"
