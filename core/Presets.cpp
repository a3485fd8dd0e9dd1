#include "Presets.h"
#include "Text.h"

#include <algorithm>
#include <sstream>

namespace aedyn {

const std::vector<std::pair<std::string, std::string>>& embeddedPresetTexts();  // generated PresetData.cpp

namespace {

std::vector<std::string> splitList(const std::string& s)
{
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, ','))
        out.push_back(trimmed(item));
    return out;
}

} // namespace

Preset parsePreset(const std::string& name, const std::string& text)
{
    Preset p;
    p.name = name;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const std::string t = trimmed(line);
        if (t.empty() || t[0] == '#')
            continue;
        const auto eq = t.find('=');
        if (eq == std::string::npos)
            throw ConfigError("preset " + name + ", line " + std::to_string(lineNo) + ": expected 'key = value'");
        const std::string key = trimmed(std::string_view(t).substr(0, eq));
        const std::string value = trimmed(std::string_view(t).substr(eq + 1));
        if (key == "title")
            p.title = value;
        else if (key == "caption")
            p.caption = value;
        else if (key == "play_with")
            p.playWith = splitList(value);
        else if (key == "lecture_view") {
            if (value != "weights" && value != "norms" && value != "spectrum" && value != "biases")
                throw ConfigError("preset " + name + ", line " + std::to_string(lineNo) + ": lecture_view '" + value +
                                  "' is not weights, norms, spectrum or biases");
            p.lectureView = value;
        }
        else
            p.values.emplace_back(key, value);
    }
    ExperimentConfig check;
    try {
        applyParameters(check, p.values);
    } catch (const ConfigError& e) {
        throw ConfigError("preset " + name + ": " + e.what());
    }
    return p;
}

const std::vector<Preset>& presets()
{
    static const std::vector<Preset> all = [] {
        // The order of the paper's story, which the GUI's preset list and lecture tour follow.
        static const std::vector<std::string> order{"fig2-sequential", "fig3-rescaling", "fig4a-tied",
                                                    "fig4b-relu-nobias", "fig4b-relu-bias", "fig5-truncated",
                                                    "fig5d-fashion-mnist", "fig6-fashion-mnist", "fig6-cifar10",
                                                    "linear", "weight-decay", "powerlaw", "sanger"};
        std::vector<Preset> list;
        for (const auto& [name, text] : embeddedPresetTexts())
            list.push_back(parsePreset(name, text));
        auto rank = [&](const Preset& p) {
            const auto it = std::find(order.begin(), order.end(), p.name);
            return std::distance(order.begin(), it);
        };
        std::stable_sort(list.begin(), list.end(),
                         [&](const Preset& a, const Preset& b) { return rank(a) < rank(b); });
        return list;
    }();
    return all;
}

const Preset* findPreset(const std::string& name)
{
    for (const Preset& p : presets())
        if (p.name == name)
            return &p;
    return nullptr;
}

ExperimentConfig presetConfig(const std::string& name)
{
    const Preset* p = findPreset(name);
    if (!p) {
        std::string known;
        for (const Preset& q : presets())
            known += (known.empty() ? "" : ", ") + q.name;
        throw ConfigError("unknown preset '" + name + "' (known: " + known + ")");
    }
    ExperimentConfig c;
    applyParameters(c, p->values);
    return c;
}

} // namespace aedyn
