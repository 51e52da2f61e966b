#pragma once
// Which terms each kind of contract option takes (docs/model.md 17.1), from the option's field table
// (portfolio/ItemFields.cpp, `takenBy`), and an option made another kind or made new, to edit: what
// an editor changing an option's type or adding one does, in data only.
#include "portfolio/ItemFields.h"
#include "portfolio/Portfolio.h"

#include <string>
#include <string_view>
#include <vector>

namespace ledger {

// Whether an option of kind k takes field f of contractOptionFields() (id, type, exercise date and
// notes: every kind).
bool optionTakes(const ItemField<ContractOption>& f, OptionKind k);
// The same by the field's JSON key; false for a key the table does not have.
bool optionTakes(std::string_view key, OptionKind k);

// An option made kind k on contract c: its fields k does not take cleared, the terms k needs and it
// lacks given a starting value (an extension's new end a year after the contract's end; an
// expansion's start on the exercise date plus its lead time and its GPUs the last tranche's; either's
// price factor 1 when it has no price; a termination's fee 0). The id, exercise date, notes and every
// term both kinds take are kept. `cleared` and `filled` list the keys, in the table's order.
struct ReshapedOption {
    ContractOption option;
    std::vector<std::string> cleared;
    std::vector<std::string> filled;
};
ReshapedOption reshapeOption(const ContractOption& o, OptionKind k, const Contract& c);

// An id no option of p has: base, base-2, base-3, ...
std::string freeOptionId(const Portfolio& p, const std::string& base);

// A new option of kind k on contract c of p, to edit: exercised half a year before the contract's end
// (not before the valuation date or the contract's start, not after an explicit horizon end), its
// terms as reshapeOption starts them, its id "KIND-YEAR" of the exercise date (freeOptionId).
ContractOption starterOption(const Portfolio& p, const Contract& c, OptionKind k);

} // namespace ledger
