#pragma once
// The stable JSON of `computeledger evaluate --json` (DESIGN.md): keys never change meaning; new
// keys may be added.
#include "engine/EvaluationResult.h"

#include <QJsonObject>

namespace ledger::data {

QJsonObject evaluationToJson(const EvaluationResult& r);

// The JSON path of the first NaN or infinity in a result (e.g. "items[2].annual[0].cash"), or empty.
// Outputs check this before writing: a non-finite number is an internal failure, never a printed
// "null" or "nan" a reader could take for a figure.
QString firstNonFinite(const QJsonValue& v, const QString& path = QString());

} // namespace ledger::data
