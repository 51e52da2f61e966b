#include "portfolio/InputPath.h"

#include <charconv>

namespace ledger {

namespace {

// RFC 6901 section 4: ~1 is '/', ~0 is '~', and no other ~ escape exists.
std::optional<std::string> unescape(std::string_view token, std::string* problem) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] != '~') {
            out += token[i];
            continue;
        }
        if (i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '0' ? '~' : '/';
            ++i;
            continue;
        }
        problem->assign("\"~");
        if (i + 1 < token.size())
            problem->push_back(token[i + 1]);
        problem->append("\" is not an escape (write ~0 for ~ and ~1 for /)");
        return std::nullopt;
    }
    return out;
}

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

// RFC 6901's array index: "0" or digits without a leading zero.
std::optional<std::size_t> arrayIndex(const std::string& s) {
    if (s.empty() || (s.size() > 1 && s[0] == '0') || s.size() > 9)
        return std::nullopt;
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return v;
}

} // namespace

std::variant<InputPath, std::string> parseInputPath(std::string_view pointer) {
    if (pointer.empty())
        return std::string("is empty: name an input, e.g. /market/gpu_price/volatility");
    if (pointer.front() != '/')
        return std::string("must start with / (a JSON Pointer, e.g. /contracts/id=cw-2025/escalator)");
    InputPath path;
    std::size_t at = 1;
    while (true) {
        const std::size_t slash = pointer.find('/', at);
        const std::string_view token =
            pointer.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
        std::string problem;
        const auto key = unescape(token, &problem);
        if (!key)
            return problem;
        if (key->empty())
            return std::string("has an empty step: every step names a key, a position or id=VALUE");
        InputPathStep step{*key, arrayIndex(*key), std::nullopt};
        if (key->rfind("id=", 0) == 0) {
            step.id = key->substr(3);
            if (step.id->empty())
                return std::string("has an empty id after id=");
        }
        path.steps.push_back(std::move(step));
        if (slash == std::string_view::npos)
            break;
        at = slash + 1;
    }
    return path;
}

std::string formatInputPath(const InputPath& path) {
    std::string out;
    for (const auto& s : path.steps) {
        out += '/';
        out += escape(s.key); // appended apart: GCC 12 warns falsely (-Wrestrict) on "/" + string
    }
    return out;
}

std::string dottedInputPath(const InputPath& path) {
    std::string out;
    for (const auto& s : path.steps) {
        if (s.index) {
            out += '[';
            out += std::to_string(*s.index);
            out += ']';
        } else if (s.id) {
            out += "[id=";
            out += *s.id;
            out += ']';
        } else {
            if (!out.empty())
                out += '.';
            out += s.key;
        }
    }
    return out;
}

} // namespace ledger
