#pragma once
// The flat, pointer-only view of a compiled portfolio that the path function reads. Plain data so
// that it can be copied to a GPU as is (device pointers replacing host pointers). Its fields are
// declared once, in engine/PathArrays.h.
#include "engine/LedgerHD.h"
#include "engine/PathArrays.h"
#include "portfolio/Limits.h"

#include <cstddef>
#include <vector>

namespace ledger {

// The kinds of item, in the order they are compiled (each kind's step: engine/ItemKinds.h).
enum class ItemKind { Contract = 0, Fleet = 1 };
constexpr int kItemKinds = 2;

// "Never" as a time in years or a period: beyond any horizon (no next generation, no default).
constexpr double kNever = 1e300;

enum class ArrayExtent { Periods, Items, ItemPeriods, AlternativePeriods, SlotOffsets, Memberships };

struct PathInputs {
#define LEDGER_SCALAR_FIELD(type, name, initial, what) type name = initial;
    LEDGER_PATH_SCALARS(LEDGER_SCALAR_FIELD)
#undef LEDGER_SCALAR_FIELD
    double cholesky[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1}; // row-major lower triangle L of the correlation
    double providerHazard[kMaxProviders] = {};        // the first `providers` are used
    // A default on a chosen day (docs/model.md 12.7): the period containing the earliest
    // default_date of the provider's contracts, `periods` when none; the first `providers` are used.
    int providerForcedDefault[kMaxProviders] = {};
    int kindBegin[kItemKinds + 1] = {}; // items of kind c: [kindBegin[c], kindBegin[c + 1])

#define LEDGER_ARRAY_FIELD(type, name, extent, fill, what) const type* name = nullptr;
    LEDGER_PATH_ARRAYS(LEDGER_ARRAY_FIELD)
#undef LEDGER_ARRAY_FIELD
};

// The slots a path's flows go to: the items, spot (slot `items`), and with a demand each of the
// portfolio's alternatives' shortfall (shortfallSlot). A slot's flows cost the alternatives
// slotAlternatives lists for it.
LEDGER_HD inline int pathSlots(const PathInputs& in) {
    return in.items + (in.hasDemand ? in.alternatives : 1);
}
// Where alternative a's shortfall bought at spot goes (MODEL.md 8): spot's own slot for spot.
LEDGER_HD inline int shortfallSlot(const PathInputs& in, int a) {
    return a == in.alternatives - 1 ? in.items : in.items + 1 + a;
}

// How many elements an array of that extent holds (Memberships reads the offsets, so the view must
// be a host one, or the count taken before the upload).
inline std::size_t arrayLength(const PathInputs& in, ArrayExtent e) {
    const std::size_t K = std::size_t(in.periods), N = std::size_t(in.items);
    switch (e) {
    case ArrayExtent::Periods:
        return K;
    case ArrayExtent::Items:
        return N;
    case ArrayExtent::ItemPeriods:
        return K * N;
    case ArrayExtent::AlternativePeriods:
        return in.hasDemand ? K * std::size_t(in.alternatives) : 0;
    case ArrayExtent::SlotOffsets:
        return std::size_t(pathSlots(in)) + 1;
    case ArrayExtent::Memberships:
        return in.slotAlternativeOffsets ? std::size_t(in.slotAlternativeOffsets[pathSlots(in)]) : 0;
    }
    return 0;
}

// f(name, field, extent) for every array: field is `const T*&`, so f may repoint it (an upload).
template <class F> void forEachPathArray(PathInputs& in, F&& f) {
#define LEDGER_VISIT(type, name, extent, fill, what) f(#name, in.name, ArrayExtent::extent);
    LEDGER_PATH_ARRAYS(LEDGER_VISIT)
#undef LEDGER_VISIT
}
// f(name, values, extent) for every array of a view that stays as it is.
template <class F> void forEachPathArray(const PathInputs& in, F&& f) {
#define LEDGER_VISIT(type, name, extent, fill, what)                                                         \
    f(#name, static_cast<const type*>(in.name), ArrayExtent::extent);
    LEDGER_PATH_ARRAYS(LEDGER_VISIT)
#undef LEDGER_VISIT
}
// f(name, field) for every scalar (field: a reference to it).
template <class In, class F> void forEachPathScalar(In& in, F&& f) {
#define LEDGER_VISIT(type, name, initial, what) f(#name, in.name);
    LEDGER_PATH_SCALARS(LEDGER_VISIT)
#undef LEDGER_VISIT
}

// Owned storage for every array (host memory), and the view onto it.
struct PathArrayStorage {
#define LEDGER_STORAGE(type, name, extent, fill, what) std::vector<type> name;
    LEDGER_PATH_ARRAYS(LEDGER_STORAGE)
#undef LEDGER_STORAGE

    // Sizes every per-period, per-item and per-item-and-period array for K periods and N items,
    // each filled with its declared value (the slot arrays are built, not sized).
    void size(int K, int N) {
        const std::size_t k = std::size_t(K), n = std::size_t(N);
#define LEDGER_SIZE(type, name, extent, fill, what)                                                          \
    sizeArray(name, ArrayExtent::extent, k, n, static_cast<type>(fill));
        LEDGER_PATH_ARRAYS(LEDGER_SIZE)
#undef LEDGER_SIZE
    }
    // Points every array of `in` at this storage (an empty array: nullptr).
    void bind(PathInputs& in) const {
#define LEDGER_BIND(type, name, extent, fill, what) in.name = (name).empty() ? nullptr : (name).data();
        LEDGER_PATH_ARRAYS(LEDGER_BIND)
#undef LEDGER_BIND
    }

    // f(name, storage, field, extent) for every array: its vector here and its pointer in `in`.
    template <class F> void visit(PathInputs& in, F&& f) {
#define LEDGER_PAIR(type, name, extent, fill, what) f(#name, name, in.name, ArrayExtent::extent);
        LEDGER_PATH_ARRAYS(LEDGER_PAIR)
#undef LEDGER_PAIR
    }

private:
    template <class T>
    static void sizeArray(std::vector<T>& v, ArrayExtent e, std::size_t k, std::size_t n, T fill) {
        switch (e) {
        case ArrayExtent::Periods:
            v.assign(k, fill);
            break;
        case ArrayExtent::Items:
            v.assign(n, fill);
            break;
        case ArrayExtent::ItemPeriods:
            v.assign(k * n, fill);
            break;
        case ArrayExtent::AlternativePeriods: // sized when a demand is compiled
        case ArrayExtent::SlotOffsets:
        case ArrayExtent::Memberships:
            break;
        }
    }
};

} // namespace ledger
