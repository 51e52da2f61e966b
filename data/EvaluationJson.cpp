#include "data/EvaluationJson.h"

#include "portfolio/Portfolio.h"

#include <QJsonArray>

#include <cmath>

namespace ledger::data {

namespace {

QJsonValue text(const std::string& s) {
    return QString::fromStdString(s);
}
QJsonValue optional(const std::optional<double>& v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

// The owner's lines: [{line, npv, cash}], in CostLine's order (docs/cli.md).
QJsonArray linesJson(const std::vector<LineAmount>& lines) {
    QJsonArray out;
    for (const auto& l : lines)
        out.append(QJsonObject{{"line", kCostLineKeys[int(l.line)]}, {"npv", l.npv}, {"cash", l.cash}});
    return out;
}

// Each year: the old keys, and `lines` {line: cash} for the owner's lines; with a demand, how an
// alternative meets it.
QJsonArray annualJson(const std::vector<AnnualRow>& rows, const std::vector<LineAmount>& owned,
                      bool demand = false) {
    QJsonArray out;
    for (const auto& r : rows) {
        QJsonObject lines;
        for (const auto& l : owned)
            lines[kCostLineKeys[int(l.line)]] = r.lineCash[std::size_t(l.line)];
        QJsonObject row{{"year", r.year},
                        {"lines", lines},
                        {"cash", r.cash},
                        {"committed_gpu_hours", r.committedGpuHours},
                        {"used_gpu_hours", r.usedGpuHours},
                        {"depreciation_book", r.depreciationBook},
                        {"depreciation_tax", r.depreciationTax},
                        {"nbv_book", r.nbvBook},
                        {"nbv_tax", r.nbvTax},
                        {"market_value", r.marketValue}};
        if (demand) {
            row["demand_h100_hours"] = r.demandH100Hours;
            row["capacity_h100_hours"] = r.capacityH100Hours;
            row["idle_h100_hours"] = r.idleH100Hours;
            row["shortfall_h100_hours"] = r.shortfallH100Hours;
        }
        out.append(row);
    }
    return out;
}

QJsonObject demandJson(const DemandServed& d) {
    return {{"demand_h100_hours", d.demandH100Hours},
            {"capacity_h100_hours", d.capacityH100Hours},
            {"used_capacity_h100_hours", d.usedCapacityH100Hours},
            {"idle_h100_hours", d.idleH100Hours},
            {"shortfall_h100_hours", d.shortfallH100Hours}};
}

QJsonArray strings(const std::vector<std::string>& v) {
    QJsonArray out;
    for (const auto& s : v)
        out.append(text(s));
    return out;
}

// An item's figures: standalone in items[], or as costed in one alternative (item_costs, with a
// demand: no LCOC of its own).
QJsonObject itemJson(const ItemResult& i) {
    return {{"id", text(i.id)},
            {"name", text(i.name)},
            {"kind", text(i.kind)},
            {"npv_cost", i.npvCost},
            {"total_cash", i.totalCash},
            {"committed_gpu_hours", i.committedGpuHours},
            {"used_gpu_hours", i.usedGpuHours},
            {"used_h100_hours", i.usedH100Hours},
            {"lcoc", optional(i.lcoc)},
            {"implied_price_per_gpu_hour", optional(i.impliedPricePerGpuHour)},
            {"total_contract_value", optional(i.totalContractValue)},
            {"annual", annualJson(i.annual, i.lines)},
            {"lines", linesJson(i.lines)}};
}

// MODEL.md 9: each fiscal year's lines, totals and year-end balances, under the keys of
// engine/AccountingLine.h.
QJsonArray accountingJson(const std::vector<AccountingYear>& years) {
    QJsonArray out;
    for (const AccountingYear& y : years) {
        QJsonObject o{{"year", y.year}};
        for (int l = 0; l < kAccountingLines; ++l)
            o[kAccountingLineKeys[l]] = y.lines[std::size_t(l)];
        o["ebitda_cost"] = y.ebitdaCost;
        o["operating_cost"] = y.operatingCost;
        o["pretax_cost"] = y.pretaxCost;
        o["income_tax"] = y.incomeTax;
        o["net_income_impact"] = y.netIncomeImpact;
        for (int b = 0; b < kBalanceItems; ++b)
            o[kBalanceItemKeys[b]] = y.balance[std::size_t(b)];
        out.append(o);
    }
    return out;
}

QJsonObject leaseJson(const LeaseResult& l) {
    QJsonArray years;
    for (const LeaseYear& y : l.years)
        years.append(QJsonObject{{"year", y.year},
                                 {"opening_liability", y.openingLiability},
                                 {"interest", y.interest},
                                 {"payment", y.payment},
                                 {"closing_liability", y.closingLiability},
                                 {"rou_asset", y.rouAsset},
                                 {"amortization", y.amortization},
                                 {"straight_line_cost", y.straightLineCost}});
    QJsonArray maturity;
    for (const auto& [year, payment] : l.maturity.payments)
        maturity.append(QJsonObject{{"year", year}, {"payment", payment}});
    return {{"contract", text(l.contract)},
            {"classification", text(l.classification)},
            {"incremental_borrowing_rate", l.incrementalBorrowingRate},
            {"measured_at", text(formatIsoDate(l.measuredAt))},
            {"liability_at_measurement", l.liabilityAtMeasurement},
            {"rou_asset_at_measurement", l.rouAtMeasurement},
            {"prepaid_at_measurement", l.prepaidAtMeasurement},
            {"years", years},
            {"maturity", QJsonObject{{"as_at", text(formatIsoDate(l.maturity.asAt))},
                                     {"years", maturity},
                                     {"total", l.maturity.total},
                                     {"imputed_interest", l.maturity.imputedInterest},
                                     {"liability", l.maturity.liability}}}};
}

} // namespace

QString firstNonFinite(const QJsonValue& v, const QString& path) {
    if (v.isDouble())
        return std::isfinite(v.toDouble()) ? QString() : (path.isEmpty() ? QString("(value)") : path);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString found =
                firstNonFinite(it.value(), path.isEmpty() ? it.key() : path + "." + it.key());
            if (!found.isEmpty())
                return found;
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString found = firstNonFinite(a[i], QString("%1[%2]").arg(path).arg(i));
            if (!found.isEmpty())
                return found;
        }
    }
    return {};
}

QJsonObject evaluationToJson(const EvaluationResult& r) {
    QJsonObject portfolio{{"name", text(r.name)},
                          {"currency", text(r.currency)},
                          {"valuation_date", text(formatIsoDate(r.valuationDate))},
                          {"horizon_end", text(formatIsoDate(r.horizonEnd))},
                          {"periods", r.periods},
                          {"spot_covers", text(r.spotCovers)}};
    QJsonArray items;
    for (const auto& i : r.items)
        items.append(itemJson(i));
    QJsonArray alternatives;
    for (const auto& a : r.alternatives) {
        QJsonObject o{{"id", text(a.id)},
                      {"name", text(a.name)},
                      {"items", strings(a.items)},
                      {"npv_cost", a.npvCost},
                      {"total_cash", a.totalCash},
                      {"used_gpu_hours", a.usedGpuHours},
                      {"used_h100_hours", a.usedH100Hours},
                      {"lcoc", optional(a.lcoc)},
                      {"annual", annualJson(a.annual, a.lines, a.demand.has_value())},
                      {"lines", linesJson(a.lines)}};
        if (a.demand) {
            o["demand"] = demandJson(*a.demand);
            QJsonArray costs;
            for (const auto& i : a.itemCosts)
                costs.append(itemJson(i));
            o["item_costs"] = costs;
        }
        alternatives.append(o);
    }
    QJsonArray comparisons;
    for (const auto& c : r.comparisons) {
        comparisons.append(QJsonObject{{"a", text(c.a)},
                                       {"b", text(c.b)},
                                       {"npv_difference", c.npvDifference},
                                       {"breakeven_price_factor", optional(c.breakevenPriceFactor)},
                                       {"capacity_matched", c.capacityMatched}});
    }
    QJsonArray breakeven;
    for (const auto& b : r.breakevenUtilization) {
        breakeven.append(QJsonObject{{"alternative", text(b.alternative)},
                                     {"versus", kSpotAlternativeId},
                                     {"outcome", toString(b.outcome)},
                                     {"utilization", optional(b.utilization)}});
    }
    QJsonArray usefulLife;
    for (const auto& s : r.usefulLife) {
        QJsonArray cases;
        for (const auto& c : s.cases) {
            cases.append(QJsonObject{{"book_life_years", c.bookLifeYears},
                                     {"npv_cost", c.npvCost},
                                     {"book_depreciation", c.bookDepreciation},
                                     {"book_profit_impact", c.bookProfitImpact}});
        }
        usefulLife.append(QJsonObject{{"alternative", text(s.alternative)}, {"cases", cases}});
    }
    // MODEL.md 9: every item (standalone, as items[] costs it), then every alternative.
    QJsonArray accounting;
    for (const auto& i : r.items)
        accounting.append(QJsonObject{{"item", text(i.id)}, {"years", accountingJson(i.accounting)}});
    for (const auto& a : r.alternatives)
        accounting.append(QJsonObject{{"alternative", text(a.id)}, {"years", accountingJson(a.accounting)}});
    QJsonArray leases;
    for (const auto& l : r.leases)
        leases.append(leaseJson(l));
    // nothing_to_compare: a reader that picks the lowest npv_cost would otherwise crown the first of
    // several alternatives that all cost 0 (docs/cli.md).
    QJsonObject out{{"portfolio", portfolio},
                    {"items", items},
                    {"alternatives", alternatives},
                    {"comparisons", comparisons},
                    {"breakeven_utilization", breakeven},
                    {"useful_life_sensitivity", usefulLife},
                    {"accounting", accounting},
                    {"leases", leases},
                    {"nothing_to_compare", r.nothingToCompare()}};
    if (r.hasDemand) {
        QJsonArray factors;
        for (const auto& b : r.breakevenDemand)
            factors.append(QJsonObject{{"alternative", text(b.alternative)},
                                       {"versus", kSpotAlternativeId},
                                       {"outcome", toString(b.outcome)},
                                       {"factor", optional(b.factor)}});
        out["breakeven_demand_factor"] = factors;
        portfolio["demand_sku"] = text(r.demandSku);
        out["portfolio"] = portfolio;
    }
    return out;
}

} // namespace ledger::data
