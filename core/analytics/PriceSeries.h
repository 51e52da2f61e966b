#pragma once
// A dated series of GPU rental prices (docs/model.md 16, docs/file-format.md "Price series"): the
// bundled H100 reference points and any series a user calibrates the market model on. Each point may
// name its tier (what kind of price it is), SKU, source, the day the source was read, whether it is an
// estimate and a note. Tiers differ in level by more than the swings inside one: a fit takes one tier.
#include "calendar/Date.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

enum class PriceTier {
    OnDemand,          // "on-demand": pay-as-you-go rates (list prices and provider medians of them)
    Reserved1y,        // "reserved-1y": one-year commitments
    Spot,              // "spot": interruptible or spot-market rates
    MarketplaceMedian, // "marketplace-median": the median listing of one open marketplace
};
std::string_view toString(PriceTier t);
std::optional<PriceTier> priceTierFromString(std::string_view s);
// "on-demand, reserved-1y, spot, marketplace-median": for messages.
std::string priceTierNames();

struct PricePoint {
    Date date;
    double price = 0.0;            // per GPU-hour, above 0
    std::optional<PriceTier> tier; // none: a series without tiers
    std::string sku;               // what the price is of ("H100 SXM"); may be empty
    std::string source;            // a URL, or empty
    std::optional<Date> dateRead;  // when the source was read
    bool estimate = false;         // the price or the date is approximate
    std::string note;              //
};

// Points in file order; within a tier (or the whole series without tiers) dates increase strictly.
struct PriceSeries {
    std::vector<PricePoint> points;
};

// A dated price, what a calibration reads.
struct DatedPrice {
    Date date;
    double price = 0.0;
};

// The tiers a series holds, in order of first appearance (none for a series without tiers).
std::vector<PriceTier> tiersOf(const PriceSeries& s);

// The points a fit takes: those of `tier`, or all of them when the series has no tiers. Without a
// tier a series of several tiers is refused (which one is meant), and a tier the series does not hold
// too. nullopt and *error set to a sentence when refused.
std::optional<std::vector<DatedPrice>> pointsOfTier(const PriceSeries& s, std::optional<PriceTier> tier,
                                                    std::string* error);

} // namespace ledger
