#include "TrainingRule.h"

namespace aedyn {

std::string_view ruleName(Rule r)
{
    switch (r) {
    case Rule::Vanilla: return "vanilla";
    case Rule::Truncated: return "truncated";
    case Rule::TruncatedReference: return "truncated-reference";
    case Rule::Sanger: return "sanger";
    }
    return "vanilla";
}

std::optional<Rule> parseRule(std::string_view name)
{
    for (Rule r : {Rule::Vanilla, Rule::Truncated, Rule::TruncatedReference, Rule::Sanger})
        if (ruleName(r) == name)
            return r;
    return std::nullopt;
}

} // namespace aedyn
