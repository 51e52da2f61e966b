#pragma once
// A key written twice in one JSON object is legal syntax that readers take differently (Qt keeps
// the last, others the first): a hand-edited portfolio with two "price_per_gpu_hour" entries must
// be refused, not evaluated with whichever one a parser picked. QJsonDocument cannot report them,
// so this scan runs over text QJsonDocument has already accepted as valid JSON.
#include <QByteArray>

#include <optional>
#include <string>

namespace ledger::data {

struct DuplicateKey {
    std::string path;     // JSON path of the second occurrence, e.g. "contracts[1].escalator"
    qsizetype offset = 0; // byte offset of its opening quote
};

// The first key that repeats within its object, or nullopt. `validJson` must parse as JSON.
std::optional<DuplicateKey> firstDuplicateKey(const QByteArray& validJson);

// RFC 8259 forbids a raw control character (U+0000..U+001F) inside a string, which Qt accepts: the
// byte offset of the first one, or nullopt. A NUL would cut a name short in C strings, a raw line
// break would split a "one line" message or a CSV row.
std::optional<qsizetype> firstRawControlCharacter(const QByteArray& validJson);

} // namespace ledger::data
