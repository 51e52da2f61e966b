#include "data/SimulationJson.h"

#include <QJsonArray>

namespace ledger::data {

QJsonObject summaryJson(const DistributionSummary& s) {
    QJsonObject o;
    for (const auto& f : kSummaryStatistics)
        o[f.key] = s.*f.value;
    return o;
}

QJsonObject simulationToJson(const SimulationResult& r) {
    QJsonArray alternatives;
    for (const auto& a : r.alternatives) {
        QJsonArray fan;
        for (const auto& f : a.annualCumulative)
            fan.append(QJsonObject{{"year", f.year}, {"p5", f.p5}, {"p50", f.p50}, {"p95", f.p95}});
        QJsonArray convergence;
        for (const auto& c : a.convergence)
            convergence.append(
                QJsonObject{{"paths", qint64(c.paths)}, {"mean", c.mean}, {"half_width_95", c.halfWidth95}});
        QJsonArray lines;
        for (const auto& l : a.lines)
            lines.append(QJsonObject{{"line", kCostLineKeys[int(l.line)]}, {"mean", l.mean}});
        QJsonObject o{{"id", QString::fromStdString(a.id)},
                      {"npv_cost", summaryJson(a.npvCost)},
                      {"lcoc", a.lcoc ? QJsonValue(summaryJson(*a.lcoc)) : QJsonValue(QJsonValue::Null)},
                      {"annual_cumulative", fan},
                      {"prob_cheapest", a.probCheapest},
                      {"convergence", convergence},
                      {"lines", lines}};
        // MODEL.md 9: each fiscal year's EBITDA and pre-tax cost as booked, when the run had them.
        if (!a.ebitdaCost.empty()) {
            QJsonArray accounting;
            auto percentiles = [](const FanPoint& f) {
                return QJsonObject{{"p5", f.p5}, {"p50", f.p50}, {"p95", f.p95}};
            };
            for (std::size_t y = 0; y < a.ebitdaCost.size(); ++y)
                accounting.append(QJsonObject{{"year", a.ebitdaCost[y].year},
                                              {"ebitda_cost", percentiles(a.ebitdaCost[y])},
                                              {"pretax_cost", percentiles(a.pretaxCost[y])}});
            o["accounting"] = accounting;
        }
        alternatives.append(o);
    }
    QJsonArray probCheaper;
    for (const auto& p : r.probCheaper)
        probCheaper.append(
            QJsonObject{{"a", QString::fromStdString(p.a)}, {"b", QString::fromStdString(p.b)}, {"p", p.p}});
    QJsonArray defaults;
    for (const auto& d : r.defaults)
        defaults.append(
            QJsonObject{{"provider", QString::fromStdString(d.provider)}, {"fraction", d.fraction}});
    return {{"paths", qint64(r.paths)},
            {"seed", qint64(r.seed)},
            {"device", QString::fromStdString(r.device)},
            {"threads", r.threads},
            {"seconds", r.seconds},
            {"path_seconds", r.pathSeconds},
            {"alternatives", alternatives},
            {"prob_cheaper", probCheaper},
            {"defaults", defaults}};
}

} // namespace ledger::data
