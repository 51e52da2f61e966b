#pragma once
// The exercise boundary of a contract option (docs/model.md 17): what exercising is expected to save
// against the SKU's market price at the exercise date, with the price where the rule turns.
#include "options/OptionValuation.h"

#include <QChart>

namespace ledger::ui {

// The rule's expected saving (millions of `currency`) over the market price per GPU-hour
// (index x `marketPrice`), a zero line, and the boundary as a vertical line when the rule turns.
void drawExerciseBoundary(QChart* chart, const OptionResult& r, double marketPrice, const QString& currency);

} // namespace ledger::ui
