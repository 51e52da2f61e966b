#pragma once
// One table per item kind of its fields: the JSON key, the .cledger column, the type, whether and how
// a missing value defaults, the bounds, the editor's label, unit and tooltip, and how the field is
// read from and written to the item. The JSON reader and writer, validation's bounds, the .cledger
// reader and writer, CSV import and export, the editor's field list and a typed edit all walk these
// tables, so a new field of a contract or fleet is one row here and one member of its struct.
#include "calendar/Date.h"
#include "portfolio/Portfolio.h"

#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace ledger {

enum class FieldType {
    Text,     // std::string
    Number,   // double
    Integer,  // a whole number (int in the struct, long long on the way)
    Date,     // an ISO date in files
    Choice,   // one keyword of the field's `choices` (a depreciation method, a lease classification)
    Tranches, // a contract's committed GPUs from each date on (its own table, list or cell)
};

// What a reader does with a field the input leaves out.
enum class Presence {
    Required,  // refused: "missing"
    Defaulted, // the field's `fallback` applies (text: empty)
    Optional,  // "not given" is kept: the engine resolves it (the implied price, the SKU's capex)
};

// What validation asks of a text besides its length.
enum class TextRule {
    Name,      // an id, a name or a provider: not empty, not blank, at most kMaxNameBytes
    Notes,     // free text: at most kMaxNotesBytes
    Reference, // the id of a SKU: the validator looks it up
};

// Where a field appears besides the JSON file, the .cledger document and validation, which hold
// every field.
enum FieldShown : unsigned { kInCsv = 1u, kInEditor = 2u };

// A field's value on its way between a reader or editor and the item: absent, or of its type.
using FieldValue = std::variant<std::monostate, double, long long, std::string, Date, std::vector<Tranche>>;

// Bounds validation checks (numbers and whole numbers): "0.5 must be above 1", "4000 is outside 0..3650
// days".
struct Bounds {
    double lo = -std::numeric_limits<double>::infinity();
    bool loOpen = false;
    double hi = std::numeric_limits<double>::infinity();
    bool hiOpen = false;
};

// The bit of an option kind in ItemField::takenBy.
constexpr unsigned optionKindBit(OptionKind k) {
    return 1u << unsigned(k);
}

// How a field is read from and written to its item (field_access::member below).
template <class Item> struct FieldAccess {
    FieldValue (*get)(const Item&);
    bool (*set)(Item&, const FieldValue&); // false: a value not of the field's type or choices
};

template <class Item> struct ItemField {
    const char* key;    // JSON key under the item; "book_depreciation.method" inside a nested object
    const char* column; // its .cledger column (a Tranches field has its own table)
    FieldType type = FieldType::Number;
    Presence presence = Presence::Required;
    double fallback = 0.0; // a Defaulted number's or whole number's default
    Bounds bounds{};
    TextRule text = TextRule::Name; // Text fields only
    const char* choices = nullptr;  // Choice fields: "straight_line, declining_balance, ..."
    const char* label = "";
    const char* unit = ""; // also the unit word of a whole number's message ("days")
    const char* tooltip = "";
    unsigned shown = kInCsv; // FieldShown bits
    // A contract option's field: the kinds that take it, a bit per OptionKind (optionKindBit); a
    // kind that does not take it refuses it (docs/file-format.md, "Contract options": "for").
    unsigned takenBy = ~0u;
    FieldAccess<Item> access{};
};

// ---- the accessors the tables are made of: a member, or a member of a member ----------------------

namespace field_access {

inline FieldValue toValue(const std::string& v) {
    return v;
}
inline FieldValue toValue(double v) {
    return v;
}
inline FieldValue toValue(int v) {
    return (long long)v;
}
inline FieldValue toValue(const Date& v) {
    return v;
}
inline FieldValue toValue(const std::vector<Tranche>& v) {
    return v;
}
inline FieldValue toValue(DepreciationMethod m) {
    return std::string(toString(m));
}
inline FieldValue toValue(LeaseClassification c) {
    return std::string(toString(c));
}
inline FieldValue toValue(OptionKind k) {
    return std::string(toString(k));
}
template <class T> FieldValue toValue(const std::optional<T>& v) {
    return v ? toValue(*v) : FieldValue{};
}

template <class T> bool fromValue(const FieldValue& v, T& out) {
    if (const T* held = std::get_if<T>(&v)) {
        out = *held;
        return true;
    }
    return false;
}
inline bool fromValue(const FieldValue& v, int& out) {
    const long long* held = std::get_if<long long>(&v);
    if (!held || *held < std::numeric_limits<int>::min() || *held > std::numeric_limits<int>::max())
        return false;
    out = int(*held);
    return true;
}
inline bool fromValue(const FieldValue& v, DepreciationMethod& out) {
    const std::string* held = std::get_if<std::string>(&v);
    const auto m = held ? depreciationMethodFromString(*held) : std::nullopt;
    if (m)
        out = *m;
    return m.has_value();
}
inline bool fromValue(const FieldValue& v, LeaseClassification& out) {
    const std::string* held = std::get_if<std::string>(&v);
    const auto c = held ? leaseClassificationFromString(*held) : std::nullopt;
    if (c)
        out = *c;
    return c.has_value();
}
inline bool fromValue(const FieldValue& v, OptionKind& out) {
    const std::string* held = std::get_if<std::string>(&v);
    const auto k = held ? optionKindFromString(*held) : std::nullopt;
    if (k)
        out = *k;
    return k.has_value();
}
template <class T> bool fromValue(const FieldValue& v, std::optional<T>& out) {
    if (std::holds_alternative<std::monostate>(v)) {
        out.reset();
        return true;
    }
    T held{};
    if (!fromValue(v, held))
        return false;
    out = held;
    return true;
}

// item.*m0.*m1...: the member a path of member pointers names (const when the item is).
template <class T> T& follow(T& x) {
    return x;
}
template <class T, class M, class... Ms> decltype(auto) follow(T& x, M m, Ms... rest) {
    return follow(x.*m, rest...);
}

template <class Item, auto... Path> FieldValue get(const Item& item) {
    return toValue(follow(item, Path...));
}
template <class Item, auto... Path> bool set(Item& item, const FieldValue& v) {
    return fromValue(v, follow(item, Path...));
}

// The accessors of item.*Path[0].*Path[1]...: member<Fleet, &Fleet::bookDepreciation,
// &DepreciationSpec::method>.
template <class Item, auto... Path>
inline constexpr FieldAccess<Item> member{&get<Item, Path...>, &set<Item, Path...>};

} // namespace field_access

// The fields of each item kind, in the order files list them and validation checks them.
const std::vector<ItemField<Contract>>& contractFields();
const std::vector<ItemField<Fleet>>& fleetFields();
// A contract option's fields (docs/model.md 17), under "contracts[i].options[j]".
const std::vector<ItemField<ContractOption>>& contractOptionFields();
// The portfolio's own editable fields (name, valuation date, assumptions), paths from the root.
const std::vector<ItemField<Portfolio>>& portfolioFields();

// The item kinds of a portfolio: a closed set, each with its list in the portfolio, its JSON key
// and its table. forEachItemKind visits them in compile order (engine/PathInputs.h's ItemKind).
template <class Item> struct ItemKindInfo;
template <> struct ItemKindInfo<Contract> {
    static constexpr const char* list = "contracts";
    static std::vector<Contract>& items(Portfolio& p) { return p.contracts; }
    static const std::vector<Contract>& items(const Portfolio& p) { return p.contracts; }
    static const std::vector<ItemField<Contract>>& fields() { return contractFields(); }
};
template <> struct ItemKindInfo<Fleet> {
    static constexpr const char* list = "fleets";
    static std::vector<Fleet>& items(Portfolio& p) { return p.fleets; }
    static const std::vector<Fleet>& items(const Portfolio& p) { return p.fleets; }
    static const std::vector<ItemField<Fleet>>& fields() { return fleetFields(); }
};
template <class F> void forEachItemKind(F&& f) {
    f(std::type_identity<Contract>{});
    f(std::type_identity<Fleet>{});
}

// The field of `fields` with JSON key `key`, or null.
template <class Item>
const ItemField<Item>* findField(const std::vector<ItemField<Item>>& fields, std::string_view key) {
    for (const auto& f : fields)
        if (key == f.key)
            return &f;
    return nullptr;
}

// Sets a field from what a reader or an editor holds: an absent value takes the default of a
// Defaulted field and clears an Optional one. Returns the problem ("missing", "\"x\" is not one of
// ...", "40000 is outside 0..3650 days") or nullopt when set.
template <class Item>
std::optional<std::string> assignField(const ItemField<Item>& f, Item& item, FieldValue value);

// The bounds problem of a number or whole number ("0.5 must be above 1"), or nullopt.
std::optional<std::string> boundsProblem(FieldType type, const Bounds& b, double v, const char* unit);

} // namespace ledger
