#include "engine/CompiledPortfolio.h"

#include "calendar/DiscountCurve.h"
#include "portfolio/Defaults.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
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

    periodEndDf_.resize(K);
    periodTime_.resize(K);
    periodYear_.resize(K);
    firstYear_ = int(grid_.start(0).year());
    for (int k = 0; k < K; ++k) {
        periodEndDf_[k] = curve.factor(grid_.end(k));
        periodTime_[k] = k / 12.0;
        periodYear_[k] = int(grid_.start(k).year()) - firstYear_;
    }
    years_ = periodYear_.back() + 1;

    for (const auto& c : p.contracts)
        providers_.push_back(c.provider);
    std::sort(providers_.begin(), providers_.end());
    providers_.erase(std::unique(providers_.begin(), providers_.end()), providers_.end());
    if (int(providers_.size()) > kMaxProviders)
        throw std::invalid_argument("more than 64 providers");

    const int N = int(p.contracts.size() + p.fleets.size());
    for (auto* v : {&kind_, &provider_, &upfrontPeriod_, &prepaidPeriod_, &disposalPeriod_})
        v->assign(N, -1);
    coveredBySpot_.assign(N, 0);
    for (auto* v :
         {&perfIndex_, &marketPrice_, &takeOrPay_, &payShare_, &idleFraction_, &upfrontAmount_, &upfrontDf_,
          &residualValue_, &nbvTaxAtDisposal_, &prepaymentFraction_, &totalContractValue_, &recoveryRate_})
        v->assign(N, 0.0);
    for (auto* v : {&hours_, &baseUtil_, &expNegLogitUtil_, &cashDf_, &billedAtFull_, &cumulativeBilled_,
                    &mwhAtFullUse_, &powerPrice_, &fixedCost_, &taxDepreciation_})
        v->assign(std::size_t(N) * K, 0.0);

    int i = 0;
    for (const auto& c : p.contracts)
        compileContract(i++, c, *catalog.find(p, c.sku), p, options);
    for (const auto& f : p.fleets)
        compileFleet(i++, f, *catalog.find(p, f.sku), p, options);

    alternatives_ = ledger::alternatives(p);
    spotCovers_ = p.market.spotCovers.value_or(alternatives_.front().id);
    for (std::size_t a = 0; a < alternatives_.size(); ++a) {
        if (alternatives_[a].id == spotCovers_) {
            for (int item : alternativeItems(int(a)))
                coveredBySpot_[item] = 1;
        }
    }
    compileMarket(p);
    compileMembership();
    bindView();
    view_.taxRate = p.assumptions.taxRate;
}

void CompiledPortfolio::compileContract(int i, const Contract& c, const Sku& sku, const Portfolio& p,
                                        const CompileOptions& o) {
    const int K = grid_.size();
    const int N = int(kind_.size());
    const DiscountCurve curve(p.valuationDate, p.assumptions.discountRate);
    itemIds_.push_back(c.id);
    contracts_.push_back(buildContractSchedule(c, grid_));
    const auto& s = contracts_.back();
    kind_[i] = int(ItemKind::Contract);
    provider_[i] =
        int(std::lower_bound(providers_.begin(), providers_.end(), c.provider) - providers_.begin());
    perfIndex_[i] = sku.perfIndex;
    marketPrice_[i] = sku.marketPricePerGpuHour;
    takeOrPay_[i] = c.takeOrPay;
    payShare_[i] = 1.0 - c.prepayment;
    prepaymentFraction_[i] = c.prepayment;
    totalContractValue_[i] = s.totalContractValue;
    recoveryRate_[i] = c.recoveryRate;
    view_.providerHazard[provider_[i]] =
        std::max(view_.providerHazard[provider_[i]], c.providerDefaultHazard);
    prepaidPeriod_[i] = K;
    if (c.prepayment > 0.0) {
        if (c.start < p.valuationDate) {
            prepaidPeriod_[i] = -1;
        } else if (c.start <= grid_.horizonEnd()) {
            upfrontPeriod_[i] = prepaidPeriod_[i] = grid_.periodContaining(c.start);
            upfrontAmount_[i] = s.prepaymentAmount;
            upfrontDf_[i] = curve.factor(c.start);
        }
    }
    const UtilizationCurve& util = c.utilization ? *c.utilization : p.utilization;
    double cumulative = s.billedBeforeValuation;
    for (int k = 0; k < K; ++k) {
        const int at = k * N + i;
        const double u = o.constantUtilization.value_or(utilizationOn(util, grid_.start(k)));
        hours_[at] = s.committedHours[k];
        baseUtil_[at] = u;
        expNegLogitUtil_[at] = std::exp(-logit(u));
        cashDf_[at] = curve.factor(s.cashDates[k]);
        billedAtFull_[at] = s.billedAtFull[k];
        cumulativeBilled_[at] = cumulative;
        cumulative += s.billedAtFull[k];
    }
}

void CompiledPortfolio::compileFleet(int i, const Fleet& f, const Sku& sku, const Portfolio& p,
                                     const CompileOptions& o) {
    const int K = grid_.size();
    const int N = int(kind_.size());
    const DiscountCurve curve(p.valuationDate, p.assumptions.discountRate);
    itemIds_.push_back(f.id);
    fleets_.push_back(buildFleetSchedule(f, sku, grid_));
    const auto& s = fleets_.back();
    kind_[i] = int(ItemKind::Fleet);
    perfIndex_[i] = sku.perfIndex;
    marketPrice_[i] = sku.marketPricePerGpuHour;
    idleFraction_[i] = f.idlePowerFraction;
    if (s.capexPeriod >= 0) {
        upfrontPeriod_[i] = s.capexPeriod;
        upfrontAmount_[i] = s.depreciableBase;
        upfrontDf_[i] = curve.factor(f.inService);
    }
    disposalPeriod_[i] = s.disposalPeriod;
    residualValue_[i] = s.residualValue;
    nbvTaxAtDisposal_[i] = s.nbvTaxAtDisposal;
    const UtilizationCurve& util = f.utilization ? *f.utilization : p.utilization;
    for (int k = 0; k < K; ++k) {
        const int at = k * N + i;
        const double u = o.constantUtilization.value_or(utilizationOn(util, grid_.start(k)));
        hours_[at] = s.gpuHours[k];
        baseUtil_[at] = u;
        expNegLogitUtil_[at] = std::exp(-logit(u));
        cashDf_[at] = periodEndDf_[k];
        mwhAtFullUse_[at] = s.mwhAtFullUse[k];
        powerPrice_[at] = s.powerPrice[k];
        fixedCost_[at] = s.fixedCost[k];
        taxDepreciation_[at] = s.taxDepreciation[k];
    }
}

void CompiledPortfolio::compileMarket(const Portfolio& p) {
    const auto& m = p.market;
    const DiscountCurve years(p.valuationDate, 0.0);
    view_.gpuTrend = m.gpuPrice.trendPerYear;
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

    // mbar: the market log-index with no shocks, launch at the mode and the midpoint drop, by the
    // same recursion as a path, so a shock-free path resells at exactly R.
    const int K = grid_.size();
    baseLogIndex_.assign(K, 0.0);
    const double launch = view_.hasNextGeneration ? view_.launchMode : 1e300;
    const double jump = view_.hasNextGeneration ? std::log(1.0 - 0.5 * (view_.dropMin + view_.dropMax)) : 0.0;
    double x = 0.0;
    for (int k = 0; k < K; ++k) {
        baseLogIndex_[k] = x;
        if (k + 1 < K) {
            const double mk = view_.gpuTrend * periodTime_[k] + (periodTime_[k] >= launch ? jump : 0.0);
            const double mn =
                view_.gpuTrend * periodTime_[k + 1] + (periodTime_[k + 1] >= launch ? jump : 0.0);
            x = mn + (x - mk) * view_.gpuDecay;
        }
    }
}

void CompiledPortfolio::compileMembership() {
    const int N = int(kind_.size());
    const int A = int(alternatives_.size());
    std::vector<std::vector<int>> bySlot(N + 1);
    for (int a = 0; a < A; ++a) {
        for (int i : alternativeItems(a))
            bySlot[i].push_back(a);
    }
    bySlot[N].push_back(A); // spot
    slotAlternativeOffsets_ = {0};
    for (const auto& list : bySlot) {
        slotAlternatives_.insert(slotAlternatives_.end(), list.begin(), list.end());
        slotAlternativeOffsets_.push_back(int(slotAlternatives_.size()));
    }
}

void CompiledPortfolio::bindView() {
    auto& v = view_;
    v.alternatives = int(alternatives_.size()) + 1;
    v.slotAlternativeOffsets = slotAlternativeOffsets_.data();
    v.slotAlternatives = slotAlternatives_.data();
    v.periods = grid_.size();
    v.items = int(kind_.size());
    v.providers = int(providers_.size());
    v.years = years_;
    v.periodEndDf = periodEndDf_.data();
    v.periodTime = periodTime_.data();
    v.baseLogIndex = baseLogIndex_.data();
    v.periodYear = periodYear_.data();
    v.kind = kind_.data();
    v.provider = provider_.data();
    v.upfrontPeriod = upfrontPeriod_.data();
    v.prepaidPeriod = prepaidPeriod_.data();
    v.disposalPeriod = disposalPeriod_.data();
    v.coveredBySpot = coveredBySpot_.data();
    v.perfIndex = perfIndex_.data();
    v.marketPrice = marketPrice_.data();
    v.takeOrPay = takeOrPay_.data();
    v.payShare = payShare_.data();
    v.idleFraction = idleFraction_.data();
    v.upfrontAmount = upfrontAmount_.data();
    v.upfrontDf = upfrontDf_.data();
    v.residualValue = residualValue_.data();
    v.nbvTaxAtDisposal = nbvTaxAtDisposal_.data();
    v.prepaymentFraction = prepaymentFraction_.data();
    v.totalContractValue = totalContractValue_.data();
    v.recoveryRate = recoveryRate_.data();
    v.hours = hours_.data();
    v.baseUtil = baseUtil_.data();
    v.expNegLogitUtil = expNegLogitUtil_.data();
    v.cashDf = cashDf_.data();
    v.billedAtFull = billedAtFull_.data();
    v.cumulativeBilled = cumulativeBilled_.data();
    v.mwhAtFullUse = mwhAtFullUse_.data();
    v.powerPrice = powerPrice_.data();
    v.fixedCost = fixedCost_.data();
    v.taxDepreciation = taxDepreciation_.data();
}

std::vector<int> CompiledPortfolio::alternativeItems(int a) const {
    std::vector<int> out;
    for (const auto& id : alternatives_[a].items)
        out.push_back(itemIndex(id));
    return out;
}

int CompiledPortfolio::itemIndex(const std::string& id) const {
    for (std::size_t i = 0; i < itemIds_.size(); ++i) {
        if (itemIds_[i] == id)
            return int(i);
    }
    return -1;
}

} // namespace ledger
