#include "data/JsonDuplicateKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QString>

#include <vector>

namespace ledger::data {

namespace {

// One open object or array: its keys so far and the key whose value is being read (objects), or
// the index of the current element (arrays). Paths are built only for a duplicate, from this stack:
// copying a path per level would cost memory quadratic in the nesting of a hostile file.
struct Container {
    bool object = false;
    bool expectKey = false; // objects: the next string is a key (after '{' or ',')
    QSet<QString> keys;
    QString lastKey;
    qsizetype index = 0;
};

// The text of a string token; only escaped ones need a decoder, and the document is valid JSON.
QString decodeString(const QByteArray& token) {
    if (!token.contains('\\'))
        return QString::fromUtf8(token.mid(1, token.size() - 2));
    return QJsonDocument::fromJson("[" + token + "]").array().at(0).toString();
}

// "contracts[1].price_per_gpu_hour", in JsonObjectReader's notation.
std::string pathOf(const std::vector<Container>& open) {
    std::string path;
    for (const Container& c : open) {
        if (c.object) {
            if (!path.empty())
                path += '.';
            path += c.lastKey.toStdString();
        } else {
            path += '[';
            path += std::to_string(c.index);
            path += ']';
        }
    }
    return path;
}

} // namespace

std::optional<DuplicateKey> firstDuplicateKey(const QByteArray& validJson) {
    std::vector<Container> open;
    const qsizetype n = validJson.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = validJson[i];
        switch (c) {
        case '{':
        case '[':
            open.push_back({c == '{', c == '{', {}, {}, 0});
            break;
        case '}':
        case ']':
            if (!open.empty())
                open.pop_back();
            break;
        case ',':
            if (!open.empty()) {
                if (open.back().object)
                    open.back().expectKey = true;
                else
                    ++open.back().index;
            }
            break;
        case '"': {
            const qsizetype start = i;
            for (++i; i < n && validJson[i] != '"'; ++i) {
                if (validJson[i] == '\\')
                    ++i; // the escaped character, a quote included
            }
            if (open.empty() || !open.back().object || !open.back().expectKey)
                break;
            Container& object = open.back();
            object.expectKey = false;
            object.lastKey = decodeString(validJson.mid(start, i - start + 1));
            if (object.keys.contains(object.lastKey))
                return DuplicateKey{pathOf(open), start};
            object.keys.insert(object.lastKey);
            break;
        }
        default:
            break;
        }
    }
    return std::nullopt;
}

std::optional<qsizetype> firstRawControlCharacter(const QByteArray& validJson) {
    bool inString = false;
    for (qsizetype i = 0; i < validJson.size(); ++i) {
        const auto c = static_cast<unsigned char>(validJson[i]);
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '\\')
            ++i; // the escaped character, a quote included
        else if (c == '"')
            inString = false;
        else if (c < 0x20)
            return i;
    }
    return std::nullopt;
}

} // namespace ledger::data
