// libFuzzer target: `--set key=value` values (aedyn::setParameter and applyParameters). The input is split into
// lines "key=value"; each is set on its own, then all together, then the result is validated and every value
// written back is read again. ConfigError is the only expected failure.
#include "ExperimentConfig.h"

#include <sstream>
#include <string>
#include <utility>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::vector<std::pair<std::string, std::string>> kv;
    std::string line;
    while (std::getline(in, line) && kv.size() < 64) {
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        kv.emplace_back(line.substr(0, eq), line.substr(eq + 1));
    }
    aedyn::ExperimentConfig single;
    for (const auto& [key, value] : kv) {
        try {
            aedyn::setParameter(single, key, value);
        } catch (const aedyn::ConfigError&) {
        }
    }
    try {
        aedyn::ExperimentConfig c;
        aedyn::applyParameters(c, kv);
        aedyn::validate(c);
        aedyn::ExperimentConfig again;
        for (const auto& [key, value] : aedyn::parameterValues(c))
            aedyn::setParameter(again, key, value);
    } catch (const aedyn::ConfigError&) {
    }
    return 0;
}
