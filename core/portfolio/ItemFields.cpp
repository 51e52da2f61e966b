#include "portfolio/ItemFields.h"

#include "portfolio/Limits.h"
#include "portfolio/Validation.h"

#include <cmath>

namespace ledger {

namespace {

using field_access::member;
using T = FieldType;
using P = Presence;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr unsigned kEverywhere = kInCsv | kInEditor;

constexpr const char* kMethods = "straight_line, declining_balance, sum_of_years_digits, macrs_5, macrs_7";

// The five fields of a depreciation object, under "book_depreciation." or "tax_depreciation.".
template <DepreciationSpec Fleet::*Spec>
void depreciationFields(std::vector<ItemField<Fleet>>& out, bool book) {
    using D = DepreciationSpec;
    out.push_back(
        {.key = book ? "book_depreciation.method" : "tax_depreciation.method",
         .column = book ? "book_method" : "tax_method",
         .type = T::Choice,
         .choices = kMethods,
         .label = book ? "Book method" : "Tax method",
         .tooltip = book ? "straight_line, declining_balance, sum_of_years_digits, macrs_5 or macrs_7."
                         : "MACRS 5 is the US class for computers.",
         .shown = kEverywhere,
         .access = member<Fleet, Spec, &D::method>});
    out.push_back({.key = book ? "book_depreciation.life_years" : "tax_depreciation.life_years",
                   .column = book ? "book_life_years" : "tax_life_years",
                   .type = T::Integer,
                   .presence = P::Optional,
                   .bounds = {1, false, 40, false},
                   .label = book ? "Book life" : "Tax life",
                   .unit = "years",
                   .tooltip = book ? "The useful-life debate: 3 to 6 years for GPUs."
                                   : "Needed unless the method is MACRS, whose table sets the life.",
                   .shown = book ? kEverywhere : kInCsv,
                   .access = member<Fleet, Spec, &D::lifeYears>});
    out.push_back({.key = book ? "book_depreciation.salvage_fraction" : "tax_depreciation.salvage_fraction",
                   .column = book ? "book_salvage_fraction" : "tax_salvage_fraction",
                   .presence = P::Defaulted,
                   .bounds = {0, false, 1, true},
                   .label = book ? "Book salvage" : "Tax salvage",
                   .unit = "share",
                   .tooltip = "Share of the base left at the end of the life; MACRS ignores it.",
                   .access = member<Fleet, Spec, &D::salvageFraction>});
    out.push_back({.key = book ? "book_depreciation.factor" : "tax_depreciation.factor",
                   .column = book ? "book_factor" : "tax_factor",
                   .presence = P::Defaulted,
                   .fallback = 2.0,
                   .bounds = {0, true, 10, false},
                   .label = book ? "Book declining factor" : "Tax declining factor",
                   .tooltip = "Declining balance only: 2 is double declining.",
                   .access = member<Fleet, Spec, &D::factor>});
    out.push_back(
        {.key = book ? "book_depreciation.bonus_fraction" : "tax_depreciation.bonus_fraction",
         .column = book ? "book_bonus_fraction" : "tax_bonus_fraction",
         .presence = P::Defaulted,
         .bounds = {0, false, 1, false},
         .label = book ? "Book bonus" : "Bonus depreciation",
         .unit = "share",
         .tooltip =
             book ? "Always 0: bonus depreciation is a tax rule (docs/model.md, \"5.2 Bonus depreciation\")."
                  : "US bonus depreciation in year 1 (100% for property acquired after 19 "
                    "Jan 2025).",
         .shown = book ? kInCsv : kEverywhere,
         .access = member<Fleet, Spec, &D::bonusFraction>});
}

} // namespace

const std::vector<ItemField<Contract>>& contractFields() {
    using C = Contract;
    static const std::vector<ItemField<Contract>> fields = {
        {.key = "id",
         .column = "id",
         .type = T::Text,
         .label = "Id",
         .tooltip = "Unique among the contracts and fleets; alternatives list items by it.",
         .access = member<C, &C::id>},
        {.key = "name",
         .column = "name",
         .type = T::Text,
         .label = "Name",
         .tooltip = "Shown in tables, charts and reports.",
         .shown = kEverywhere,
         .access = member<C, &C::name>},
        {.key = "provider",
         .column = "provider",
         .type = T::Text,
         .label = "Provider",
         .tooltip =
             "Contracts of one provider default together, at one default time per provider (docs/model.md, "
             "\"12.7 Provider defaults\").",
         .shown = kEverywhere,
         .access = member<C, &C::provider>},
        {.key = "sku",
         .column = "sku",
         .type = T::Text,
         .text = TextRule::Reference,
         .label = "GPU (SKU)",
         .tooltip = "A SKU id of the portfolio or the bundled catalog (H100, GB300, ...).",
         .shown = kEverywhere,
         .access = member<C, &C::sku>},
        {.key = "start",
         .column = "start_date",
         .type = T::Date,
         .label = "Start",
         .tooltip = "First day of the term. Days before the valuation date are sunk.",
         .shown = kEverywhere,
         .access = member<C, &C::start>},
        {.key = "end",
         .column = "end_date",
         .type = T::Date,
         .label = "End",
         .tooltip = "Last day of the term (inclusive).",
         .shown = kEverywhere,
         .access = member<C, &C::end>},
        {.key = "tranches",
         .column = "tranches",
         .type = T::Tranches,
         .label = "Tranches",
         .unit = "date:GPUs; ...",
         .tooltip = "Committed GPUs from each date on: 2027-01-01:5000;2027-07-01:8000. G(d) is the latest "
                    "tranche dated on or before d; committed hours H_k = sum_d 24 G(d).",
         .shown = kEverywhere,
         .access = member<C, &C::tranches>},
        {.key = "price_per_gpu_hour",
         .column = "price_per_gpu_hour",
         .presence = P::Optional,
         .bounds = {0, false, kMaxPricePerGpuHour, false},
         .label = "Price",
         .unit = "per GPU-hour",
         .tooltip = "p0 in the first contract year; billed B_k = sum_d 24 G(d) p(d) max(take_or_pay, u_k). "
                    "Leave empty to imply it from the total contract value.",
         .shown = kEverywhere,
         .access = member<C, &C::pricePerGpuHour>},
        {.key = "total_contract_value",
         .column = "total_contract_value",
         .presence = P::Optional,
         .bounds = {0, true, kMaxContractValue, false},
         .label = "Total contract value",
         .tooltip =
             "TCV over the whole term; the price is then implied: p0 = TCV / sum_d 24 G(d) (1+e)^y(d).",
         .shown = kEverywhere,
         .access = member<C, &C::totalContractValue>},
        {.key = "escalator",
         .column = "escalator",
         .presence = P::Defaulted,
         .bounds = {-1, true, 1, false},
         .label = "Escalator",
         .unit = "per year",
         .tooltip = "Price growth on each anniversary of the start: p(d) = p0 (1 + escalator)^y(d).",
         .shown = kEverywhere,
         .access = member<C, &C::escalator>},
        {.key = "take_or_pay",
         .column = "take_or_pay",
         .presence = P::Defaulted,
         .fallback = 1.0,
         .bounds = {0, false, 1, false},
         .label = "Take-or-pay",
         .unit = "share",
         .tooltip = "Minimum share billed whatever the use: billed at max(take_or_pay, utilization).",
         .shown = kEverywhere,
         .access = member<C, &C::takeOrPay>},
        {.key = "prepayment",
         .column = "prepayment",
         .presence = P::Defaulted,
         .bounds = {0, false, 1, false},
         .label = "Prepayment",
         .unit = "share of TCV",
         .tooltip = "Paid on the start date; each bill is then paid (1 - prepayment) in cash.",
         .shown = kEverywhere,
         .access = member<C, &C::prepayment>},
        {.key = "payment_terms_days",
         .column = "payment_terms_days",
         .type = T::Integer,
         .presence = P::Defaulted,
         .bounds = {0, false, 3650, false},
         .label = "Payment terms",
         .unit = "days",
         .tooltip =
             "Each month's bill is paid this many days after the month ends (discounted at that date).",
         .shown = kEverywhere,
         .access = member<C, &C::paymentTermsDays>},
        {.key = "provider_default_hazard",
         .column = "provider_default_hazard",
         .presence = P::Defaulted,
         .bounds = {0, false, 10, false},
         .label = "Default hazard",
         .unit = "per year",
         .tooltip =
             "Monte Carlo: the provider defaults after -ln(U)/hazard years; the rest is bought at market.",
         .shown = kEverywhere,
         .access = member<C, &C::providerDefaultHazard>},
        {.key = "recovery_rate",
         .column = "recovery_rate",
         .presence = P::Defaulted,
         .bounds = {0, false, 1, false},
         .label = "Recovery rate",
         .unit = "share",
         .tooltip = "Share of the undrawn prepayment recovered when the provider defaults.",
         .shown = kEverywhere,
         .access = member<C, &C::recoveryRate>},
        {.key = "default_date",
         .column = "default_date",
         .type = T::Date,
         .presence = P::Optional,
         .label = "Default date",
         .tooltip =
             "A stress: the provider defaults on this day, on the deterministic run and on every Monte "
             "Carlo path (the earliest date of its contracts applies). Empty: only the hazard.",
         .shown = kEverywhere,
         .access = member<C, &C::defaultDate>},
        {.key = "default_disruption_cost_per_gpu",
         .column = "default_disruption_cost_per_gpu",
         .presence = P::Optional,
         .bounds = {0, false, kMaxCapexPerGpu, false},
         .label = "Default disruption",
         .unit = "per GPU",
         .tooltip = "When the provider defaults: migration and re-validation, a one-off on the GPUs "
                    "committed in the default's period, deductible. Empty: none.",
         .shown = kEverywhere,
         .access = member<C, &C::defaultDisruptionCostPerGpu>},
        {.key = "replacement_delay_months",
         .column = "replacement_delay_months",
         .presence = P::Optional,
         .bounds = {0, false, 120, false},
         .label = "Replacement delay",
         .unit = "months",
         .tooltip = "After a default, the months before replacement capacity is contracted: the used hours "
                    "are bought at spot x on-demand premium x scarcity premium meanwhile. Empty: none.",
         .shown = kEverywhere,
         .access = member<C, &C::replacementDelayMonths>},
        {.key = "notes",
         .column = "notes",
         .type = T::Text,
         .presence = P::Defaulted,
         .text = TextRule::Notes,
         .label = "Notes",
         .tooltip = "Where the figures come from.",
         .access = member<C, &C::notes>},
        {.key = "deal",
         .column = "deal",
         .type = T::Text,
         .presence = P::Defaulted,
         .text = TextRule::Notes,
         .label = "Library deal",
         .tooltip = "The deal library entry this contract was added from; the same deal is not added twice.",
         .shown = kInCsv | kInEditor,
         .access = member<C, &C::deal>},
        // MODEL.md 9: a contract that is a lease (ASC 842). Both or neither: validation.
        {.key = "lease.classification",
         .column = "lease_classification",
         .type = T::Choice,
         .presence = P::Optional,
         .choices = "operating, finance",
         .label = "Lease",
         .tooltip =
             "Empty: a service contract. operating or finance: an ASC 842 lease, with a "
             "right-of-use asset and a liability (dedicated GPUs the customer directs are likely one).",
         .shown = kEverywhere,
         .access = member<C, &C::lease, &LeaseTerms::classification>},
        {.key = "lease.incremental_borrowing_rate",
         .column = "lease_incremental_borrowing_rate",
         .presence = P::Optional,
         .bounds = {-0.5, true, 1, false},
         .label = "Borrowing rate",
         .unit = "per year",
         .tooltip = "The lessee's incremental borrowing rate i: the lease liability is the fixed payments "
                    "discounted monthly at (1 + i)^(1/12) - 1.",
         .shown = kEverywhere,
         .access = member<C, &C::lease, &LeaseTerms::incrementalBorrowingRate>},
    };
    return fields;
}

const std::vector<ItemField<ContractOption>>& contractOptionFields() {
    using O = ContractOption;
    constexpr unsigned kExtend = optionKindBit(OptionKind::Extend);
    constexpr unsigned kExpand = optionKindBit(OptionKind::Expand);
    constexpr unsigned kTerminate = optionKindBit(OptionKind::Terminate);
    static const std::vector<ItemField<ContractOption>> fields = {
        {.key = "id",
         .column = "id",
         .type = T::Text,
         .label = "Id",
         .tooltip = "Unique among the portfolio's options; reports name the option by it.",
         .shown = kEverywhere,
         .access = member<O, &O::id>},
        {.key = "type",
         .column = "type",
         .type = T::Choice,
         .choices = "extend, expand, terminate",
         .label = "Type",
         .tooltip = "extend: the last tranche's GPUs run on to the new end; expand: GPUs added from a start "
                    "to an end; terminate: the contract ends on the exercise date for a fee.",
         .shown = kEverywhere,
         .access = member<O, &O::kind>},
        {.key = "exercise_date",
         .column = "exercise_date",
         .type = T::Date,
         .label = "Exercise date",
         .tooltip = "The one day the customer decides, within the contract's term and on or after the "
                    "valuation date.",
         .shown = kEverywhere,
         .access = member<O, &O::exerciseDate>},
        {.key = "new_end",
         .column = "new_end",
         .type = T::Date,
         .presence = P::Optional,
         .label = "New end",
         .tooltip = "extend: the contract's last day once extended, after its end.",
         .shown = kEverywhere,
         .takenBy = kExtend,
         .access = member<O, &O::newEnd>},
        {.key = "start",
         .column = "start_date",
         .type = T::Date,
         .presence = P::Optional,
         .label = "Start",
         .tooltip = "expand: the first day of the added GPUs, at least the lead time after the exercise.",
         .shown = kEverywhere,
         .takenBy = kExpand,
         .access = member<O, &O::start>},
        {.key = "end",
         .column = "end_date",
         .type = T::Date,
         .presence = P::Optional,
         .label = "End",
         .tooltip = "expand: the last day of the added GPUs. Empty: the contract's end.",
         .shown = kEverywhere,
         .takenBy = kExpand,
         .access = member<O, &O::end>},
        {.key = "gpus",
         .column = "gpus",
         .presence = P::Optional,
         .bounds = {0, true, kMaxGpus, false},
         .label = "GPUs",
         .unit = "GPUs",
         .tooltip = "expand: the GPUs added. extend: the GPUs extended; empty: the last tranche's.",
         .shown = kEverywhere,
         .takenBy = kExtend | kExpand,
         .access = member<O, &O::gpus>},
        {.key = "price_per_gpu_hour",
         .column = "price_per_gpu_hour",
         .presence = P::Optional,
         .bounds = {0, false, kMaxPricePerGpuHour, false},
         .label = "Price",
         .unit = "per GPU-hour",
         .tooltip = "extend, expand: the price of the option's hours; or give a price factor instead.",
         .shown = kEverywhere,
         .takenBy = kExtend | kExpand,
         .access = member<O, &O::pricePerGpuHour>},
        {.key = "price_factor",
         .column = "price_factor",
         .presence = P::Optional,
         .bounds = {0, true, 100, false},
         .label = "Price factor",
         .unit = "x",
         .tooltip = "extend: x the contract's price on its last day; expand: x its price on the start day "
                    "(its last price after the end).",
         .shown = kEverywhere,
         .takenBy = kExtend | kExpand,
         .access = member<O, &O::priceFactor>},
        {.key = "lead_time_days",
         .column = "lead_time_days",
         .type = T::Integer,
         .presence = P::Optional,
         .bounds = {0, false, 3650, false},
         .label = "Lead time",
         .unit = "days",
         .tooltip = "expand: the days the provider needs between the exercise and the start. Empty: 0.",
         .shown = kEverywhere,
         .takenBy = kExpand,
         .access = member<O, &O::leadTimeDays>},
        {.key = "fee",
         .column = "fee",
         .presence = P::Optional,
         .bounds = {0, false, kMaxContractValue, false},
         .label = "Fee",
         .tooltip = "terminate: paid on the exercise date, deductible.",
         .shown = kEverywhere,
         .takenBy = kTerminate,
         .access = member<O, &O::fee>},
        {.key = "notes",
         .column = "notes",
         .type = T::Text,
         .presence = P::Defaulted,
         .text = TextRule::Notes,
         .label = "Notes",
         .tooltip = "Where the terms come from.",
         .shown = kEverywhere,
         .access = member<O, &O::notes>},
    };
    return fields;
}

const std::vector<ItemField<Fleet>>& fleetFields() {
    using F = Fleet;
    static const std::vector<ItemField<Fleet>> fields = [] {
        std::vector<ItemField<Fleet>> f = {
            {.key = "id",
             .column = "id",
             .type = T::Text,
             .label = "Id",
             .tooltip = "Unique among the contracts and fleets; alternatives list items by it.",
             .access = member<F, &F::id>},
            {.key = "name",
             .column = "name",
             .type = T::Text,
             .label = "Name",
             .tooltip = "Shown in tables, charts and reports.",
             .shown = kEverywhere,
             .access = member<F, &F::name>},
            {.key = "sku",
             .column = "sku",
             .type = T::Text,
             .text = TextRule::Reference,
             .label = "GPU (SKU)",
             .tooltip = "A SKU id of the portfolio or the bundled catalog.",
             .shown = kEverywhere,
             .access = member<F, &F::sku>},
            {.key = "gpus",
             .column = "gpus",
             .bounds = {0, true, kMaxGpus, false},
             .label = "GPUs",
             .tooltip = "GPUs bought; capex Bc = gpus x capex x (1 + overhead).",
             .shown = kEverywhere,
             .access = member<F, &F::gpus>},
            {.key = "in_service",
             .column = "in_service",
             .type = T::Date,
             .label = "In service",
             .tooltip = "Capex is paid and depreciation starts in this month.",
             .shown = kEverywhere,
             .access = member<F, &F::inService>},
            {.key = "end",
             .column = "end_date",
             .type = T::Date,
             .presence = P::Optional,
             .label = "End",
             .tooltip = "Disposal date (inclusive); empty: in service + book life. Resale R = Bc x residual.",
             .shown = kEverywhere,
             .access = member<F, &F::end>},
            {.key = "capex_per_gpu",
             .column = "capex_per_gpu",
             .presence = P::Optional,
             .bounds = {0, false, kInf, false},
             .label = "Capex",
             .unit = "per GPU",
             .tooltip = "Empty: the SKU's catalog price.",
             .shown = kEverywhere,
             .access = member<F, &F::capexPerGpu>},
            {.key = "overhead_fraction",
             .column = "overhead_fraction",
             .presence = P::Defaulted,
             .bounds = {0, false, 10, false},
             .label = "Overhead",
             .unit = "share of capex",
             .tooltip = "Networking, integration: Bc = gpus x capex x (1 + overhead).",
             .shown = kEverywhere,
             .access = member<F, &F::overheadFraction>},
            {.key = "it_kw_per_gpu",
             .column = "it_kw_per_gpu",
             .presence = P::Optional,
             .bounds = {0, false, kInf, false},
             .label = "IT power",
             .unit = "kW per GPU",
             .tooltip = "IT power per GPU with its system share. Empty: the SKU's.",
             .access = member<F, &F::itKwPerGpu>},
            {.key = "pue",
             .column = "pue",
             .bounds = {1, false, 5, false},
             .label = "PUE",
             .tooltip = "Facility energy / IT energy; at least 1.",
             .shown = kEverywhere,
             .access = member<F, &F::pue>},
            {.key = "power_price_per_mwh",
             .column = "power_price_per_mwh",
             .bounds = {0, false, 1e5, false},
             .label = "Power price",
             .unit = "per MWh",
             .tooltip = "Escalated: pe_k = price (1 + escalator)^t(period start).",
             .shown = kEverywhere,
             .access = member<F, &F::powerPricePerMwh>},
            {.key = "power_escalator",
             .column = "power_escalator",
             .bounds = {-1, true, 1, false},
             .label = "Power escalator",
             .unit = "per year",
             .tooltip = "Yearly growth of the power price.",
             .shown = kEverywhere,
             .access = member<F, &F::powerEscalator>},
            {.key = "idle_power_fraction",
             .column = "idle_power_fraction",
             .presence = P::Defaulted,
             .fallback = 1.0,
             .bounds = {0, false, 1, false},
             .label = "Idle power",
             .unit = "share",
             .tooltip = "Power drawn when idle: energy = kW x hours x (idle + (1 - idle) u) x PUE.",
             .shown = kEverywhere,
             .access = member<F, &F::idlePowerFraction>},
            {.key = "colocation_per_kw_month",
             .column = "colocation_per_kw_month",
             .presence = P::Defaulted,
             .bounds = {0, false, 1e5, false},
             .label = "Colocation",
             .unit = "per kW-month",
             .tooltip = "Paid on the IT kW.",
             .shown = kEverywhere,
             .access = member<F, &F::colocationPerKwMonth>},
            {.key = "opex_fraction_per_year",
             .column = "opex_fraction_per_year",
             .presence = P::Defaulted,
             .bounds = {0, false, 1, false},
             .label = "Opex",
             .unit = "share of capex per year",
             .tooltip = "Maintenance and staff: opex = share x Bc / 12 each month.",
             .shown = kEverywhere,
             .access = member<F, &F::opexFractionPerYear>},
            {.key = "residual_fraction",
             .column = "residual_fraction",
             .presence = P::Optional,
             .bounds = {0, false, 1, false},
             .label = "Residual value",
             .unit = "share of capex",
             .tooltip =
                 "Resale at the end; the gain over tax NBV is taxed. Empty: the book salvage fraction.",
             .shown = kEverywhere,
             .access = member<F, &F::residualFraction>},
            {.key = "capex_min_per_gpu",
             .column = "capex_min_per_gpu",
             .presence = P::Optional,
             .bounds = {0, false, kMaxCapexPerGpu, false},
             .label = "Capex low",
             .unit = "per GPU",
             .tooltip = "With capex high: on a Monte Carlo path capex per GPU is Triangular(low, capex, "
                        "high). Empty: capex is certain.",
             .shown = kEverywhere,
             .access = member<F, &F::capexMinPerGpu>},
            {.key = "capex_max_per_gpu",
             .column = "capex_max_per_gpu",
             .presence = P::Optional,
             .bounds = {0, false, kMaxCapexPerGpu, false},
             .label = "Capex high",
             .unit = "per GPU",
             .tooltip = "With capex low: the triangular distribution's upper end. Empty: capex is certain.",
             .shown = kEverywhere,
             .access = member<F, &F::capexMaxPerGpu>},
            {.key = "residual_volatility",
             .column = "residual_volatility",
             .presence = P::Optional,
             .bounds = {0, false, kMaxVolatility, false},
             .label = "Residual uncertainty",
             .unit = "share",
             .tooltip = "Lognormal spread of the resale around the market's surprise (mean kept): 0.3 "
                        "puts the middle 90% at about x0.58..x1.56. Empty: none.",
             .shown = kEverywhere,
             .access = member<F, &F::residualVolatility>},
            {.key = "delivery_delay_min_months",
             .column = "delivery_delay_min_months",
             .presence = P::Optional,
             .bounds = {0, false, kMaxDeliveryDelayMonths, false},
             .label = "Delivery delay low",
             .unit = "months",
             .tooltip = "With the likeliest and high delays: on a Monte Carlo path the fleet goes in service "
                        "Triangular(low, likeliest, high) months late (to the nearest month); its end stays. "
                        "Empty: delivered on time.",
             .shown = kEverywhere,
             .access = member<F, &F::deliveryDelayMinMonths>},
            {.key = "delivery_delay_mode_months",
             .column = "delivery_delay_mode_months",
             .presence = P::Optional,
             .bounds = {0, false, kMaxDeliveryDelayMonths, false},
             .label = "Delivery delay likeliest",
             .unit = "months",
             .tooltip =
                 "The likeliest delay: the deterministic run puts the fleet in service this many months "
                 "(to the nearest) after its in-service date. Empty: delivered on time.",
             .shown = kEverywhere,
             .access = member<F, &F::deliveryDelayModeMonths>},
            {.key = "delivery_delay_max_months",
             .column = "delivery_delay_max_months",
             .presence = P::Optional,
             .bounds = {0, false, kMaxDeliveryDelayMonths, false},
             .label = "Delivery delay high",
             .unit = "months",
             .tooltip = "The longest delay. With a demand, the months without the fleet are bought at spot. "
                        "Empty: delivered on time.",
             .shown = kEverywhere,
             .access = member<F, &F::deliveryDelayMaxMonths>},
        };
        depreciationFields<&F::bookDepreciation>(f, true);
        depreciationFields<&F::taxDepreciation>(f, false);
        f.push_back({.key = "notes",
                     .column = "notes",
                     .type = T::Text,
                     .presence = P::Defaulted,
                     .text = TextRule::Notes,
                     .label = "Notes",
                     .tooltip = "Where the figures come from.",
                     .access = member<F, &F::notes>});
        return f;
    }();
    return fields;
}

const std::vector<ItemField<Portfolio>>& portfolioFields() {
    using Pf = Portfolio;
    using A = Assumptions;
    static const std::vector<ItemField<Portfolio>> fields = {
        {.key = "name",
         .column = "name",
         .type = T::Text,
         .label = "Portfolio",
         .tooltip = "The portfolio's name.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::name>},
        {.key = "valuation_date",
         .column = "valuation_date",
         .type = T::Date,
         .label = "Valuation date",
         .tooltip = "t0: flows before it are sunk; DF(d) = (1 + r)^(-(d - t0)/365).",
         .shown = kInEditor,
         .access = member<Pf, &Pf::valuationDate>},
        {.key = "assumptions.discount_rate",
         .column = "discount_rate",
         .bounds = {kMinDiscountRate, false, kMaxDiscountRate, false},
         .label = "Discount rate",
         .unit = "per year",
         .tooltip = "r in DF(d) = (1 + r)^(-days/365), the XNPV convention.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::assumptions, &A::discountRate>},
        {.key = "assumptions.tax_rate",
         .column = "tax_rate",
         .presence = P::Defaulted,
         .bounds = {0, false, 1, false},
         .label = "Tax rate",
         .unit = "share",
         .tooltip = "Deductions lower a period's cost by tax rate x deduction.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::assumptions, &A::taxRate>},
        {.key = "assumptions.horizon_end",
         .column = "horizon_end",
         .type = T::Date,
         .presence = P::Optional,
         .label = "Horizon end",
         .tooltip = "Empty: the latest end of any item.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::assumptions, &A::horizonEnd>},
        {.key = "assumptions.fiscal_year_end_month",
         .column = "fiscal_year_end_month",
         .type = T::Integer,
         .presence = P::Optional,
         .bounds = {1, false, 12, false},
         .label = "Fiscal year end (month)",
         .tooltip = "The month fiscal years end in, 1..12 (6: FY2027 runs July 2026 to June 2027); annual "
                    "rows and tax years are fiscal years. Empty: 12, calendar years.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::assumptions, &A::fiscalYearEndMonth>},
    };
    return fields;
}

std::optional<std::string> boundsProblem(FieldType type, const Bounds& b, double v, const char* unit) {
    if (!std::isfinite(v))
        return "is not a finite number";
    if (type == FieldType::Integer) {
        // Whole numbers in full ("100000", not "1e+05"); the readers keep them within +-1e9.
        auto whole = [](double x) { return std::to_string((long long)x); };
        if (v < b.lo || v > b.hi)
            return whole(v) + " is outside " + whole(b.lo) + ".." + whole(b.hi) +
                   (*unit ? std::string(" ") + unit : std::string());
        return std::nullopt;
    }
    if (b.loOpen ? v <= b.lo : v < b.lo)
        return formatNumber(v) + (b.loOpen ? " must be above " : " is below ") + formatNumber(b.lo);
    if (b.hiOpen ? v >= b.hi : v > b.hi)
        return formatNumber(v) + (b.hiOpen ? " must be below " : " is above ") + formatNumber(b.hi);
    return std::nullopt;
}

template <class Item>
std::optional<std::string> assignField(const ItemField<Item>& f, Item& item, FieldValue value) {
    if (std::holds_alternative<std::monostate>(value)) {
        if (f.presence == Presence::Required)
            return "missing";
        if (f.presence == Presence::Defaulted) {
            switch (f.type) {
            case FieldType::Number:
                value = f.fallback;
                break;
            case FieldType::Integer:
                value = (long long)f.fallback;
                break;
            case FieldType::Text:
                value = std::string();
                break;
            case FieldType::Tranches:
                value = std::vector<Tranche>();
                break;
            case FieldType::Date:
            case FieldType::Choice:
                return "missing";
            }
        }
    }
    if (f.access.set(item, value))
        return std::nullopt;
    if (const auto* s = std::get_if<std::string>(&value); s && f.type == FieldType::Choice)
        return "\"" + *s + "\" is not one of " + f.choices;
    if (const auto* n = std::get_if<long long>(&value); n && f.type == FieldType::Integer)
        return std::to_string(*n) + " is outside " + std::to_string((long long)f.bounds.lo) + ".." +
               std::to_string((long long)f.bounds.hi) + (*f.unit ? std::string(" ") + f.unit : std::string());
    return "is not of the field's type";
}

template std::optional<std::string> assignField(const ItemField<Contract>&, Contract&, FieldValue);
template std::optional<std::string> assignField(const ItemField<Fleet>&, Fleet&, FieldValue);
template std::optional<std::string> assignField(const ItemField<Portfolio>&, Portfolio&, FieldValue);
template std::optional<std::string> assignField(const ItemField<Sku>&, Sku&, FieldValue);
template std::optional<std::string> assignField(const ItemField<ContractOption>&, ContractOption&,
                                                FieldValue);

} // namespace ledger
