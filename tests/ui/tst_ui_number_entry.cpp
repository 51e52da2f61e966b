// Numbers typed into the item editor the way people type them (issue 19), offscreen: 14.2B into a
// contract's total value, 9% into the tax rate, 60,000 GPUs, $5.04 a price; a wrong one refused with a
// message naming the field that is cleared by the next valid entry; large amounts shown readably (not
// 1.42e+10) and committed unchanged without changing anything; a German locale's separators; the price,
// GPUs and MW a total contract value implies shown under it.
#include "analytics/NewsDecoder.h"
#include "models/PortfolioDocument.h"
#include "tests/ui/WindowSteps.h"
#include "ui/ItemEditor.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QUndoStack>

using namespace ledger;
using namespace ledger::ui;
using namespace ledger::ui::test;

namespace {

// The bundled example (resources/examples/meta-coreweave.json): contracts[0] CoreWeave 2025, total
// value 14.2e9, no price; contracts[1] 21e9; fleets[0] 55,000 GPUs; tax rate 0.21.
struct Example {
    models::PortfolioDocument doc{models::PortfolioDocument::bundledCatalog()};
    ItemEditor editor{&doc};
    Example() {
        QString error;
        if (!doc.openBundledExample(&error))
            qFatal("%s", qPrintable(error));
        editor.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

} // namespace

class NumberEntryTest : public QObject {
    Q_OBJECT
private slots:
    void typedFormsAreStored() {
        Example x;
        x.editor.showItem("contracts[1]");
        setField(&x.editor, "total_contract_value", "14.2B");
        QCOMPARE(x.editor.message(), QString());
        QVERIFY(*x.doc.portfolio().contracts[1].totalContractValue == 1.42e10);
        QCOMPARE(x.editor.field("total_contract_value")->text(), QString("14.2B"));
        setField(&x.editor, "total_contract_value", "USD 21 bn");
        QVERIFY(*x.doc.portfolio().contracts[1].totalContractValue == 21e9);
        setField(&x.editor, "escalator", "3%");
        QVERIFY(x.doc.portfolio().contracts[1].escalator == 0.03);
        QCOMPARE(x.editor.field("escalator")->text(), QString("0.03"));
        // A price replaces the total value, in the portfolio's currency.
        setField(&x.editor, "price_per_gpu_hour", "$5.04");
        QCOMPARE(x.editor.message(), QString());
        QVERIFY(*x.doc.portfolio().contracts[1].pricePerGpuHour == 5.04);
        QVERIFY(!x.doc.portfolio().contracts[1].totalContractValue);

        x.editor.showItem(QString());
        setField(&x.editor, "assumptions.tax_rate", "9%");
        QCOMPARE(x.editor.message(), QString());
        QVERIFY(x.doc.portfolio().assumptions.taxRate == 0.09);
        QCOMPARE(x.editor.field("assumptions.tax_rate")->text(), QString("0.09"));

        x.editor.showItem("fleets[0]");
        setField(&x.editor, "gpus", "60,000");
        QCOMPARE(x.editor.message(), QString());
        QVERIFY(x.doc.portfolio().fleets[0].gpus == 60000.0);
        QCOMPARE(x.editor.field("gpus")->text(), QString("60,000"));
        setField(&x.editor, "capex_per_gpu", "45k");
        QVERIFY(*x.doc.portfolio().fleets[0].capexPerGpu == 45000.0);
    }

    void aWrongNumberIsRefusedUntilFixed() {
        Example x;
        x.editor.showItem("fleets[0]");
        const int steps = x.doc.undoStack()->count();
        setField(&x.editor, "gpus", "2,5");
        QCOMPARE(x.editor.message(),
                 QString::fromUtf8("fleets[0].gpus: \"2,5\" is not a number: a comma groups thousands in "
                                   "this locale (1,500) \u2014 use a point for decimals"));
        QCOMPARE(x.editor.field("gpus")->text(), QString("55,000")); // back to the stored value
        QVERIFY(x.doc.portfolio().fleets[0].gpus == 55000.0);
        QCOMPARE(x.doc.undoStack()->count(), steps);
        setField(&x.editor, "gpus", "9%");
        QCOMPARE(x.editor.message(),
                 QString("fleets[0].gpus: \"9%\": a percent is for a share or a rate, and this field is "
                         "neither"));
        setField(&x.editor, "capex_per_gpu", QString::fromUtf8("\u20ac45,000"));
        QCOMPARE(x.editor.message(),
                 QString::fromUtf8("fleets[0].capex_per_gpu: \"\u20ac45,000\": \u20ac is not this "
                                   "portfolio's currency (USD)"));
        // Validation's bounds still speak after a number is read.
        setField(&x.editor, "pue", "50%");
        QCOMPARE(x.editor.message(),
                 QString("fleets[0].pue: \"50%\": a percent is for a share or a rate, and "
                         "this field is neither"));
        setField(&x.editor, "gpus", "60,000");
        QCOMPARE(x.editor.message(), QString()); // cleared by the valid entry
        QVERIFY(x.doc.portfolio().fleets[0].gpus == 60000.0);

        // A whole-number field: 2.5 days is refused, 1,000 is not (the bound is validation's).
        x.editor.showItem("contracts[0]");
        setField(&x.editor, "payment_terms_days", "2.5");
        QCOMPARE(x.editor.message(),
                 QString("contracts[0].payment_terms_days: \"2.5\" is not a whole number"));
        setField(&x.editor, "payment_terms_days", "45");
        QCOMPARE(x.editor.message(), QString());
        QCOMPARE(x.doc.portfolio().contracts[0].paymentTermsDays, 45);
    }

    void largeAmountsAreShownReadablyAndRecommitUnchanged() {
        Example x;
        x.editor.showItem("contracts[0]");
        QLineEdit* tcv = x.editor.field("total_contract_value");
        QCOMPARE(tcv->text(), QString("14.2B"));
        QVERIFY(!tcv->text().contains('e'));
        QCOMPARE(tcv->property("shown").toString(), QString("14.2B"));
        // Committing what is shown, or the same amount written in full, changes nothing.
        setField(&x.editor, "total_contract_value", "14.2B");
        setField(&x.editor, "total_contract_value", "14,200,000,000");
        setField(&x.editor, "total_contract_value", "14,200M");
        QCOMPARE(x.editor.message(), QString());
        QVERIFY(*x.doc.portfolio().contracts[0].totalContractValue == 1.42e10);
        QCOMPARE(x.doc.undoStack()->count(), 0);
        QVERIFY(!x.doc.isModified());
        QCOMPARE(tcv->text(), QString("14.2B"));
        // An amount the suffix cannot say in three decimals is shown in full.
        setField(&x.editor, "total_contract_value", "14,213,456,789");
        QVERIFY(*x.doc.portfolio().contracts[0].totalContractValue == 14213456789.0);
        QCOMPARE(tcv->text(), QString("14,213,456,789"));
        // Another locale: its separators, shown and read.
        x.editor.setLocale(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(tcv->text(), QString("14.213.456.789"));
        x.editor.showItem("fleets[0]");
        QCOMPARE(x.editor.field("gpus")->text(), QString("55.000"));
        QCOMPARE(x.editor.field("pue")->text(), QString("1,2"));
        setField(&x.editor, "pue", "1,3");
        QCOMPARE(x.editor.message(), QString());
        QVERIFY(x.doc.portfolio().fleets[0].pue == 1.3);
        setField(&x.editor, "pue", "1.3");
        QCOMPARE(x.editor.message(),
                 QString::fromUtf8("fleets[0].pue: \"1.3\" is not a number: a point groups thousands in "
                                   "this locale (1.500) \u2014 use a comma for decimals"));
    }

    void aContractValueShowsWhatItImplies() {
        Example x;
        x.editor.showItem("contracts[0]");
        const auto& item = x.doc.evaluation().items[0];
        QCOMPARE(item.id, std::string("cw-2025"));
        QVERIFY(item.impliedPricePerGpuHour);
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QString price = en.toString(*item.impliedPricePerGpuHour, 'f', 2);
        const Contract& c = x.doc.portfolio().contracts[0];
        const DecodedDeal d =
            decodeDeal({*c.totalContractValue, c.start, c.end, *item.impliedPricePerGpuHour, c.escalator,
                        x.doc.catalog().find(x.doc.portfolio(), c.sku)->itKwPerGpu});
        QCOMPARE(x.editor.impliedText(),
                 QString("implies %1 per GPU-hour (%2 GPUs, %3 MW)")
                     .arg(price, en.toString(d.gpus, 'f', 0), en.toString(d.itMegawatts, 'f', 1)));
        QCOMPARE(x.editor.field("price_per_gpu_hour")->placeholderText(),
                 QString("empty: implied, %1").arg(price));
        // The label follows the value.
        setField(&x.editor, "total_contract_value", "28.4B");
        const QString doubled = en.toString(*x.doc.evaluation().items[0].impliedPricePerGpuHour, 'f', 2);
        QVERIFY2(x.editor.impliedText().startsWith("implies " + doubled + " per GPU-hour"),
                 qPrintable(x.editor.impliedText()));
        QVERIFY(doubled != price);
        // Given by its price: nothing is implied.
        setField(&x.editor, "price_per_gpu_hour", "4.8");
        QCOMPARE(x.editor.impliedText(), QString());
        QCOMPARE(x.editor.field("price_per_gpu_hour")->placeholderText(), QString("empty: default"));
        x.doc.undoStack()->undo();
        QVERIFY(x.editor.impliedText().startsWith("implies " + doubled));
        // A fleet has no such label.
        x.editor.showItem("fleets[0]");
        QCOMPARE(x.editor.impliedText(), QString());
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    NumberEntryTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_number_entry.moc"
