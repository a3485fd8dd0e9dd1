#pragma once
// How much longer a test waits in a sanitizer build (-DAEDYN_SANITIZE=…, which defines AEDYN_SANITIZED): the
// instrumented code runs 5–20 times slower, more on a loaded machine, and a wait sized for the plain build would
// report a slow machine as a failure. Only waits scale; what is asserted stays the same.
constexpr int kSlowdown =
#ifdef AEDYN_SANITIZED
    10;
#else
    1;
#endif
