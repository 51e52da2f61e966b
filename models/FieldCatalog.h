#pragma once
// What an editor shows for each editable field: its JSON key, label, unit, kind and a tooltip that
// explains it and the formula it feeds (MODEL.md). Data for the editors; no widgets here.
#include <QString>
#include <QStringList>

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
const std::vector<FieldSpec>& fleetFields();
const std::vector<FieldSpec>& assumptionFields(); // paths from the portfolio root
// The market model (portfolio/MarketFields.h); keys relative to "market." ("gpu_price.volatility").
const std::vector<FieldSpec>& marketFields();
// A SKU's figures; keys relative to the SKU ("capex_per_gpu").
const std::vector<FieldSpec>& skuFields();
// The demand's uncertainty (market.demand, MODEL.md 8), shown in the demand editor; keys are its
// JSON keys under market.demand.
const std::vector<FieldSpec>& demandUncertaintyFields();

} // namespace ledger::models
