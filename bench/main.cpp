// aedyn-bench [sgd|ode|images|sweep|gui]...: prints speed figures of the simulator and the theory engine.
#include "Benchmarks.h"

#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    auto wanted = [&](const char* section) {
        if (argc < 2)
            return true;
        for (int i = 1; i < argc; ++i)
            if (std::strcmp(argv[i], section) == 0)
                return true;
        return false;
    };
    std::printf("AEDyn %s benchmarks\n", AEDYN_VERSION);
    if (wanted("sgd"))
        aedyn::bench::sgdBenchmarks();
    if (wanted("ode"))
        aedyn::bench::odeBenchmarks();
    if (wanted("images"))
        aedyn::bench::imageBenchmarks();
    if (wanted("sweep"))
        aedyn::bench::sweepBenchmarks();
    if (wanted("gui"))
        aedyn::bench::guiBenchmarks();
    return 0;
}
