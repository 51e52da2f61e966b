#pragma once
// A number as a finance user types it into an editor field, and a stored number shown so that it
// reads back to itself. No widgets.
//
// Read (readNumber), in a given locale:
// - digits with the locale's decimal separator and, in the integer part only, its group separator in
//   threes: English 60,000 and 1,234.5; German 60.000 and 1.234,5 (a space-grouping locale takes a
//   space, a no-break or a narrow no-break space). ASCII digits only. An exponent (1.42e10) is read too;
// - a suffix K, M, B (or bn), T: thousands, millions, billions, trillions, any case, with or without a
//   space (250k, 14.2B, 14.2 bn);
// - on a money field, the portfolio's currency before or after, by its code (USD 5.04, 5.04 usd) or
//   its symbol ($5.04, US$5.04, 5.04 $); another currency's code or symbol is refused;
// - on a share or rate field, a percent sign: 9% is 0.09;
// - a leading minus (or +), or parentheses, for a negative: (5.04) is -5.04 (bounds are validation's).
// The value is the double nearest the decimal number typed (14.2B is the double nearest 14.2e9, 9% the
// one nearest 0.09), never a product of rounded steps. What is ambiguous in the locale is refused with
// a message, never guessed: "1,5" in English is neither 1.5 nor 1,500.
#include <QLocale>
#include <QString>

#include <optional>

namespace ledger::models {

struct FieldSpec;

// What a field's numbers may carry.
struct NumberForm {
    bool whole = false;   // a count: the value must be a whole number
    bool percent = false; // a share or a rate: "9%" is 0.09
    bool money = false;   // an amount or a price: the currency may be given; shown "14.2B" when large
};

// The rule, from the field's kind and unit (models::FieldSpec, the item tables' units):
// - whole: an Integer or OptionalInteger field (GPUs, days, a month);
// - percent: the unit names a share ("share", "share of TCV", "share of capex per year") or is a rate
//   per unit of time ("per year", "per √year");
// - money: the unit is a price, "per" something that is not a time ("per GPU-hour", "per GPU",
//   "per MWh", "per kW-month"), or the field has no unit and is an amount (its key ends in "_value",
//   the total contract value, or is "fee", an option's termination fee).
NumberForm numberFormOf(const FieldSpec& f);

struct NumberReading {
    std::optional<double> value;
    QString error; // when no value: what was wrong, without the field's path ("\"1,5\" is not a number: ...")
};

// currency: the portfolio's ISO code ("USD"); its code and its symbols are accepted on a money field.
NumberReading readNumber(const QString& text, const NumberForm& form, const QLocale& locale,
                         const QString& currency);

// What an editor shows for a stored value, in the locale's separators, never in scientific notation,
// and read back by readNumber to exactly `value`: the shortest digits that give the double, grouped
// (60,000, 0.09, 1,234.5); a money amount of a million or more with a suffix when that needs at most
// three decimals (14.2B, 250M, 1.125T), else in full (14,213,456,789). Empty for a non-finite value.
QString showNumber(double value, const NumberForm& form, const QLocale& locale);

// A share as a percentage in the locale, read back by readNumber on a percent field to exactly
// `share`: 0.07 is "7%", 0.855 is "85.5%".
QString showPercent(double share, const QLocale& locale);

// The shortest digits that give `value`, fixed notation, a point for decimals and no grouping
// (100000, 0.0001): for a cell form such as tranches' "date:GPUs".
QString plainNumber(double value);

} // namespace ledger::models
