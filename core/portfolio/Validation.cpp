#include "portfolio/Validation.h"

#include "portfolio/ContractTerms.h"
#include "portfolio/Defaults.h"
#include "portfolio/ItemFields.h"
#include "portfolio/OptionTerms.h"
#include "portfolio/SensitivityInputs.h"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace ledger {

std::string ValidationError::toString() const {
    if (path.empty())
        return message;
    std::string out = path;
    out.append(": ").append(message);
    return out;
}

std::string formatNumber(double v) {
    char buf[64];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, ptr) : std::string("?");
}

std::optional<double> parseFiniteNumber(std::string_view text) {
    // from_chars takes no leading '+'; a spreadsheet may write one.
    if (text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+')
        text.remove_prefix(1);
    double v = 0.0;
    const char* end = text.data() + text.size();
    // No space and no "0x"; only finite, representable results pass.
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v))
        return std::nullopt;
    return v;
}

namespace {

struct Failure {
    ValidationError error;
};

[[noreturn]] void fail(const std::string& path, const std::string& message) {
    throw Failure{{path, message}};
}

std::string idx(const std::string& base, std::size_t i) {
    return base + "[" + std::to_string(i) + "]";
}

void finite(const std::string& path, double v) {
    if (!std::isfinite(v))
        fail(path, "is not a finite number");
}
void atLeast(const std::string& path, double v, double lo) {
    finite(path, v);
    if (v < lo)
        fail(path, formatNumber(v) + " is below " + formatNumber(lo));
}
void above(const std::string& path, double v, double lo) {
    finite(path, v);
    if (v <= lo)
        fail(path, formatNumber(v) + " must be above " + formatNumber(lo));
}
void atMost(const std::string& path, double v, double hi) {
    if (v > hi)
        fail(path, formatNumber(v) + " is above " + formatNumber(hi));
}
void inRange(const std::string& path, double v, double lo, double hi) {
    atLeast(path, v, lo);
    atMost(path, v, hi);
}
void nonEmpty(const std::string& path, const std::string& s) {
    if (s.empty())
        fail(path, "must not be empty");
}
// Free text has a length limit too, so that every file written stays within what is read.
void maxLength(const std::string& path, const std::string& s, std::size_t limit) {
    if (s.size() > limit)
        fail(path, std::to_string(s.size()) + " bytes long; at most " + std::to_string(limit));
}
void name(const std::string& path, const std::string& s) {
    nonEmpty(path, s);
    if (s.find_first_not_of(" \t\n\r\f\v") == std::string::npos)
        fail(path, "must not be blank (only spaces)");
    maxLength(path, s, kMaxNameBytes);
}
void listSize(const std::string& path, std::size_t n) {
    if (n > kMaxListEntries)
        fail(path, std::to_string(n) + " entries; at most " + std::to_string(kMaxListEntries));
}

void checkDate(const std::string& path, const Date& d) {
    if (d.year() < kFirstSupportedYear || d.year() > kLastSupportedYear)
        fail(path, formatIsoDate(d) + " is outside the supported years " +
                       std::to_string(kFirstSupportedYear) + ".." + std::to_string(kLastSupportedYear));
}

void checkCurve(const std::string& path, const UtilizationCurve& curve) {
    listSize(path, curve.size());
    for (std::size_t i = 0; i < curve.size(); ++i)
        checkDate(idx(path, i) + ".date", curve[i].date);
    for (std::size_t i = 0; i < curve.size(); ++i) {
        inRange(idx(path, i) + ".value", curve[i].value, 0.0, 1.0);
        if (i > 0 && curve[i].date <= curve[i - 1].date)
            fail(idx(path, i) + ".date", formatIsoDate(curve[i].date) + " is not after " + idx(path, i - 1) +
                                             ".date " + formatIsoDate(curve[i - 1].date));
    }
}

// A life is needed unless the method's table sets it (its bounds are the field's, ItemFields.cpp).
void checkLife(const std::string& path, const DepreciationSpec& d) {
    if (!isMacrs(d.method) && !d.lifeYears)
        fail(path + ".life_years", "missing (required for " + std::string(toString(d.method)) + ")");
}

void checkOu(const std::string& path, double reversion, double volatility) {
    inRange(path + ".reversion_per_year", reversion, 0.0, kMaxReversionPerYear);
    inRange(path + ".volatility", volatility, 0.0, kMaxVolatility);
}

// The checks every field's table row asks for: a name's or a note's length, a date's year, a
// number's bounds. What depends on other fields or the catalog is checked by the Validator after.
template <class Item>
void checkFields(const std::string& path, const Item& item, const std::vector<ItemField<Item>>& fields) {
    for (const auto& f : fields) {
        const std::string at = path.empty() ? std::string(f.key) : path + "." + f.key;
        const FieldValue v = f.access.get(item);
        if (const auto* s = std::get_if<std::string>(&v); s && f.type == FieldType::Text) {
            if (f.text == TextRule::Name)
                name(at, *s);
            else if (f.text == TextRule::Notes)
                maxLength(at, *s, kMaxNotesBytes);
        } else if (const auto* d = std::get_if<Date>(&v)) {
            checkDate(at, *d);
        } else if (const auto* x = std::get_if<double>(&v)) {
            if (const auto problem = boundsProblem(f.type, f.bounds, *x, f.unit))
                fail(at, *problem);
        } else if (const auto* n = std::get_if<long long>(&v)) {
            if (const auto problem = boundsProblem(f.type, f.bounds, double(*n), f.unit))
                fail(at, *problem);
        }
    }
}

class Validator {
public:
    Validator(const Portfolio& p, const SkuCatalog& c)
        : p_(p)
        , catalog_(c) {}

    void run() {
        checkFields("", p_, portfolioFields());
        maxLength("notes", p_.notes, kMaxNotesBytes);
        listSize("skus", p_.skus.size());
        listSize("contracts", p_.contracts.size());
        listSize("fleets", p_.fleets.size());
        if (p_.alternatives)
            listSize("alternatives", p_.alternatives->size());
        listSize("sources", p_.sources.size());
        for (const auto& [path, source] : p_.sources) {
            maxLength("sources", path, kMaxNameBytes);
            maxLength("sources." + path, source, kMaxNotesBytes);
        }
        checkCurrency();
        checkSkus();
        checkCurve("utilization", p_.utilization);
        std::set<std::string> ids;
        forEachItemKind([&]<class Item>(std::type_identity<Item>) {
            const auto& items = ItemKindInfo<Item>::items(p_);
            for (std::size_t i = 0; i < items.size(); ++i) {
                const std::string path = idx(ItemKindInfo<Item>::list, i);
                checkFields(path, items[i], ItemKindInfo<Item>::fields());
                checkItemId(path + ".id", items[i].id, ids);
                checkItem(path, items[i]);
            }
        });
        if (p_.contracts.empty() && p_.fleets.empty())
            fail("contracts", "the portfolio has no contract and no fleet to evaluate");
        checkUncertainFleets(p_.fleets);
        checkAlternatives(ids);
        checkHorizon();
        checkDefaultDates();
        checkImpliedPrices();
        checkDemand();
        checkMarket();
        checkSimulation();
        checkSensitivity();
    }

private:
    void checkCurrency() {
        const auto& c = p_.currency;
        bool ok = c.size() == 3;
        for (char ch : c)
            ok = ok && ch >= 'A' && ch <= 'Z';
        if (!ok)
            fail("currency", "\"" + c + "\" is not an ISO 4217 code such as USD");
    }

    void checkSkus() {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < p_.skus.size(); ++i) {
            const auto path = idx("skus", i);
            const auto& s = p_.skus[i];
            name(path + ".id", s.id);
            if (!ids.insert(s.id).second)
                fail(path + ".id", "\"" + s.id + "\" is used twice");
            name(path + ".name", s.name);
            maxLength(path + ".notes", s.notes, kMaxNotesBytes);
            above(path + ".perf_index", s.perfIndex, 0.0);
            atMost(path + ".perf_index", s.perfIndex, kMaxPerfIndex);
            inRange(path + ".market_price_per_gpu_hour", s.marketPricePerGpuHour, 0.0, kMaxPricePerGpuHour);
            inRange(path + ".capex_per_gpu", s.capexPerGpu, 0.0, kMaxCapexPerGpu);
            inRange(path + ".it_kw_per_gpu", s.itKwPerGpu, 0.0, kMaxItKwPerGpu);
        }
    }

    const Sku& sku(const std::string& path, const std::string& id) {
        const Sku* s = catalog_.find(p_, id);
        if (!s)
            fail(path, "no SKU \"" + id + "\" in the portfolio or the bundled catalog");
        return *s;
    }

    void checkItemId(const std::string& path, const std::string& id, std::set<std::string>& ids) {
        if (!ids.insert(id).second)
            fail(path, "\"" + id + "\" is used by another contract or fleet");
    }

    // What a contract's table cannot say: its SKU, its dates' order, tranches and price.
    void checkItem(const std::string& path, const Contract& c) {
        sku(path + ".sku", c.sku);
        if (c.end < c.start)
            fail(path + ".end", formatIsoDate(c.end) + " is before start " + formatIsoDate(c.start));
        if (c.tranches.empty())
            fail(path + ".tranches", "at least one tranche is needed");
        listSize(path + ".tranches", c.tranches.size());
        for (std::size_t i = 0; i < c.tranches.size(); ++i) {
            const auto tp = idx(path + ".tranches", i);
            const auto& t = c.tranches[i];
            checkDate(tp + ".date", t.date);
            atLeast(tp + ".gpus", t.gpus, 0.0);
            atMost(tp + ".gpus", t.gpus, kMaxGpus);
            if (t.date < c.start || t.date > c.end)
                fail(tp + ".date", formatIsoDate(t.date) + " is outside the contract term " +
                                       formatIsoDate(c.start) + " .. " + formatIsoDate(c.end));
            if (i > 0 && t.date <= c.tranches[i - 1].date)
                fail(tp + ".date", formatIsoDate(t.date) + " is not after the previous tranche's " +
                                       formatIsoDate(c.tranches[i - 1].date));
        }
        if (c.pricePerGpuHour && c.totalContractValue)
            fail(path + ".total_contract_value",
                 "give either price_per_gpu_hour or total_contract_value, not both");
        if (!c.pricePerGpuHour && !c.totalContractValue)
            fail(path + ".price_per_gpu_hour", "missing (give price_per_gpu_hour or total_contract_value)");
        if (c.totalContractValue) {
            bool anyGpus = false;
            for (const auto& t : c.tranches)
                anyGpus = anyGpus || t.gpus > 0;
            if (!anyGpus)
                fail(path + ".total_contract_value",
                     "the tranches commit no GPUs, so no price can be implied");
        }
        if (c.utilization)
            checkItemCurve(path + ".utilization", *c.utilization);
        checkOptions(path, c);
        // MODEL.md 9: a lease needs both; the table has bounded the rate and the classification.
        if (c.lease.classification && !c.lease.incrementalBorrowingRate)
            fail(path + ".lease.incremental_borrowing_rate", "missing (a lease is measured at this rate)");
        if (!c.lease.classification && c.lease.incrementalBorrowingRate)
            fail(path + ".lease.classification", "missing (operating or finance)");
        providers_.insert(c.provider);
        if (providers_.size() > std::size_t(kMaxProviders))
            fail(path + ".provider", "\"" + c.provider + "\" is provider number " +
                                         std::to_string(providers_.size()) +
                                         "; a portfolio may have at most " + std::to_string(kMaxProviders));
    }

    // docs/model.md 17: each option's table, then what its kind asks of the contract and its dates.
    void checkOptions(const std::string& path, const Contract& c) {
        listSize(path + ".options", c.options.size());
        for (std::size_t i = 0; i < c.options.size(); ++i) {
            const std::string op = idx(path + ".options", i);
            const ContractOption& o = c.options[i];
            checkFields(op, o, contractOptionFields());
            if (!optionIds_.insert(o.id).second)
                fail(op + ".id", "\"" + o.id + "\" is used by another option");
            if (int(optionIds_.size()) > kMaxOptions)
                fail(op, "option number " + std::to_string(optionIds_.size()) +
                             "; a portfolio may have at most " + std::to_string(kMaxOptions));
            checkOption(op, c, o);
        }
    }

    void checkOption(const std::string& op, const Contract& c, const ContractOption& o) {
        const std::string kind(toString(o.kind));
        // A field the kind does not take (the table's takenBy) is refused, not silently ignored.
        for (const auto& f : contractOptionFields())
            if (!optionTakes(f, o.kind) && !std::holds_alternative<std::monostate>(f.access.get(o)))
                fail(op + "." + f.key, "is not a term of " +
                                           std::string(o.kind == OptionKind::Extend ? "an " : "a ") + kind +
                                           " option");
        auto needed = [&](bool given, const char* key, const char* why) {
            if (!given)
                fail(op + "." + key, std::string("missing (") + why + ")");
        };
        const std::string term = formatIsoDate(c.start) + " .. " + formatIsoDate(c.end);
        if (o.exerciseDate < c.start || o.exerciseDate > c.end)
            fail(op + ".exercise_date",
                 formatIsoDate(o.exerciseDate) + " is outside the contract term " + term);
        if (o.exerciseDate < p_.valuationDate)
            fail(op + ".exercise_date", formatIsoDate(o.exerciseDate) + " is before valuation_date " +
                                            formatIsoDate(p_.valuationDate) +
                                            " (an option already exercised or lapsed is not valued)");
        if (p_.assumptions.horizonEnd && o.exerciseDate > *p_.assumptions.horizonEnd)
            fail(op + ".exercise_date", formatIsoDate(o.exerciseDate) + " is after assumptions.horizon_end " +
                                            formatIsoDate(*p_.assumptions.horizonEnd));
        const bool priced = o.kind != OptionKind::Terminate;
        if (priced) {
            if (o.pricePerGpuHour && o.priceFactor)
                fail(op + ".price_factor", "give either price_per_gpu_hour or price_factor, not both");
            needed(o.pricePerGpuHour || o.priceFactor, "price_per_gpu_hour",
                   "give price_per_gpu_hour or price_factor");
        }
        switch (o.kind) {
        case OptionKind::Extend:
            needed(o.newEnd.has_value(), "new_end", "the contract's last day once extended");
            checkDate(op + ".new_end", *o.newEnd);
            if (*o.newEnd <= c.end)
                fail(op + ".new_end",
                     formatIsoDate(*o.newEnd) + " is not after the contract's end " + formatIsoDate(c.end));
            break;
        case OptionKind::Expand: {
            needed(o.start.has_value(), "start", "the first day of the added GPUs");
            needed(o.gpus.has_value(), "gpus", "the GPUs added");
            const Date earliest = o.exerciseDate + boost::gregorian::days(o.leadTimeDays.value_or(0));
            if (*o.start < earliest)
                fail(op + ".start", formatIsoDate(*o.start) +
                                        " is before the exercise date plus the lead time, " +
                                        formatIsoDate(earliest));
            const Date end = o.end.value_or(c.end);
            if (end < *o.start)
                fail(o.end ? op + ".end" : op + ".start", formatIsoDate(*o.start) + " .. " +
                                                              formatIsoDate(end) +
                                                              ": the added GPUs' end is before their start");
            break;
        }
        case OptionKind::Terminate:
            needed(o.fee.has_value(), "fee", "what ending early costs, 0 if nothing");
            if (o.exerciseDate >= c.end)
                fail(op + ".exercise_date", formatIsoDate(o.exerciseDate) +
                                                " is the contract's last day: nothing is left to terminate");
            // What becomes of a prepayment on early termination is a term of the deal the model lacks.
            if (c.prepayment > 0.0)
                fail(op + ".type",
                     "a terminate option on a prepaid contract is not modelled (what becomes of "
                     "the prepayment is a term of the deal)");
            break;
        }
    }

    // An item's own list overrides the portfolio's; an empty one would silently mean 100%.
    void checkItemCurve(const std::string& path, const UtilizationCurve& curve) {
        if (curve.empty())
            fail(path, "is empty (leave it out to use the portfolio's utilization)");
        checkCurve(path, curve);
    }

    // What a fleet's table cannot say: its SKU, lives, dates' order and the SKU's defaults.
    void checkItem(const std::string& path, const Fleet& f) {
        const Sku& s = sku(path + ".sku", f.sku);
        checkLife(path + ".book_depreciation", f.bookDepreciation);
        checkLife(path + ".tax_depreciation", f.taxDepreciation);
        if (f.bookDepreciation.bonusFraction != 0.0)
            fail(path + ".book_depreciation.bonus_fraction",
                 "bonus depreciation is a tax rule (docs/model.md, \"5.2 Bonus depreciation\"); book "
                 "depreciation has none");
        if (f.end && *f.end < f.inService)
            fail(path + ".end",
                 formatIsoDate(*f.end) + " is before in_service " + formatIsoDate(f.inService));
        if (!f.capexPerGpu && s.capexPerGpu <= 0)
            fail(path + ".capex_per_gpu",
                 "missing, and SKU \"" + s.id + "\" has no capex_per_gpu to default to");
        atMost(path + ".capex_per_gpu", fleetCapexPerGpu(f, s), kMaxCapexPerGpu);
        atMost(path + ".it_kw_per_gpu", fleetItKwPerGpu(f, s), kMaxItKwPerGpu);
        checkCapexRange(path, f, fleetCapexPerGpu(f, s));
        checkDeliveryDelay(path, f);
        if (f.utilization)
            checkItemCurve(path + ".utilization", *f.utilization);
    }

    // Each path holds a factor per uncertain fleet while it runs: a bounded number of them; and with a
    // demand, while a delivery is uncertain, each alternative's capacity.
    void checkUncertainFleets(const std::vector<Fleet>& fleets) {
        int uncertain = 0;
        bool delayed = false;
        for (std::size_t i = 0; i < fleets.size(); ++i) {
            const Fleet& f = fleets[i];
            const bool delay = deliveryDelayRange(f, p_.valuationDate).uncertain();
            delayed = delayed || delay;
            if ((f.capexMinPerGpu || f.residualVolatility.value_or(0.0) > 0.0 || delay) &&
                ++uncertain > kMaxUncertainFleets)
                fail(idx("fleets", i), "more than " + std::to_string(kMaxUncertainFleets) +
                                           " fleets carry a capex range, a residual volatility or a "
                                           "delivery delay range");
        }
        if (delayed && p_.demand && alternatives(p_).size() > std::size_t(kMaxAlternativesWithDelay))
            fail("alternatives", "with a demand and a fleet's uncertain delivery delay, at most " +
                                     std::to_string(kMaxAlternativesWithDelay) + " alternatives (there are " +
                                     std::to_string(alternatives(p_).size()) + ")");
    }

    // Triangular(min, mode, max) months late: all three or none, in order, and in service before the
    // end even at the longest delay.
    static void checkDeliveryDelay(const std::string& path, const Fleet& f) {
        const std::optional<double>* parts[] = {&f.deliveryDelayMinMonths, &f.deliveryDelayModeMonths,
                                                &f.deliveryDelayMaxMonths};
        const char* keys[] = {".delivery_delay_min_months", ".delivery_delay_mode_months",
                              ".delivery_delay_max_months"};
        int given = 0;
        for (const auto* part : parts)
            given += part->has_value();
        if (given == 0)
            return;
        for (int n = 0; n < 3; ++n)
            if (!parts[n]->has_value())
                fail(path + keys[n], "missing: a delivery delay needs delivery_delay_min_months, "
                                     "delivery_delay_mode_months and delivery_delay_max_months");
        const double lo = *f.deliveryDelayMinMonths, mode = *f.deliveryDelayModeMonths,
                     hi = *f.deliveryDelayMaxMonths;
        if (lo > mode)
            fail(path + keys[0], formatNumber(lo) + " is above the likeliest delay " + formatNumber(mode) +
                                     ": expected min <= mode <= max");
        if (mode > hi)
            fail(path + keys[2], formatNumber(hi) + " is below the likeliest delay " + formatNumber(mode) +
                                     ": expected min <= mode <= max");
        const Date latest = addMonths(f.inService, wholeDelayMonths(hi));
        if (latest > fleetEnd(f))
            fail(path + keys[2], formatNumber(hi) + " months after in_service " + formatIsoDate(f.inService) +
                                     " is " + formatIsoDate(latest) + ", after the fleet's end " +
                                     formatIsoDate(fleetEnd(f)));
    }

    // Triangular(min, capex per GPU, max): both ends or neither, in order around the mode.
    static void checkCapexRange(const std::string& path, const Fleet& f, double mode) {
        if (f.capexMinPerGpu.has_value() != f.capexMaxPerGpu.has_value())
            fail(path + (f.capexMinPerGpu ? ".capex_max_per_gpu" : ".capex_min_per_gpu"),
                 "missing: a capex range needs both capex_min_per_gpu and capex_max_per_gpu");
        if (!f.capexMinPerGpu)
            return;
        if (mode <= 0.0) // the path's capex is the mode's multiple: none of nothing
            fail(path + ".capex_min_per_gpu", "a capex range needs a capex per GPU above 0");
        if (*f.capexMinPerGpu > mode)
            fail(path + ".capex_min_per_gpu", formatNumber(*f.capexMinPerGpu) +
                                                  " is above the capex per GPU " + formatNumber(mode) +
                                                  " (the likeliest value): expected min <= capex <= max");
        if (*f.capexMaxPerGpu < mode)
            fail(path + ".capex_max_per_gpu", formatNumber(*f.capexMaxPerGpu) +
                                                  " is below the capex per GPU " + formatNumber(mode) +
                                                  " (the likeliest value): expected min <= capex <= max");
    }

    void checkAlternatives(const std::set<std::string>& itemIds) {
        if (!p_.alternatives)
            return;
        std::set<std::string> ids;
        if (p_.alternatives->empty())
            fail("alternatives", "is empty (leave it out to get one alternative per item)");
        for (std::size_t i = 0; i < p_.alternatives->size(); ++i) {
            const auto path = idx("alternatives", i);
            const auto& a = (*p_.alternatives)[i];
            name(path + ".id", a.id);
            if (a.id == kSpotAlternativeId)
                fail(path + ".id", "\"spot\" is reserved for the spot-market alternative the app adds");
            if (!ids.insert(a.id).second)
                fail(path + ".id", "\"" + a.id + "\" is used twice");
            name(path + ".name", a.name);
            if (a.items.empty())
                fail(path + ".items", "an alternative needs at least one item");
            listSize(path + ".items", a.items.size());
            std::set<std::string> seen;
            for (std::size_t j = 0; j < a.items.size(); ++j) {
                if (!itemIds.count(a.items[j]))
                    fail(idx(path + ".items", j), "no contract or fleet has id \"" + a.items[j] + "\"");
                if (!seen.insert(a.items[j]).second)
                    fail(idx(path + ".items", j), "\"" + a.items[j] + "\" is listed twice");
            }
        }
    }

    void checkHorizon() {
        const Date limit = addMonths(p_.valuationDate, 480);
        const Date h = horizonEnd(p_);
        if (p_.assumptions.horizonEnd) {
            if (h < p_.valuationDate)
                fail("assumptions.horizon_end",
                     formatIsoDate(h) + " is before valuation_date " + formatIsoDate(p_.valuationDate));
            if (h >= limit)
                fail("assumptions.horizon_end", formatIsoDate(h) +
                                                    " is more than 40 years after valuation_date " +
                                                    formatIsoDate(p_.valuationDate));
            return;
        }
        if (h < limit)
            return;
        for (std::size_t i = 0; i < p_.contracts.size(); ++i) {
            if (p_.contracts[i].end >= limit)
                fail(idx("contracts", i) + ".end",
                     formatIsoDate(p_.contracts[i].end) +
                         " puts the horizon more than 40 years after valuation_date " +
                         formatIsoDate(p_.valuationDate));
        }
        for (std::size_t i = 0; i < p_.contracts.size(); ++i)
            for (std::size_t j = 0; j < p_.contracts[i].options.size(); ++j)
                if (const Date e = optionEnd(p_.contracts[i], p_.contracts[i].options[j]); e >= limit)
                    fail(idx(idx("contracts", i) + ".options", j),
                         formatIsoDate(e) +
                             " (the option's end) puts the horizon more than 40 years after "
                             "valuation_date " +
                             formatIsoDate(p_.valuationDate));
        for (std::size_t i = 0; i < p_.fleets.size(); ++i) {
            if (fleetEnd(p_.fleets[i]) >= limit)
                fail(idx("fleets", i) + ".end",
                     formatIsoDate(fleetEnd(p_.fleets[i])) +
                         " puts the horizon more than 40 years after valuation_date " +
                         formatIsoDate(p_.valuationDate));
        }
    }

    // A provider's default on a chosen day (docs/model.md 12.7) falls in a period of the horizon.
    void checkDefaultDates() {
        const Date h = horizonEnd(p_);
        for (std::size_t i = 0; i < p_.contracts.size(); ++i) {
            const auto& d = p_.contracts[i].defaultDate;
            if (!d)
                continue;
            const std::string path = idx("contracts", i) + ".default_date";
            if (*d < p_.valuationDate)
                fail(path,
                     formatIsoDate(*d) + " is before valuation_date " + formatIsoDate(p_.valuationDate));
            if (*d > h)
                fail(path, formatIsoDate(*d) + " is after the horizon end " + formatIsoDate(h));
        }
    }

    // A price implied from a contract value is bounded as a given price is (MODEL.md 3.2's
    // p0 = TCV / sum of escalated committed hours: a small commitment can imply a huge price).
    void checkImpliedPrices() {
        for (std::size_t i = 0; i < p_.contracts.size(); ++i) {
            const Contract& c = p_.contracts[i];
            if (!c.totalContractValue)
                continue;
            const double price = impliedPricePerGpuHour(c);
            if (!(price <= kMaxPricePerGpuHour))
                fail(idx("contracts", i) + ".total_contract_value",
                     formatNumber(*c.totalContractValue) + " implies " + formatNumber(price) +
                         " per GPU-hour for the committed GPUs, above " + formatNumber(kMaxPricePerGpuHour));
        }
    }

    // MODEL.md 8: a step curve of GPUs of a known SKU, needed somewhere in the horizon.
    void checkDemand() {
        if (!p_.demand)
            return;
        const Demand& d = *p_.demand;
        name("demand.sku", d.sku);
        sku("demand.sku", d.sku);
        if (d.curve.empty())
            fail("demand.curve", "at least one point is needed");
        listSize("demand.curve", d.curve.size());
        const Date h = horizonEnd(p_);
        bool needed = false;
        for (std::size_t i = 0; i < d.curve.size(); ++i) {
            const auto at = idx("demand.curve", i);
            const DemandPoint& point = d.curve[i];
            checkDate(at + ".date", point.date);
            atLeast(at + ".gpus", point.gpus, 0.0);
            atMost(at + ".gpus", point.gpus, kMaxGpus);
            if (i > 0 && point.date <= d.curve[i - 1].date)
                fail(at + ".date", formatIsoDate(point.date) + " is not after demand.curve[" +
                                       std::to_string(i - 1) + "].date " +
                                       formatIsoDate(d.curve[i - 1].date));
            // The point's GPUs are needed from its date (or t0) until the next point (or the horizon).
            const Date from = std::max(point.date, p_.valuationDate);
            const Date until = i + 1 < d.curve.size() ? addDays(d.curve[i + 1].date, -1) : h;
            needed = needed || (point.gpus > 0.0 && from <= until && from <= h);
        }
        if (!needed)
            fail("demand.curve", "asks for no GPUs between valuation_date " +
                                     formatIsoDate(p_.valuationDate) + " and the horizon end " +
                                     formatIsoDate(h));
        std::size_t memberships = 0;
        for (const auto& a : alternatives(p_))
            memberships += a.items.size();
        if (memberships > kMaxListEntries)
            fail("alternatives", std::to_string(memberships) +
                                     " items in all; with a demand every item is costed per alternative, "
                                     "at most " +
                                     std::to_string(kMaxListEntries));
    }

    // docs/model.md 12.2: prices on increasing dates, each above 0; of a known SKU when one is named.
    void checkForwardCurve(const ForwardCurve& c) {
        const std::string path = "market.gpu_price.forward_curve";
        if (c.sku) {
            name(path + ".sku", *c.sku);
            sku(path + ".sku", *c.sku);
        }
        if (c.points.empty())
            fail(path + ".points", "at least one point is needed");
        listSize(path + ".points", c.points.size());
        for (std::size_t i = 0; i < c.points.size(); ++i) {
            const auto at = idx(path + ".points", i);
            checkDate(at + ".date", c.points[i].date);
            above(at + ".price", c.points[i].price, 0.0);
            atMost(at + ".price", c.points[i].price, kMaxForwardPrice);
            if (i > 0 && c.points[i].date <= c.points[i - 1].date)
                fail(at + ".date", formatIsoDate(c.points[i].date) + " is not after " +
                                       idx(path + ".points", i - 1) + ".date " +
                                       formatIsoDate(c.points[i - 1].date));
        }
    }

    void checkMarket() {
        const auto& m = p_.market;
        finite("market.gpu_price.trend_per_year", m.gpuPrice.trendPerYear);
        inRange("market.gpu_price.trend_per_year", m.gpuPrice.trendPerYear, -kMaxAbsGpuTrendPerYear,
                kMaxAbsGpuTrendPerYear);
        checkOu("market.gpu_price", m.gpuPrice.reversionPerYear, m.gpuPrice.volatility);
        if (m.gpuPrice.forwardCurve)
            checkForwardCurve(*m.gpuPrice.forwardCurve);
        checkOu("market.utilization", m.utilization.reversionPerYear, m.utilization.volatility);
        checkOu("market.power_price", m.powerPrice.reversionPerYear, m.powerPrice.volatility);
        checkOu("market.demand", m.demand.reversionPerYear, m.demand.volatility);
        // With a demand the utilization curves are not used, so their uncertainty would be ignored.
        if (p_.demand && m.utilization.volatility > 0.0)
            fail("market.utilization.volatility",
                 formatNumber(m.utilization.volatility) +
                     " is above 0 beside a demand, where it would be ignored: give the demand's "
                     "uncertainty as market.demand.volatility");
        if (m.demand.volatility > 0.0 && !p_.demand)
            fail("market.demand.volatility", formatNumber(m.demand.volatility) +
                                                 " is above 0 without a demand (add one, or set it to 0)");
        if (m.nextGeneration) {
            const auto& g = *m.nextGeneration;
            checkDate("market.next_generation.launch_earliest", g.launchEarliest);
            checkDate("market.next_generation.launch_mode", g.launchMode);
            checkDate("market.next_generation.launch_latest", g.launchLatest);
            if (g.launchMode < g.launchEarliest)
                fail("market.next_generation.launch_mode", formatIsoDate(g.launchMode) +
                                                               " is before launch_earliest " +
                                                               formatIsoDate(g.launchEarliest));
            if (g.launchLatest < g.launchMode)
                fail("market.next_generation.launch_latest",
                     formatIsoDate(g.launchLatest) + " is before launch_mode " + formatIsoDate(g.launchMode));
            inRange("market.next_generation.price_drop_min", g.priceDropMin, 0.0, 0.99);
            inRange("market.next_generation.price_drop_max", g.priceDropMax, 0.0, 0.99);
            if (g.priceDropMax < g.priceDropMin)
                fail("market.next_generation.price_drop_max", formatNumber(g.priceDropMax) +
                                                                  " is below price_drop_min " +
                                                                  formatNumber(g.priceDropMin));
        }
        checkCorrelation(m.correlation);
        above("market.replacement_premium", m.replacementPremium, 0.0);
        atMost("market.replacement_premium", m.replacementPremium, 100.0);
        above("market.on_demand_premium", m.onDemandPremium, 0.0);
        atMost("market.on_demand_premium", m.onDemandPremium, 100.0);
        above("market.scarcity_premium", m.scarcityPremium, 0.0);
        atMost("market.scarcity_premium", m.scarcityPremium, 100.0);
        if (m.spotCovers) {
            bool found = false;
            for (const auto& a : alternatives(p_))
                found = found || a.id == *m.spotCovers;
            if (!found)
                fail("market.spot_covers", "no alternative has id \"" + *m.spotCovers + "\"");
        }
    }

    void checkCorrelation(const CorrelationMatrix& r) {
        Eigen::Matrix3d m;
        for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) {
                const std::string path =
                    "market.correlation[" + std::to_string(i) + "][" + std::to_string(j) + "]";
                inRange(path, r[i][j], -1.0, 1.0);
                if (i == j && r[i][j] != 1.0)
                    fail(path,
                         formatNumber(r[i][j]) + " is not 1 (a correlation matrix has a unit diagonal)");
                if (r[i][j] != r[j][i])
                    fail(path, formatNumber(r[i][j]) + " differs from [" + std::to_string(j) + "][" +
                                   std::to_string(i) + "] " + formatNumber(r[j][i]) +
                                   " (the matrix must be symmetric)");
                m(i, j) = r[i][j];
            }
        }
        Eigen::LLT<Eigen::Matrix3d> llt(m);
        bool pd = llt.info() == Eigen::Success;
        if (pd) {
            for (int i = 0; i < 3; ++i)
                pd = pd && llt.matrixL()(i, i) > 1e-12;
        }
        if (!pd)
            fail("market.correlation", "the matrix is not positive definite");
    }

    void checkSimulation() {
        if (p_.simulation.paths < 1 || p_.simulation.paths > kMaxPaths)
            fail("simulation.paths",
                 std::to_string(p_.simulation.paths) + " is outside 1.." + std::to_string(kMaxPaths));
        if (p_.simulation.seed > kMaxSeed)
            fail("simulation.seed", std::to_string(p_.simulation.seed) + " is above 2^53 - 1 (" +
                                        std::to_string(kMaxSeed) +
                                        "), the largest seed a JSON number holds exactly");
    }

    // The tornado's settings (MODEL.md 7): a known input, each setting finite and within the
    // input's bounds. Low above high is allowed (a setting may lie on either side of the base), and
    // so is low equal to high (a bar of no width).
    void checkSensitivity() {
        for (const auto& [id, range] : p_.sensitivity) {
            const std::string path = "sensitivity." + id;
            const SensitivityInputInfo* info = findSensitivityInput(id);
            if (!info)
                fail(path, "is not a sensitivity input (one of " + sensitivityInputIds() + ")");
            inRange(path + ".low", range.low, info->min, info->max);
            inRange(path + ".high", range.high, info->min, info->max);
        }
    }

    const Portfolio& p_;
    const SkuCatalog& catalog_;
    std::set<std::string> providers_;
    std::set<std::string> optionIds_;
};

} // namespace

std::optional<ValidationError> validatePortfolio(const Portfolio& p, const SkuCatalog& catalog) {
    try {
        Validator(p, catalog).run();
    } catch (const Failure& f) {
        return f.error;
    }
    return std::nullopt;
}

} // namespace ledger
