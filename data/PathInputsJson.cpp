#include "data/PathInputsJson.h"

#include <QJsonArray>

#include <type_traits>

namespace ledger::data {

namespace {

template <class T> QJsonArray array(const T* values, std::size_t count) {
    QJsonArray a;
    for (std::size_t i = 0; i < count; ++i)
        a.append(double(values[i]));
    return a;
}

template <class T> const char* typeName() {
    if constexpr (std::is_same_v<T, double>)
        return "double";
    else if constexpr (std::is_same_v<T, int>)
        return "int";
    else
        return "uint8";
}

} // namespace

// Every scalar and array of engine/PathArrays.h by its name, and "array_types" saying each array's
// element type, so that a reader needs no list of its own.
QJsonObject pathInputsToJson(const CompiledPortfolio& cp) {
    const PathInputs& in = cp.inputs();
    QJsonArray ids;
    for (const auto& a : cp.alternatives())
        ids.append(QString::fromStdString(a.id));
    ids.append(kSpotAlternativeId);
    QJsonObject o{{"alternative_ids", ids},
                  {"cholesky", array(in.cholesky, 9)},
                  {"providerHazard", array(in.providerHazard, std::size_t(in.providers))},
                  {"providerForcedDefault", array(in.providerForcedDefault, std::size_t(in.providers))},
                  {"kindBegin", array(in.kindBegin, std::size_t(kItemKinds) + 1)}};
    forEachPathScalar(in, [&](const char* name, const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, bool>)
            o[name] = value;
        else
            o[name] = double(value);
    });
    QJsonObject types;
    forEachPathArray(in, [&](const char* name, const auto* values, ArrayExtent extent) {
        o[name] = array(values, arrayLength(in, extent));
        types[name] = typeName<std::decay_t<decltype(*values)>>();
    });
    o["array_types"] = types;
    return o;
}

} // namespace ledger::data
