#pragma once
// An edit of one field in words, for the undo stack and the Edit menu: "CoreWeave 2025 price per
// GPU-hour 5.04 -> 4.5" instead of a JSON path.
#include "portfolio/Portfolio.h"

#include <QJsonValue>
#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace ledger::models {

// What the field at `path` (a contract's, a fleet's or the assumptions' field, as the item editor
// shows it) is called: the item's name and the field's label and unit. Empty for any other path.
QString fieldInWords(const Portfolio& p, const QString& path);
// The same without the unit ("Owned GB300 fleet capex", not "... capex per GPU"), for a text that
// shows the value with its unit (models/ScenarioText).
QString fieldNameInWords(const Portfolio& p, const QString& path);
// What the curve at `path` (PortfolioDocument::curve) is called: "CoreWeave 2025 tranches",
// "Owned GB300 fleet utilization", "Portfolio utilization", "Demand curve".
QString curveInWords(const Portfolio& p, const QString& path);
// An edit of field `key` of a contract option (models::contractOptionFields) in words, the value as
// the file holds it: "Set option extend-2031's exercise date to 2029-03-31", "Set option
// expand-500's GPUs to 600 GPUs", "Clear option extend-2031's GPUs", "Rename option exit-2028 to
// exit-early".
QString optionEditInWords(const std::string& optionId, const QString& key, const QJsonValue& value);
// What making an option another kind did besides (portfolio/OptionTerms: reshapeOption), in words:
// "new end and price factor cleared, fee 0"; `filled`: each key started, with its value as the file
// holds it. Empty when nothing else changed.
QString optionReshapeInWords(const std::vector<std::string>& cleared,
                             const std::vector<std::pair<std::string, QJsonValue>>& filled);
// A value as the undo text shows it: numbers in their shortest exact digits, text as it is, "empty"
// for none, "tranches" for a list.
QString valueInWords(const QJsonValue& v);

} // namespace ledger::models
