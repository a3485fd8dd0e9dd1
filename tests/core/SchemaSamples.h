#pragma once
// A valid value other than the default for every parameter key, so that round trips change something. A key
// added to the schema without a sample here fails the schema tests until one is given.
#include <map>
#include <string>

namespace aedyn::test {

inline const std::map<std::string, std::string>& schemaSamples()
{
    static const std::map<std::string, std::string> samples{
        {"spectrum", "powerlaw"}, {"D", "777"},           {"K", "5"},           {"M", "4"},
        {"spikes", "2.5,4,8.25"}, {"sigma", "0.3"},       {"rows", "sinusoidal"}, {"normalise", "false"},
        {"pl_amplitude", "0.25"}, {"pl_exponent", "1.75"}, {"pl_floor", "0.01"}, {"images", "cifar10"},
        {"test_images", "/data/t10k-images-idx3-ubyte.gz"}, {"datasize", "12345"}, {"activation", "relu"},
        {"tied", "true"},         {"bias", "true"},        {"bias_init", "-0.125"}, {"rule", "truncated-reference"},
        {"lr", "0.1"},            {"wd", "0.05"},          {"init", "perfect"}, {"init_std", "0.01"},
        {"runs", "7"},            {"seed", "9007199254740991"}, {"t_max", "123.456"}, {"rtol", "1e-10"},
        {"atol", "1e-12"},
    };
    return samples;
}

} // namespace aedyn::test
