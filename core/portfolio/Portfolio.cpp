#include "portfolio/Portfolio.h"

namespace ledger {

std::string_view toString(LeaseClassification c) {
    return c == LeaseClassification::Finance ? "finance" : "operating";
}

std::optional<LeaseClassification> leaseClassificationFromString(std::string_view s) {
    for (auto c : {LeaseClassification::Operating, LeaseClassification::Finance})
        if (toString(c) == s)
            return c;
    return std::nullopt;
}

std::string_view toString(OptionKind k) {
    switch (k) {
    case OptionKind::Extend:
        return "extend";
    case OptionKind::Expand:
        return "expand";
    case OptionKind::Terminate:
        return "terminate";
    }
    return "extend";
}

std::optional<OptionKind> optionKindFromString(std::string_view s) {
    for (auto k : {OptionKind::Extend, OptionKind::Expand, OptionKind::Terminate})
        if (toString(k) == s)
            return k;
    return std::nullopt;
}

double utilizationOn(const UtilizationCurve& curve, const Date& d) {
    // Before the first point the first value applies (docs/model.md): a curve that starts late
    // should not jump to 100% for the days before it.
    const UtilizationPoint* earliest = nullptr;
    const UtilizationPoint* latest = nullptr;
    for (const auto& p : curve) {
        if (p.date <= d && (!latest || p.date >= latest->date))
            latest = &p;
        if (!earliest || p.date < earliest->date)
            earliest = &p;
    }
    if (latest)
        return latest->value;
    return earliest ? earliest->value : 1.0;
}

} // namespace ledger
