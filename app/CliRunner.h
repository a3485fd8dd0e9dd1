#pragma once
// aedyn-cli's run: builds the experiment from a preset or project plus --set, runs the ODE and the SGD into the
// results model, writes curves.csv and run.json from it, then the figures. Exit codes as README documents them.
#include "CliOptions.h"
#include "ExperimentConfig.h"

enum CliExitCode { kSuccess = 0, kRunFailed = 1, kBadInput = 2, kWriteFailed = 3, kInterrupted = 130 };

// Prints "aedyn-cli: error: MESSAGE" on stderr and returns code.
int cliFail(int code, const QString& message);

int runCli(const CliOptions& options, const QStringList& arguments);

// The run itself, from a complete config: writes options.outDir's curves.csv and run.json exactly as runCli does
// (arguments go into run.json's command_line). Used by runCli and by each point of `aedyn-cli sweep`.
int runExperiment(const aedyn::ExperimentConfig& config, const QString& preset, const CliOptions& options,
                  const QStringList& arguments);
