#pragma once
// `aedyn-cli sweep SPEC --out DIR [--task N | --gather | --slurm …]`: expands a sweep spec (core/SweepSpec.h) into
// points, runs each into DIR/point-NNNN/ (curves.csv and run.json as a single aedyn-cli run writes them, plus
// point.json), resumably; gathers DIR/summary.csv; or writes a Slurm job-array script. Documented in README,
// "Sweeps". Dispatched by cli_main before the normal options are parsed.
#include <QStringList>

// True when the arguments (argv[0] first) are a sweep command.
bool isSweepCommand(const QStringList& arguments);
// Runs the sweep command; returns the exit code (CliExitCode).
int runSweepCommand(const QStringList& arguments);
