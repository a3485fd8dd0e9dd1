#pragma once
// aedyn-cli's figures: the app's own charts, rendered off-screen from the results model. An aedyn-cli built
// without the GUI (AEDYN_BUILD_GUI=OFF) links CliNoFigures.cpp instead, which refuses every figure request.
#include "CliOptions.h"
#include "RunResults.h"

#include <QCoreApplication>

#include <memory>

// A QApplication on the off-screen platform when figures are asked for (no display needed), otherwise a plain
// QCoreApplication, so that a run without figures stays a pure console program.
std::unique_ptr<QCoreApplication> makeCliApplication(int& argc, char** argv);
// Empty, or the sentence that names the bad figure option; checked before anything runs.
QString figureOptionsProblem(const CliOptions& options);
// Writes every --figure; empty, or the sentence naming the file and the problem.
QString writeFigures(const aedyn::RunResults& results, const CliOptions& options);
