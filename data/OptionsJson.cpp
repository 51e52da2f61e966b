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
QJsonObject boundaryJson(BoundarySide side, const std::optional<double>& index,
                         const std::optional<double>& price, const std::vector<BoundaryPoint>& points) {
    QJsonArray curve;
    for (const auto& p : points)
        curve.append(QJsonObject{{"index", p.index}, {"expected_saving", p.expectedSaving}});
    return {{"side", QString::fromLatin1(toString(side))},
            {"index", optional(index)},
            {"price_per_gpu_hour", optional(price)},
            {"curve", curve}};
}

} // namespace

QJsonObject exerciseRuleToJson(const ExerciseRule& rule) {
    QJsonArray basis, coefficients;
    for (std::size_t j = 0; j < rule.basis.size(); ++j) {
        basis.append(QString::fromLatin1(basisName(rule.basis[j])));
        coefficients.append(rule.coefficients[j]);
    }
    return {{"basis", basis}, {"coefficients", coefficients}};
}

QJsonObject fittedOptionsToJson(const FittedOptions& fit) {
    QJsonArray options;
    for (const FittedOption& f : fit.options)
        options.append(QJsonObject{{"id", text(f.optionId)},
                                   {"exercise_rule", exerciseRuleToJson(f.rule)},
                                   {"exercise_boundary", boundaryJson(f.boundarySide, f.boundaryIndex,
                                                                      f.boundaryPrice, f.boundaryCurve)}});
    return {{"seed", QString::number(fit.seed)},
            {"regression_paths", qint64(fit.regressionPaths)},
            {"regression_first_path", qint64(kRegressionFirstPath)},
            {"options", options}};
}

std::optional<FittedOptions> fittedOptionsFromJson(const QJsonObject& o, QString* error) {
    FittedOptions fit;
    bool ok = false;
    fit.seed = o.value("seed").toString().toULongLong(&ok);
    const double regression = o.value("regression_paths").toDouble(-1);
    if (!ok || !(regression >= 1) || regression != double(qint64(regression)) ||
        o.value("regression_first_path").toDouble() != double(kRegressionFirstPath) ||
        !o.value("options").isArray()) {
        *error =
            "seed, regression_paths, regression_first_path or options is missing or not what a fit writes";
        return std::nullopt;
    }
    fit.regressionPaths = qint64(regression);
    const QJsonArray options = o.value("options").toArray();
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QString at = QString("options[%1]").arg(i);
        const QJsonObject x = options[i].toObject();
        const QJsonObject rule = x.value("exercise_rule").toObject(),
                          boundary = x.value("exercise_boundary").toObject();
        const QJsonArray basis = rule.value("basis").toArray(),
                         coefficients = rule.value("coefficients").toArray();
        if (!x.value("id").isString() || basis.isEmpty() || basis.size() != coefficients.size() ||
            !boundary.value("side").isString() || !boundary.value("curve").isArray()) {
            *error = at + ": id, exercise_rule or exercise_boundary is missing or not what a fit writes";
            return std::nullopt;
        }
        FittedOption f;
        f.optionId = x.value("id").toString().toStdString();
        for (qsizetype j = 0; j < basis.size(); ++j) {
            std::optional<ExerciseBasis> b;
            for (int k = 0; k < kExerciseBasisCount; ++k)
                if (basis[j].toString() == QLatin1String(basisName(ExerciseBasis(k))))
                    b = ExerciseBasis(k);
            if (!b || !coefficients[j].isDouble()) {
                *error = QString("%1.exercise_rule: basis \"%2\" or its coefficient is not one a fit writes")
                             .arg(at, basis[j].toString());
                return std::nullopt;
            }
            f.rule.basis.push_back(*b);
            f.rule.coefficients.push_back(coefficients[j].toDouble());
        }
        const QString side = boundary.value("side").toString();
        bool known = false;
        for (const BoundarySide s : {BoundarySide::Below, BoundarySide::Above, BoundarySide::Always,
                                     BoundarySide::Never, BoundarySide::Mixed})
            if (side == QLatin1String(toString(s))) {
                f.boundarySide = s;
                known = true;
            }
        if (!known) {
            *error =
                at + ".exercise_boundary.side: \"" + side + "\" is not below, above, always, never or mixed";
            return std::nullopt;
        }
        if (boundary.value("index").isDouble())
            f.boundaryIndex = boundary.value("index").toDouble();
        if (boundary.value("price_per_gpu_hour").isDouble())
            f.boundaryPrice = boundary.value("price_per_gpu_hour").toDouble();
        for (const QJsonValue& p : boundary.value("curve").toArray())
            f.boundaryCurve.push_back(
                {p.toObject().value("index").toDouble(), p.toObject().value("expected_saving").toDouble()});
        fit.options.push_back(std::move(f));
    }
    return fit;
}

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
        {"exercise_boundary",
         boundaryJson(r.boundarySide, r.boundaryIndex, r.boundaryPrice, r.boundaryCurve)},
        {"paths_near_boundary", qint64(r.pathsNearBoundary)},
        {"exercise_rule", exerciseRuleToJson(r.rule)},
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
