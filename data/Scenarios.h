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

// An override's value text as the file writes it: one JSON value, compact ("4.50" -> "4.5",
// "[ 1, 2 ]" -> "[1,2]"). Nullopt when the text is not one JSON value.
std::optional<std::string> compactJsonValue(const std::string& text);

// The base case with the overrides applied, checked as a file is (the scenarios themselves are kept
// as they were). Nullopt and *error = "scenario \"NAME\": /path: <problem>" otherwise.
std::optional<Portfolio> withOverrides(const Portfolio& base, const std::vector<ScenarioOverride>& overrides,
                                       const SkuCatalog& catalog, QString* error,
                                       const QString& scenarioName = {});
std::optional<Portfolio> withScenario(const Portfolio& base, const Scenario& s, const SkuCatalog& catalog,
                                      QString* error);

// Every scenario of base applied to it, in its order (the base case's file written once for all);
// nullopt and *error as withScenario's for the first one that does not apply.
std::optional<std::vector<Portfolio>> withEveryScenario(const Portfolio& base, const SkuCatalog& catalog,
                                                        QString* error);

// The first scenario that does not apply, in words; empty when every one does.
QString scenariosProblem(const Portfolio& p, const SkuCatalog& catalog);

// The scenario of that name, or null.
const Scenario* findScenario(const Portfolio& p, const std::string& name);

// The value at an input path as the file holds it (undefined when there is none), e.g. for a
// template that moves an input from its current value.
QJsonValue inputValue(const Portfolio& p, const std::string& path, QString* error);

// The input path in the dotted form the file's messages and sources use, each id step resolved to
// its position in p ("/contracts/id=cw-2025/price_per_gpu_hour" -> "contracts[0].price_per_gpu_hour");
// empty and *error when the path does not resolve.
QString dottedPathOf(const Portfolio& p, const std::string& pointer, QString* error);

} // namespace ledger::data
