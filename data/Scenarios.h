#pragma once
// Named scenarios (docs/file-format.md, "Scenarios"): their JSON, and a scenario applied to its base
// case. An override's input path (portfolio/InputPath.h) is resolved against the portfolio as the
// file holds it, its value set there, and the file read back by the file reader: every input of the
// file can be overridden, and a bad value gets the message a bad file would, naming the scenario and
// the path.
#include "portfolio/Portfolio.h"
#include "portfolio/SkuCatalog.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace ledger::data {

// Reads "scenarios" (throws JsonPathError with the path, as the other readers): names not empty and
// unique, each override a path and a value.
std::vector<Scenario> readScenariosJson(const QJsonValue& v);
QJsonArray writeScenariosJson(const std::vector<Scenario>& scenarios);

// The base case with the overrides applied, checked as a file is (the scenarios themselves are kept
// as they were). Nullopt and *error = "scenario \"NAME\": /path: <problem>" otherwise.
std::optional<Portfolio> withOverrides(const Portfolio& base, const std::vector<ScenarioOverride>& overrides,
                                       const SkuCatalog& catalog, QString* error,
                                       const QString& scenarioName = {});
std::optional<Portfolio> withScenario(const Portfolio& base, const Scenario& s, const SkuCatalog& catalog,
                                      QString* error);

// The first scenario that does not apply, in words; empty when every one does.
QString scenariosProblem(const Portfolio& p, const SkuCatalog& catalog);

// The scenario of that name, or null.
const Scenario* findScenario(const Portfolio& p, const std::string& name);

// The value at an input path as the file holds it (undefined when there is none), e.g. for a
// template that moves an input from its current value.
QJsonValue inputValue(const Portfolio& p, const std::string& path, QString* error);

} // namespace ledger::data
