#include "portfolio/MarketFields.h"

#include <Eigen/Dense>

namespace ledger {

namespace {

using field_access::member;
using T = FieldType;
using Pf = Portfolio;
using M = MarketModel;
using G = GpuPriceProcess;
using Ou = OuProcess;
using N = NextGeneration;
using S = Sku;

// A next-generation field: absent while none is modelled, and not set then (there is no launch window
// to change one date of).
template <auto Member> FieldValue nextGenerationGet(const Portfolio& p) {
    return p.market.nextGeneration ? field_access::toValue((*p.market.nextGeneration).*Member) : FieldValue{};
}
template <auto Member> bool nextGenerationSet(Portfolio& p, const FieldValue& v) {
    return p.market.nextGeneration && field_access::fromValue(v, (*p.market.nextGeneration).*Member);
}
template <auto Member>
constexpr FieldAccess<Portfolio> nextGeneration{&nextGenerationGet<Member>, &nextGenerationSet<Member>};

} // namespace

const std::vector<ItemField<Portfolio>>& marketFields() {
    static const std::vector<ItemField<Portfolio>> fields = {
        {.key = "market.gpu_price.trend_per_year",
         .column = "gpu_trend_per_year",
         .label = "GPU price trend",
         .unit = "per year",
         .tooltip = "m, the drift of the log market price (docs/model.md, \"12.2 The GPU market price\"): "
                    "-0.15 (or -15%) is a fall of about 14% a year. -2..2.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::gpuPrice, &G::trendPerYear>},
        {.key = "market.gpu_price.reversion_per_year",
         .column = "gpu_reversion_per_year",
         .label = "GPU price reversion",
         .unit = "per year",
         .tooltip = "kappa of the Ornstein-Uhlenbeck deviation from the trend: 1.0 halves a shock in about "
                    "8 months (ln 2 / kappa years).",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::gpuPrice, &G::reversionPerYear>},
        {.key = "market.gpu_price.volatility",
         .column = "gpu_volatility",
         .label = "GPU price volatility",
         .unit = "per √year",
         .tooltip = "sigma of the deviation, per square-root year: GPU rental prices show 30 - 60%.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::gpuPrice, &G::volatility>},
        {.key = "market.next_generation.launch_earliest",
         .column = "next_gen_launch_earliest",
         .type = T::Date,
         .label = "Next generation: earliest launch",
         .tooltip = "The triangular launch window's start (docs/model.md, \"12.3 The next generation's "
                    "launch\"): at launch the market price drops.",
         .shown = kInEditor,
         .access = nextGeneration<&N::launchEarliest>},
        {.key = "market.next_generation.launch_mode",
         .column = "next_gen_launch_mode",
         .type = T::Date,
         .label = "Next generation: likeliest launch",
         .tooltip = "The window's mode; the deterministic run launches here.",
         .shown = kInEditor,
         .access = nextGeneration<&N::launchMode>},
        {.key = "market.next_generation.launch_latest",
         .column = "next_gen_launch_latest",
         .type = T::Date,
         .label = "Next generation: latest launch",
         .tooltip = "The window's end.",
         .shown = kInEditor,
         .access = nextGeneration<&N::launchLatest>},
        {.key = "market.next_generation.price_drop_min",
         .column = "next_gen_price_drop_min",
         .label = "Next generation: price drop, least",
         .unit = "share",
         .tooltip = "The market price falls by a uniform share in [least, most] at launch; 0..0.99.",
         .shown = kInEditor,
         .access = nextGeneration<&N::priceDropMin>},
        {.key = "market.next_generation.price_drop_max",
         .column = "next_gen_price_drop_max",
         .label = "Next generation: price drop, most",
         .unit = "share",
         .tooltip = "The most the price falls at launch; the deterministic run takes the midpoint.",
         .shown = kInEditor,
         .access = nextGeneration<&N::priceDropMax>},
        {.key = "market.power_price.reversion_per_year",
         .column = "power_reversion_per_year",
         .label = "Power price reversion",
         .unit = "per year",
         .tooltip = "kappa of the power price factor's log deviation; the factor multiplies every fleet's "
                    "power price (docs/model.md, \"12.5 The power price factor\").",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::powerPrice, &Ou::reversionPerYear>},
        {.key = "market.power_price.volatility",
         .column = "power_volatility",
         .label = "Power price volatility",
         .unit = "per √year",
         .tooltip = "sigma of the power price factor; 0 keeps every fleet's power price as given.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::powerPrice, &Ou::volatility>},
        {.key = "market.utilization.reversion_per_year",
         .column = "utilization_reversion_per_year",
         .label = "Utilization reversion",
         .unit = "per year",
         .tooltip = "kappa of the utilization's deviation from its curves (without a demand).",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::utilization, &Ou::reversionPerYear>},
        {.key = "market.utilization.volatility",
         .column = "utilization_volatility",
         .label = "Utilization volatility",
         .unit = "per √year",
         .tooltip = "sigma of the utilization's deviation; with a demand its uncertainty is the demand's "
                    "(the demand editor) and this stays 0.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::utilization, &Ou::volatility>},
        {.key = "market.on_demand_premium",
         .column = "on_demand_premium",
         .label = "On-demand premium",
         .unit = "x market",
         .tooltip =
             "What spot hours cost against the market price (docs/model.md, \"6.2 The spot alternative\"): 1 "
             "buys at the market.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::onDemandPremium>},
        {.key = "market.replacement_premium",
         .column = "replacement_premium",
         .label = "Replacement premium",
         .unit = "x market",
         .tooltip = "What hours bought to replace a defaulted provider's cost against the market price.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::replacementPremium>},
        {.key = "market.scarcity_premium",
         .column = "scarcity_premium",
         .label = "Scarcity premium",
         .unit = "x on-demand",
         .tooltip = "During a contract's replacement delay after a default, what spot hours cost on top of "
                    "the on-demand premium (docs/model.md 12.7): 1 is no premium.",
         .shown = kInEditor,
         .access = member<Pf, &Pf::market, &M::scarcityPremium>},
    };
    return fields;
}

const std::vector<ItemField<Sku>>& skuFields() {
    static const std::vector<ItemField<Sku>> fields = {
        {.key = "name",
         .column = "name",
         .type = T::Text,
         .label = "Name",
         .tooltip = "The SKU's name in tables and reports.",
         .shown = kInEditor,
         .access = member<S, &S::name>},
        {.key = "perf_index",
         .column = "perf_index",
         .label = "Performance index",
         .unit = "H100 = 1",
         .tooltip = "H100-equivalent GPU-hours per GPU-hour: how capacity of SKUs is compared "
                    "and LCOC is levelized (docs/model.md, \"2.9 H100-equivalent hours\").",
         .shown = kInEditor,
         .access = member<S, &S::perfIndex>},
        {.key = "market_price_per_gpu_hour",
         .column = "market_price_per_gpu_hour",
         .label = "Market price",
         .unit = "per GPU-hour",
         .tooltip = "Today's market (spot / on-demand) rental price: spot hours, replacement hours and the "
                    "GPU price process start here (docs/model.md, \"6.1 The market price\").",
         .shown = kInEditor,
         .access = member<S, &S::marketPricePerGpuHour>},
        {.key = "capex_per_gpu",
         .column = "capex_per_gpu",
         .label = "Capex",
         .unit = "per GPU",
         .tooltip = "Purchase price per GPU including its share of the system; a fleet may give its own.",
         .shown = kInEditor,
         .access = member<S, &S::capexPerGpu>},
        {.key = "it_kw_per_gpu",
         .column = "it_kw_per_gpu",
         .label = "IT power",
         .unit = "kW per GPU",
         .tooltip = "IT power per GPU including its system share; facility power is this times the PUE.",
         .shown = kInEditor,
         .access = member<S, &S::itKwPerGpu>},
        {.key = "notes",
         .column = "notes",
         .type = T::Text,
         .presence = Presence::Defaulted,
         .text = TextRule::Notes,
         .label = "Source",
         .tooltip = "Where the figures come from (a datasheet, a price list, a filing).",
         .shown = kInEditor,
         .access = member<S, &S::notes>},
    };
    return fields;
}

double smallestEigenvalue(const CorrelationMatrix& r) {
    Eigen::Matrix3d m;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            m(i, j) = r[i][j];
    return Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d>(m, Eigen::EigenvaluesOnly).eigenvalues().minCoeff();
}

} // namespace ledger
