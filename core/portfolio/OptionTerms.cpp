#include "portfolio/OptionTerms.h"

#include "calendar/Date.h"

#include <algorithm>
#include <variant>

namespace ledger {

bool optionTakes(const ItemField<ContractOption>& f, OptionKind k) {
    return (f.takenBy & optionKindBit(k)) != 0u;
}

bool optionTakes(std::string_view key, OptionKind k) {
    const ItemField<ContractOption>* f = findField(contractOptionFields(), key);
    return f && optionTakes(*f, k);
}

ReshapedOption reshapeOption(const ContractOption& o, OptionKind k, const Contract& c) {
    ReshapedOption out{o, {}, {}};
    ContractOption& r = out.option;
    r.kind = k;
    for (const auto& f : contractOptionFields())
        if (!optionTakes(f, k) && !std::holds_alternative<std::monostate>(f.access.get(r))) {
            f.access.set(r, FieldValue{});
            out.cleared.emplace_back(f.key);
        }
    // What the kind needs (validation's "missing"), in the table's order.
    if (k == OptionKind::Extend && !r.newEnd)
        r.newEnd = addYears(c.end, 1);
    if (k == OptionKind::Expand && !r.start)
        r.start = addDays(r.exerciseDate, r.leadTimeDays.value_or(0));
    if (k == OptionKind::Expand && !r.gpus)
        r.gpus = c.tranches.empty() ? 1.0 : c.tranches.back().gpus;
    if (k != OptionKind::Terminate && !r.pricePerGpuHour && !r.priceFactor)
        r.priceFactor = 1.0;
    if (k == OptionKind::Terminate && !r.fee)
        r.fee = 0.0;
    for (const auto& f : contractOptionFields())
        if (optionTakes(f, k) && std::holds_alternative<std::monostate>(f.access.get(o)) &&
            !std::holds_alternative<std::monostate>(f.access.get(r)))
            out.filled.emplace_back(f.key);
    return out;
}

std::string freeOptionId(const Portfolio& p, const std::string& base) {
    auto taken = [&](const std::string& id) {
        return std::any_of(p.contracts.begin(), p.contracts.end(), [&](const Contract& c) {
            return std::any_of(c.options.begin(), c.options.end(),
                               [&](const ContractOption& o) { return o.id == id; });
        });
    };
    std::string id = base;
    for (int n = 2; taken(id); ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

ContractOption starterOption(const Portfolio& p, const Contract& c, OptionKind k) {
    ContractOption o;
    Date exercise = addMonths(c.end, -6);
    exercise = std::max({exercise, c.start, p.valuationDate});
    if (p.assumptions.horizonEnd)
        exercise = std::min(exercise, *p.assumptions.horizonEnd);
    o.exerciseDate = exercise;
    o.kind = k;
    o = reshapeOption(o, k, c).option;
    o.id = freeOptionId(p, std::string(toString(k)) + "-" + std::to_string(int(exercise.year())));
    return o;
}

} // namespace ledger
