#pragma once
// The breakeven findings in words, written once for the Overview tab (HTML, figures in bold) and
// the PDF report (plain text), so the screen and the page an executive reads say the same thing.
// Alternatives are named by their names, not their ids.
#include "engine/EvaluationResult.h"

#include <QStringList>

namespace ledger::models {

enum class TextStyle { Plain, Html };

// One sentence per comparison with a breakeven price factor, then one per alternative's
// breakeven utilization against spot, in the result's order.
QStringList breakevenSentences(const EvaluationResult& r, TextStyle style);

} // namespace ledger::models
