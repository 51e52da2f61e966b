#pragma once
// Which alternatives deliver less capacity than the most, in words (MODEL.md 8), written once for
// the Overview tab, the PDF report and the terminal table: without a demand, an alternative that
// delivers fewer used H100-equivalent GPU-hours is not called cheaper or dearer on NPV alone.
#include "engine/EvaluationResult.h"

#include <QString>

namespace ledger::models {

// "Rent delivers 12.3% fewer H100-equivalent GPU-hours (620.1 M fewer) than Buy, so it is not ranked
// against it on NPV; add a demand to cost every alternative on the same need." Empty when every
// alternative delivers within 1% of the most (EvaluationResult::shortOfCapacity).
QString capacityShortSentence(const EvaluationResult& r);

// The verdict's heading when one alternative alone delivers the most: "Buy delivers the most
// capacity" (no alternative within 1% of it to be cheaper than).
QString onlyFullCapacitySentence(const AlternativeResult& a);

// With a demand (MODEL.md 8), what every alternative is costed on: "Every alternative meets the same
// demand: 1,234.5 M H100-equivalent GPU-hours (GPUs of H100) over the horizon." Empty without one.
QString demandSentence(const EvaluationResult& r);

// How one alternative meets the demand: "Rent: 86.3% of the demand from its own capacity, 13.7%
// (123.4 M H100-equivalent GPU-hours) bought at spot; 4.1% of its capacity idle." Spot: "Spot
// market: the whole demand bought at spot." Empty without a demand.
QString demandServedSentence(const AlternativeResult& a);

} // namespace ledger::models
