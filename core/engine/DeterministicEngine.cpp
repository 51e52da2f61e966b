#include "engine/DeterministicEngine.h"

#include "engine/PathFunction.h"
#include "portfolio/Defaults.h"

#include <algorithm>

namespace ledger {

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

// The deterministic run uses u_k as given (MODEL.md 3.1, 4), even when the market makes utilization
// stochastic: the logit transform (with its clamp) is for the Monte Carlo paths only.
PathInputs deterministicInputs(const CompiledPortfolio& cp) {
    PathInputs in = cp.inputs();
    in.utilStochastic = false;
    return in;
}

std::vector<double> slotNpv(const CompiledPortfolio& cp) {
    NpvSink sink{std::vector<double>(cp.itemCount() + 1, 0.0)};
    DeterministicShocks shocks;
    simulatePath<double>(deterministicInputs(cp), shocks, sink);
    return sink.npv;
}

std::vector<double> npvByAlternative(const CompiledPortfolio& cp, const std::vector<double>& slots) {
    std::vector<double> out;
    for (std::size_t a = 0; a < cp.alternatives().size(); ++a) {
        double sum = 0.0;
        for (int i : cp.alternativeItems(int(a)))
            sum += slots[i];
        out.push_back(sum);
    }
    out.push_back(slots.back());
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

class Evaluation {
public:
    Evaluation(const Portfolio& p, const CompiledPortfolio& cp)
        : p_(p)
        , cp_(cp)
        , K_(cp.periods())
        , N_(cp.itemCount())
        , rec_(N_ + 1, K_, cp.inputs().periodYear, cp.yearCount()) {
        DeterministicShocks shocks;
        simulatePath<double>(deterministicInputs(cp), shocks, rec_);
    }

    EvaluationResult run() {
        EvaluationResult r;
        r.name = p_.name;
        r.currency = p_.currency;
        r.valuationDate = p_.valuationDate;
        r.horizonEnd = cp_.grid().horizonEnd();
        r.periods = K_;
        r.spotCovers = cp_.spotCovers();
        for (int i = 0; i < N_; ++i)
            r.items.push_back(item(i));
        double weightTotal = 0.0;
        for (std::size_t a = 0; a < cp_.alternatives().size(); ++a) {
            const auto& alt = cp_.alternatives()[a];
            AlternativeResult ar{alt.id, alt.name, alt.items, 0, 0, 0, std::nullopt, emptyYears(), {}, 0.0};
            weightTotal = 0.0;
            for (int i : cp_.alternativeItems(int(a))) {
                const auto& ir = r.items[i];
                ar.npvCost += ir.npvCost;
                ar.totalCash += ir.totalCash;
                ar.usedGpuHours += ir.usedGpuHours;
                ar.usedH100Hours += ir.usedH100Hours;
                weightTotal += sum(rec_.lcocWeight, i);
                for (std::size_t y = 0; y < ar.annual.size(); ++y)
                    addRow(ar.annual[y], ir.annual[y]);
                addLines(ar.lines, ir.lines);
            }
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

    std::vector<AnnualRow> emptyYears() const {
        std::vector<AnnualRow> rows(cp_.yearCount());
        for (int y = 0; y < cp_.yearCount(); ++y)
            rows[y].year = cp_.firstYear() + y;
        return rows;
    }

    ItemResult item(int i) const {
        const auto& in = cp_.inputs();
        ItemResult ir;
        ir.id = cp_.itemId(i);
        ir.annual = emptyYears();
        const FleetSchedule* fleet = nullptr;
        if (cp_.itemKind(i) == ItemKind::Contract) {
            const auto& c = p_.contracts[std::size_t(cp_.indexInKind(i))];
            const auto& s = cp_.contractSchedule(i);
            ir.name = c.name;
            ir.kind = "contract";
            ir.impliedPricePerGpuHour = s.pricePerGpuHour;
            ir.totalContractValue = s.totalContractValue;
        } else {
            ir.name = p_.fleets[std::size_t(cp_.indexInKind(i))].name;
            ir.kind = "fleet";
            fleet = &cp_.fleetSchedule(i);
        }
        for (int k = 0; k < K_; ++k) {
            const std::size_t at = std::size_t(i) * K_ + k;
            const double committed = in.hours[k * N_ + i];
            ir.npvCost += rec_.pv[at];
            ir.totalCash += rec_.cash[at];
            ir.committedGpuHours += committed;
            ir.usedGpuHours += rec_.used[at];
            ir.monthly.push_back({cp_.grid().start(k), rec_.cash[at], rec_.pv[at]});
            AnnualRow& row = ir.annual[in.periodYear[k]];
            row.cash += rec_.cash[at];
            row.committedGpuHours += committed;
            row.usedGpuHours += rec_.used[at];
            if (fleet) {
                row.depreciationBook += fleet->bookDepreciation[k];
                row.depreciationTax += fleet->taxDepreciation[k];
                row.nbvBook = fleet->nbvBook[k];
                row.nbvTax = fleet->nbvTax[k];
                row.marketValue = fleet->marketValue[k];
            }
        }
        ir.usedH100Hours = ir.usedGpuHours * in.perfIndex[i];
        ir.lcoc = ratio(ir.npvCost, sum(rec_.lcocWeight, i));
        ir.lines = rec_.lines(i, fleet ? LineOwner::Fleet : LineOwner::Contract);
        rec_.addYearLines(i, ir.annual);
        return ir;
    }

    AlternativeResult spot(const EvaluationResult& r) const {
        AlternativeResult s{kSpotAlternativeId, "Spot market", {}, 0,  0, 0,
                            std::nullopt,       emptyYears(),  {}, 0.0};
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
        return s;
    }

    Comparison compare(const EvaluationResult& r, std::size_t a, std::size_t b) const {
        const auto& A = r.alternatives[a];
        const auto& B = r.alternatives[b];
        Comparison c{A.id, B.id, A.npvCost - B.npvCost, std::nullopt, capacityMatched(A, B)};
        // NPV_a(x) = fixed + x * priced, priced being the NPV of a's contracts (all proportional to price).
        double priced = 0.0;
        for (const auto& id : A.items) {
            const ItemResult* it = r.item(id);
            if (it && it->kind == "contract")
                priced += it->npvCost;
        }
        if (A.id != kSpotAlternativeId && priced != 0.0)
            c.breakevenPriceFactor = (B.npvCost - (A.npvCost - priced)) / priced;
        return c;
    }

    const Portfolio& p_;
    const CompiledPortfolio& cp_;
    int K_, N_;
    RecordingSink rec_;
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
            double lo = lowest, hi = 1.0;
            while (hi - lo > 1e-7) {
                const double mid = 0.5 * (lo + hi);
                (gap(mid) > 0.0 ? lo : hi) = mid;
            }
            b.utilization = 0.5 * (lo + hi);
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
    CompiledPortfolio cp(p, catalog);
    EvaluationResult r = Evaluation(p, cp).run();
    if (o.analytics) {
        r.breakevenUtilization = breakevenUtilization(p, catalog);
        r.usefulLife = usefulLife(p, catalog);
    }
    return r;
}

} // namespace ledger
