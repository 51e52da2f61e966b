#include "data/StressTemplates.h"

#include "portfolio/Defaults.h"
#include "portfolio/InputPath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <set>

namespace ledger::data {

namespace {

// A JSON value's text, as a scenario override holds it.
std::string json(const QJsonValue& v) {
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2).toStdString();
}

// A step curve scaled by `factor`, as the file writes one.
template <class Points, class Value> QJsonArray scaled(const Points& points, double factor, Value value) {
    QJsonArray out;
    for (const auto& point : points)
        out.append(QJsonObject{{"date", QString::fromStdString(formatIsoDate(point.date))},
                               {value.first, value.second(point) * factor}});
    return out;
}

} // namespace

const std::vector<StressTemplate>& stressTemplates() {
    static const std::vector<StressTemplate> templates = {
        {StressKind::GpuPriceCollapse, "GPU price collapse",
         "GPU rental prices fall 40% a year (the market's trend at -40%/year)."},
        {StressKind::NextGenerationEarly, "Next generation a year early",
         "The next GPU generation launches a year earlier than planned and cuts prices by 60%."},
        {StressKind::DemandAt60, "Demand at 60% of plan",
         "The need for GPUs stalls at 60% of the plan (without a demand: utilization at 60% of plan)."},
        {StressKind::PowerPricePlus50, "Power price +50%", "Every owned fleet pays 50% more for power."},
        {StressKind::CapexPlus25, "Capex +25%", "Every owned fleet's GPUs cost 25% more to buy."},
        {StressKind::DeliverySixMonthsLate, "Delivery 6 months late",
         "Every owned fleet not yet in service arrives 6 months late; its end stays (with a demand, the "
         "months without it are bought at spot)."},
        {StressKind::RatesPlus300bp, "Rates +300 bp",
         "The discount rate and every lease's incremental borrowing rate rise by 3 percentage points."},
        {StressKind::ProviderDefault, "Provider default",
         "A provider you name defaults on a date you choose: its contracts deliver nothing from that "
         "month, their committed hours are bought at market and the undrawn prepayment is written off "
         "less the recovery (needs a provider and a date)."},
    };
    return templates;
}

std::optional<Scenario> stressScenario(const Portfolio& p, StressKind kind, const SkuCatalog& catalog,
                                       QString* error) {
    Scenario s;
    for (const auto& t : stressTemplates())
        if (t.kind == kind) {
            s.name = t.name;
            s.description = t.description;
        }
    s.source = "ComputeLedger stress template";
    auto add = [&](const std::string& path, const std::string& value) {
        s.overrides.push_back({path, value});
    };
    switch (kind) {
    case StressKind::GpuPriceCollapse:
        // On a forward curve the collapse replaces it: the curve and the trend are not given together.
        if (p.market.gpuPrice.forwardCurve)
            add("/market/gpu_price/forward_curve", "null");
        add("/market/gpu_price/trend_per_year", json(-0.4));
        break;
    case StressKind::NextGenerationEarly: {
        // Without a launch modelled: one planned two years out, brought a year forward.
        NextGeneration g = p.market.nextGeneration.value_or(
            NextGeneration{addYears(p.valuationDate, 2), addYears(p.valuationDate, 2),
                           addYears(p.valuationDate, 2), 0.0, 0.0});
        const Date earliest = std::max(p.valuationDate, addYears(g.launchEarliest, -1));
        const Date mode = std::max(earliest, addYears(g.launchMode, -1));
        const Date latest = std::max(mode, addYears(g.launchLatest, -1));
        add("/market/next_generation",
            json(QJsonObject{{"launch_earliest", QString::fromStdString(formatIsoDate(earliest))},
                             {"launch_mode", QString::fromStdString(formatIsoDate(mode))},
                             {"launch_latest", QString::fromStdString(formatIsoDate(latest))},
                             {"price_drop_min", 0.6},
                             {"price_drop_max", 0.6}}));
        break;
    }
    case StressKind::DemandAt60:
        if (p.demand) {
            add("/demand/curve",
                json(scaled(p.demand->curve, 0.6,
                            std::pair{"gpus", [](const DemandPoint& d) { return d.gpus; }})));
            break;
        }
        if (p.utilization.empty() &&
            std::none_of(p.contracts.begin(), p.contracts.end(),
                         [](const Contract& c) { return c.utilization.has_value(); })) {
            // An empty curve means full use (MODEL.md 2): 60% of it from the valuation date on.
            add("/utilization",
                json(QJsonArray{QJsonObject{{"date", QString::fromStdString(formatIsoDate(p.valuationDate))},
                                            {"value", 0.6}}}));
            break;
        }
        if (!p.utilization.empty())
            add("/utilization",
                json(scaled(p.utilization, 0.6,
                            std::pair{"value", [](const UtilizationPoint& u) { return u.value; }})));
        for (const auto& c : p.contracts)
            if (c.utilization)
                add("/contracts/id=" + c.id + "/utilization",
                    json(scaled(*c.utilization, 0.6,
                                std::pair{"value", [](const UtilizationPoint& u) { return u.value; }})));
        for (const auto& f : p.fleets)
            if (f.utilization)
                add("/fleets/id=" + f.id + "/utilization",
                    json(scaled(*f.utilization, 0.6,
                                std::pair{"value", [](const UtilizationPoint& u) { return u.value; }})));
        break;
    case StressKind::PowerPricePlus50:
        if (p.fleets.empty()) {
            *error = QString("%1: the portfolio has no owned fleet: there is no power price to raise")
                         .arg(QString::fromLatin1("Power price +50%"));
            return std::nullopt;
        }
        for (const auto& f : p.fleets)
            add("/fleets/id=" + f.id + "/power_price_per_mwh", json(f.powerPricePerMwh * 1.5));
        break;
    case StressKind::CapexPlus25:
        if (p.fleets.empty()) {
            *error = QString("Capex +25%: the portfolio has no owned fleet: there is no capex to raise");
            return std::nullopt;
        }
        for (const auto& f : p.fleets) {
            const Sku* sku = catalog.find(p, f.sku);
            const double capex = f.capexPerGpu.value_or(sku ? sku->capexPerGpu : 0.0);
            add("/fleets/id=" + f.id + "/capex_per_gpu", json(capex * 1.25));
            // A capex range moves with its likeliest value (docs/model.md 12.13).
            if (f.capexMinPerGpu && f.capexMaxPerGpu) {
                add("/fleets/id=" + f.id + "/capex_min_per_gpu", json(*f.capexMinPerGpu * 1.25));
                add("/fleets/id=" + f.id + "/capex_max_per_gpu", json(*f.capexMaxPerGpu * 1.25));
            }
        }
        break;
    case StressKind::DeliverySixMonthsLate: {
        // docs/model.md 12.14: as a delivery delay of 6 months would cost on the deterministic run, its
        // end (with none given, the planned one) kept; a fleet already in service is not delayed.
        bool any = false;
        for (const auto& f : p.fleets) {
            if (f.inService < p.valuationDate)
                continue;
            any = true;
            const Fleet late = deliveredLate(f, 6);
            add("/fleets/id=" + f.id + "/in_service",
                json(QString::fromStdString(formatIsoDate(late.inService))));
            if (!f.end)
                add("/fleets/id=" + f.id + "/end", json(QString::fromStdString(formatIsoDate(*late.end))));
        }
        if (!any) {
            *error =
                QString("Delivery 6 months late: no owned fleet is still to be delivered (every one is in "
                        "service before the valuation date)");
            return std::nullopt;
        }
        break;
    }
    case StressKind::RatesPlus300bp:
        add("/assumptions/discount_rate", json(p.assumptions.discountRate + 0.03));
        for (const auto& c : p.contracts)
            if (c.lease.incrementalBorrowingRate)
                add("/contracts/id=" + c.id + "/lease/incremental_borrowing_rate",
                    json(*c.lease.incrementalBorrowingRate + 0.03));
        break;
    case StressKind::ProviderDefault:
        *error = QString("Provider default: needs a provider and a date (which provider defaults, and when)");
        return std::nullopt;
    }
    return s;
}

std::optional<Scenario> providerDefaultScenario(const Portfolio& p, const std::string& provider,
                                                const Date& date, QString* error) {
    std::set<std::string> providers;
    for (const auto& c : p.contracts)
        providers.insert(c.provider);
    if (providers.empty()) {
        *error = QString("Provider default: the portfolio has no contract: there is no provider to default");
        return std::nullopt;
    }
    if (!providers.count(provider)) {
        QStringList names;
        for (const auto& name : providers)
            names << "\"" + QString::fromStdString(name) + "\"";
        *error = QString("Provider default: no contract has provider \"%1\" (the providers: %2)")
                     .arg(QString::fromStdString(provider), names.join(", "));
        return std::nullopt;
    }
    const QString day = QString::fromStdString(formatIsoDate(date));
    const Date horizon = horizonEnd(p);
    if (date < p.valuationDate || date > horizon) {
        *error = QString("Provider default: %1 is outside valuation_date %2 .. the horizon end %3")
                     .arg(day, QString::fromStdString(formatIsoDate(p.valuationDate)),
                          QString::fromStdString(formatIsoDate(horizon)));
        return std::nullopt;
    }
    Scenario s;
    s.name = provider;
    s.name += " defaults on ";
    s.name += day.toStdString();
    s.description = s.name;
    s.description += ": its contracts deliver nothing from that month on, their committed hours are "
                     "bought at market and the undrawn prepayment is written off less the recovery.";
    s.source = "ComputeLedger stress template";
    for (const auto& c : p.contracts)
        if (c.provider == provider)
            s.overrides.push_back({formatInputPath(InputPath{{{"contracts", std::nullopt, std::nullopt},
                                                              {"id=" + c.id, std::nullopt, c.id},
                                                              {"default_date", std::nullopt, std::nullopt}}}),
                                   json(day)});
    return s;
}

} // namespace ledger::data
