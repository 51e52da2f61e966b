#include "engine/Accounting.h"

#include "engine/PathFunction.h"

#include <algorithm>

namespace ledger {

namespace {

std::vector<AccountingYear> yearsOf(const std::vector<AnnualRow>& annual) {
    std::vector<AccountingYear> years(annual.size());
    for (std::size_t y = 0; y < annual.size(); ++y)
        years[y].year = annual[y].year;
    return years;
}

// The last period of each year (-1 for a year with none).
std::vector<int> lastPeriods(const PathInputs& in, std::size_t years) {
    std::vector<int> last(years, -1);
    for (int k = 0; k < in.periods; ++k)
        last[std::size_t(in.periodYear[k])] = k;
    return last;
}

// A contract: the cash view's bill is accrued in its period (whatever the payment terms). A service
// contract adds the prepaid share drawn at full commitment; a lease replaces the bill's fixed part
// by its straight-line cost, or its amortization and interest (MODEL.md 9).
void contractAccruals(const CompiledPortfolio& cp, int i, const Contract& c, const LeaseSchedule* lease,
                      std::vector<AccountingYear>& years) {
    const PathInputs& in = cp.inputs();
    const int N = in.items;
    const double prepayment = in.prepaymentFraction[i];
    // A default on a chosen day (docs/model.md 12.7; `periods` when none): from its period the
    // contract books nothing more, and in it writes off its carrying amount less the recovery, as a
    // Monte Carlo path books a default (13.8).
    const int defaulted = in.providerForcedDefault[in.provider[i]];
    std::vector<double> variable(years.size(), 0.0);
    for (int k = 0; k < in.periods; ++k) {
        const int at = k * N + i;
        AccountingYear& y = years[std::size_t(in.periodYear[k])];
        const double full = in.billedAtFull[at];
        if (k >= defaulted) {
            if (k == defaulted)
                y[AccountingLine::DefaultWriteoff] += in.defaultWriteoff[at];
            continue;
        }
        if (!lease) {
            y[AccountingLine::ServiceCost] += prepayment * full;
            continue;
        }
        // The bill less its fixed payment, worked out as the path function bills (so a use at or
        // below take-or-pay leaves exactly 0): the variable payment, at the run's u_k.
        const double u = cp.hasDemand() ? demandShare<double>(in, k, in.demandGroup[i], in.demandHours[k])
                                        : in.baseUtil[at];
        variable[std::size_t(in.periodYear[k])] += in.payShare[i] * (full * std::max(in.takeOrPay[i], u)) -
                                                   in.payShare[i] * (full * in.takeOrPay[i]);
        // An operating lease's liability accrues interest too, but inside its straight-line cost.
        if (const LeasePeriod* p = lease->period(k)) {
            if (lease->classification == LeaseClassification::Operating) {
                y[AccountingLine::OperatingLeaseCost] += p->straightLineCost;
            } else {
                y[AccountingLine::LeaseAmortization] += p->amortization;
                y[AccountingLine::Interest] += p->interest;
            }
        }
    }
    const std::vector<int> last = lastPeriods(in, years.size());
    for (std::size_t n = 0; n < years.size(); ++n) {
        AccountingYear& y = years[n];
        const int k = last[n];
        const bool gone = k >= defaulted; // nothing is carried after the default
        if (lease) {
            // The bill is the fixed payment (in the schedule's cost) and the variable part.
            y[lease->classification == LeaseClassification::Operating ? AccountingLine::OperatingLeaseCost
                                                                      : AccountingLine::VariableLeaseCost] +=
                variable[n];
            y[AccountingLine::ServiceCost] = 0.0;
            if (k >= 0 && !gone) {
                y[BalanceItem::RouAsset] = lease->rouAfter(k);
                y[BalanceItem::LeaseLiability] = lease->liabilityAfter(k);
            }
        } else if (k >= 0 && !gone && in.prepaidPeriod[i] <= k && c.end > cp.grid().lastDay(k)) {
            // Drawn down to the horizon (a clipped last period bills its days up to it); nothing
            // is left once the term has ended.
            const int at = k * N + i;
            y[BalanceItem::PrepaidBalance] =
                prepayment * (in.totalContractValue[i] - in.cumulativeBilled[at] - in.billedAtFull[at]);
        }
    }
}

// A fleet: book depreciation, the disposal's loss over book value, and its balances.
void fleetAccruals(const CompiledPortfolio& cp, int i, const std::vector<AnnualRow>& annual,
                   std::vector<AccountingYear>& years) {
    const PathInputs& in = cp.inputs();
    const FleetSchedule& fs = cp.fleetSchedule(i);
    for (std::size_t n = 0; n < years.size(); ++n) {
        years[n][AccountingLine::Depreciation] = annual[n].depreciationBook;
        years[n][BalanceItem::NbvBook] = annual[n].nbvBook;
        years[n][BalanceItem::DeferredTaxLiability] = in.taxRate * (annual[n].nbvBook - annual[n].nbvTax);
    }
    if (fs.disposalPeriod >= 0) {
        const std::size_t n = std::size_t(in.periodYear[fs.disposalPeriod]);
        // The resale line is -R as the run booked it.
        years[n][AccountingLine::DisposalLoss] +=
            fs.nbvBookAtDisposal + annual[n].lineCash[std::size_t(CostLine::Resale)];
    }
}

} // namespace

void addOwnAccounting(std::vector<AccountingYear>& years, const std::vector<AnnualRow>& annual,
                      LineOwner owner) {
    for (std::size_t n = 0; n < years.size(); ++n)
        for (int l = 0; l < kCostLines; ++l) {
            const int to = accountingLineOf(CostLine(l));
            if (to != kNotAnExpense && lineOwner(CostLine(l)) == owner)
                years[n].lines[std::size_t(to)] += annual[n].lineCash[std::size_t(l)];
        }
}

void closeYears(std::vector<AccountingYear>& years, double taxRate) {
    for (AccountingYear& y : years)
        closeYear(y, taxRate);
}

std::vector<AccountingYear> itemAccounting(const CompiledPortfolio& cp, int i,
                                           const std::vector<AnnualRow>& annual, const Contract* contract,
                                           const LeaseSchedule* lease) {
    std::vector<AccountingYear> years = yearsOf(annual);
    if (lease && !lease->commencesBy(cp.grid().horizonEnd()))
        lease = nullptr; // it books nothing in the horizon, like a service contract yet to start
    if (contract) {
        addOwnAccounting(years, annual, LineOwner::Contract);
        contractAccruals(cp, i, *contract, lease, years);
    } else {
        addOwnAccounting(years, annual, LineOwner::Fleet);
        fleetAccruals(cp, i, annual, years);
    }
    closeYears(years, cp.inputs().taxRate);
    return years;
}

LeaseResult leaseResult(const std::string& contractId, const LeaseSchedule& s) {
    LeaseResult r;
    r.contract = contractId;
    r.classification = std::string(toString(s.classification));
    r.incrementalBorrowingRate = s.incrementalBorrowingRate;
    r.measuredAt = s.measuredAt;
    r.liabilityAtMeasurement = s.liabilityAtMeasurement;
    r.rouAtMeasurement = s.rouAtMeasurement;
    r.prepaidAtMeasurement = s.prepaidAtMeasurement;
    r.years = leaseYears(s);
    r.maturity = leaseMaturity(s);
    return r;
}

} // namespace ledger
