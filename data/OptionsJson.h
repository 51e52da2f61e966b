#pragma once
// The `options` array of `evaluate --json` (docs/cli.md): each contract option's deterministic figures
// and, with --simulate, its least-squares Monte Carlo value (docs/model.md 17).
#include "options/OptionValuation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ledger::data {

QJsonObject optionToJson(const OptionResult& r);
QJsonArray optionsToJson(const std::vector<OptionResult>& options);

// An exercise rule as the JSON has it: {"basis": [names], "coefficients": [numbers]}.
QJsonObject exerciseRuleToJson(const ExerciseRule& rule);
// The fitted rules of every option, shipped with a sharded run's tasks (docs/scale-out.md):
// {"seed", "regression_paths", "options": [{"id", "exercise_rule", "exercise_boundary"}]}.
QJsonObject fittedOptionsToJson(const FittedOptions& fit);
// The same read back, exactly (numbers as written). A key missing or of the wrong type: nullopt and
// the key named in *error.
std::optional<FittedOptions> fittedOptionsFromJson(const QJsonObject& o, QString* error);

} // namespace ledger::data
