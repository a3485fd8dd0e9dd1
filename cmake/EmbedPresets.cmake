# Writes a C++ source defining aedyn::embeddedPresetTexts(): the name and text of every preset file.
string(REPLACE "|" ";" FILES "${FILES}")
set(body "")
foreach(f IN LISTS FILES)
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} text)
  string(APPEND body "        {\"${name}\", R\"AEDYNPRESET(${text})AEDYNPRESET\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from resources/presets/*.preset by cmake/EmbedPresets.cmake.
#include <string>
#include <utility>
#include <vector>
namespace aedyn {
const std::vector<std::pair<std::string, std::string>>& embeddedPresetTexts()
{
    static const std::vector<std::pair<std::string, std::string>> texts{
${body}    };
    return texts;
}
} // namespace aedyn
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
