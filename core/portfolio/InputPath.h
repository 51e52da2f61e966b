#pragma once
// One way to name an input wherever an input is named (scenario overrides, goal seek, and later
// sweeps): a JSON Pointer (RFC 6901) into the portfolio file, in which a step into a list of items
// may also be `id=VALUE`: "/contracts/id=cw-2025/price_per_gpu_hour", "/market/gpu_price/volatility",
// "/demand/curve/2/gpus". Parsed here once; resolved against a file by the data layer, which reads
// the value as the file reader reads that input (docs/file-format.md, "Input paths").
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ledger {

struct InputPathStep {
    std::string key;                  // an object key, or a list step's digits as written
    std::optional<std::size_t> index; // a list step by position
    std::optional<std::string> id;    // a list step by the item's id (id=VALUE)
};

struct InputPath {
    std::vector<InputPathStep> steps;
};

// The path, or the problem in words ("must start with /", "~2 is not an escape (~0 or ~1)",
// "an empty id after id="). The empty pointer "" (the whole file) is refused: an input is inside it.
std::variant<InputPath, std::string> parseInputPath(std::string_view pointer);

// The path as a pointer again, each step escaped (~0, ~1): the text parseInputPath reads back.
std::string formatInputPath(const InputPath& path);

// The dotted form the file's messages and sources use ("contracts[0].tranches[1].gpus"), given each
// id step's index (resolved by the caller against the file). Steps by id without an index keep
// "[id=VALUE]".
std::string dottedInputPath(const InputPath& path);

} // namespace ledger
