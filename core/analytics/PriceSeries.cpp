#include "analytics/PriceSeries.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ledger {

namespace {

constexpr std::array<std::pair<PriceTier, std::string_view>, 4> kTierNames{{
    {PriceTier::OnDemand, "on-demand"},
    {PriceTier::Reserved1y, "reserved-1y"},
    {PriceTier::Spot, "spot"},
    {PriceTier::MarketplaceMedian, "marketplace-median"},
}};

std::string countOfTier(const PriceSeries& s, PriceTier t) {
    const auto n =
        std::count_if(s.points.begin(), s.points.end(), [&](const PricePoint& p) { return p.tier == t; });
    return std::to_string(n) + " " + std::string(toString(t));
}

} // namespace

std::string_view toString(PriceTier t) {
    for (const auto& [tier, name] : kTierNames)
        if (tier == t)
            return name;
    return "?";
}

std::optional<PriceTier> priceTierFromString(std::string_view s) {
    for (const auto& [tier, name] : kTierNames)
        if (name == s)
            return tier;
    return std::nullopt;
}

std::string priceTierNames() {
    std::string out;
    for (const auto& [tier, name] : kTierNames)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

std::vector<PriceTier> tiersOf(const PriceSeries& s) {
    std::vector<PriceTier> tiers;
    for (const PricePoint& p : s.points)
        if (p.tier && std::find(tiers.begin(), tiers.end(), *p.tier) == tiers.end())
            tiers.push_back(*p.tier);
    return tiers;
}

std::optional<std::vector<DatedPrice>> pointsOfTier(const PriceSeries& s, std::optional<PriceTier> tier,
                                                    std::string* error) {
    const std::vector<PriceTier> tiers = tiersOf(s);
    if (!tier && tiers.size() > 1) {
        std::string counts;
        for (PriceTier t : tiers)
            counts += (counts.empty() ? "" : ", ") + countOfTier(s, t);
        *error = "the series holds " + std::to_string(tiers.size()) + " tiers (" + counts +
                 "), which differ in level: choose one with --tier";
        return std::nullopt;
    }
    if (tier && std::find(tiers.begin(), tiers.end(), *tier) == tiers.end()) {
        *error = "the series has no point of tier " + std::string(toString(*tier));
        return std::nullopt;
    }
    std::vector<DatedPrice> out;
    for (const PricePoint& p : s.points)
        if (!tier || p.tier == tier)
            out.push_back({p.date, p.price});
    return out;
}

} // namespace ledger
