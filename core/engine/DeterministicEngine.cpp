#include "engine/DeterministicEngine.h"

#include "engine/Accounting.h"
#include "engine/PathFunction.h"
#include "portfolio/Defaults.h"

#include <algorithm>
#include <optional>

namespace ledger {

// The deterministic run uses u_k as given (MODEL.md 3.1, 4), even when the market makes utilization
// stochastic: the logit transform (with its clamp) is for the Monte Carlo paths only; and the
// demand as given (MODEL.md 8).
PathInputs deterministicInputs(const CompiledPortfolio& cp) {
    PathInputs in = cp.inputs();
    in.utilStochastic = false;
    in.demandStochastic = false;
    return in;
}

namespace {

// Records every flow of the shock-free path per slot (items, then spot) and period, and its cost
// lines per slot and year (lines by period would be 17 times the flows' memory).
struct RecordingSink {
    static constexpr bool kRecordsLines = true;

    RecordingSink(int slots, int periods, const int* periodYear, int years)
        : K(periods)
        , Y(years)
        , year(periodYear)
        , cash(std::size_t(slots) * periods, 0.0)
        , pv(cash.size(), 0.0)
        , used(cash.size(), 0.0)
        , lcocWeight(cash.size(), 0.0)
        , lineCash(std::size_t(slots) * kCostLines * years, 0.0)
        , linePv(std::size_t(slots) * kCostLines, 0.0) {}

    void flow(int slot, int k, FlowKind, double amount, double df) {
        cash[std::size_t(slot) * K + k] += amount;
        pv[std::size_t(slot) * K + k] += amount * df;
    }
    void flowEither(int slot, int k, bool mask, FlowKind where, FlowKind other, double amount, double df) {
        flow(slot, k, mask ? where : other, amount, df);
    }
    void line(int slot, int k, CostLine line, double amount, double df) {
        const std::size_t at = std::size_t(slot) * kCostLines + std::size_t(line);
        lineCash[at * Y + std::size_t(year[k])] += amount;
        linePv[at] += amount * df;
    }
    void usage(int slot, int k, double hours, double weight) {
        used[std::size_t(slot) * K + k] += hours;
        lcocWeight[std::size_t(slot) * K + k] += weight;
    }
    void providerDefaulted(int, bool) {}
    void finish() {}

    // A slot's lines that `owner` lists, with their NPV and cash; and its years' line cash.
    std::vector<LineAmount> lines(int slot, LineOwner owner) const {
        std::vector<LineAmount> out;
        for (int l = 0; l < kCostLines; ++l) {
            if (lineOwner(CostLine(l)) != owner)
                continue;
            const std::size_t at = std::size_t(slot) * kCostLines + std::size_t(l);
            LineAmount a{CostLine(l), linePv[at], 0.0};
            for (int y = 0; y < Y; ++y)
                a.cash += lineCash[at * Y + std::size_t(y)];
            out.push_back(a);
        }
        return out;
    }
    void addYearLines(int slot, std::vector<AnnualRow>& rows) const {
        for (int l = 0; l < kCostLines; ++l)
            for (int y = 0; y < Y; ++y)
                rows[std::size_t(y)].lineCash[std::size_t(l)] +=
                    lineCash[(std::size_t(slot) * kCostLines + std::size_t(l)) * Y + std::size_t(y)];
    }

    int K, Y;
    const int* year;
    std::vector<double> cash, pv, used, lcocWeight;
    std::vector<double> lineCash,
        linePv; // [(slot * kCostLines + line) * years + year], [slot * kCostLines + line]
};

// An alternative's lines: its items' lines summed line by line, the kinds' lists merged in order.
void addLines(std::vector<LineAmount>& into, const std::vector<LineAmount>& lines) {
    for (const LineAmount& l : lines) {
        auto at =
            std::find_if(into.begin(), into.end(), [&](const LineAmount& x) { return x.line >= l.line; });
        if (at != into.end() && at->line == l.line) {
            at->npv += l.npv;
            at->cash += l.cash;
        } else {
            into.insert(at, l);
        }
    }
}

// Sums only the NPV per slot: the cheap pass the analytics repeat.
struct NpvSink {
    std::vector<double> npv;
    void flow(int slot, int, FlowKind, double amount, double df) { npv[slot] += amount * df; }
    void flowEither(int slot, int k, bool, FlowKind where, FlowKind, double amount, double df) {
        flow(slot, k, where, amount, df);
    }
    void usage(int, int, double, double) {}
    void providerDefaulted(int, bool) {}
    void finish() {}
};

std::vector<double> slotNpv(const CompiledPortfolio& cp) {
    NpvSink sink{std::vector<double>(std::size_t(pathSlots(cp.inputs())), 0.0)};
    DeterministicShocks shocks;
    simulatePath<double>(deterministicInputs(cp), shocks, sink);
    return sink.npv;
}

// The portfolio's alternatives, then spot: their items' slots and, with a demand, their shortfall's.
std::vector<double> npvByAlternative(const CompiledPortfolio& cp, const std::vector<double>& slots) {
    const PathInputs& in = cp.inputs();
    std::vector<double> out;
    for (std::size_t a = 0; a < cp.alternatives().size(); ++a) {
        double sum = 0.0;
        for (int i : cp.alternativeItems(int(a)))
            sum += slots[i];
        if (cp.hasDemand())
            sum += slots[std::size_t(shortfallSlot(in, int(a)))];
        out.push_back(sum);
    }
    out.push_back(slots[std::size_t(in.items)]);
    return out;
}

std::optional<double> ratio(double num, double den) {
    if (den > 0.0)
        return num / den;
    return std::nullopt;
}

void addRow(AnnualRow& into, const AnnualRow& r) {
    into.cash += r.cash;
    into.committedGpuHours += r.committedGpuHours;
    into.usedGpuHours += r.usedGpuHours;
    into.depreciationBook += r.depreciationBook;
    into.depreciationTax += r.depreciationTax;
    into.nbvBook += r.nbvBook;
    into.nbvTax += r.nbvTax;
    into.marketValue += r.marketValue;
    for (int l = 0; l < kCostLines; ++l)
        into.lineCash[std::size_t(l)] += r.lineCash[std::size_t(l)];
}

// One shock-free run of a compiled portfolio, every flow recorded.
struct RecordedRun {
    explicit RecordedRun(const CompiledPortfolio& cp)
        : rec(pathSlots(cp.inputs()), cp.periods(), cp.inputs().periodYear, cp.yearCount()) {
        DeterministicShocks shocks;
        simulatePath<double>(deterministicInputs(cp), shocks, rec);
    }
    RecordingSink rec;
};

class Evaluation {
public:
    // `items` compiles each item once on its utilization curve (the items' figures); `costed` the
    // alternatives as they are costed: the same compilation without a demand, each item per
    // alternative with one (MODEL.md 8).
    Evaluation(const Portfolio& p, const CompiledPortfolio& items, const CompiledPortfolio& costed)
        : p_(p)
        , cp_(items)
        , costed_(costed)
        , K_(items.periods())
        , N_(items.itemCount())
        , run_(items)
        , rec_(run_.rec) {
        if (&costed != &items)
            costedRun_.emplace(costed);
    }

    EvaluationResult run() {
        EvaluationResult r;
        r.name = p_.name;
        r.currency = p_.currency;
        r.valuationDate = p_.valuationDate;
        r.horizonEnd = cp_.grid().horizonEnd();
        r.periods = K_;
        r.spotCovers = cp_.spotCovers();
        r.taxRate = p_.assumptions.taxRate;
        r.fiscalYearEndMonth = fiscalYearEndMonth(p_);
        for (int i = 0; i < N_; ++i)
            // A lease that ended before t0 has nothing left to show.
            if (const LeaseSchedule* l = cp_.leaseSchedule(i); l && !l->periods.empty())
                r.leases.push_back(leaseResult(cp_.itemId(i), *l));
        for (int i = 0; i < N_; ++i)
            r.items.push_back(item(cp_, rec_, i));
        r.hasDemand = costed_.hasDemand();
        if (p_.demand)
            r.demandSku = p_.demand->sku;
        const RecordingSink& rec = costedRun_ ? costedRun_->rec : rec_;
        std::vector<ItemResult> costedItems;
        if (costedRun_)
            for (int i = 0; i < costed_.itemCount(); ++i)
                costedItems.push_back(item(costed_, rec, i));
        const std::vector<ItemResult>& slots = costedRun_ ? costedItems : r.items;
        double weightTotal = 0.0;
        for (std::size_t a = 0; a < costed_.alternatives().size(); ++a) {
            const auto& alt = costed_.alternatives()[a];
            AlternativeResult ar;
            ar.id = alt.id;
            ar.name = alt.name;
            ar.items = alt.items;
            ar.annual = emptyYears();
            ar.accounting = emptyAccounting();
            weightTotal = 0.0;
            for (int i : costed_.alternativeItems(int(a))) {
                const auto& ir = slots[std::size_t(i)];
                ar.npvCost += ir.npvCost;
                ar.totalCash += ir.totalCash;
                ar.usedGpuHours += ir.usedGpuHours;
                ar.usedH100Hours += ir.usedH100Hours;
                weightTotal += sum(rec.lcocWeight, i);
                for (std::size_t y = 0; y < ar.annual.size(); ++y) {
                    addRow(ar.annual[y], ir.annual[y]);
                    addYear(ar.accounting[y], ir.accounting[y]);
                }
                addLines(ar.lines, ir.lines);
                if (costedRun_)
                    ar.itemCosts.push_back(ir);
            }
            if (costed_.hasDemand()) {
                const int slot = shortfallSlot(costed_.inputs(), int(a));
                addShortfall(ar, rec, slot, int(a), LineOwner::Shortfall);
                weightTotal += sum(rec.lcocWeight, slot);
                addOwnAccounting(ar.accounting, ar.annual, LineOwner::Shortfall);
            }
            closeYears(ar.accounting, p_.assumptions.taxRate);
            ar.lcoc = ratio(ar.npvCost, weightTotal);
            r.alternatives.push_back(std::move(ar));
        }
        r.alternatives.push_back(spot(r));
        for (std::size_t a = 0; a < r.alternatives.size(); ++a) {
            for (std::size_t b = a + 1; b < r.alternatives.size(); ++b)
                r.comparisons.push_back(compare(r, a, b));
        }
        return r;
    }

private:
    double sum(const std::vector<double>& v, int slot) const {
        double s = 0.0;
        for (int k = 0; k < K_; ++k)
            s += v[std::size_t(slot) * K_ + k];
        return s;
    }

    std::vector<AccountingYear> emptyAccounting() const {
        std::vector<AccountingYear> years(std::size_t(cp_.yearCount()));
        for (int y = 0; y < cp_.yearCount(); ++y)
            years[std::size_t(y)].year = cp_.firstYear() + y;
        return years;
    }

    std::vector<AnnualRow> emptyYears() const {
        std::vector<AnnualRow> rows(cp_.yearCount());
        for (int y = 0; y < cp_.yearCount(); ++y)
            rows[y].year = cp_.firstYear() + y;
        return rows;
    }

    // Compiled item i of cp as its shock-free run `rec` recorded it.
    ItemResult item(const CompiledPortfolio& cp, const RecordingSink& rec, int i) const {
        const auto& in = cp.inputs();
        const int N = cp.itemCount();
        ItemResult ir;
        ir.id = cp.itemId(i);
        ir.annual = emptyYears();
        const FleetSchedule* fleet = nullptr;
        const int contracts = int(p_.contracts.size());
        const int inPortfolio = cp.portfolioItem(i);
        if (cp.itemKind(i) == ItemKind::Contract) {
            const auto& c = p_.contracts[std::size_t(inPortfolio)];
            const auto& s = cp.contractSchedule(i);
            ir.name = c.name;
            ir.kind = "contract";
            ir.impliedPricePerGpuHour = s.pricePerGpuHour;
            ir.totalContractValue = s.totalContractValue;
        } else {
            ir.name = p_.fleets[std::size_t(inPortfolio - contracts)].name;
            ir.kind = "fleet";
            fleet = &cp.fleetSchedule(i);
        }
        for (int k = 0; k < K_; ++k) {
            const std::size_t at = std::size_t(i) * K_ + k;
            const double committed = in.hours[k * N + i];
            ir.npvCost += rec.pv[at];
            ir.totalCash += rec.cash[at];
            ir.committedGpuHours += committed;
            ir.usedGpuHours += rec.used[at];
            ir.monthly.push_back({cp.grid().start(k), rec.cash[at], rec.pv[at]});
            AnnualRow& row = ir.annual[in.periodYear[k]];
            row.cash += rec.cash[at];
            row.committedGpuHours += committed;
            row.usedGpuHours += rec.used[at];
            if (fleet) {
                row.depreciationBook += fleet->bookDepreciation[k];
                row.depreciationTax += fleet->taxDepreciation[k];
                row.nbvBook = fleet->nbvBook[k];
                row.nbvTax = fleet->nbvTax[k];
                row.marketValue = fleet->marketValue[k];
            }
        }
        ir.usedH100Hours = ir.usedGpuHours * in.perfIndex[i];
        // With a demand an item's used hours are not what LCOC is per (its alternative's demand is).
        if (!cp.hasDemand())
            ir.lcoc = ratio(ir.npvCost, sum(rec.lcocWeight, i));
        ir.lines = rec.lines(i, fleet ? LineOwner::Fleet : LineOwner::Contract);
        rec.addYearLines(i, ir.annual);
        const Contract* contract = fleet ? nullptr : &p_.contracts[std::size_t(inPortfolio)];
        ir.accounting = itemAccounting(cp, i, ir.annual, contract, contract ? cp.leaseSchedule(i) : nullptr);
        return ir;
    }

    // MODEL.md 8: alternative a's shortfall slot (spot's own slot for spot): its flows and lines,
    // and how it meets the demand, year by year. Hours bought at spot count as GPU-hours of the
    // demand's SKU in the GPU-hour columns.
    void addShortfall(AlternativeResult& ar, const RecordingSink& rec, int slot, int a,
                      LineOwner owner) const {
        const PathInputs& in = costed_.inputs();
        DemandServed served;
        for (int k = 0; k < K_; ++k) {
            const std::size_t at = std::size_t(slot) * K_ + k;
            const double demand = in.demandHours[k];
            const double capacity = in.capacity[std::size_t(k * in.alternatives + a)];
            const double used = std::min(demand, capacity);
            const double shortfall = std::max(0.0, demand - capacity);
            const double boughtGpuHours = shortfall / costed_.demandPerfIndex();
            ar.npvCost += rec.pv[at];
            ar.totalCash += rec.cash[at];
            ar.usedGpuHours += boughtGpuHours;
            served.demandH100Hours += demand;
            served.capacityH100Hours += capacity;
            served.usedCapacityH100Hours += used;
            served.idleH100Hours += capacity - used;
            served.shortfallH100Hours += shortfall;
            AnnualRow& row = ar.annual[std::size_t(in.periodYear[k])];
            row.cash += rec.cash[at];
            // Spot's purchases are its commitment, as without a demand; a shortfall is no capacity.
            if (owner == LineOwner::Spot)
                row.committedGpuHours += boughtGpuHours;
            row.usedGpuHours += boughtGpuHours;
            row.demandH100Hours += demand;
            row.capacityH100Hours += capacity;
            row.idleH100Hours += capacity - used;
            row.shortfallH100Hours += shortfall;
        }
        addLines(ar.lines, rec.lines(slot, owner));
        rec.addYearLines(slot, ar.annual);
        ar.usedH100Hours = served.demandH100Hours;
        ar.demand = served;
    }

    AlternativeResult spot(const EvaluationResult& r) const {
        AlternativeResult s;
        s.id = kSpotAlternativeId;
        s.name = "Spot market";
        s.annual = emptyYears();
        if (costedRun_) {
            // With a demand spot has no capacity: it buys the whole demand (MODEL.md 8).
            const int slot = costed_.inputs().items;
            addShortfall(s, costedRun_->rec, slot, costed_.inputs().alternatives - 1, LineOwner::Spot);
            s.lcoc = ratio(s.npvCost, sum(costedRun_->rec.lcocWeight, slot));
            spotAccounting(s);
            return s;
        }
        for (int i = 0; i < N_; ++i) {
            if (cp_.inputs().coveredBySpot[i]) {
                s.items.push_back(cp_.itemId(i));
                s.usedH100Hours += r.items[std::size_t(i)].usedH100Hours;
            }
        }
        for (int k = 0; k < K_; ++k) {
            const std::size_t at = std::size_t(N_) * K_ + k;
            s.npvCost += rec_.pv[at];
            s.totalCash += rec_.cash[at];
            s.usedGpuHours += rec_.used[at];
            AnnualRow& row = s.annual[cp_.inputs().periodYear[k]];
            row.cash += rec_.cash[at];
            row.committedGpuHours += rec_.used[at];
            row.usedGpuHours += rec_.used[at];
        }
        s.lcoc = ratio(s.npvCost, sum(rec_.lcocWeight, N_));
        s.lines = rec_.lines(N_, LineOwner::Spot);
        rec_.addYearLines(N_, s.annual);
        spotAccounting(s);
        return s;
    }

    void spotAccounting(AlternativeResult& s) const {
        s.accounting = emptyAccounting();
        addOwnAccounting(s.accounting, s.annual, LineOwner::Spot);
        closeYears(s.accounting, p_.assumptions.taxRate);
    }

    // A contract's NPV that moves with its price: all of it but the replacement at market after a
    // default (0 without one, so the NPV itself).
    static double pricedNpv(const ItemResult& contract) {
        double npv = contract.npvCost;
        for (const LineAmount& l : contract.lines)
            if (l.line == CostLine::Replacement || l.line == CostLine::ReplacementTaxShield)
                npv -= l.npv;
        return npv;
    }

    Comparison compare(const EvaluationResult& r, std::size_t a, std::size_t b) const {
        const auto& A = r.alternatives[a];
        const auto& B = r.alternatives[b];
        Comparison c{A.id, B.id, A.npvCost - B.npvCost, std::nullopt, capacityMatched(A, B)};
        // NPV_a(x) = fixed + x * priced, priced being the NPV of a's contracts (all proportional to price)
        // but for what a default on a chosen day buys at market. With a demand, a's contracts as
        // costed in a (their used share).
        double priced = 0.0;
        if (r.hasDemand) {
            for (const ItemResult& it : A.itemCosts)
                if (it.kind == "contract")
                    priced += pricedNpv(it);
        } else {
            for (const auto& id : A.items) {
                const ItemResult* it = r.item(id);
                if (it && it->kind == "contract")
                    priced += pricedNpv(*it);
            }
        }
        if (A.id != kSpotAlternativeId && priced != 0.0)
            c.breakevenPriceFactor = (B.npvCost - (A.npvCost - priced)) / priced;
        return c;
    }

    const Portfolio& p_;
    const CompiledPortfolio& cp_;
    const CompiledPortfolio& costed_;
    int K_, N_;
    RecordedRun run_;
    const RecordingSink& rec_;
    std::optional<RecordedRun> costedRun_; // with a demand
};

bool hasFleet(const Portfolio& p, const Alternative& a) {
    for (const auto& id : a.items) {
        for (const auto& f : p.fleets) {
            if (f.id == id)
                return true;
        }
    }
    return false;
}

// The x in [lo, hi] where gap, above 0 at lo and not above 0 at hi, changes sign: halves kept
// while wider than tolerance, then the last half's middle.
template <class Gap> double bisectFalling(const Gap& gap, double lo, double hi, double tolerance) {
    while (hi - lo > tolerance) {
        const double mid = 0.5 * (lo + hi);
        (gap(mid) > 0.0 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

std::vector<BreakevenUtilization> breakevenUtilization(const Portfolio& p, const SkuCatalog& catalog) {
    std::vector<BreakevenUtilization> out;
    const auto alts = alternatives(p);
    for (std::size_t a = 0; a < alts.size(); ++a) {
        if (!hasFleet(p, alts[a]))
            continue;
        // NPV_alt(u) - NPV_spot(u) falls as u rises: spot pays per used hour, a fleet mostly not.
        auto gap = [&](double u) {
            CompiledPortfolio cp(p, catalog, CompileOptions{u});
            const auto npv = npvByAlternative(cp, slotNpv(cp));
            return npv[a] - npv.back();
        };
        BreakevenUtilization b{alts[a].id, BreakevenOutcome::Value, std::nullopt};
        constexpr double lowest = 1e-6;
        if (gap(1.0) > 0.0) {
            b.outcome = BreakevenOutcome::Never;
        } else if (gap(lowest) <= 0.0) {
            b.outcome = BreakevenOutcome::Always;
        } else {
            b.utilization = bisectFalling(gap, lowest, 1.0, 1e-7);
        }
        out.push_back(b);
    }
    return out;
}

// MODEL.md 8: f(c) = NPV_a(c D) - NPV_spot(c D); "always" if f(0) <= 0, "never" if f(10) > 0,
// else bisection on [0, 10] to an absolute 1e-6, keeping the half where f changes sign.
std::vector<BreakevenDemand> breakevenDemand(const Portfolio& p, const SkuCatalog& catalog) {
    std::vector<BreakevenDemand> out;
    const auto alts = alternatives(p);
    // Only D_k moves with c (the path function works each share out from it): one compilation,
    // its demand scaled in a copy the paths read.
    const CompiledPortfolio cp(p, catalog);
    const PathInputs& compiled = cp.inputs();
    std::vector<double> scaled(compiled.demandHours, compiled.demandHours + compiled.periods);
    PathInputs in = deterministicInputs(cp);
    in.demandHours = scaled.data();
    for (std::size_t a = 0; a < alts.size(); ++a) {
        auto gap = [&](double c) {
            for (int k = 0; k < compiled.periods; ++k)
                scaled[std::size_t(k)] = compiled.demandHours[k] * c;
            NpvSink sink{std::vector<double>(std::size_t(pathSlots(in)), 0.0)};
            DeterministicShocks shocks;
            simulatePath<double>(in, shocks, sink);
            const auto npv = npvByAlternative(cp, sink.npv);
            return npv[a] - npv.back();
        };
        BreakevenDemand b{alts[a].id, BreakevenOutcome::Value, std::nullopt};
        constexpr double kMost = 10.0;
        if (gap(0.0) <= 0.0) {
            b.outcome = BreakevenOutcome::Always;
        } else if (gap(kMost) > 0.0) {
            b.outcome = BreakevenOutcome::Never;
        } else {
            b.factor = bisectFalling(gap, 0.0, kMost, 1e-6);
        }
        out.push_back(b);
    }
    return out;
}

std::vector<UsefulLifeSensitivity> usefulLife(const Portfolio& p, const SkuCatalog& catalog) {
    std::vector<UsefulLifeSensitivity> out;
    const auto alts = alternatives(p);
    for (std::size_t a = 0; a < alts.size(); ++a) {
        if (!hasFleet(p, alts[a]))
            continue;
        UsefulLifeSensitivity s{alts[a].id, {}};
        for (int life = 3; life <= 6; ++life) {
            Portfolio q = p;
            for (auto& f : q.fleets) {
                if (!isMacrs(f.bookDepreciation.method))
                    f.bookDepreciation.lifeYears = life;
            }
            CompiledPortfolio cp(q, catalog);
            UsefulLifeCase c{life, npvByAlternative(cp, slotNpv(cp))[a], 0.0, 0.0};
            const auto& in = cp.inputs();
            for (int i : cp.alternativeItems(int(a))) {
                if (cp.itemKind(i) != ItemKind::Fleet)
                    continue;
                const FleetSchedule& fs = cp.fleetSchedule(i);
                for (int k = 0; k < cp.periods(); ++k) {
                    const int at = k * in.items + i;
                    const double power = fleetPowerCost(in, i, at, in.baseUtil[at]);
                    c.bookDepreciation += fs.bookDepreciation[k];
                    c.bookProfitImpact -= power + in.fixedCost[at] + fs.bookDepreciation[k];
                }
                if (fs.disposalPeriod >= 0)
                    c.bookProfitImpact += fs.residualValue - fs.nbvBookAtDisposal;
            }
            s.cases.push_back(c);
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace

std::vector<double> alternativeNpvCosts(const CompiledPortfolio& cp) {
    return npvByAlternative(cp, slotNpv(cp));
}

EvaluationResult evaluatePortfolio(const Portfolio& p, const SkuCatalog& catalog, const EvaluateOptions& o) {
    CompileOptions standalone;
    standalone.standalone = true;
    const CompiledPortfolio items(p, catalog, standalone);
    std::optional<CompiledPortfolio> costed;
    if (p.demand)
        costed.emplace(p, catalog);
    EvaluationResult r = Evaluation(p, items, costed ? *costed : items).run();
    if (o.analytics) {
        if (p.demand)
            r.breakevenDemand = breakevenDemand(p, catalog);
        else
            r.breakevenUtilization = breakevenUtilization(p, catalog);
        r.usefulLife = usefulLife(p, catalog);
    }
    return r;
}

} // namespace ledger
