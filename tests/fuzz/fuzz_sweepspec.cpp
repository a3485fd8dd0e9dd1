// libFuzzer target: the sweep spec parser, its expansion on a preset base (capped: a spec may ask for up to a
// million points) and curves.csv read back for the summary. ConfigError and std::runtime_error are the expected
// failures.
#include "SweepSpec.h"

#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const aedyn::SweepSpec spec = aedyn::parseSweepSpec(text);
        if (spec.base.find('/') == std::string::npos && spec.base.find(".aedyn") == std::string::npos)
            aedyn::expandSweep(spec, aedyn::presetBaseConfig(spec));
    } catch (const std::runtime_error&) {
    } catch (const std::invalid_argument&) {
    }
    try {
        aedyn::parseCurveCsv(text);
    } catch (const std::runtime_error&) {
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
