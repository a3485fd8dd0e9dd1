#pragma once
// Each benchmark section prints a small table of figures to stdout.
namespace aedyn::bench {
void sgdBenchmarks();  // SgdBench.cpp
void odeBenchmarks();  // OdeBench.cpp
void imageBenchmarks();  // ImageBench.cpp
void sweepBenchmarks();  // SweepBench.cpp
void guiBenchmarks();    // GuiBench.cpp (NoGuiBench.cpp without the GUI)
} // namespace aedyn::bench
