#include "models/AccountingText.h"

#include <QCoreApplication>

#include <algorithm>

namespace ledger::models {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("AccountingText", text);
}
} // namespace

QString accountingLineLabel(AccountingLine line) {
    switch (line) {
    case AccountingLine::ServiceCost:
        return tr("Service cost");
    case AccountingLine::OperatingLeaseCost:
        return tr("Operating lease cost");
    case AccountingLine::VariableLeaseCost:
        return tr("Variable lease cost");
    case AccountingLine::Power:
        return tr("Power");
    case AccountingLine::Colocation:
        return tr("Colocation");
    case AccountingLine::Opex:
        return tr("Opex");
    case AccountingLine::Spot:
        return tr("Spot and shortfall purchases");
    case AccountingLine::Depreciation:
        return tr("Depreciation");
    case AccountingLine::LeaseAmortization:
        return tr("Lease amortization");
    case AccountingLine::Interest:
        return tr("Interest");
    case AccountingLine::DisposalLoss:
        return tr("Disposal loss (gain)");
    case AccountingLine::DefaultWriteoff:
        return tr("Default write-off");
    }
    return {};
}

QString accountingLineTooltip(AccountingLine line) {
    switch (line) {
    case AccountingLine::ServiceCost:
        return tr("Contracts that are not leases, accrued in the period of service (prepayments drawn "
                  "down as the capacity is delivered)");
    case AccountingLine::OperatingLeaseCost:
        return tr("Operating leases (ASC 842): the straight-line cost of the fixed payments plus the "
                  "variable payments");
    case AccountingLine::VariableLeaseCost:
        return tr("Finance leases: the variable payments (use billed above take-or-pay)");
    case AccountingLine::Power:
    case AccountingLine::Colocation:
    case AccountingLine::Opex:
        return tr("An owned fleet's running cost, pre-tax");
    case AccountingLine::Spot:
        return tr("Hours bought at spot: the shortfall, replacement and the spot alternative's purchases");
    case AccountingLine::Depreciation:
        return tr("Owned fleets' book depreciation");
    case AccountingLine::LeaseAmortization:
        return tr("Finance leases: the right-of-use asset's amortization");
    case AccountingLine::Interest:
        return tr("Finance leases: interest on the lease liability (below operating income)");
    case AccountingLine::DisposalLoss:
        return tr("Book NBV less the resale value at disposal (negative: a gain)");
    case AccountingLine::DefaultWriteoff:
        return tr("A defaulted contract's carrying amount less the recovery (Monte Carlo paths only)");
    }
    return {};
}

QString balanceItemLabel(BalanceItem item) {
    switch (item) {
    case BalanceItem::NbvBook:
        return tr("NBV of fleets (book)");
    case BalanceItem::RouAsset:
        return tr("Right-of-use asset");
    case BalanceItem::LeaseLiability:
        return tr("Lease liability");
    case BalanceItem::PrepaidBalance:
        return tr("Prepaid balance");
    case BalanceItem::DeferredTaxLiability:
        return tr("Deferred tax liability");
    }
    return {};
}

QString fiscalYearLabel(int year, int fiscalYearEndMonth) {
    return fiscalYearEndMonth != 12 ? QStringLiteral("FY%1").arg(year) : QString::number(year);
}

std::vector<const LeaseResult*> leasesOf(const EvaluationResult& r, const AlternativeResult& alternative) {
    std::vector<const LeaseResult*> out;
    if (alternative.id == kSpotAlternativeId)
        return out;
    for (const auto& lease : r.leases)
        if (std::find(alternative.items.begin(), alternative.items.end(), lease.contract) !=
            alternative.items.end())
            out.push_back(&lease);
    return out;
}

} // namespace ledger::models
