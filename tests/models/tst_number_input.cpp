// Numbers typed the way people type them (issue 19): grouping per locale (English and German), a
// currency before or after, K/M/B/bn/T, a percent on a share or a rate, negatives; each refusal's
// message; the form each editor field gets from its unit; and a stored number shown readably (never in
// scientific notation) and read back to exactly itself.
#include "models/FieldCatalog.h"
#include "models/NumberInput.h"

#include <QTest>

#include <cmath>

using namespace ledger::models;

namespace {

const NumberForm kPlain{};
const NumberForm kCount{true, false, false};
const NumberForm kShare{false, true, false};
const NumberForm kMoney{false, false, true};

QLocale english() {
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QLocale german() {
    return QLocale(QLocale::German, QLocale::Germany);
}

NumberForm formOf(const std::vector<FieldSpec>& fields, const QString& key) {
    for (const auto& f : fields)
        if (f.key == key)
            return numberFormOf(f);
    qFatal("no field %s", qPrintable(key));
}

bool sameForm(const NumberForm& a, const NumberForm& b) {
    return a.whole == b.whole && a.percent == b.percent && a.money == b.money;
}

} // namespace

class NumberInputTest : public QObject {
    Q_OBJECT
private slots:
    void reads_data() {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<int>("form"); // 0 plain, 1 count, 2 share, 3 money
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected");
        const QLocale en = english(), de = german();
        QTest::newRow("plain") << en << "USD" << 0 << "5.04" << 5.04;
        QTest::newRow("spaces around") << en << "USD" << 0 << "  7 " << 7.0;
        QTest::newRow("leading point") << en << "USD" << 0 << ".5" << 0.5;
        QTest::newRow("grouped count") << en << "USD" << 1 << "60,000" << 60000.0;
        QTest::newRow("grouped decimals") << en << "USD" << 0 << "1,234.5" << 1234.5;
        QTest::newRow("grouped millions") << en << "USD" << 0 << "1,234,567.25" << 1234567.25;
        QTest::newRow("one comma of three") << en << "USD" << 0 << "1,234" << 1234.0;
        QTest::newRow("B") << en << "USD" << 3 << "14.2B" << 14.2e9;
        QTest::newRow("b lower") << en << "USD" << 3 << "14.2b" << 14.2e9;
        QTest::newRow("bn spaced") << en << "USD" << 3 << "14.2 bn" << 14.2e9;
        QTest::newRow("BN") << en << "USD" << 3 << "21BN" << 21e9;
        QTest::newRow("k") << en << "USD" << 1 << "250k" << 250000.0;
        QTest::newRow("K decimals") << en << "USD" << 1 << "2.5K" << 2500.0;
        QTest::newRow("M spaced") << en << "USD" << 3 << "3 M" << 3e6;
        QTest::newRow("T") << en << "USD" << 3 << "1.5T" << 1.5e12;
        QTest::newRow("grouped with suffix") << en << "USD" << 3 << "14,200M" << 14.2e9;
        QTest::newRow("dollar") << en << "USD" << 3 << "$5.04" << 5.04;
        QTest::newRow("US dollar") << en << "USD" << 3 << "US$5.04" << 5.04;
        QTest::newRow("code before") << en << "USD" << 3 << "USD 5.04" << 5.04;
        QTest::newRow("code after") << en << "USD" << 3 << "5.04 USD" << 5.04;
        QTest::newRow("code lower") << en << "USD" << 3 << "5.04 usd" << 5.04;
        QTest::newRow("symbol after") << en << "USD" << 3 << "5.04$" << 5.04;
        QTest::newRow("dollar billions") << en << "USD" << 3 << "$14.2B" << 14.2e9;
        QTest::newRow("billions code") << en << "USD" << 3 << "14.2B USD" << 14.2e9;
        QTest::newRow("percent") << en << "USD" << 2 << "9%" << 0.09;
        QTest::newRow("percent decimals") << en << "USD" << 2 << "14.2%" << 0.142;
        QTest::newRow("percent spaced") << en << "USD" << 2 << "3 %" << 0.03;
        QTest::newRow("share as a fraction") << en << "USD" << 2 << "0.21" << 0.21;
        QTest::newRow("minus") << en << "USD" << 0 << "-5" << -5.0;
        QTest::newRow("minus sign") << en << "USD" << 0 << QString::fromUtf8("\u22123") << -3.0;
        QTest::newRow("plus") << en << "USD" << 0 << "+3" << 3.0;
        QTest::newRow("parentheses") << en << "USD" << 3 << "(5.04)" << -5.04;
        QTest::newRow("parentheses dollar") << en << "USD" << 3 << "($5.04)" << -5.04;
        QTest::newRow("minus dollar") << en << "USD" << 3 << "-$5.04" << -5.04;
        QTest::newRow("dollar minus") << en << "USD" << 3 << "$-5.04" << -5.04;
        QTest::newRow("minus zero") << en << "USD" << 0 << "-0" << 0.0;
        QTest::newRow("exponent") << en << "USD" << 3 << "1.42e10" << 1.42e10;
        QTest::newRow("exponent signed") << en << "USD" << 0 << "5E-2" << 0.05;
        QTest::newRow("euro") << en << "EUR" << 3 << QString::fromUtf8("\u20ac5.04") << 5.04;
        QTest::newRow("de grouped count") << de << "EUR" << 1 << "60.000" << 60000.0;
        QTest::newRow("de grouped decimals") << de << "EUR" << 0 << "1.234,5" << 1234.5;
        QTest::newRow("de decimal comma") << de << "EUR" << 0 << "2,5" << 2.5;
        QTest::newRow("de one point of three") << de << "EUR" << 0 << "1.234" << 1234.0;
        QTest::newRow("de euro after") << de << "EUR" << 3 << QString::fromUtf8("5,04 \u20ac") << 5.04;
        QTest::newRow("de code") << de << "EUR" << 3 << "EUR 5,04" << 5.04;
        QTest::newRow("de B") << de << "EUR" << 3 << "14,2B" << 14.2e9;
        QTest::newRow("de percent") << de << "EUR" << 2 << "9 %" << 0.09;
        QTest::newRow("de percent decimals") << de << "EUR" << 2 << "14,2 %" << 0.142;
        QTest::newRow("de dollar portfolio") << de << "USD" << 3 << "5,04 $" << 5.04;
    }
    void reads() {
        QFETCH(QLocale, locale);
        QFETCH(QString, currency);
        QFETCH(int, form);
        QFETCH(QString, text);
        QFETCH(double, expected);
        const NumberForm forms[] = {kPlain, kCount, kShare, kMoney};
        const NumberReading r = readNumber(text, forms[form], locale, currency);
        QVERIFY2(r.value, qPrintable(r.error));
        QVERIFY(r.error.isEmpty());
        // Exactly the double nearest the decimal typed, not a rounded product.
        QVERIFY2(*r.value == expected && !std::signbit(*r.value) == !std::signbit(expected),
                 qPrintable(QString::number(*r.value, 'g', 17)));
    }

    void refuses_data() {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<int>("form");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const QLocale en = english(), de = german();
        QTest::newRow("empty") << en << "USD" << 0 << "  "
                               << "empty: enter a number";
        QTest::newRow("comma decimal in English")
            << en << "USD" << 0 << "1,5"
            << QString::fromUtf8("\"1,5\" is not a number: a comma groups thousands in this locale (1,500) "
                                 "\u2014 use a point for decimals");
        QTest::newRow("two decimals after a comma")
            << en << "USD" << 0 << "2,50"
            << QString::fromUtf8("\"2,50\" is not a number: a comma groups thousands in this locale (1,500) "
                                 "\u2014 use a point for decimals");
        QTest::newRow("groups not in threes")
            << en << "USD" << 0 << "12,34,567"
            << "\"12,34,567\" is not a number: a comma groups thousands in threes in this locale (1,234,567)";
        QTest::newRow("grouping after a point")
            << en << "USD" << 0 << "1,23.5"
            << "\"1,23.5\" is not a number: a comma groups thousands in threes in this locale (1,234,567)";
        QTest::newRow("German layout in English")
            << en << "USD" << 0 << "1.234,5"
            << "\"1.234,5\" is not a number: in this locale a comma groups thousands and a point marks "
               "decimals (1,234.5)";
        QTest::newRow("space grouping in English")
            << en << "USD" << 0 << "60 000"
            << "\"60 000\" is not a number: in this locale a comma groups thousands and a point marks "
               "decimals (1,234.5)";
        QTest::newRow("two points") << en << "USD" << 0 << "1.2.3"
                                    << "\"1.2.3\" is not a number: it has more than one decimal point";
        QTest::newRow("leading comma") << en << "USD" << 0 << ",500"
                                       << "\",500\" is not a number: a comma groups thousands in threes "
                                          "in this locale (1,234,567)";
        QTest::newRow("letters") << en << "USD" << 0 << "five"
                                 << "\"five\" is not a number";
        QTest::newRow("no digits") << en << "USD" << 3 << "$"
                                   << "\"$\" is not a number";
        QTest::newRow("unknown suffix")
            << en << "USD" << 3 << "14.2X"
            << "\"14.2X\" is not a number: X is neither a suffix (K, M, B or bn, T) nor a currency";
        QTest::newRow("MM") << en << "USD" << 3 << "5MM"
                            << "\"5MM\" is not a number: MM is neither a suffix (K, M, B or bn, T) nor a "
                               "currency";
        QTest::newRow("two suffixes")
            << en << "USD" << 3 << "5 k M"
            << "\"5 k M\" is not a number: k is neither a suffix (K, M, B or bn, T) nor a currency";
        QTest::newRow("percent of a count")
            << en << "USD" << 1 << "9%"
            << "\"9%\": a percent is for a share or a rate, and this field is neither";
        QTest::newRow("percent of money")
            << en << "USD" << 3 << "9%"
            << "\"9%\": a percent is for a share or a rate, and this field is neither";
        QTest::newRow("percent with a suffix")
            << en << "USD" << 2 << "5k%"
            << "\"5k%\" is not a number: a percent takes no suffix and no currency";
        QTest::newRow("other currency symbol")
            << en << "USD" << 3 << QString::fromUtf8("\u20ac5.04")
            << QString::fromUtf8("\"\u20ac5.04\": \u20ac is not this portfolio's currency (USD)");
        QTest::newRow("other currency code") << en << "USD" << 3 << "5.04 EUR"
                                             << "\"5.04 EUR\": EUR is not this portfolio's currency (USD)";
        QTest::newRow("currency twice") << en << "USD" << 3 << "$5 USD"
                                        << "\"$5 USD\" is not a number: it names a currency twice";
        QTest::newRow("currency on a count")
            << en << "USD" << 1 << "$60,000"
            << "\"$60,000\": a currency is for an amount of money, and this field is not one";
        QTest::newRow("fraction of a count") << en << "USD" << 1 << "2.5"
                                             << "\"2.5\" is not a whole number";
        QTest::newRow("fraction of a count by suffix") << en << "USD" << 1 << "2.0005k"
                                                       << "\"2.0005k\" is not a whole number";
        QTest::newRow("two signs") << en << "USD" << 0 << "--5"
                                   << "\"--5\" is not a number: it has two signs";
        QTest::newRow("sign in parentheses") << en << "USD" << 0 << "(-5)"
                                             << "\"(-5)\" is not a number: it has two signs";
        QTest::newRow("too large") << en << "USD" << 0 << "1e999"
                                   << "\"1e999\" is too large or too small to be a number";
        QTest::newRow("bad exponent")
            << en << "USD" << 0 << "1e"
            << "\"1e\" is not a number: e is neither a suffix (K, M, B or bn, T) nor a "
               "currency";
        QTest::newRow("de point decimal")
            << de << "EUR" << 0 << "1.5"
            << QString::fromUtf8("\"1.5\" is not a number: a point groups thousands in this locale (1.500) "
                                 "\u2014 use a comma for decimals");
        QTest::newRow("English layout in German")
            << de << "EUR" << 0 << "1,234.5"
            << "\"1,234.5\" is not a number: in this locale a point groups thousands and a comma marks "
               "decimals (1.234,5)";
        QTest::newRow("de two commas") << de << "EUR" << 0 << "1,2,3"
                                       << "\"1,2,3\" is not a number: it has more than one decimal comma";
        QTest::newRow("de dollar in a euro portfolio") << de << "EUR" << 3 << "$5"
                                                       << "\"$5\": $ is not this portfolio's currency (EUR)";
        QTest::newRow("de fraction of a count") << de << "EUR" << 1 << "2,5"
                                                << "\"2,5\" is not a whole number";
    }
    void refuses() {
        QFETCH(QLocale, locale);
        QFETCH(QString, currency);
        QFETCH(int, form);
        QFETCH(QString, text);
        QFETCH(QString, message);
        const NumberForm forms[] = {kPlain, kCount, kShare, kMoney};
        const NumberReading r = readNumber(text, forms[form], locale, currency);
        QVERIFY2(!r.value, qPrintable(QString::number(r.value.value_or(0), 'g', 17)));
        QCOMPARE(r.error, message);
    }

    void eachFieldHasItsForm() {
        // From the unit (NumberInput.h): a share or a per-year rate takes a percent, a price or a value
        // a currency, an Integer field must be whole.
        QVERIFY(sameForm(formOf(contractFields(), "price_per_gpu_hour"), kMoney));
        QVERIFY(sameForm(formOf(contractFields(), "total_contract_value"), kMoney));
        QVERIFY(sameForm(formOf(contractFields(), "escalator"), kShare));
        QVERIFY(sameForm(formOf(contractFields(), "take_or_pay"), kShare));
        QVERIFY(sameForm(formOf(contractFields(), "prepayment"), kShare));
        QVERIFY(sameForm(formOf(contractFields(), "provider_default_hazard"), kShare));
        QVERIFY(sameForm(formOf(contractFields(), "lease.incremental_borrowing_rate"), kShare));
        QVERIFY(sameForm(formOf(contractFields(), "payment_terms_days"), kCount));
        QVERIFY(sameForm(formOf(fleetFields(), "gpus"), kPlain)); // a number of GPUs (no unit): no percent
        QVERIFY(sameForm(formOf(fleetFields(), "capex_per_gpu"), kMoney));
        QVERIFY(sameForm(formOf(fleetFields(), "power_price_per_mwh"), kMoney));
        QVERIFY(sameForm(formOf(fleetFields(), "colocation_per_kw_month"), kMoney));
        QVERIFY(sameForm(formOf(fleetFields(), "opex_fraction_per_year"), kShare));
        QVERIFY(sameForm(formOf(fleetFields(), "residual_fraction"), kShare));
        QVERIFY(
            sameForm(numberFormOf({"it_kw_per_gpu", "IT power", "kW per GPU", FieldKind::Number, {}, {}, {}}),
                     kPlain)); // "kW per GPU" is not a price: it does not begin with "per"
        QVERIFY(
            sameForm(numberFormOf({"life_years", "Life", "years", FieldKind::Number, {}, {}, {}}), kPlain));
        QVERIFY(sameForm(formOf(fleetFields(), "pue"), kPlain));
        QVERIFY(sameForm(formOf(assumptionFields(), "assumptions.tax_rate"), kShare));
        QVERIFY(sameForm(formOf(assumptionFields(), "assumptions.discount_rate"), kShare));
        QVERIFY(sameForm(formOf(assumptionFields(), "assumptions.fiscal_year_end_month"), kCount));
        QVERIFY(sameForm(formOf(demandUncertaintyFields(), "volatility"), kShare));
        // A contract option's (docs/model.md 17): its price and its termination fee are money ("1.5M",
        // "$2.10"), its lead time whole days, its GPUs and price factor plain numbers.
        QVERIFY(sameForm(formOf(contractOptionFields(), "price_per_gpu_hour"), kMoney));
        QVERIFY(sameForm(formOf(contractOptionFields(), "fee"), kMoney));
        QVERIFY(sameForm(formOf(contractOptionFields(), "lead_time_days"), kCount));
        QVERIFY(sameForm(formOf(contractOptionFields(), "gpus"), kPlain));
        QVERIFY(sameForm(formOf(contractOptionFields(), "price_factor"), kPlain));
    }

    void shows_data() {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<int>("form");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        const QLocale en = english(), de = german();
        QTest::newRow("billions") << en << 3 << 1.42e10 << "14.2B";
        QTest::newRow("whole billions") << en << 3 << 2.1e10 << "21B";
        QTest::newRow("millions") << en << 3 << 2.5e6 << "2.5M";
        QTest::newRow("trillions") << en << 3 << 1.125e12 << "1.125T";
        QTest::newRow("negative millions") << en << 3 << -2.5e6 << "-2.5M";
        QTest::newRow("too many decimals for B") << en << 3 << 14213456789.0 << "14,213,456,789";
        QTest::newRow("cents in billions") << en << 3 << 1420000000.5 << "1,420,000,000.5";
        QTest::newRow("money below a million") << en << 3 << 45000.0 << "45,000";
        QTest::newRow("price") << en << 3 << 5.04 << "5.04";
        QTest::newRow("count") << en << 1 << 55000.0 << "55,000";
        QTest::newRow("big count, no suffix") << en << 1 << 1.42e10 << "14,200,000,000";
        QTest::newRow("share") << en << 2 << 0.09 << "0.09";
        QTest::newRow("thousands with decimals") << en << 0 << 1234.5 << "1,234.5";
        QTest::newRow("small") << en << 0 << 1e-7 << "0.0000001";
        QTest::newRow("zero") << en << 0 << 0.0 << "0";
        QTest::newRow("huge plain") << en << 0 << 1e20 << "100,000,000,000,000,000,000";
        QTest::newRow("de billions") << de << 3 << 1.42e10 << "14,2B";
        QTest::newRow("de count") << de << 1 << 55000.0 << "55.000";
        QTest::newRow("de share") << de << 2 << 0.09 << "0,09";
        QTest::newRow("de in full") << de << 3 << 14213456789.0 << "14.213.456.789";
    }
    void shows() {
        QFETCH(QLocale, locale);
        QFETCH(int, form);
        QFETCH(double, value);
        QFETCH(QString, text);
        const NumberForm forms[] = {kPlain, kCount, kShare, kMoney};
        QCOMPARE(showNumber(value, forms[form], locale), text);
    }

    void whatIsShownReadsBackExactly() {
        const double values[] = {1.42e10, 2.1e10,    14213456789.0, 1420000000.5, 5.04,   0.09,
                                 0.142,   1.0 / 3.0, 123456.789,    1e-7,         1e20,   -2.5e6,
                                 4.8,     0.1 + 0.2, 55000.0,       9.99e14,      1.5e12, 0.0};
        for (const QLocale& locale : {english(), german(), QLocale::c()})
            for (const NumberForm& form : {kPlain, kShare, kMoney})
                for (double v : values) {
                    const QString shown = showNumber(v, form, locale);
                    QVERIFY2(!shown.contains('e') && !shown.contains('E'), qPrintable(shown));
                    const NumberReading back = readNumber(shown, form, locale, "USD");
                    QVERIFY2(back.value && *back.value == v,
                             qPrintable(locale.name() + " " + shown + " " + back.error));
                }
    }

    void plainNumbersForCells() {
        QCOMPARE(plainNumber(100000), QString("100000"));
        QCOMPARE(plainNumber(1.5), QString("1.5"));
        QCOMPARE(plainNumber(-0.25), QString("-0.25"));
        QCOMPARE(plainNumber(1e21), QString("1000000000000000000000"));
    }
};

QTEST_GUILESS_MAIN(NumberInputTest)
#include "tst_number_input.moc"
