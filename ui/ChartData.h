#pragma once
// The numbers behind a chart as tidy CSV (design.md): exactly the series the chart draws (core/ChartSeries.h), one
// row per time and run. `route` is ode, sgd, kept-ode or kept-sgd (a pinned run); `run` is mean, a run index
// 1..R (when individual runs are shown), or the pin's label. The spectrum, which has no time, is one row per
// eigen-mode.
#include "ChartSeries.h"
#include "FigureExport.h"
#include "RunResults.h"

#include <QByteArray>

QByteArray tidyCsv(const aedyn::RunResults& store, FigureChart chart, const QList<PinnedCurve>& pins = {},
                   bool individualRuns = false);
// The series a chart draws (pins included for the learning curve); empty for the spectrum.
std::vector<aedyn::Series> chartSeries(const aedyn::RunResults& store, FigureChart chart,
                                       const QList<PinnedCurve>& pins = {}, bool individualRuns = false);

// Writes through a temporary file; returns an empty string or the message naming the file and the problem.
QString exportCsv(const QByteArray& csv, const QString& path);
