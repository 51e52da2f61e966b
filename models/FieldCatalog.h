#pragma once
// What an editor shows for each editable field: its JSON key, label, unit, kind and a tooltip that
// explains it and the formula it feeds (MODEL.md). Data for the editors; no widgets here.
#include <QString>

#include <vector>

namespace ledger::models {

// OptionalChoice: one of a list of keywords, or empty for none (a contract's lease classification).
enum class FieldKind { Text, Number, Integer, Date, OptionalNumber, OptionalDate, Tranches, OptionalChoice };

struct FieldSpec {
    QString key; // relative to the item's path: "price_per_gpu_hour", "book_depreciation.life_years"
    QString label;
    QString unit;
    FieldKind kind = FieldKind::Number;
    QString tooltip;
    QString placeholder; // what an empty field means
};

// The field given together with `key` or not at all, as validation asks (a lease's classification and
// its borrowing rate, MODEL.md 9), or empty: an editor sets the two in one edit.
QString givenTogetherWith(const QString& key);
// Whether clearing `key` clears its companion too: an empty classification means no lease at all.
bool clearingEndsBoth(const QString& key);

const std::vector<FieldSpec>& contractFields();
const std::vector<FieldSpec>& fleetFields();
const std::vector<FieldSpec>& assumptionFields(); // paths from the portfolio root
// The demand's uncertainty (market.demand, MODEL.md 8), shown in the demand editor; keys are its
// JSON keys under market.demand.
const std::vector<FieldSpec>& demandUncertaintyFields();

} // namespace ledger::models
