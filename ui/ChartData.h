#pragma once
// The numbers behind a chart as tidy CSV (design.md): one row per time and run, columns named as in aedyn-cli's
// curves.csv. `route` is ode, sgd, kept-ode or kept-sgd (a pinned run); `run` is mean, a run index 1..R, or
// the pin's label. The spectrum, which has no time, is one row per eigen-mode.
#include "CurveStore.h"
#include "FigureExport.h"

#include <QByteArray>

QByteArray tidyCsv(const CurveStore& store, FigureChart chart, const QList<PinnedCurve>& pins = {});

// Writes through a temporary file; returns an empty string or the message naming the file and the problem.
QString exportCsv(const QByteArray& csv, const QString& path);
