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
    in.taxRate = r.scalar<double>("taxRate");
    in.gpuTrend = r.scalar<double>("gpuTrend");
    in.gpuDecay = r.scalar<double>("gpuDecay");
    in.gpuScale = r.scalar<double>("gpuScale");
    in.utilDecay = r.scalar<double>("utilDecay");
    in.utilScale = r.scalar<double>("utilScale");
    in.powerDecay = r.scalar<double>("powerDecay");
    in.powerScale = r.scalar<double>("powerScale");
    in.utilStochastic = r.scalar<bool>("utilStochastic");
    in.hasNextGeneration = r.scalar<bool>("hasNextGeneration");
    in.launchEarliest = r.scalar<double>("launchEarliest");
    in.launchMode = r.scalar<double>("launchMode");
    in.launchLatest = r.scalar<double>("launchLatest");
    in.dropMin = r.scalar<double>("dropMin");
    in.dropMax = r.scalar<double>("dropMax");
    in.replacementPremium = r.scalar<double>("replacementPremium");
    in.onDemandPremium = r.scalar<double>("onDemandPremium");
    std::vector<double> fixed;
    const double* unused = nullptr;
    r.array("cholesky", 9, fixed, &unused);
    for (int i = 0; i < 9; ++i)
        in.cholesky[i] = fixed[std::size_t(i)];
    r.array("providerHazard", std::size_t(in.providers), fixed, &unused);
    for (int i = 0; i < in.providers; ++i)
        in.providerHazard[i] = fixed[std::size_t(i)];

    const std::size_t K = std::size_t(in.periods), N = std::size_t(in.items), KN = K * N;
    r.array("periodEndDf", K, out.periodEndDf, &in.periodEndDf);
    r.array("periodTime", K, out.periodTime, &in.periodTime);
    r.array("baseLogIndex", K, out.baseLogIndex, &in.baseLogIndex);
    r.array("periodYear", K, out.periodYear, &in.periodYear);
    r.array("kind", N, out.kind, &in.kind);
    r.array("provider", N, out.provider, &in.provider);
    r.array("upfrontPeriod", N, out.upfrontPeriod, &in.upfrontPeriod);
    r.array("prepaidPeriod", N, out.prepaidPeriod, &in.prepaidPeriod);
    r.array("disposalPeriod", N, out.disposalPeriod, &in.disposalPeriod);
    r.array("coveredBySpot", N, out.coveredBySpot, &in.coveredBySpot);
    r.array("perfIndex", N, out.perfIndex, &in.perfIndex);
    r.array("marketPrice", N, out.marketPrice, &in.marketPrice);
    r.array("takeOrPay", N, out.takeOrPay, &in.takeOrPay);
    r.array("payShare", N, out.payShare, &in.payShare);
    r.array("idleFraction", N, out.idleFraction, &in.idleFraction);
    r.array("upfrontAmount", N, out.upfrontAmount, &in.upfrontAmount);
    r.array("upfrontDf", N, out.upfrontDf, &in.upfrontDf);
    r.array("residualValue", N, out.residualValue, &in.residualValue);
    r.array("nbvTaxAtDisposal", N, out.nbvTaxAtDisposal, &in.nbvTaxAtDisposal);
    r.array("prepaymentFraction", N, out.prepaymentFraction, &in.prepaymentFraction);
    r.array("totalContractValue", N, out.totalContractValue, &in.totalContractValue);
    r.array("recoveryRate", N, out.recoveryRate, &in.recoveryRate);
    r.array("slotAlternativeOffsets", N + 2, out.slotAlternativeOffsets, &in.slotAlternativeOffsets);
    const int memberships = out.slotAlternativeOffsets.back();
    if (memberships < 0)
        r.fail("slotAlternativeOffsets", "ends below 0");
    r.array("slotAlternatives", std::size_t(memberships), out.slotAlternatives, &in.slotAlternatives);
    for (int a : out.slotAlternatives)
        if (a < 0 || a >= in.alternatives)
            r.fail("slotAlternatives", "names an alternative that is not there");
    r.array("hours", KN, out.hours, &in.hours);
    r.array("baseUtil", KN, out.baseUtil, &in.baseUtil);
    r.array("expNegLogitUtil", KN, out.expNegLogitUtil, &in.expNegLogitUtil);
    r.array("cashDf", KN, out.cashDf, &in.cashDf);
    r.array("billedAtFull", KN, out.billedAtFull, &in.billedAtFull);
    r.array("cumulativeBilled", KN, out.cumulativeBilled, &in.cumulativeBilled);
    r.array("mwhAtFullUse", KN, out.mwhAtFullUse, &in.mwhAtFullUse);
    r.array("powerPrice", KN, out.powerPrice, &in.powerPrice);
    r.array("fixedCost", KN, out.fixedCost, &in.fixedCost);
    r.array("taxDepreciation", KN, out.taxDepreciation, &in.taxDepreciation);
    const json& ids = r.field("alternative_ids");
    out.alternativeIds.clear();
    for (const json& id : ids)
        out.alternativeIds.push_back(id.is_string() ? id.get<std::string>() : std::string("?"));
    if (int(out.alternativeIds.size()) != in.alternatives)
        r.fail("alternative_ids", "does not name every alternative");
}

} // namespace ledger::gpucheck
