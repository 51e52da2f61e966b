#pragma once
// The inputs a goal seek may solve for, as the window offers them (ui/GoalSeekDialog): every number
// of the portfolio its editors show, the assumptions, the market model, each contract, owned fleet
// and SKU of the file, by input path (portfolio/InputPath.h) and by name. Other inputs (a curve's
// point) are reached by typing their path.
#include "data/GoalSeekInput.h"
#include "engine/EvaluationResult.h"
#include "models/NumberInput.h"
#include "portfolio/Portfolio.h"

#include <QString>

#include <optional>
#include <vector>

namespace ledger::models {

struct NumericInput {
    QString path;                // "/contracts/id=cw-2025/price_per_gpu_hour"
    QString name;                // "CoreWeave 2025 (GB300) price per GPU-hour" with the unit
    NumberForm form;             // how its numbers are typed and shown
    std::optional<double> value; // as the file holds it; none: left out, its default applies
};

// In the order the editors show them: the assumptions, the market model, then each contract, fleet
// and SKU of the file in its order, each with its fields in their table's order.
std::vector<NumericInput> numericInputs(const Portfolio& p);

// The one of `inputs` at `path`, or null (a path typed by hand).
const NumericInput* findNumericInput(const std::vector<NumericInput>& inputs, const QString& path);

// The target in words, with the alternatives' names from r: "Buy and operate costs what Rent from
// CoreWeave does", "the NPV cost of Buy and operate is USD 5.0 B", "the LCOC of Rent is 2.1".
QString goalSeekTargetInWords(const data::GoalSeekTarget& t, const EvaluationResult& r,
                              const QString& currency);

// A goal seek's outcome for the window, in sentences: the value found, shown as the field shows its
// numbers, against the file's ("x4.07"), and what it makes hold; then the residual, the bracket
// and the steps. Or plainly why there is none ("No solution in [5,500, 550,000]: ..."). input: the
// named input at g.path, or null.
QString goalSeekSummary(const data::InputGoalSeek& g, const NumericInput* input, const EvaluationResult& r,
                        const QString& currency, const QLocale& locale);

} // namespace ledger::models
