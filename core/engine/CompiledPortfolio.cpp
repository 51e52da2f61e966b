#include "engine/CompiledPortfolio.h"

#include "calendar/DiscountCurve.h"
#include "engine/DemandSchedule.h"
#include "engine/GpuTrend.h"
#include "engine/PathFunction.h"
#include "portfolio/ContractTerms.h"
#include "portfolio/Defaults.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace ledger {

namespace {
constexpr double kDt = 1.0 / 12.0;

double ouScale(double kappa, double sigma) {
    if (kappa == 0.0)
        return sigma * std::sqrt(kDt);
    return sigma * std::sqrt((1.0 - std::exp(-2.0 * kappa * kDt)) / (2.0 * kappa));
}

double logit(double u) {
    const double c = std::clamp(u, 0.001, 0.999);
    return std::log(c / (1.0 - c));
}
} // namespace

CompiledPortfolio::CompiledPortfolio(const Portfolio& p, const SkuCatalog& catalog,
                                     const CompileOptions& options)
    : grid_(p.valuationDate, horizonEnd(p)) {
    const int K = grid_.size();
    const DiscountCurve curve(p.valuationDate, p.assumptions.discountRate);

    for (const auto& c : p.contracts)
        providers_.push_back(c.provider);
    std::sort(providers_.begin(), providers_.end());
    providers_.erase(std::unique(providers_.begin(), providers_.end()), providers_.end());
    if (int(providers_.size()) > kMaxProviders)
        throw std::invalid_argument("more than 64 providers");
    alternatives_ = ledger::alternatives(p);
    // A stress: a provider defaults in the period of its contracts' earliest default_date (one
    // outside the horizon, which validation refuses in a file, forces nothing).
    for (std::size_t j = 0; j < providers_.size(); ++j)
        view_.providerForcedDefault[j] = K;
    for (const auto& c : p.contracts) {
        const int k = c.defaultDate ? grid_.periodContaining(*c.defaultDate) : -1;
        int& forced =
            view_.providerForcedDefault[std::lower_bound(providers_.begin(), providers_.end(), c.provider) -
                                        providers_.begin()];
        if (k >= 0)
            forced = std::min(forced, k);
    }

    // What is compiled: each item once; with a demand, each item once per alternative holding it,
    // kind by kind and within a kind alternative by alternative (its items share its used share).
    const bool demand = p.demand && !options.standalone;
    const int contracts = int(p.contracts.size());
    std::vector<int> groups;
    if (!demand) {
        for (int i = 0; i < contracts + int(p.fleets.size()); ++i) {
            portfolioItems_.push_back(i);
            groups.push_back(-1);
        }
    } else {
        auto indexOf = [&](const std::string& id) {
            for (int c = 0; c < contracts; ++c)
                if (p.contracts[std::size_t(c)].id == id)
                    return c;
            for (std::size_t f = 0; f < p.fleets.size(); ++f)
                if (p.fleets[f].id == id)
                    return contracts + int(f);
            throw std::invalid_argument("alternative item \"" + id + "\" is not in the portfolio");
        };
        for (bool fleets : {false, true})
            for (std::size_t a = 0; a < alternatives_.size(); ++a)
                for (const auto& id : alternatives_[a].items) {
                    const int item = indexOf(id);
                    if ((item >= contracts) == fleets) {
                        portfolioItems_.push_back(item);
                        groups.push_back(int(a));
                    }
                }
    }
    // A fleet whose delivery is uncertain becomes one copy per whole month of delay (the Monte Carlo's);
    // copies of one fleet lie side by side, so an alternative's items stay together.
    std::vector<int> variants; // per compiled item: its months of delivery delay, -1 when not a copy
    {
        std::vector<int> items, itemGroups;
        for (std::size_t n = 0; n < portfolioItems_.size(); ++n) {
            const int item = portfolioItems_[n];
            DeliveryDelayRange range;
            if (item >= contracts && options.deliveryVariants)
                range = deliveryDelayRange(p.fleets[std::size_t(item - contracts)], p.valuationDate);
            if (!range.uncertain()) {
                items.push_back(item);
                itemGroups.push_back(groups[n]);
                variants.push_back(-1);
                continue;
            }
            for (int m = range.first; m <= range.last; ++m) {
                items.push_back(item);
                itemGroups.push_back(groups[n]);
                variants.push_back(m);
            }
        }
        portfolioItems_ = std::move(items);
        groups = std::move(itemGroups);
    }
    const int N = int(portfolioItems_.size());
    a_.size(K, N);
    // Annual rows are fiscal years, labelled by the year they end in (MODEL.md 1 v2).
    const int fiscalEnd = fiscalYearEndMonth(p);
    firstYear_ = fiscalYear(grid_.start(0), fiscalEnd);
    for (int k = 0; k < K; ++k) {
        a_.periodEndDf[k] = curve.factor(grid_.end(k));
        a_.periodTime[k] = k / 12.0;
        a_.periodYear[k] = fiscalYear(grid_.start(k), fiscalEnd) - firstYear_;
    }
    years_ = a_.periodYear.back() + 1;

    std::map<int, int> fleetSlots; // a portfolio fleet's slot, shared by its copies with a demand
    for (int i = 0; i < N; ++i) {
        const int item = portfolioItems_[std::size_t(i)];
        a_.demandGroup[std::size_t(i)] = groups[std::size_t(i)];
        if (item < contracts) {
            const Contract& c = p.contracts[std::size_t(item)];
            compileContract(i, c, *catalog.find(p, c.sku), p, options);
        } else {
            const Fleet& f = p.fleets[std::size_t(item - contracts)];
            const Sku& sku = *catalog.find(p, f.sku);
            const int variant = variants[std::size_t(i)];
            const int late = variant >= 0 ? variant : likeliestDeliveryDelay(f, p.valuationDate);
            compileFleet(i, late > 0 ? deliveredLate(f, late) : f, sku, p, options);
            compileFleetUncertainty(i, item - contracts, f, sku, variant, fleetSlots);
            view_.deliveryVariants += variant >= 0;
        }
    }
    view_.uncertainFleets = int(fleetSlots.size());

    // Each alternative's compiled items, in its items' order: without a demand the items of those
    // ids, with one the ids' items costed in it.
    // (A fleet's delivery variants are all its compiled items.)
    std::map<std::pair<std::string, int>, std::vector<int>> compiledAs;
    for (int i = 0; i < N; ++i)
        compiledAs[std::pair(itemIds_[std::size_t(i)], groups[std::size_t(i)])].push_back(i);
    for (std::size_t a = 0; a < alternatives_.size(); ++a) {
        std::vector<int>& list = alternativeItems_.emplace_back();
        for (const auto& id : alternatives_[a].items)
            for (int i : compiledAs.at({id, demand ? int(a) : -1}))
                list.push_back(i);
    }

    spotCovers_ = p.market.spotCovers.value_or(alternatives_.front().id);
    if (!demand) {
        for (std::size_t a = 0; a < alternatives_.size(); ++a) {
            if (alternatives_[a].id == spotCovers_) {
                for (int item : alternativeItems(int(a)))
                    a_.coveredBySpot[item] = 1;
            }
        }
    }
    view_.alternatives = int(alternatives_.size()) + 1;
    compileMarket(p);
    if (demand)
        compileDemand(p, catalog);
    compileMembership();
    view_.taxRate = p.assumptions.taxRate;
    bindView();
}

void CompiledPortfolio::compileContract(int i, const Contract& c, const Sku& sku, const Portfolio& p,
                                        const CompileOptions& o) {
    const int K = grid_.size();
    const int N = int(a_.kind.size());
    const DiscountCurve curve(p.valuationDate, p.assumptions.discountRate);
    itemIds_.push_back(c.id);
    contracts_.push_back(buildContractSchedule(c, grid_));
    const auto& s = contracts_.back();
    a_.kind[i] = int(ItemKind::Contract);
    a_.provider[i] =
        int(std::lower_bound(providers_.begin(), providers_.end(), c.provider) - providers_.begin());
    a_.perfIndex[i] = sku.perfIndex;
    a_.marketPrice[i] = sku.marketPricePerGpuHour;
    a_.takeOrPay[i] = c.takeOrPay;
    a_.payShare[i] = 1.0 - c.prepayment;
    a_.prepaymentFraction[i] = c.prepayment;
    a_.totalContractValue[i] = s.totalContractValue;
    a_.recoveryRate[i] = c.recoveryRate;
    view_.providerHazard[a_.provider[i]] =
        std::max(view_.providerHazard[a_.provider[i]], c.providerDefaultHazard);
    a_.prepaidPeriod[i] = K;
    if (c.prepayment > 0.0) {
        if (c.start < p.valuationDate) {
            a_.prepaidPeriod[i] = -1;
        } else if (c.start <= grid_.horizonEnd()) {
            a_.upfrontPeriod[i] = a_.prepaidPeriod[i] = grid_.periodContaining(c.start);
            a_.upfrontAmount[i] = s.prepaymentAmount;
            a_.upfrontDf[i] = curve.factor(c.start);
        }
    }
    a_.replacementDelay[i] = c.replacementDelayMonths.value_or(0.0);
    a_.marketIndexed[i] = c.marketIndexed ? 1 : 0;
    const double disruptionPerGpu = c.defaultDisruptionCostPerGpu.value_or(0.0);
    const UtilizationCurve& util = c.utilization ? *c.utilization : p.utilization;
    double cumulative = s.billedBeforeValuation;
    for (int k = 0; k < K; ++k) {
        const int at = k * N + i;
        const double u = o.constantUtilization.value_or(utilizationOn(util, grid_.start(k)));
        a_.hours[at] = s.committedHours[k];
        a_.baseUtil[at] = u;
        a_.expNegLogitUtil[at] = std::exp(-logit(u));
        a_.cashDf[at] = curve.factor(s.cashDates[k]);
        a_.billedAtFull[at] = s.billedAtFull[k];
        a_.cumulativeBilled[at] = cumulative;
        cumulative += s.billedAtFull[k];
        // A default in period k disrupts the GPUs committed on its last day in the term.
        if (disruptionPerGpu > 0.0) {
            const Date last = std::min(grid_.lastDay(k), c.end);
            if (last >= c.start && last >= grid_.start(k))
                a_.disruptionCost[at] = disruptionPerGpu * committedGpusOn(c, last);
        }
    }
    compileContractAccruals(i, c, p);
}

// MODEL.md 9 on a path: what the books add to the bill (the prepaid share drawn; for a lease its
// straight-line cost or its amortization and interest in place of the fixed payment), and what a
// default in period k writes off: the carrying amount (prepaid balance, or ROU asset less lease
// liability) less the prepayment recovered. engine/Accounting.cpp books the deterministic run alike.
void CompiledPortfolio::compileContractAccruals(int i, const Contract& c, const Portfolio& p) {
    const int K = grid_.size();
    const int N = int(a_.kind.size());
    leases_.emplace_back();
    if (c.isLease())
        leases_.back() = buildLeaseSchedule(c, p.valuationDate, fiscalYearEndMonth(p));
    const LeaseSchedule* lease = leases_.back() ? &*leases_.back() : nullptr;
    if (lease && !lease->commencesBy(grid_.horizonEnd()))
        lease = nullptr; // nothing in the horizon (engine/Accounting.cpp alike)
    for (int k = 0; k < K; ++k) {
        const int at = k * N + i;
        const double full = a_.billedAtFull[at];
        const bool prepaid = a_.prepaidPeriod[i] <= k;
        const double undrawn =
            prepaid ? c.prepayment * (a_.totalContractValue[i] - a_.cumulativeBilled[at]) : 0.0;
        double carrying = undrawn;
        if (!lease) {
            a_.accrualEbitda[at] = c.prepayment * full;
        } else {
            const double fixed = a_.payShare[i] * (full * c.takeOrPay);
            const LeasePeriod* lp = lease->period(k);
            if (lease->classification == LeaseClassification::Operating) {
                a_.accrualEbitda[at] = (lp ? lp->straightLineCost : 0.0) - fixed;
            } else {
                a_.accrualEbitda[at] = -fixed;
                a_.accrualBelow[at] = lp ? lp->amortization + lp->interest : 0.0;
            }
            carrying = k < lease->firstPeriod    ? 0.0
                       : k == lease->firstPeriod ? lease->rouAtMeasurement - lease->liabilityAtMeasurement
                                                 : lease->rouAfter(k - 1) - lease->liabilityAfter(k - 1);
        }
        a_.defaultWriteoff[at] = carrying - c.recoveryRate * undrawn;
    }
}

void CompiledPortfolio::compileFleet(int i, const Fleet& f, const Sku& sku, const Portfolio& p,
                                     const CompileOptions& o) {
    const int K = grid_.size();
    const int N = int(a_.kind.size());
    const DiscountCurve curve(p.valuationDate, p.assumptions.discountRate);
    itemIds_.push_back(f.id);
    fleets_.push_back(buildFleetSchedule(f, sku, grid_, fiscalYearEndMonth(p)));
    const auto& s = fleets_.back();
    a_.kind[i] = int(ItemKind::Fleet);
    a_.perfIndex[i] = sku.perfIndex;
    a_.marketPrice[i] = sku.marketPricePerGpuHour;
    a_.idleFraction[i] = f.idlePowerFraction;
    if (s.capexPeriod >= 0) {
        a_.upfrontPeriod[i] = s.capexPeriod;
        a_.upfrontAmount[i] = s.depreciableBase;
        a_.upfrontDf[i] = curve.factor(f.inService);
    }
    a_.disposalPeriod[i] = s.disposalPeriod;
    a_.residualValue[i] = s.residualValue;
    a_.nbvTaxAtDisposal[i] = s.nbvTaxAtDisposal;
    a_.nbvBookAtDisposal[i] = s.nbvBookAtDisposal;
    const UtilizationCurve& util = f.utilization ? *f.utilization : p.utilization;
    for (int k = 0; k < K; ++k) {
        const int at = k * N + i;
        const double u = o.constantUtilization.value_or(utilizationOn(util, grid_.start(k)));
        a_.hours[at] = s.gpuHours[k];
        a_.baseUtil[at] = u;
        a_.expNegLogitUtil[at] = std::exp(-logit(u));
        a_.cashDf[at] = a_.periodEndDf[k];
        a_.mwhAtFullUse[at] = s.mwhAtFullUse[k];
        a_.powerPrice[at] = s.powerPrice[k];
        a_.fixedCost[at] = s.fixedCost[k];
        a_.colocationCost[at] = s.colocationCost[k];
        a_.taxDepreciation[at] = s.taxDepreciation[k];
        a_.accrualBelow[at] = s.bookDepreciation[k];
    }
}

// docs/model.md 12.13: a fleet's draws are stream 2's, numbered by its place in the portfolio. Its capex
// is uncertain only while still to be paid (in the horizon); a fleet bought before t0 paid what it paid.
void CompiledPortfolio::compileFleetUncertainty(int i, int fleet, const Fleet& f, const Sku& sku, int variant,
                                                std::map<int, int>& fleetSlots) {
    a_.fleetDraw[i] = fleet;
    a_.residualVolatility[i] = f.residualVolatility.value_or(0.0);
    const double mode = fleetCapexPerGpu(f, sku);
    const bool capex = f.capexMinPerGpu && f.capexMaxPerGpu && a_.upfrontPeriod[i] >= 0 && mode > 0.0 &&
                       (*f.capexMinPerGpu != mode || *f.capexMaxPerGpu != mode);
    if (capex) {
        a_.capexLow[i] = *f.capexMinPerGpu / mode;
        a_.capexHigh[i] = *f.capexMaxPerGpu / mode;
    }
    // docs/model.md 12.14: the copy for `variant` months late, and the delay's law, drawn on stream 2's
    // word 1.
    a_.deliveryVariant[i] = variant;
    if (variant >= 0) {
        a_.delayLow[i] = *f.deliveryDelayMinMonths;
        a_.delayMode[i] = *f.deliveryDelayModeMonths;
        a_.delayHigh[i] = *f.deliveryDelayMaxMonths;
    }
    if (capex || a_.residualVolatility[i] > 0.0 || variant >= 0)
        a_.fleetSlot[i] = fleetSlots.emplace(fleet, int(fleetSlots.size())).first->second;
}

void CompiledPortfolio::compileMarket(const Portfolio& p) {
    const auto& m = p.market;
    const DiscountCurve years(p.valuationDate, 0.0);
    view_.gpuDecay = std::exp(-m.gpuPrice.reversionPerYear * kDt);
    view_.gpuScale = ouScale(m.gpuPrice.reversionPerYear, m.gpuPrice.volatility);
    view_.utilDecay = std::exp(-m.utilization.reversionPerYear * kDt);
    view_.utilScale = ouScale(m.utilization.reversionPerYear, m.utilization.volatility);
    view_.utilStochastic = m.utilization.volatility > 0.0;
    view_.powerDecay = std::exp(-m.powerPrice.reversionPerYear * kDt);
    view_.powerScale = ouScale(m.powerPrice.reversionPerYear, m.powerPrice.volatility);
    if (m.nextGeneration) {
        const auto& g = *m.nextGeneration;
        view_.hasNextGeneration = true;
        view_.launchEarliest = years.yearFraction(g.launchEarliest);
        view_.launchMode = years.yearFraction(g.launchMode);
        view_.launchLatest = years.yearFraction(g.launchLatest);
        view_.dropMin = g.priceDropMin;
        view_.dropMax = g.priceDropMax;
    }
    Eigen::Matrix3d r;
    for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b)
            r(a, b) = m.correlation[a][b];
    Eigen::LLT<Eigen::Matrix3d> llt(r);
    if (llt.info() != Eigen::Success)
        throw std::invalid_argument("market.correlation: the matrix is not positive definite");
    const Eigen::Matrix3d L = llt.matrixL();
    for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b)
            view_.cholesky[a * 3 + b] = L(a, b);
    view_.replacementPremium = m.replacementPremium;
    view_.onDemandPremium = m.onDemandPremium;
    view_.scarcityPremium = m.scarcityPremium;

    const std::vector<double> trend =
        gpuLogTrend(p, std::vector<double>(a_.periodTime.begin(), a_.periodTime.end()));
    std::copy(trend.begin(), trend.end(), a_.gpuLogTrend.begin());

    // mbar: the market log-index with no shocks, launch at the mode and the midpoint drop, by the
    // same recursion as a path, so a shock-free path resells at exactly R.
    const int K = grid_.size();
    const double launch = view_.hasNextGeneration ? view_.launchMode : kNever;
    const double jump = view_.hasNextGeneration ? std::log(1.0 - 0.5 * (view_.dropMin + view_.dropMax)) : 0.0;
    double x = 0.0;
    for (int k = 0; k < K; ++k) {
        a_.baseLogIndex[k] = x;
        if (k + 1 < K) {
            // marketMean's sum (engine/PathFunction.h); the view is bound once everything is compiled.
            const double mk = trend[k] + (a_.periodTime[k] >= launch ? jump : 0.0);
            const double mn = trend[k + 1] + (a_.periodTime[k + 1] >= launch ? jump : 0.0);
            x = mn + (x - mk) * view_.gpuDecay;
        }
    }
}

// MODEL.md 8: the demand by period, each alternative's capacity (spot's: none), its used share as
// the items' deterministic utilization (what the shock-free path uses, for the analytics that read
// u_k), the shortfall's price, and the demand's uncertainty on the utilization factor's shocks.
void CompiledPortfolio::compileDemand(const Portfolio& p, const SkuCatalog& catalog) {
    const Demand& d = *p.demand;
    const Sku& sku = *catalog.find(p, d.sku);
    const int K = grid_.size(), N = int(a_.kind.size()), A = view_.alternatives;
    a_.demandHours = demandHours(d, sku.perfIndex, grid_);
    a_.capacity.assign(std::size_t(K) * std::size_t(A), 0.0);
    // A fleet's delivery variants add their capacity on the paths that draw them (engine/PathFunction.h).
    for (int k = 0; k < K; ++k)
        for (int i = 0; i < N; ++i)
            if (a_.deliveryVariant[i] < 0)
                a_.capacity[std::size_t(k) * std::size_t(A) + std::size_t(a_.demandGroup[i])] +=
                    a_.hours[k * N + i] * a_.perfIndex[i];
    for (int k = 0; k < K; ++k)
        for (int i = 0; i < N; ++i) {
            const double q = a_.capacity[std::size_t(k) * std::size_t(A) + std::size_t(a_.demandGroup[i])];
            const double share = q > 0.0 ? std::min(1.0, a_.demandHours[k] / q) : 0.0;
            a_.baseUtil[k * N + i] = share;
            a_.expNegLogitUtil[k * N + i] = std::exp(-logit(share));
        }
    view_.hasDemand = true;
    view_.demandPrice = sku.marketPricePerGpuHour / sku.perfIndex;
    demandPerfIndex_ = sku.perfIndex;
    const auto& m = p.market.demand;
    view_.utilDecay = std::exp(-m.reversionPerYear * kDt);
    view_.utilScale = ouScale(m.reversionPerYear, m.volatility);
    view_.utilStochastic = false;
    view_.demandStochastic = m.volatility > 0.0;
}

void CompiledPortfolio::compileMembership() {
    const int N = int(a_.kind.size());
    const int A = int(alternatives_.size());
    std::vector<std::vector<int>> bySlot(std::size_t(N + (view_.hasDemand ? A + 1 : 1)));
    for (int a = 0; a < A; ++a) {
        for (int i : alternativeItems(a))
            bySlot[i].push_back(a);
    }
    bySlot[N].push_back(A); // spot
    if (view_.hasDemand)
        for (int a = 0; a < A; ++a)
            bySlot[std::size_t(N) + 1 + std::size_t(a)].push_back(a); // its shortfall (shortfallSlot)
    // An alternative of one kind of item finds that kind's own line as the rest of its mean NPV cost
    // (engine/CostLine.h); one of both kinds has two such lines and one rest, so its items sum their
    // own lines on the paths.
    for (int a = 0; a < A; ++a) {
        bool contracts = false, fleets = false;
        for (int i : alternativeItems(a))
            (itemKind(i) == ItemKind::Contract ? contracts : fleets) = true;
        if (contracts && fleets)
            for (int i : alternativeItems(a))
                a_.ownLineSummed[std::size_t(i)] = 1;
    }
    a_.slotAlternativeOffsets = {0};
    for (const auto& list : bySlot) {
        a_.slotAlternatives.insert(a_.slotAlternatives.end(), list.begin(), list.end());
        a_.slotAlternativeOffsets.push_back(int(a_.slotAlternatives.size()));
    }
}

void CompiledPortfolio::bindView() {
    auto& v = view_;
    a_.bind(v);
    v.periods = grid_.size();
    v.items = int(a_.kind.size());
    v.kindBegin[0] = 0;
    v.kindBegin[int(ItemKind::Fleet)] = int(contracts_.size());
    v.kindBegin[kItemKinds] = v.items;
    v.providers = int(providers_.size());
    v.years = years_;
    // The rest of a line with a tax shield is divided by 1 - tau (engine/CostLine.h): near a tax
    // rate of 1 that would magnify rounding, so from 0.9 (no real rate) every own line is summed.
    v.ownLinesAsRest = v.taxRate < 0.9;
}

} // namespace ledger
