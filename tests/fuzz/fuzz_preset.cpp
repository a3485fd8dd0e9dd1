// libFuzzer target: the preset parser (aedyn::parsePreset), then the parsed values applied and validated as a
// preset's are. ConfigError is the only expected failure.
#include "Presets.h"
#include "ExperimentConfig.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const aedyn::Preset p = aedyn::parsePreset("fuzz", text);
        aedyn::ExperimentConfig c;
        aedyn::applyParameters(c, p.values);
        aedyn::validate(c);
        for (const auto& [key, value] : aedyn::parameterValues(c))
            aedyn::setParameter(c, key, value);  // what is written back must read again
    } catch (const aedyn::ConfigError&) {
    }
    return 0;
}
