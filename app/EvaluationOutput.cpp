#include "app/EvaluationOutput.h"

#include "data/EvaluationJson.h"
#include "data/OptionsJson.h"
#include "data/SimulationJson.h"

namespace ledger::app {

QJsonObject evaluationOutput(const EvaluationResult& result, const std::string& scenario,
                             const SimulationResult* simulation, const std::vector<OptionResult>& options) {
    QJsonObject o = data::evaluationToJson(result);
    if (!scenario.empty())
        o["scenario"] = QString::fromStdString(scenario);
    if (simulation)
        o["simulation"] = data::simulationToJson(*simulation);
    if (!options.empty())
        o["options"] = data::optionsToJson(options);
    return o;
}

QJsonObject scenarioOutput(const data::ScenarioOutcome& x, const QJsonObject& result) {
    QJsonObject o{{"scenario", QString::fromStdString(x.name)},
                  {"base", x.base},
                  {"flips_verdict", x.flipsVerdict},
                  {"result", result}};
    if (!x.description.empty())
        o["description"] = QString::fromStdString(x.description);
    o["winner"] =
        x.winner ? QJsonValue(QString::fromStdString(x.evaluation.alternatives[*x.winner].id)) : QJsonValue();
    return o;
}

} // namespace ledger::app
