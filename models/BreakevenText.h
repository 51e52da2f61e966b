#pragma once
// The breakeven findings in words, written once for the Overview tab (HTML, figures in bold) and
// the PDF report and the terminal table (plain text), so the screen and the page an executive reads
// say the same thing; likewise the verdict's words when there is nothing to compare. Alternatives
// are named by their names, not their ids.
#include "engine/EvaluationResult.h"
#include "portfolio/Portfolio.h"

#include <QStringList>

namespace ledger::models {

enum class TextStyle { Plain, Html };

// One sentence per comparison with a breakeven price factor, then one per alternative's
// breakeven utilization (with a demand: breakeven demand factor) against spot, in the result's order, but
// none between alternatives whose capacity differs (Comparison::capacityMatched). The outputs show none when
// r.nothingToCompare(): each would name a winner ("cheaper than the spot market at any
// utilization") among costs of 0.
QStringList breakevenSentences(const EvaluationResult& r, TextStyle style);

// What the outputs say in place of the verdict when r.nothingToCompare(), plain text:
// "every contract and fleet ends before the valuation date 2027-01-01, so every alternative costs 0."
// (the Overview puts it under a "Nothing to compare" heading), and the whole sentence, "Nothing to
// compare: " and the reason (the terminal table and the PDF).
QString nothingToCompareReason(const Portfolio& p, const EvaluationResult& r);
QString nothingToCompareSentence(const Portfolio& p, const EvaluationResult& r);

} // namespace ledger::models
