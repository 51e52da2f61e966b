#pragma once
// What an editor shows for each editable field: its JSON key, label, unit, kind and a tooltip that
// explains it and the formula it feeds (MODEL.md). Data for the editors; no widgets here.
#include <QJsonValue>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ledger::models {

// Choice: one of a list of keywords (a depreciation method); OptionalChoice: one of them, or empty
// for none (a contract's lease classification). Editors show both as drop-downs. LongText: free text
// (notes, a source), shown wrapped over several lines.
enum class FieldKind {
    Text,
    LongText,
    Number,
    Integer,
    OptionalInteger,
    Date,
    OptionalNumber,
    OptionalDate,
    Tranches,
    Choice,
    OptionalChoice
};

struct FieldSpec {
    QString key; // relative to the item's path: "price_per_gpu_hour", "book_depreciation.life_years"
    QString label;
    QString unit;
    FieldKind kind = FieldKind::Number;
    QString tooltip;
    QString placeholder; // what an empty field means
    QStringList choices; // a Choice's keywords, in the table's order
};

// Fields given together or not at all, as validation asks, declared once: a lease's classification
// and borrowing rate (MODEL.md 9), a fleet's capex low and high (docs/model.md 12.13), its delivery
// delay's low, likeliest and high (12.14). An editor waits for the whole group and sets it in one edit.
struct FieldGroup {
    QStringList keys;    // in the order the words name them
    QString what;        // "a capex range": the undo words "Owned fleet: a capex range (45000 .. 70000)"
    QString separator;   // between the values in those words
    QString unit;        // after the values ("months"), or empty
    QString none;        // the undo words of clearing it: "no capex range"
    QString placeholder; // what an empty field of it means
    QString setWhen;     // "the range is set when both are given."
    bool anyClears;      // clearing any of its fields clears the group (a lease: only the classification)
};
// The group `key` belongs to, or null.
const FieldGroup* fieldGroupOf(const QString& key);

const std::vector<FieldSpec>& contractFields();
// A contract option's fields (docs/model.md 17), keys relative to "contracts[i].options[j]".
const std::vector<FieldSpec>& contractOptionFields();
const std::vector<FieldSpec>& fleetFields();
const std::vector<FieldSpec>& assumptionFields(); // paths from the portfolio root
// The market model (portfolio/MarketFields.h); keys relative to "market." ("gpu_price.volatility").
const std::vector<FieldSpec>& marketFields();
// A SKU's figures; keys relative to the SKU ("capex_per_gpu").
const std::vector<FieldSpec>& skuFields();
// The demand's uncertainty (market.demand, MODEL.md 8), shown in the demand editor; keys are its
// JSON keys under market.demand.
const std::vector<FieldSpec>& demandUncertaintyFields();

// A keyword as a drop-down shows it: "straight_line" -> "Straight line", "macrs_5" -> "MACRS 5".
QString choiceLabel(const QString& keyword);

// What a field shows for its stored value (as the file holds it): a number in the locale, never in
// scientific notation, read back by typedValue to exactly the stored double (models/NumberInput:
// 14.2B, 60,000, 0.09); a text, date or keyword as it is; empty for none.
QString shownText(const QJsonValue& stored, const FieldSpec& f, const QLocale& locale);

// What the text typed in field f is as the file holds it: a number read as people type it, in the
// locale and with the portfolio's `currency` (models/NumberInput), a text, date or keyword as typed,
// and undefined for an empty optional field (its default applies). Nullopt when a number cannot be
// read, *error then saying why without the field's path ("\"many\" is not a number").
std::optional<QJsonValue> typedValue(const FieldSpec& f, const QString& text, const QLocale& locale,
                                     const QString& currency, QString* error);

} // namespace ledger::models
