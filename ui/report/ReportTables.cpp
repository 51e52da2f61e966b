#include "ui/report/ReportTables.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>

namespace ledger::report {

namespace {

QVariant text(const std::string& s) {
    return QString::fromStdString(s);
}
QVariant optional(const std::optional<double>& v) {
    return v ? QVariant(*v) : QVariant();
}
QVariant date(const Date& d) {
    return QDate(int(d.year()), int(d.month()), int(d.day()));
}

ReportTable annualSummary(const EvaluationResult& r) {
    ReportTable t{"annual_summary",
                  {{"item", ColumnKind::Text},
                   {"year", ColumnKind::Integer},
                   {"cash", ColumnKind::Money},
                   {"committed_gpu_hours", ColumnKind::Hours},
                   {"used_gpu_hours", ColumnKind::Hours},
                   {"depreciation_book", ColumnKind::Money},
                   {"depreciation_tax", ColumnKind::Money},
                   {"nbv_book", ColumnKind::Money},
                   {"nbv_tax", ColumnKind::Money}},
                  {}};
    for (const auto& i : r.items)
        for (const auto& y : i.annual)
            t.rows.push_back({text(i.id), qlonglong(y.year), y.cash, y.committedGpuHours, y.usedGpuHours,
                              y.depreciationBook, y.depreciationTax, y.nbvBook, y.nbvTax});
    return t;
}

ReportTable monthlyCashflows(const EvaluationResult& r) {
    ReportTable t{"monthly_cashflows",
                  {{"item", ColumnKind::Text},
                   {"period_start", ColumnKind::Date},
                   {"cash", ColumnKind::Money},
                   {"present_value", ColumnKind::Money}},
                  {}};
    for (const auto& i : r.items)
        for (const auto& m : i.monthly)
            t.rows.push_back({text(i.id), date(m.periodStart), m.cash, m.presentValue});
    return t;
}

// Each alternative's after-tax cash on its payment dates (engine/DatedCash.h): the flows its NPV
// cost discounts, which the workbook's XNPV recomputes.
ReportTable datedCash(const ReportContent& c) {
    ReportTable t{
        "dated_cash",
        {{"alternative", ColumnKind::Text}, {"date", ColumnKind::Date}, {"cash", ColumnKind::Money}},
        {}};
    for (std::size_t a = 0; a < c.datedCash.size() && a < c.evaluation.alternatives.size(); ++a)
        for (const auto& f : c.datedCash[a])
            t.rows.push_back({text(c.evaluation.alternatives[a].id), date(f.date), f.amount});
    return t;
}

ReportTable alternatives(const ReportContent& c) {
    const auto& r = c.evaluation;
    ReportTable t{"alternatives",
                  {{"alternative", ColumnKind::Text},
                   {"name", ColumnKind::Text},
                   {"items", ColumnKind::Text},
                   {"rank", ColumnKind::Integer},
                   {"npv_cost", ColumnKind::Money},
                   {"total_cash", ColumnKind::Money},
                   {"used_gpu_hours", ColumnKind::Hours},
                   {"lcoc", ColumnKind::Price},
                   {"breakeven_utilization_vs_spot", ColumnKind::Fraction}},
                  {}};
    // With a demand (MODEL.md 8): how each meets it, and the demand factor above which it beats spot.
    if (r.hasDemand)
        for (const char* key : {"demand_h100_hours", "capacity_h100_hours", "used_capacity_h100_hours",
                                "idle_h100_hours", "shortfall_h100_hours"})
            t.columns.push_back({key, ColumnKind::Hours});
    if (r.hasDemand)
        t.columns.push_back({"breakeven_demand_factor_vs_spot", ColumnKind::Fraction});
    const auto ranked = r.rankedByNpvCost();
    for (const auto& a : r.alternatives) {
        QStringList items;
        for (const auto& id : a.items)
            items << QString::fromStdString(id);
        const auto rank = std::find(ranked.begin(), ranked.end(), &a) - ranked.begin() + 1;
        QVariant breakeven;
        for (const auto& b : r.breakevenUtilization)
            if (b.alternative == a.id)
                breakeven = b.utilization ? QVariant(*b.utilization) : QVariant(QString(toString(b.outcome)));
        t.rows.push_back({text(a.id), text(a.name), items.join(';'), qlonglong(rank), a.npvCost, a.totalCash,
                          a.usedGpuHours, optional(a.lcoc), breakeven});
        if (r.hasDemand && a.demand) {
            const DemandServed& d = *a.demand;
            auto& row = t.rows.back();
            row.insert(row.end(), {d.demandH100Hours, d.capacityH100Hours, d.usedCapacityH100Hours,
                                   d.idleH100Hours, d.shortfallH100Hours});
            QVariant factor; // none for spot
            for (const auto& b : r.breakevenDemand)
                if (b.alternative == a.id)
                    factor = b.factor ? QVariant(*b.factor) : QVariant(QString(toString(b.outcome)));
            row.push_back(factor);
        }
    }
    return t;
}

// What each cost is made of, like a finance model: a row per item or alternative and line, its NPV
// and cash over the horizon, then its cash in each year (docs/model.md, "Cost lines").
ReportTable costLines(const EvaluationResult& r) {
    ReportTable t{"cost_lines",
                  {{"owner", ColumnKind::Text},
                   {"owner_type", ColumnKind::Text},
                   {"line", ColumnKind::Text},
                   {"npv", ColumnKind::Money},
                   {"cash", ColumnKind::Money}},
                  {}};
    const auto& years = r.alternatives.front().annual;
    for (const auto& y : years)
        t.columns.push_back({QString::number(y.year), ColumnKind::Money});
    auto add = [&](const std::string& id, const char* type, const auto& owner) {
        for (const auto& l : owner.lines) {
            std::vector<QVariant> cells{text(id), QString(type), QString(kCostLineKeys[int(l.line)]), l.npv,
                                        l.cash};
            for (const auto& y : owner.annual)
                cells.push_back(y.lineCash[std::size_t(l.line)]);
            t.rows.push_back(std::move(cells));
        }
    };
    for (const auto& a : r.alternatives)
        add(a.id, "alternative", a);
    for (const auto& i : r.items)
        add(i.id, "item", i);
    return t;
}

// MODEL.md 9, like a finance model: a row per item or alternative and line of the income statement
// (its lines, then its totals) or the balance sheet, the fiscal years as columns.
ReportTable accounting(const EvaluationResult& r) {
    ReportTable t{"accounting",
                  {{"owner", ColumnKind::Text},
                   {"owner_type", ColumnKind::Text},
                   {"statement", ColumnKind::Text},
                   {"line", ColumnKind::Text}},
                  {}};
    for (const auto& y : r.alternatives.front().accounting)
        t.columns.push_back({QString::number(y.year), ColumnKind::Money});
    auto add = [&](const std::string& id, const char* type, const std::vector<AccountingYear>& years) {
        auto row = [&](const char* statement, const char* line, auto value) {
            std::vector<QVariant> cells{text(id), QString(type), QString(statement), QString(line)};
            for (const AccountingYear& y : years)
                cells.push_back(value(y));
            t.rows.push_back(std::move(cells));
        };
        for (int l = 0; l < kAccountingLines; ++l)
            row("income", kAccountingLineKeys[l],
                [&](const AccountingYear& y) { return y.lines[std::size_t(l)]; });
        row("income", "ebitda_cost", [](const AccountingYear& y) { return y.ebitdaCost; });
        row("income", "operating_cost", [](const AccountingYear& y) { return y.operatingCost; });
        row("income", "pretax_cost", [](const AccountingYear& y) { return y.pretaxCost; });
        row("income", "income_tax", [](const AccountingYear& y) { return y.incomeTax; });
        row("income", "net_income_impact", [](const AccountingYear& y) { return y.netIncomeImpact; });
        for (int b = 0; b < kBalanceItems; ++b)
            row("balance", kBalanceItemKeys[b],
                [&](const AccountingYear& y) { return y.balance[std::size_t(b)]; });
    };
    for (const auto& a : r.alternatives)
        add(a.id, "alternative", a.accounting);
    for (const auto& i : r.items)
        add(i.id, "item", i.accounting);
    return t;
}

// Each lease's liability and right-of-use asset by fiscal year, to the lease's end.
ReportTable leaseSchedules(const EvaluationResult& r) {
    ReportTable t{"lease_schedules",
                  {{"contract", ColumnKind::Text},
                   {"classification", ColumnKind::Text},
                   {"year", ColumnKind::Integer},
                   {"opening_liability", ColumnKind::Money},
                   {"interest", ColumnKind::Money},
                   {"payment", ColumnKind::Money},
                   {"closing_liability", ColumnKind::Money},
                   {"rou_asset", ColumnKind::Money},
                   {"amortization", ColumnKind::Money},
                   {"straight_line_cost", ColumnKind::Money}},
                  {}};
    for (const LeaseResult& l : r.leases)
        for (const LeaseYear& y : l.years)
            t.rows.push_back({text(l.contract), text(l.classification), qlonglong(y.year), y.openingLiability,
                              y.interest, y.payment, y.closingLiability, y.rouAsset, y.amortization,
                              y.straightLineCost});
    return t;
}

// The lease note's maturity table: the undiscounted payments by fiscal year, their total, less the
// imputed interest, equal to the liability at the measurement date.
ReportTable leaseMaturity(const EvaluationResult& r) {
    ReportTable t{"lease_maturity",
                  {{"contract", ColumnKind::Text},
                   {"as_at", ColumnKind::Date},
                   {"entry", ColumnKind::Text},
                   {"year", ColumnKind::Integer},
                   {"amount", ColumnKind::Money}},
                  {}};
    for (const LeaseResult& l : r.leases) {
        const QVariant asAt = date(l.maturity.asAt);
        for (const auto& [year, payment] : l.maturity.payments)
            t.rows.push_back({text(l.contract), asAt, QString("payment"), qlonglong(year), payment});
        t.rows.push_back({text(l.contract), asAt, QString("total"), QVariant(), l.maturity.total});
        t.rows.push_back(
            {text(l.contract), asAt, QString("imputed_interest"), QVariant(), -l.maturity.imputedInterest});
        t.rows.push_back(
            {text(l.contract), asAt, QString("lease_liability"), QVariant(), l.maturity.liability});
    }
    return t;
}

ReportTable comparisons(const EvaluationResult& r) {
    ReportTable t{"comparisons",
                  {{"a", ColumnKind::Text},
                   {"b", ColumnKind::Text},
                   {"npv_difference", ColumnKind::Money},
                   {"breakeven_price_factor", ColumnKind::Fraction}},
                  {}};
    for (const auto& x : r.comparisons)
        t.rows.push_back({text(x.a), text(x.b), x.npvDifference, optional(x.breakevenPriceFactor)});
    return t;
}

// "How the decision holds up" (issue 21): a row per scenario (the base case first) and alternative,
// its NPV cost, the scenario's winner and whether it flips the verdict. Only with scenarios.
ReportTable scenarios(const ReportContent& c) {
    ReportTable t{scenariosTableName(),
                  {{"scenario", ColumnKind::Text},
                   {"alternative", ColumnKind::Text},
                   {"npv_cost", ColumnKind::Money},
                   {"winner", ColumnKind::Text},
                   {"flips_verdict", ColumnKind::Integer}},
                  {}};
    for (const auto& o : c.scenarios) {
        const QVariant winner = o.winner ? text(o.evaluation.alternatives[*o.winner].id) : QVariant();
        for (const auto& a : o.evaluation.alternatives)
            t.rows.push_back(
                {text(o.name), text(a.id), a.npvCost, winner, qlonglong(o.flipsVerdict ? 1 : 0)});
    }
    return t;
}

ReportTable simulationPercentiles(const SimulationResult& s) {
    ReportTable t{
        simulationTableNames()[0], {{"alternative", ColumnKind::Text}, {"metric", ColumnKind::Text}}, {}};
    for (const auto& f : kSummaryStatistics)
        t.columns.push_back({f.key, ColumnKind::Money});
    t.columns.push_back({"prob_cheapest", ColumnKind::Fraction});
    auto row = [&](const AlternativeSimulation& a, const char* metric, const DistributionSummary& d) {
        std::vector<QVariant> cells{text(a.id), QString(metric)};
        for (const auto& f : kSummaryStatistics)
            cells.push_back(d.*f.value);
        cells.push_back(std::string(metric) == "npv_cost" ? QVariant(a.probCheapest) : QVariant());
        t.rows.push_back(cells);
    };
    for (const auto& a : s.alternatives) {
        row(a, "npv_cost", a.npvCost);
        if (a.lcoc)
            row(a, "lcoc", *a.lcoc);
    }
    return t;
}

ReportTable simulationFan(const SimulationResult& s) {
    ReportTable t{simulationTableNames()[1],
                  {{"alternative", ColumnKind::Text},
                   {"year", ColumnKind::Integer},
                   {"p5", ColumnKind::Money},
                   {"p50", ColumnKind::Money},
                   {"p95", ColumnKind::Money}},
                  {}};
    for (const auto& a : s.alternatives)
        for (const auto& f : a.annualCumulative)
            t.rows.push_back({text(a.id), qlonglong(f.year), f.p5, f.p50, f.p95});
    return t;
}

ReportTable simulationPairs(const SimulationResult& s) {
    ReportTable t{simulationTableNames()[2],
                  {{"a", ColumnKind::Text}, {"b", ColumnKind::Text}, {"p", ColumnKind::Fraction}},
                  {}};
    for (const auto& p : s.probCheaper)
        t.rows.push_back({text(p.a), text(p.b), p.p});
    return t;
}

// MODEL.md 9 over the paths: each fiscal year's EBITDA and pre-tax cost as booked, p5 / p50 / p95.
ReportTable simulationAccounting(const SimulationResult& s) {
    ReportTable t{simulationTableNames()[3],
                  {{"alternative", ColumnKind::Text},
                   {"year", ColumnKind::Integer},
                   {"metric", ColumnKind::Text},
                   {"p5", ColumnKind::Money},
                   {"p50", ColumnKind::Money},
                   {"p95", ColumnKind::Money}},
                  {}};
    for (const auto& a : s.alternatives)
        for (std::size_t y = 0; y < a.ebitdaCost.size(); ++y) {
            const FanPoint& e = a.ebitdaCost[y];
            const FanPoint& p = a.pretaxCost[y];
            t.rows.push_back({text(a.id), qlonglong(e.year), QString("ebitda_cost"), e.p5, e.p50, e.p95});
            t.rows.push_back({text(a.id), qlonglong(p.year), QString("pretax_cost"), p.p5, p.p50, p.p95});
        }
    return t;
}

} // namespace

std::optional<TableTotals> workbookTotals(const ReportTable& t) {
    if (t.name == "annual_summary") // by item: cash, hours and depreciation; a year-end NBV has none
        return TableTotals{0, {2, 3, 4, 5, 6}};
    if (t.name == "monthly_cashflows") // by item: cash and present value (its NPV cost)
        return TableTotals{0, {2, 3}};
    return std::nullopt;
}

const QStringList& simulationTableNames() {
    static const QStringList names{"simulation_percentiles", "simulation_fan", "simulation_prob_cheaper",
                                   "simulation_accounting"};
    return names;
}

QString scenariosTableName() {
    return QStringLiteral("scenarios");
}

QString optionsTableName() {
    return QStringLiteral("options");
}

QString exactNumber(double v) {
    // QJsonDocument's own writer, so the text is the one `evaluate --json` prints.
    const QByteArray json = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(json.mid(1, json.size() - 2));
}

// docs/model.md 17: each option and alternative; the Monte Carlo columns null without a run.
ReportTable options(const ReportContent& c) {
    ReportTable t{optionsTableName(),
                  {{"option", ColumnKind::Text},
                   {"type", ColumnKind::Text},
                   {"contract", ColumnKind::Text},
                   {"alternative", ColumnKind::Text},
                   {"exercise_date", ColumnKind::Date},
                   {"npv_as_written", ColumnKind::Money},
                   {"npv_without_option", ColumnKind::Money},
                   {"npv_exercised", ColumnKind::Money},
                   {"deterministic_saving", ColumnKind::Money},
                   {"exercised_on_deterministic_path", ColumnKind::Integer},
                   {"paths", ColumnKind::Integer},
                   {"regression_paths", ColumnKind::Integer},
                   {"value", ColumnKind::Money},
                   {"value_stderr", ColumnKind::Money},
                   {"exercise_probability", ColumnKind::Fraction},
                   {"intrinsic_value", ColumnKind::Money},
                   {"time_value", ColumnKind::Money},
                   {"boundary_side", ColumnKind::Text},
                   {"boundary_price_per_gpu_hour", ColumnKind::Price}},
                  {}};
    for (const OptionResult& o : c.options) {
        const std::string_view kind = toString(o.option.kind);
        std::vector<QVariant> row{text(o.option.optionId),
                                  QString::fromLatin1(kind.data(), qsizetype(kind.size())),
                                  text(o.option.contractId),
                                  text(o.option.alternativeId),
                                  date(o.option.exerciseDate),
                                  o.deterministicAsWritten,
                                  o.deterministicWithout,
                                  o.deterministicExercised,
                                  o.deterministicWithout - o.deterministicExercised,
                                  qlonglong(o.exercisedOnDeterministicPath ? 1 : 0)};
        if (o.simulated) {
            row.insert(row.end(), {qlonglong(o.paths), qlonglong(o.regressionPaths), o.value, o.valueStderr,
                                   o.exerciseProbability, o.intrinsicValue, o.timeValue,
                                   QString::fromLatin1(toString(o.boundarySide)),
                                   o.boundaryPrice ? QVariant(*o.boundaryPrice) : QVariant()});
        } else {
            row.resize(t.columns.size());
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::vector<ReportTable> reportTables(const ReportContent& c) {
    std::vector<ReportTable> tables{annualSummary(c.evaluation),
                                    monthlyCashflows(c.evaluation),
                                    datedCash(c),
                                    alternatives(c),
                                    comparisons(c.evaluation),
                                    costLines(c.evaluation),
                                    accounting(c.evaluation),
                                    leaseSchedules(c.evaluation),
                                    leaseMaturity(c.evaluation)};
    if (!c.scenarios.empty())
        tables.push_back(scenarios(c));
    if (!c.options.empty())
        tables.push_back(options(c));
    if (c.simulation) {
        tables.push_back(simulationPercentiles(*c.simulation));
        tables.push_back(simulationFan(*c.simulation));
        tables.push_back(simulationPairs(*c.simulation));
        if (!c.simulation->alternatives.empty() && !c.simulation->alternatives.front().ebitdaCost.empty())
            tables.push_back(simulationAccounting(*c.simulation));
    }
    return tables;
}

} // namespace ledger::report
