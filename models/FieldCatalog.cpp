#include "FieldCatalog.h"

#include <QObject>

namespace ledger::models {

namespace {
using K = FieldKind;
QString tr(const char* s) {
    return QObject::tr(s);
}
} // namespace

const std::vector<FieldSpec>& contractFields() {
    static const std::vector<FieldSpec> fields = {
        {"name", tr("Name"), "", K::Text, tr("Shown in tables, charts and reports.")},
        {"provider", tr("Provider"), "", K::Text,
         tr("Contracts of one provider default together (MODEL.md 6: one default time per provider).")},
        {"sku", tr("GPU (SKU)"), "", K::Text,
         tr("A SKU id of the portfolio or the bundled catalog (H100, GB300, ...).")},
        {"start", tr("Start"), "", K::Date,
         tr("First day of the term. Days before the valuation date are sunk.")},
        {"end", tr("End"), "", K::Date, tr("Last day of the term (inclusive).")},
        {"tranches", tr("Tranches"), tr("date:GPUs; ..."), K::Tranches,
         tr("Committed GPUs from each date on: 2027-01-01:5000;2027-07-01:8000. G(d) is the latest tranche "
            "dated on or before d; committed hours H_k = sum_d 24 G(d).")},
        {"price_per_gpu_hour", tr("Price"), tr("per GPU-hour"), K::OptionalNumber,
         tr("p0 in the first contract year; billed B_k = sum_d 24 G(d) p(d) max(take_or_pay, u_k). Leave "
            "empty "
            "to imply it from the total contract value.")},
        {"total_contract_value", tr("Total contract value"), "", K::OptionalNumber,
         tr("TCV over the whole term; the price is then implied: p0 = TCV / sum_d 24 G(d) (1+e)^y(d).")},
        {"escalator", tr("Escalator"), tr("per year"), K::Number,
         tr("Price growth on each anniversary of the start: p(d) = p0 (1 + escalator)^y(d).")},
        {"take_or_pay", tr("Take-or-pay"), tr("share"), K::Number,
         tr("Minimum share billed whatever the use: billed at max(take_or_pay, utilization).")},
        {"prepayment", tr("Prepayment"), tr("share of TCV"), K::Number,
         tr("Paid on the start date; each bill is then paid (1 - prepayment) in cash.")},
        {"payment_terms_days", tr("Payment terms"), tr("days"), K::Integer,
         tr("Each month's bill is paid this many days after the month ends (discounted at that date).")},
        {"provider_default_hazard", tr("Default hazard"), tr("per year"), K::Number,
         tr("Monte Carlo: the provider defaults after -ln(U)/hazard years; the rest is bought at market.")},
        {"recovery_rate", tr("Recovery rate"), tr("share"), K::Number,
         tr("Share of the undrawn prepayment recovered when the provider defaults.")},
    };
    return fields;
}

const std::vector<FieldSpec>& fleetFields() {
    static const std::vector<FieldSpec> fields = {
        {"name", tr("Name"), "", K::Text, tr("Shown in tables, charts and reports.")},
        {"sku", tr("GPU (SKU)"), "", K::Text, tr("A SKU id of the portfolio or the bundled catalog.")},
        {"gpus", tr("GPUs"), "", K::Number, tr("GPUs bought; capex Bc = gpus x capex x (1 + overhead).")},
        {"in_service", tr("In service"), "", K::Date,
         tr("Capex is paid and depreciation starts in this month.")},
        {"end", tr("End"), "", K::OptionalDate,
         tr("Disposal date (inclusive); empty: in service + book life. Resale R = Bc x residual.")},
        {"capex_per_gpu", tr("Capex"), tr("per GPU"), K::OptionalNumber,
         tr("Empty: the SKU's catalog price.")},
        {"overhead_fraction", tr("Overhead"), tr("share of capex"), K::Number,
         tr("Networking, integration: Bc = gpus x capex x (1 + overhead).")},
        {"pue", tr("PUE"), "", K::Number, tr("Facility energy / IT energy; at least 1.")},
        {"power_price_per_mwh", tr("Power price"), tr("per MWh"), K::Number,
         tr("Escalated: pe_k = price (1 + escalator)^t(period start).")},
        {"power_escalator", tr("Power escalator"), tr("per year"), K::Number,
         tr("Yearly growth of the power price.")},
        {"idle_power_fraction", tr("Idle power"), tr("share"), K::Number,
         tr("Power drawn when idle: energy = kW x hours x (idle + (1 - idle) u) x PUE.")},
        {"colocation_per_kw_month", tr("Colocation"), tr("per kW-month"), K::Number,
         tr("Paid on the IT kW.")},
        {"opex_fraction_per_year", tr("Opex"), tr("share of capex per year"), K::Number,
         tr("Maintenance and staff: opex = share x Bc / 12 each month.")},
        {"residual_fraction", tr("Residual value"), tr("share of capex"), K::OptionalNumber,
         tr("Resale at the end; the gain over tax NBV is taxed. Empty: the book salvage fraction.")},
        {"book_depreciation.method", tr("Book method"), "", K::Text,
         tr("straight_line, declining_balance, sum_of_years_digits, macrs_5 or macrs_7.")},
        {"book_depreciation.life_years", tr("Book life"), tr("years"), K::Integer,
         tr("The useful-life debate: 3 to 6 years for GPUs.")},
        {"tax_depreciation.method", tr("Tax method"), "", K::Text,
         tr("MACRS 5 is the US class for computers.")},
        {"tax_depreciation.bonus_fraction", tr("Bonus depreciation"), tr("share"), K::Number,
         tr("US bonus depreciation in year 1 (100% for property acquired after 19 Jan 2025).")},
    };
    return fields;
}

const std::vector<FieldSpec>& assumptionFields() {
    static const std::vector<FieldSpec> fields = {
        {"name", tr("Portfolio"), "", K::Text, tr("The portfolio's name.")},
        {"valuation_date", tr("Valuation date"), "", K::Date,
         tr("t0: flows before it are sunk; DF(d) = (1 + r)^(-(d - t0)/365).")},
        {"assumptions.discount_rate", tr("Discount rate"), tr("per year"), K::Number,
         tr("r in DF(d) = (1 + r)^(-days/365), the XNPV convention.")},
        {"assumptions.tax_rate", tr("Tax rate"), tr("share"), K::Number,
         tr("Deductions lower a period's cost by tax rate x deduction.")},
        {"assumptions.horizon_end", tr("Horizon end"), "", K::OptionalDate,
         tr("Empty: the latest end of any item.")},
    };
    return fields;
}

} // namespace ledger::models
