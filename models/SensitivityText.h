#pragma once
// The tornado's words (MODEL.md 7), written once for the Sensitivity tab and the PDF report:
// the alternatives compared by their names, not their ids.
#include "analytics/Sensitivity.h"
#include "engine/EvaluationResult.h"

#include <QString>

namespace ledger::models {

// "Rent from CoreWeave minus Buy and operate" (an id the result does not know is shown as it is).
QString sensitivityPairInWords(const Sensitivity& s, const EvaluationResult& r);
// The chart's title: "NPV of Rent from CoreWeave minus Buy and operate: USD 1,234 M as given; change
// when one input moves".
QString tornadoTitle(const Sensitivity& s, const EvaluationResult& r, const QString& currency);
// Its value axis: "Change of the NPV of Rent from CoreWeave minus Buy and operate (USD millions)".
QString tornadoAxisTitle(const Sensitivity& s, const EvaluationResult& r, const QString& currency);

} // namespace ledger::models
