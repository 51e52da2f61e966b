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

// The field given together with `key` or not at all, as validation asks (a lease's classification and
// its borrowing rate, MODEL.md 9; a fleet's capex low and high), or empty: an editor sets the two in
// one edit.
QString givenTogetherWith(const QString& key);
// Whether clearing `key` clears its companion too: an empty classification means no lease at all, an
// empty end of a capex range no range.
bool clearingEndsBoth(const QString& key);

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
