#include "JsonDuplicateKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QString>

#include <vector>

namespace ledger::data {

namespace {

// One open object or array: its keys so far (objects) or the index of the current element (arrays),
// and how it is named in its parent.
struct Container {
    bool object = false;
    bool expectKey = false; // objects: the next string is a key (after '{' or ',')
    QSet<QString> keys;
    qsizetype index = 0; // arrays
    std::string path;
    std::string lastKey; // objects: the key whose value is being read
};

// The text of a string token; only escaped ones need a decoder, and the document is valid JSON.
QString decodeString(const QByteArray& token) {
    if (!token.contains('\\'))
        return QString::fromUtf8(token.mid(1, token.size() - 2));
    return QJsonDocument::fromJson("[" + token + "]").array().at(0).toString();
}

std::string childPath(const Container& parent) {
    if (parent.object)
        return parent.path.empty() ? parent.lastKey : parent.path + "." + parent.lastKey;
    return parent.path + "[" + std::to_string(parent.index) + "]";
}

} // namespace

std::optional<DuplicateKey> firstDuplicateKey(const QByteArray& validJson) {
    std::vector<Container> open;
    int line = 1;
    qsizetype lineStart = 0;
    const qsizetype n = validJson.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = validJson[i];
        switch (c) {
        case '\n':
            ++line;
            lineStart = i + 1;
            break;
        case '{':
        case '[': {
            Container next;
            next.object = c == '{';
            next.expectKey = next.object;
            if (!open.empty())
                next.path = childPath(open.back());
            open.push_back(std::move(next));
            break;
        }
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
            const QString key = decodeString(validJson.mid(start, i - start + 1));
            object.lastKey = key.toStdString();
            if (object.keys.contains(key)) {
                return DuplicateKey{object.path.empty() ? object.lastKey : object.path + "." + object.lastKey,
                                    line, int(start - lineStart) + 1};
            }
            object.keys.insert(key);
            break;
        }
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace ledger::data
