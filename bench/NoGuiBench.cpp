// Built without the GUI (AEDYN_BUILD_GUI=OFF): there is no window to measure.
#include "Benchmarks.h"

#include <cstdio>

namespace aedyn::bench {

void guiBenchmarks() { std::printf("\ngui: not built (AEDYN_BUILD_GUI=OFF)\n"); }

} // namespace aedyn::bench
