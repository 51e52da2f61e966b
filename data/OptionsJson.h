#pragma once
// The `options` array of `evaluate --json` (docs/cli.md): each contract option's deterministic figures
// and, with --simulate, its least-squares Monte Carlo value (docs/model.md 17).
#include "options/OptionValuation.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ledger::data {

QJsonObject optionToJson(const OptionResult& r);
QJsonArray optionsToJson(const std::vector<OptionResult>& options);

} // namespace ledger::data
