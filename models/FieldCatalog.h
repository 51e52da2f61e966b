#pragma once
// What an editor shows for each editable field: its JSON key, label, unit, kind and a tooltip that
// explains it and the formula it feeds (MODEL.md). Data for the editors; no widgets here.
#include <QString>

#include <vector>

namespace ledger::models {

enum class FieldKind { Text, Number, Integer, Date, OptionalNumber, OptionalDate, Tranches };

struct FieldSpec {
    QString key; // relative to the item's path: "price_per_gpu_hour", "book_depreciation.life_years"
    QString label;
    QString unit;
    FieldKind kind = FieldKind::Number;
    QString tooltip;
};

const std::vector<FieldSpec>& contractFields();
const std::vector<FieldSpec>& fleetFields();
const std::vector<FieldSpec>& assumptionFields(); // paths from the portfolio root
// The demand's uncertainty (market.demand, MODEL.md 8), shown in the demand editor; keys are its
// JSON keys under market.demand.
const std::vector<FieldSpec>& demandUncertaintyFields();

} // namespace ledger::models
