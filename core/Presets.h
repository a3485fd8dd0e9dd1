#pragma once
// The paper's figures as presets: resources/presets/*.preset, compiled into the library so that the CLI and the
// GUI share them and work from any directory.
#include "ExperimentConfig.h"

#include <string>
#include <utility>
#include <vector>

namespace aedyn {

struct Preset {
    std::string name;     // e.g. "fig2-sequential"
    std::string title;    // "Figure 2 — sequential learning"
    std::string caption;  // what to watch for, two or three sentences
    std::vector<std::string> playWith;  // the one or two keys a lecturer should vary
    // The chart shown beside the learning curve in lecture mode: "weights" (what the units learnt: overlaps,
    // weight vectors or images; the default), "norms" (weight norms and their power laws) or "spectrum".
    std::string lectureView = "weights";
    std::vector<std::pair<std::string, std::string>> values;
};

// Presets are the files resources/presets/*.preset, compiled into the library (shared by CLI and GUI).
const std::vector<Preset>& presets();
const Preset* findPreset(const std::string& name);
// Parses the text of a .preset file ("key = value" lines, '#' comments, title/caption/play_with/lecture_view
// entries).
Preset parsePreset(const std::string& name, const std::string& text);
// The defaults overridden by the preset's values; throws ConfigError for an unknown preset.
ExperimentConfig presetConfig(const std::string& name);

} // namespace aedyn
