#include "data/OptionsJson.h"

#include "calendar/Date.h"
#include "data/SimulationJson.h"

namespace ledger::data {

namespace {
QString text(const std::string& s) {
    return QString::fromStdString(s);
}
QJsonValue optional(const std::optional<double>& v) {
    return v ? QJsonValue(*v) : QJsonValue();
}
} // namespace

QJsonObject optionToJson(const OptionResult& r) {
    const OptionCase& c = r.option;
    QJsonObject o{{"id", text(c.optionId)},
                  {"type", QString::fromLatin1(toString(c.kind).data(), qsizetype(toString(c.kind).size()))},
                  {"contract", text(c.contractId)},
                  {"alternative", text(c.alternativeId)},
                  {"exercise_date", text(formatIsoDate(c.exerciseDate))}};
    o["deterministic"] = QJsonObject{{"npv_as_written", r.deterministicAsWritten},
                                     {"npv_without_option", r.deterministicWithout},
                                     {"npv_exercised", r.deterministicExercised},
                                     {"saving", r.deterministicWithout - r.deterministicExercised},
                                     {"exercised", r.exercisedOnDeterministicPath}};
    if (!r.simulated)
        return o;
    QJsonArray curve;
    for (const auto& p : r.boundaryCurve)
        curve.append(QJsonObject{{"index", p.index}, {"expected_saving", p.expectedSaving}});
    QJsonArray basis, coefficients;
    for (std::size_t j = 0; j < r.rule.basis.size(); ++j) {
        basis.append(QString::fromLatin1(basisName(r.rule.basis[j])));
        coefficients.append(r.rule.coefficients[j]);
    }
    o["monte_carlo"] = QJsonObject{
        {"paths", qint64(r.paths)},
        {"regression_paths", qint64(r.regressionPaths)},
        {"regression_first_path", qint64(kRegressionFirstPath)},
        {"seed", qint64(r.seed)},
        {"value", r.value},
        {"value_stderr", r.valueStderr},
        {"exercise_probability", r.exerciseProbability},
        {"intrinsic_value", r.intrinsicValue},
        {"time_value", r.timeValue},
        {"npv_as_written_mean", r.meanAsWritten},
        {"npv_without_option", summaryJson(r.npvWithout)},
        {"npv_with_option", summaryJson(r.npvWithOption)},
        {"exercise_boundary", QJsonObject{{"side", QString::fromLatin1(toString(r.boundarySide))},
                                          {"index", optional(r.boundaryIndex)},
                                          {"price_per_gpu_hour", optional(r.boundaryPrice)},
                                          {"curve", curve}}},
        {"paths_near_boundary", qint64(r.pathsNearBoundary)},
        {"exercise_rule", QJsonObject{{"basis", basis}, {"coefficients", coefficients}}},
    };
    return o;
}

QJsonArray optionsToJson(const std::vector<OptionResult>& options) {
    QJsonArray a;
    for (const auto& r : options)
        a.append(optionToJson(r));
    return a;
}

} // namespace ledger::data
