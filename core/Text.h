#pragma once
// Small text helpers shared by the parsers of parameters, presets and sweep specs.
#include <string>
#include <string_view>

namespace aedyn {

// `s` without leading and trailing blanks (spaces, tabs, CR, LF).
inline std::string trimmed(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

} // namespace aedyn
