#include "gpu/check/PathInputsFile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <stdexcept>
#include <type_traits>

namespace ledger::gpucheck {

namespace {

using nlohmann::json;

class Reader {
public:
    Reader(const json& j, std::string path)
        : j_(j)
        , path_(std::move(path)) {}

    const json& field(const char* name) const {
        if (!j_.contains(name))
            fail(name, "is missing");
        return j_.at(name);
    }
    template <class T> T scalar(const char* name) const {
        const json& v = field(name);
        if (!v.is_number() && !v.is_boolean())
            fail(name, "is not a number");
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
            return T(whole(name, v));
        return v.get<T>();
    }
    // An array of `count` numbers into v; *pointer then points at them.
    template <class T>
    void array(const char* name, std::size_t count, std::vector<T>& v, const T** pointer) const {
        const json& a = field(name);
        if (!a.is_array() || a.size() != count)
            fail(name, "is not an array of " + std::to_string(count) + " numbers");
        v.clear();
        v.reserve(count);
        for (const json& x : a) {
            if (!x.is_number())
                fail(name, "holds something that is not a number");
            if constexpr (std::is_integral_v<T>)
                v.push_back(T(whole(name, x)));
            else
                v.push_back(T(x.get<double>()));
        }
        *pointer = count ? v.data() : nullptr;
    }

    // A count, index or flag: a whole number an int holds (a cast of anything else is undefined).
    int whole(const char* name, const json& x) const {
        const double d = x.get<double>();
        if (!(d == std::floor(d) && d >= -2147483648.0 && d <= 2147483647.0))
            fail(name, "holds " + x.dump() + ", not a whole number an int holds");
        return int(d);
    }

    [[noreturn]] void fail(const char* name, const std::string& problem) const {
        throw std::runtime_error(path_ + ": " + name + ": " + problem);
    }

private:
    const json& j_;
    std::string path_;
};

} // namespace

void readPathInputsFile(const std::string& path, PathInputsFile& out) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error(path + ": cannot be read");
    json j;
    try {
        j = json::parse(file);
    } catch (const json::exception& e) {
        throw std::runtime_error(path + ": not JSON: " + e.what());
    }
    const Reader r(j, path);
    PathInputs& in = out.inputs;
    in = PathInputs{};
    in.periods = r.scalar<int>("periods");
    in.items = r.scalar<int>("items");
    in.providers = r.scalar<int>("providers");
    in.years = r.scalar<int>("years");
    in.alternatives = r.scalar<int>("alternatives");
    if (in.periods < 1 || in.items < 1 || in.providers < 0 || in.providers > kMaxProviders || in.years < 0 ||
        in.alternatives < 1)
        r.fail("periods", "the sizes (periods, items, providers, years, alternatives) are out of range");
    forEachPathScalar(
        in, [&](const char* name, auto& value) { value = r.scalar<std::decay_t<decltype(value)>>(name); });
    std::vector<double> fixed;
    const double* unused = nullptr;
    r.array("cholesky", 9, fixed, &unused);
    for (int i = 0; i < 9; ++i)
        in.cholesky[i] = fixed[std::size_t(i)];
    r.array("providerHazard", std::size_t(in.providers), fixed, &unused);
    for (int i = 0; i < in.providers; ++i)
        in.providerHazard[i] = fixed[std::size_t(i)];
    std::vector<int> forced;
    const int* unusedForced = nullptr;
    r.array("providerForcedDefault", std::size_t(in.providers), forced, &unusedForced);
    for (int i = 0; i < in.providers; ++i) {
        in.providerForcedDefault[i] = forced[std::size_t(i)];
        if (in.providerForcedDefault[i] < 0 || in.providerForcedDefault[i] > in.periods)
            r.fail("providerForcedDefault", "holds a period outside 0 .. periods");
    }
    std::vector<int> kinds;
    const int* unusedKinds = nullptr;
    r.array("kindBegin", std::size_t(kItemKinds) + 1, kinds, &unusedKinds);
    for (int c = 0; c <= kItemKinds; ++c) {
        in.kindBegin[c] = kinds[std::size_t(c)];
        if (in.kindBegin[c] < (c ? in.kindBegin[c - 1] : 0) || in.kindBegin[c] > in.items)
            r.fail("kindBegin", "is not a rising list of item indices");
    }
    if (in.kindBegin[0] != 0 || in.kindBegin[kItemKinds] != in.items)
        r.fail("kindBegin", "does not cover the items");

    // Every array of engine/PathArrays.h, in its order: the offsets come before the memberships
    // whose count they give.
    PathArrayStorage& a = out.arrays;
    a.visit(in, [&](const char* name, auto& storage, auto*& field, ArrayExtent extent) {
        if (extent == ArrayExtent::Memberships && in.slotAlternativeOffsets[pathSlots(in)] < 0)
            r.fail("slotAlternativeOffsets", "ends below 0");
        r.array(name, arrayLength(in, extent), storage, &field);
    });
    for (int alternative : a.slotAlternatives)
        if (alternative < 0 || alternative >= in.alternatives)
            r.fail("slotAlternatives", "names an alternative that is not there");
    // Every index the path function follows must land inside its array.
    if (in.years < 1)
        r.fail("years", "must be at least 1 (the periods start in some year)");
    for (int y : a.periodYear)
        if (y < 0 || y >= in.years)
            r.fail("periodYear", "holds a year outside 0 .. years - 1");
    if (a.slotAlternativeOffsets.front() != 0)
        r.fail("slotAlternativeOffsets", "does not start at 0");
    for (std::size_t s = 1; s < a.slotAlternativeOffsets.size(); ++s)
        if (a.slotAlternativeOffsets[s] < a.slotAlternativeOffsets[s - 1])
            r.fail("slotAlternativeOffsets", "falls somewhere");
    int variants = 0;
    for (int i = 0; i < in.items; ++i) {
        const std::size_t at = std::size_t(i);
        const int kind = a.kind[at];
        if (kind < 0 || kind >= kItemKinds || i < in.kindBegin[kind] || i >= in.kindBegin[kind + 1])
            r.fail("kind", "disagrees with kindBegin at item " + std::to_string(i));
        if (kind == int(ItemKind::Contract) && (a.provider[at] < 0 || a.provider[at] >= in.providers))
            r.fail("provider", "names a provider that is not there at item " + std::to_string(i));
        // With a demand (MODEL.md 8) each item is costed in one of the portfolio's alternatives.
        if (in.hasDemand && (a.demandGroup[at] < 0 || a.demandGroup[at] >= in.alternatives - 1))
            r.fail("demandGroup", "names an alternative that is not there at item " + std::to_string(i));
        // A fleet's capex and resale factors live in a path's fixed array (docs/model.md 12.13).
        if (a.fleetSlot[at] >= in.uncertainFleets || (a.fleetSlot[at] >= 0 && a.fleetDraw[at] < 0))
            r.fail("fleetSlot", "names a slot that is not there at item " + std::to_string(i));
        // A copy for one delivery delay (12.14) is a fleet's, drawn in its slot.
        if (a.deliveryVariant[at] >= 0 && (kind != int(ItemKind::Fleet) || a.fleetSlot[at] < 0))
            r.fail("deliveryVariant", "is set on an item without a fleet slot at item " + std::to_string(i));
        if (a.deliveryVariant[at] >= 0)
            ++variants;
    }
    if (variants != in.deliveryVariants)
        r.fail("deliveryVariants", "disagrees with the items' deliveryVariant");
    // With a demand a path holds each alternative's capacity while a delivery is uncertain.
    if (in.hasDemand && in.deliveryVariants > 0 && in.alternatives > kMaxAlternativesWithDelay + 1)
        r.fail("alternatives", "more than " + std::to_string(kMaxAlternativesWithDelay) +
                                   " with a demand and an uncertain delivery");
    if (in.uncertainFleets < 0 || in.uncertainFleets > kMaxUncertainFleets)
        r.fail("uncertainFleets", "is outside 0 .. " + std::to_string(kMaxUncertainFleets));
    const json& ids = r.field("alternative_ids");
    out.alternativeIds.clear();
    for (const json& id : ids)
        out.alternativeIds.push_back(id.is_string() ? id.get<std::string>() : std::string("?"));
    if (int(out.alternativeIds.size()) != in.alternatives)
        r.fail("alternative_ids", "does not name every alternative");
}

} // namespace ledger::gpucheck
